import { QA_KINDS, type QaItem, type QaKind } from '../../../app/metadata/qa.js';

/** QA items by kind, in the order the kinds are listed, kinds without items left out. */
export function groupQa(items: readonly QaItem[]): { kind: QaKind; items: QaItem[] }[] {
  return QA_KINDS.map((kind) => ({ kind, items: items.filter((i) => i.kind === kind) })).filter((g) => g.items.length > 0);
}
