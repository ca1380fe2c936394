import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { EditOp } from '../../app/edits/ops.js';
import { splitLines } from '../../app/engine/index.js';
import type { LineLabel, PageAnnotation } from '../../app/model/page.js';
import { goldToAnnotation, type GoldPage } from '../../app/scoring/gold-annotation.js';

// The 晶報 pages the learning tests read, and what an editor fixes on a page to reach its gold:
// the lines whose label (role, or furniture) differs, each fixed by one editor operation.

export const JINGBAO_DIR = fileURLToPath(new URL('../fixtures/jingbao/', import.meta.url));
/** Two pages an editor corrects, then the page the paper's profile should help with. */
export const JINGBAO_PAGES = ['jb_1327_1930-04-15_p1', 'jb_1331_1930-04-27_p2', 'jb_1332_1930-04-30_p2'] as const;

export interface GoldFixture {
  file: string;
  lines: string[];
  gold: PageAnnotation;
}

export function jingbaoPage(name: string): GoldFixture {
  const lines = splitLines(readFileSync(`${JINGBAO_DIR}${name}.txt`, 'utf8'));
  const gold = goldToAnnotation(lines, JSON.parse(readFileSync(`${JINGBAO_DIR}${name}.gold.json`, 'utf8')) as GoldPage);
  return { file: `${JINGBAO_DIR}${name}.txt`, lines, gold };
}

const tag = (l: LineLabel | null) => (l === null ? '' : l.kind === 'furniture' ? `F:${l.role}` : l.role);

/** Source lines (1-based) whose label differs from the gold's. */
export function labelMisses(page: PageAnnotation, gold: PageAnnotation): number[] {
  return page.lines.filter((l, i) => tag(l.label) !== tag(gold.lines[i]?.label ?? null)).map((l) => l.n);
}

/** The operation that gives line `n` its gold label (a role, or furniture); null where no single operation does. */
export function fixFor(gold: PageAnnotation, n: number): EditOp | null {
  const want = gold.lines[n - 1]?.label ?? null;
  if (want === null) return null;
  return want.kind === 'furniture' ? { op: 'markFurniture', from: n, to: n, role: want.role } : { op: 'setRole', from: n, to: n, role: want.role };
}
