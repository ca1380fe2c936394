/**
 * A subsequence match score: every character of the query in order, consecutive and word-start
 * hits count more. Null when the text does not contain the query as a subsequence.
 */
export function fuzzyScore(query: string, text: string): number | null {
  const q = query.toLowerCase().replace(/\s+/g, '');
  if (q === '') return 0;
  const s = text.toLowerCase();
  let score = 0;
  let at = -1;
  for (const ch of q) {
    const found = s.indexOf(ch, at + 1);
    if (found < 0) return null;
    score += found === at + 1 ? 3 : 1;
    if (found === 0 || /[\s:：/(（]/.test(s[found - 1] ?? '')) score += 2;
    at = found;
  }
  return score - s.length / 100;
}
