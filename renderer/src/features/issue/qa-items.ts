import { QA_KINDS, type QaItem, type QaKind } from '../../../../app/metadata/qa.js';

/** QA items by kind, in the order the kinds are listed, kinds without items left out. */
export function groupQa(items: readonly QaItem[]): { kind: QaKind; items: QaItem[] }[] {
  return QA_KINDS.map((kind) => ({ kind, items: items.filter((i) => i.kind === kind) })).filter((g) => g.items.length > 0);
}

/**
 * What an item points at, without the server's English sentence: the quoted excerpt or names
 * (`“确保 凯里”: …`), or the line range of unassigned lines.
 */
export function qaDetail(item: QaItem): { quote: string } | { from: number; to: number } | null {
  const range = /lines? (\d+)(?:–(\d+))?/.exec(item.message);
  if (item.kind === 'unassigned-lines' && range) return { from: Number(range[1]), to: Number(range[2] ?? range[1]) };
  if (item.kind === 'detached-entity') {
    const names = /: (.+) no longer in the text$/.exec(item.message);
    if (names) return { quote: names[1]! };
  }
  const quoted = /^“(.+?)”/.exec(item.message);
  return quoted ? { quote: quoted[1]! } : null;
}
