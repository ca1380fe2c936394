/**
 * The matching blocks of Python's difflib.SequenceMatcher(None, a, b, autojunk=False), element for
 * element, so our scores equal the reference scorer's. Sequences are arrays of code points, as
 * Python indexes strings.
 */
export interface MatchBlock {
  a: number;
  b: number;
  size: number;
}

export function matchingBlocks(a: readonly string[], b: readonly string[]): MatchBlock[] {
  const b2j = new Map<string, number[]>();
  b.forEach((x, j) => {
    const list = b2j.get(x);
    if (list) list.push(j);
    else b2j.set(x, [j]);
  });
  const longest = (alo: number, ahi: number, blo: number, bhi: number): MatchBlock => {
    let besti = alo;
    let bestj = blo;
    let bestsize = 0;
    let j2len = new Map<number, number>();
    for (let i = alo; i < ahi; i++) {
      const next = new Map<number, number>();
      for (const j of b2j.get(a[i]!) ?? []) {
        if (j < blo) continue;
        if (j >= bhi) break;
        const k = (j2len.get(j - 1) ?? 0) + 1;
        next.set(j, k);
        if (k > bestsize) {
          besti = i - k + 1;
          bestj = j - k + 1;
          bestsize = k;
        }
      }
      j2len = next;
    }
    while (besti > alo && bestj > blo && a[besti - 1] === b[bestj - 1]) {
      besti--;
      bestj--;
      bestsize++;
    }
    while (besti + bestsize < ahi && bestj + bestsize < bhi && a[besti + bestsize] === b[bestj + bestsize]) bestsize++;
    return { a: besti, b: bestj, size: bestsize };
  };
  const queue: [number, number, number, number][] = [[0, a.length, 0, b.length]];
  const blocks: MatchBlock[] = [];
  while (queue.length) {
    const [alo, ahi, blo, bhi] = queue.pop()!;
    const m = longest(alo, ahi, blo, bhi);
    if (m.size) {
      blocks.push(m);
      if (alo < m.a && blo < m.b) queue.push([alo, m.a, blo, m.b]);
      if (m.a + m.size < ahi && m.b + m.size < bhi) queue.push([m.a + m.size, ahi, m.b + m.size, bhi]);
    }
  }
  blocks.sort((x, y) => x.a - y.a || x.b - y.b || x.size - y.size);
  const out: MatchBlock[] = [];
  let cur: MatchBlock = { a: 0, b: 0, size: 0 };
  for (const m of blocks) {
    if (cur.a + cur.size === m.a && cur.b + cur.size === m.b) cur = { ...cur, size: cur.size + m.size };
    else {
      if (cur.size) out.push(cur);
      cur = m;
    }
  }
  if (cur.size) out.push(cur);
  out.push({ a: a.length, b: b.length, size: 0 });
  return out;
}
