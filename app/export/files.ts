import type { ExportArticle } from './document.js';
import { safeName } from './file-names.js';

/** One file of an export: a name inside the chosen folder (no folders of its own) and its text. */
export interface ExportFile {
  name: string;
  content: string;
}

/** `01-a3-确保凯里市…`: page, article id, then the title, so files sort in reading order. */
export function articleStem(a: ExportArticle): string {
  const title = a.resolved.title ?? a.article.paragraphs[0]?.slice(0, 20) ?? '';
  return safeName(`${String(a.page.number).padStart(2, '0')}-${a.article.id}${title ? `-${title}` : ''}`, 150);
}
