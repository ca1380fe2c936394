import { exportArticles, type IssueDocument } from './document.js';
import { articleStem, type ExportFile } from './files.js';
import { nameAllocator } from './file-names.js';

/** One plain-text file per article: its title parts, byline, then paragraphs separated by a blank line. */
export function toText(doc: IssueDocument): ExportFile[] {
  const allocate = nameAllocator();
  return exportArticles(doc).map((a) => {
    const r = a.resolved;
    const head = [r.kicker, r.title, r.subtitle].filter((t): t is string => Boolean(t));
    const blocks = [
      head.join('\n'),
      a.article.byline ?? '',
      ...a.article.paragraphs,
      ...a.article.captions,
      a.article.signature ?? '',
    ].filter((b) => b !== '');
    return { name: allocate(articleStem(doc, a), '.txt'), content: `${blocks.join('\n\n')}\n` };
  });
}
