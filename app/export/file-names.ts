/**
 * File names every system accepts, whatever an article is titled: no characters Windows, macOS or
 * Linux reserve, no control characters, no trailing dot or space (Windows drops them), no reserved
 * device name (CON, NUL, COM1 … even with an extension), and at most `maxBytes` of UTF-8 (names are
 * limited to 255 bytes; a CJK character takes 3), cut between characters, never inside one.
 */
export function safeName(text: string, maxBytes = 120): string {
  let safe = text.normalize('NFC').replace(/[<>:"/\\|?*\p{Cc}\p{Cf}]/gu, '_').replace(/\s+/gu, ' ').trim().replace(/^[.\s]+|[.\s]+$/gu, '');
  if (RESERVED.test(safe)) safe = `_${safe}`;
  safe = truncateBytes(safe, maxBytes).replace(/[.\s]+$/u, '');
  return safe === '' ? '_' : safe;
}

/** What an issue's export is called: `<publication>_<date>_<issueId>`; the id keeps two issues of one day apart. */
export function issueFileStem(publication: string, date: string | null, issueId: number): string {
  return `${safeName(publication, 120)}_${safeName(date ?? 'undated', 20)}_${issueId}`;
}

const RESERVED = /^(con|prn|aux|nul|com[0-9¹²³]|lpt[0-9¹²³])(\.|$)/i;

export function utf8Length(text: string): number {
  let bytes = 0;
  for (const ch of text) {
    const cp = ch.codePointAt(0)!;
    bytes += cp < 0x80 ? 1 : cp < 0x800 ? 2 : cp < 0x10000 ? 3 : 4;
  }
  return bytes;
}

function truncateBytes(text: string, maxBytes: number): string {
  let out = '';
  let bytes = 0;
  for (const ch of text) {
    const size = utf8Length(ch);
    if (bytes + size > maxBytes) break;
    out += ch;
    bytes += size;
  }
  return out;
}

/**
 * Hands out names that differ from every name handed out before, compared as case-insensitive
 * file systems (Windows, macOS) compare them: `a.md`, `a-2.md`, `a-3.md`.
 */
export function nameAllocator(): (stem: string, extension: string) => string {
  const taken = new Set<string>();
  return (stem, extension) => {
    for (let k = 1; ; k++) {
      const name = `${k === 1 ? stem : `${stem}-${k}`}${extension}`;
      const key = name.normalize('NFC').toLowerCase();
      if (!taken.has(key)) {
        taken.add(key);
        return name;
      }
    }
  };
}
