import { applyEdit } from '../../app/edits/apply.js';
import type { EditOp, EditOpName, OpOf } from '../../app/edits/ops.js';
import { validateAnnotation } from '../../app/edits/validate.js';
import { GalleyError } from '../../app/errors.js';
import { FURNITURE_ROLES, GENRES, LINE_ROLES, type PageAnnotation } from '../../app/model/page.js';

// Seeded edit streams for `galley bench` and the durability tests. Ops are picked against the page
// as it is, and tried on it first (pure), so every op handed out is one the store must accept.

/** A small seeded generator (mulberry32): two runs bench the same pages, a failing stream replays from its seed. */
export function seededRandom(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** An editor operation the page accepts (never `rerun`, which has its own call). */
export function randomEdit(page: PageAnnotation, random: () => number): EditOp {
  for (;;) {
    const op = candidate(page, random);
    try {
      if (validateAnnotation(applyEdit(page, op).page).length === 0) return op;
    } catch (err) {
      if (!(err instanceof GalleyError && err.code === 'BAD_INPUT')) throw err;
    }
  }
}

/**
 * One generator per editor operation but `rerun`: typed from the op list, so a new operation is a
 * compile error here until the streams (bench, durability) exercise it. Picked by index, in this order.
 */
type Generators = { [K in Exclude<EditOpName, 'rerun'>]: (g: Ingredients) => OpOf<K> };
interface Ingredients {
  random: () => number;
  pick: <T>(items: readonly T[]) => T;
  line: PageAnnotation['lines'][number];
  at: { n: number; part?: number };
  range: { from: number; to: number };
  ids: string[];
  article: string;
}
const generators: Generators = {
  setBreak: ({ at, random }) => ({ op: 'setBreak', ...at, kind: random() < 0.5 ? 'join' : 'paragraph' }),
  toggleBreak: ({ at }) => ({ op: 'toggleBreak', ...at }),
  joinLines: ({ range }) => ({ op: 'joinLines', ...range }),
  splitLine: ({ at, line, random }) => ({ op: 'splitLine', ...at, at: 1 + Math.floor(random() * Math.max(1, line.text.length - 1)) }),
  editLine: ({ at, line, pick }) => ({ op: 'editLine', ...at, text: pick([`${line.text}补`, line.text.slice(1), `改${line.text}`]) }),
  startArticle: ({ at }) => ({ op: 'startArticle', ...at }),
  mergeArticle: ({ article, random }) => ({ op: 'mergeArticle', article, with: random() < 0.5 ? 'previous' : 'next' }),
  moveLines: ({ range, article, random }) => ({ op: 'moveLines', ...range, article: random() < 0.2 ? null : article }),
  setRole: ({ range, pick }) => ({ op: 'setRole', ...range, role: pick(LINE_ROLES) }),
  markFurniture: ({ range, pick }) => ({ op: 'markFurniture', ...range, role: pick(FURNITURE_ROLES) }),
  reorderArticles: ({ ids, random }) => ({ op: 'reorderArticles', order: [...ids].sort(() => random() - 0.5) }),
  setArticleMeta: ({ article, pick, random }) => ({ op: 'setArticleMeta', article, genre: pick(GENRES), authors: random() < 0.5 ? ['李靖'] : [] }),
};
const GENERATORS = Object.values(generators) as ((g: Ingredients) => EditOp)[];

function candidate(page: PageAnnotation, random: () => number): EditOp {
  const pick = <T>(items: readonly T[]): T => items[Math.floor(random() * items.length)]!;
  const line = pick(page.lines.filter((l) => l.label !== null));
  const at = { n: line.n, ...(line.part === undefined ? {} : { part: line.part }) };
  const last = page.lines[page.lines.length - 1]!.n;
  const range = { from: line.n, to: Math.min(last, line.n + Math.floor(random() * 6)) };
  const ids = page.articles.map((a) => a.id);
  const article = pick(ids);
  return GENERATORS[Math.floor(random() * GENERATORS.length)]!({ random, pick, line, at, range, ids, article });
}
