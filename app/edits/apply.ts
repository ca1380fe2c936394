import type { PageAnnotation } from '../model/page.js';
import { mergeArticle, moveLines, reorderArticles, setArticleMeta, startArticle } from './article-ops.js';
import { Draft, type EditResult } from './draft.js';
import { editLine, joinLines, markFurniture, setBreak, setRole, splitLine, toggleBreak } from './line-ops.js';
import type { EditOp, EditOpName, OpOf } from './ops.js';
import { rerun } from './rerun.js';

export type { EditResult } from './draft.js';
export { applyPatch, type LineGroup, type Patch } from './patch.js';

const operations: { [K in EditOpName]: (draft: Draft, op: OpOf<K>) => void } = {
  setBreak,
  toggleBreak,
  joinLines,
  splitLine,
  editLine,
  startArticle,
  mergeArticle,
  moveLines,
  setRole,
  markFurniture,
  reorderArticles,
  setArticleMeta,
  rerun,
};

/**
 * Applies one editor operation. The page is never modified; an invalid operation throws
 * GalleyError('BAD_INPUT') before anything is produced. `patch` turns `page` into the result and
 * `inverse` turns the result back into `page`: the journal stores both for undo and redo.
 */
export function applyEdit(page: PageAnnotation, op: EditOp): EditResult {
  const draft = new Draft(page);
  (operations[op.op] as (draft: Draft, op: EditOp) => void)(draft, op);
  return draft.finish();
}
