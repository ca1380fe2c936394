const escape = (c: string) => c.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/**
 * `text` cut into runs with the query's matches marked. Spaces between the query's characters in
 * the text are allowed (an OCR line reads `凯 里`, and search finds it), and case does not matter.
 * A line whose match runs on into the next line (`…关于巡` + `察…`) has the part it holds marked.
 */
export function highlightRuns(text: string, query: string): { text: string; match: boolean }[] {
  const chars = [...query.normalize('NFKC').replace(/\s+/g, '')];
  if (chars.length === 0) return [{ text, match: false }];
  const pattern = new RegExp(chars.map(escape).join('\\s*'), 'giu');
  if (!pattern.test(text)) return brokenAtEnd(text, chars);
  pattern.lastIndex = 0;
  const runs: { text: string; match: boolean }[] = [];
  let at = 0;
  for (const m of text.matchAll(pattern)) {
    if (m[0] === '') continue;
    if (m.index > at) runs.push({ text: text.slice(at, m.index), match: false });
    runs.push({ text: m[0], match: true });
    at = m.index + m[0].length;
  }
  if (at < text.length || runs.length === 0) runs.push({ text: text.slice(at), match: false });
  return runs;
}

/** The longest head of the query that ends the text, marked: the rest of the match is on the next line. */
function brokenAtEnd(text: string, chars: readonly string[]): { text: string; match: boolean }[] {
  for (let n = chars.length - 1; n > 0; n--) {
    const m = new RegExp(`${chars.slice(0, n).map(escape).join('\\s*')}\\s*$`, 'iu').exec(text);
    if (m) return [...(m.index > 0 ? [{ text: text.slice(0, m.index), match: false }] : []), { text: m[0], match: true }];
  }
  return [{ text, match: false }];
}
