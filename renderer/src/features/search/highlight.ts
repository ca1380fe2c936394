/**
 * `text` cut into runs with the query's matches marked. Spaces between the query's characters in
 * the text are allowed (an OCR line reads `凯 里`, and search finds it), and case does not matter.
 */
export function highlightRuns(text: string, query: string): { text: string; match: boolean }[] {
  const chars = [...query.normalize('NFKC').replace(/\s+/g, '')];
  if (chars.length === 0) return [{ text, match: false }];
  const pattern = new RegExp(chars.map((c) => c.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')).join('\\s*'), 'giu');
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
