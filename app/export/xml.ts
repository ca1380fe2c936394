/** Escapes text for element content and attribute values, dropping characters XML 1.0 forbids. */
export function esc(text: string): string {
  return text
    // eslint-disable-next-line no-control-regex -- these are exactly the characters XML 1.0 forbids
    .replace(/[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]/g, '')
    .replace(/[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g, '')
    .replaceAll('&', '&amp;').replaceAll('<', '&lt;').replaceAll('>', '&gt;').replaceAll('"', '&quot;');
}

/** An article id as part of an XML ID (an XML name): anything else becomes `_`. */
export function xmlName(id: string): string {
  return id.replace(/[^\p{L}\p{N}._-]/gu, '_');
}
