import { type ExportArticle, type IssueDocument, stableArticleId } from './document.js';
import { safeName } from './file-names.js';

/** One file of an export: a name inside the chosen folder (no folders of its own) and its text. */
export interface ExportFile {
  name: string;
  content: string;
}

const SLUG_CHARS = 40;

/**
 * `凯里日报_2021-10-28_p01_03_确保凯里市创建全国文明城市`: the stable article id (padded, so files
 * sort in reading order) and a slug of the title. An untitled article is named by its id alone:
 * an opening cut off mid-sentence names nothing a CMS or reader can use.
 */
export function articleStem(doc: IssueDocument, a: ExportArticle): string {
  const [publication = '', date = '', page = '', number = ''] = stableArticleId(doc, a).split('/');
  const id = `${publication}_${date}_p${page.slice(1).padStart(2, '0')}_${number.padStart(2, '0')}`;
  const slug = titleSlug(a.resolved.title ?? '');
  return safeName(slug ? `${id}_${slug}` : id, 150);
}

/** A title as a file name part: words joined by `-`, punctuation dropped, at most SLUG_CHARS characters. */
export function titleSlug(title: string): string {
  const words = title.normalize('NFC').replace(/[^\p{L}\p{N}\p{M}]+/gu, ' ').trim().split(' ').filter(Boolean);
  return [...words.join('-')].slice(0, SLUG_CHARS).join('').replace(/-+$/u, '');
}
