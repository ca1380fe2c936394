import { applyEdit } from '../../app/edits/apply.js';
import type { EditOp } from '../../app/edits/ops.js';
import { validateAnnotation } from '../../app/edits/validate.js';
import { GalleyError } from '../../app/errors.js';
import { FURNITURE_ROLES, GENRES, LINE_ROLES, type PageAnnotation } from '../../app/model/page.js';

// Edit streams for the store's timing and durability tests. Ops are picked against the page as it
// is, and tried on it first (pure), so every op handed out is one the service must accept.

/** A small seeded generator (mulberry32), so a failing stream can be replayed from its seed. */
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

function candidate(page: PageAnnotation, random: () => number): EditOp {
  const pick = <T>(items: readonly T[]): T => items[Math.floor(random() * items.length)]!;
  const line = pick(page.lines.filter((l) => l.label !== null));
  const at = { n: line.n, ...(line.part === undefined ? {} : { part: line.part }) };
  const last = page.lines[page.lines.length - 1]!.n;
  const range = { from: line.n, to: Math.min(last, line.n + Math.floor(random() * 6)) };
  const ids = page.articles.map((a) => a.id);
  const article = pick(ids);
  switch (Math.floor(random() * 12)) {
    case 0: return { op: 'setBreak', ...at, kind: random() < 0.5 ? 'join' : 'paragraph' };
    case 1: return { op: 'toggleBreak', ...at };
    case 2: return { op: 'joinLines', ...range };
    case 3: return { op: 'splitLine', ...at, at: 1 + Math.floor(random() * Math.max(1, line.text.length - 1)) };
    case 4: return { op: 'editLine', ...at, text: pick([`${line.text}补`, line.text.slice(1), `改${line.text}`]) };
    case 5: return { op: 'startArticle', ...at };
    case 6: return { op: 'mergeArticle', article, with: random() < 0.5 ? 'previous' : 'next' };
    case 7: return { op: 'moveLines', ...range, article: random() < 0.2 ? null : article };
    case 8: return { op: 'setRole', ...range, role: pick(LINE_ROLES) };
    case 9: return { op: 'markFurniture', ...range, role: pick(FURNITURE_ROLES) };
    case 10: return { op: 'reorderArticles', order: [...ids].sort(() => random() - 0.5) };
    default: return { op: 'setArticleMeta', article, genre: pick(GENRES), authors: random() < 0.5 ? ['李靖'] : [] };
  }
}
