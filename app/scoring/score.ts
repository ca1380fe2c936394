import { matchingBlocks } from './sequence-matcher.js';

/**
 * The page metrics of the reference scorer (tools/score.py of the evaluation set kept beside the repository), with the same definitions:
 * a page segmentation compared with a hand-made gold file.
 */
export interface ScoredArticle {
  spans?: { role?: string; from: number; to: number }[];
  title?: string | null;
  kicker?: string | null;
  subtitle?: string | null;
  authors?: string[] | null;
  paragraphs?: string[] | null;
  captions?: string[] | null;
}

export interface ScoredDoc {
  articles?: ScoredArticle[];
  furniture?: { role?: string; from: number; to: number }[];
}

export interface GoldDoc extends ScoredDoc {
  articles: ScoredArticle[];
  /** One label per source line (index 0 unused); null for blank lines. */
  line_labels: (string | null)[];
}

export const HEADLINE_METRICS = ['line_article_acc', 'line_role_acc', 'article_f1', 'title_acc', 'author_acc', 'paragraph_f1', 'body_text_recall'] as const;
export type Metrics = Record<(typeof HEADLINE_METRICS)[number], number> & { spurious_spaces: number; score: number };

const CJK = '\\u3000-\\u303f\\u3400-\\u4dbf\\u4e00-\\u9fff\\uff00-\\uffef\\u2018-\\u201f\\u2026';
const SPURIOUS_CJK = new RegExp(`(?<=[${CJK}])[ \\t]+(?=[${CJK}])`, 'g');
const SPURIOUS_MIXED = new RegExp(`(?<=[${CJK}])[ \\t]+(?=[0-9A-Za-z])|(?<=[0-9A-Za-z%])[ \\t]+(?=[${CJK}])`, 'g');
const ROLE_PAREN = /（通讯员[^）]*）/g;

const squash = (s: string | null | undefined): string => (s ?? '').replace(/\s+/gu, '');

type Where = [number | 'F', string | undefined];

function lineMap(doc: ScoredDoc, nonblank: ReadonlySet<number>): Map<number, Where> {
  const m = new Map<number, Where>();
  (doc.articles ?? []).forEach((a, ai) => {
    for (const sp of a.spans ?? []) for (let i = Math.trunc(sp.from); i <= Math.trunc(sp.to); i++) if (nonblank.has(i)) m.set(i, [ai, sp.role]);
  });
  for (const f of doc.furniture ?? []) for (let i = Math.trunc(f.from); i <= Math.trunc(f.to); i++) if (nonblank.has(i)) m.set(i, ['F', f.role]);
  return m;
}

function f1(tp: number, np: number, ng: number): number {
  const p = np ? tp / np : ng === 0 ? 1 : 0;
  const r = ng ? tp / ng : 1;
  return p + r === 0 ? 0 : (2 * p * r) / (p + r);
}

function paraBounds(paras: readonly string[]): { bounds: Set<number>; text: string[] } {
  const bounds = new Set<number>();
  let pos = 0;
  for (const p of paras.slice(0, -1)) {
    pos += [...squash(p)].length;
    bounds.add(pos);
  }
  return { bounds, text: [...paras.map(squash).join('')] };
}

