import type { AnnotatedLine, ArticleMeta, LineLabel, PageAnnotation } from '../model/page.js';
import { applyPatch, linesOf, type LineGroup, type Patch, sameJson } from './patch.js';

export interface EditResult {
  page: PageAnnotation;
  patch: Patch;
  inverse: Patch;
}

const articleOf = (label: LineLabel | null): string | null => (label?.kind === 'article' ? label.article : null);

/**
 * The changes one operation makes, collected against the untouched page and turned into a patch
 * and its inverse at the end, so the new page is by construction the old one with the patch applied.
 */
export class Draft {
  private readonly groups = new Map<number, AnnotatedLine[]>();
  /** Articles some line left: removed at the end if no line names them any more. */
  private readonly left = new Set<string>();
  articles: ArticleMeta[];
  pageFields: Patch['page'];

  constructor(readonly base: PageAnnotation) {
    this.articles = base.articles;
  }

  /** Replaces the line with the same n and part. */
  put(line: AnnotatedLine): void {
    const group = this.groups.get(line.n) ?? linesOf(this.base.lines, line.n);
    const i = group.findIndex((l) => l.part === line.part);
    const old = group[i]!;
    const from = articleOf(old.label);
    if (from !== null && from !== articleOf(line.label)) this.left.add(from);
    group[i] = line;
    this.groups.set(line.n, group);
  }

  /** Replaces every line of source line n (a split). */
  putGroup(n: number, parts: AnnotatedLine[]): void {
    this.groups.set(n, parts);
  }

  finish(): EditResult {
    const lines: LineGroup[] = [];
    const undoLines: LineGroup[] = [];
    for (const n of [...this.groups.keys()].sort((a, b) => a - b)) {
      const parts = this.groups.get(n)!;
      const old = linesOf(this.base.lines, n);
      if (sameJson(parts, old)) continue;
      lines.push({ n, parts });
      undoLines.push({ n, parts: old });
    }
    const emptied = [...this.left].filter((id) => !this.stillUsed(id));
    const articles = emptied.length ? this.articles.filter((a) => !emptied.includes(a.id)) : this.articles;
    const patch: Patch = { lines };
    const inverse: Patch = { lines: undoLines };
    diffArticles(this.base.articles, articles, patch, inverse);
    if (this.pageFields) {
      const before = { section: this.base.section, headlineOrder: this.base.headlineOrder };
      if (!sameJson(before, this.pageFields)) {
        patch.page = this.pageFields;
        inverse.page = before;
      }
    }
    return { page: applyPatch(this.base, patch), patch, inverse };
  }

  private stillUsed(id: string): boolean {
    for (const group of this.groups.values()) if (group.some((l) => articleOf(l.label) === id)) return true;
    return this.base.lines.some((l) => !this.groups.has(l.n) && articleOf(l.label) === id);
  }
}

function diffArticles(before: ArticleMeta[], after: ArticleMeta[], patch: Patch, inverse: Patch): void {
  if (before === after || sameJson(before, after)) return;
  const sameList = before.length === after.length && before.every((a, i) => a.id === after[i]!.id);
  if (!sameList) {
    patch.articles = after;
    inverse.articles = before;
    return;
  }
  const changed = after.flatMap((a, i) => (sameJson(a, before[i]) ? [] : [i]));
  patch.metas = changed.map((i) => after[i]!);
  inverse.metas = changed.map((i) => before[i]!);
}