export function scorePage(gold: GoldDoc, pred: ScoredDoc): Metrics {
  const nonblank = new Set<number>();
  gold.line_labels.forEach((lab, i) => {
    if (lab !== null) nonblank.add(i);
  });
  const g = lineMap(gold, nonblank);
  const p = lineMap(pred, nonblank);
  const ga = gold.articles;
  const pa = pred.articles ?? [];
  const linesOf = (m: Map<number, Where>, k: number) => new Set([...m].filter(([, v]) => v[0] === k).map(([i]) => i));
  const gl = ga.map((_, k) => linesOf(g, k));
  const pl = pa.map((_, k) => linesOf(p, k));
  // greedy matching, largest overlap first; ties as Python sorts tuples in reverse
  const pairs: [number, number, number][] = [];
  for (let x = 0; x < ga.length; x++) for (let y = 0; y < pa.length; y++) pairs.push([overlap(gl[x]!, pl[y]!), x, y]);
  pairs.sort((u, v) => v[0] - u[0] || v[1] - u[1] || v[2] - u[2]);
  const match = new Map<number, number>();
  const used = new Set<number>();
  for (const [ov, x, y] of pairs) {
    if (ov && !match.has(x) && !used.has(y)) {
      match.set(x, y);
      used.add(y);
    }
  }
  const inv = new Map([...match].map(([x, y]) => [y, x]));
  let okArt = 0;
  let okRole = 0;
  for (const i of nonblank) {
    const gv = g.get(i);
    const pv = p.get(i);
    if (!gv || !pv) continue;
    const same = (gv[0] === 'F' && pv[0] === 'F') || (gv[0] !== 'F' && pv[0] !== 'F' && inv.get(pv[0]) === gv[0]);
    if (same) okArt++;
    if (same && gv[1] === pv[1]) okRole++;
  }
  const n = nonblank.size;
  let exact = 0;
  for (const [x, y] of match) if (sameSet(gl[x]!, pl[y]!)) exact++;
  const sameText = (a: string | null | undefined, b: string | null | undefined) => squash(a) === squash(b);
  let tOk = 0;
  let auOk = 0;
  for (const [x, y] of match) {
    const ax = ga[x]!;
    const ay = pa[y]!;
    if (sameText(ax.title, ay.title) && sameText(ax.kicker, ay.kicker) && sameText(ax.subtitle, ay.subtitle)) tOk++;
    if (sortedKey(ax.authors) === sortedKey(ay.authors)) auOk++;
  }
  let tp = 0;
  let npred = 0;
  let ngold = 0;
  let num = 0;
  let den = 0;
  for (let x = 0; x < ga.length; x++) {
    const { bounds: gb, text: gt } = paraBounds(ga[x]!.paragraphs ?? []);
    ngold += gb.size;
    den += gt.length;
    const y = match.get(x);
    if (y === undefined) continue;
    const { bounds: pb, text: pt } = paraBounds(pa[y]!.paragraphs ?? []);
    npred += pb.size;
    const blocks = matchingBlocks(pt, gt);
    for (const b of blocks) num += b.size;
    const mapped = new Set<number>();
    for (const b of blocks) for (const q of pb) if ((b.a <= q && q < b.a + b.size) || (q === b.a + b.size && b.size)) mapped.add(b.b + (q - b.a));
    for (const q of mapped) if (gb.has(q)) tp++;
  }
  let spurious = 0;
  for (const a of pa) {
    for (const raw of [...(a.paragraphs ?? []), ...(a.captions ?? [])]) {
      const t = raw.replace(ROLE_PAREN, '');
      spurious += (t.match(SPURIOUS_CJK) ?? []).length + (t.match(SPURIOUS_MIXED) ?? []).length;
    }
  }
  const m = {
    line_article_acc: okArt / n,
    line_role_acc: okRole / n,
    article_f1: f1(exact, pa.length, ga.length),
    title_acc: tOk / ga.length,
    author_acc: auOk / ga.length,
    paragraph_f1: f1(tp, npred, ngold),
    body_text_recall: num / Math.max(1, den),
    spurious_spaces: spurious,
  };
  const mean = HEADLINE_METRICS.reduce((s, k) => s + m[k], 0) / HEADLINE_METRICS.length;
  return { ...m, score: mean * (spurious === 0 ? 1 : 0.99) };
}

function overlap(a: ReadonlySet<number>, b: ReadonlySet<number>): number {
  let n = 0;
  for (const x of a) if (b.has(x)) n++;
  return n;
}

function sameSet(a: ReadonlySet<number>, b: ReadonlySet<number>): boolean {
  return a.size === b.size && overlap(a, b) === a.size;
}

function sortedKey(xs: readonly string[] | null | undefined): string {
  return JSON.stringify([...(xs ?? [])].sort());
}
