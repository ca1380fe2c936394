/**
 * What an issue's and its pages' file and folder names say, when the editor did not say it:
 * the date (2021-01-06, 20210106), the page order (p01, page-2, a leading number) and the
 * publication (the folder name without its date).
 */

const DATE = /(?<!\d)(\d{4})([-_.]?)(\d{2})\2(\d{2})(?!\d)/g;

/** The first real calendar date written in `name`, as YYYY-MM-DD. */
export function dateFromName(name: string): string | null {
  for (const m of name.matchAll(DATE)) {
    const [, y, , mo, d] = m;
    const date = `${y}-${mo}-${d}`;
    const year = Number(y);
    const parsed = new Date(`${date}T00:00:00Z`);
    if (year >= 1800 && year <= 2200 && !Number.isNaN(parsed.getTime()) && parsed.toISOString().startsWith(date)) return date;
  }
  return null;
}

/** The page number a file name gives (p01, page-2, pg_3, or a leading number), ignoring dates. */
export function pageOrderFromName(fileName: string): number | null {
  const stem = stemOf(fileName).replace(DATE, ' ');
  const marked = /(?:^|[^a-z])(?:p|pg|page)[\s_-]*(\d{1,5})(?!\d)/i.exec(stem);
  const leading = marked ?? /^\s*(\d{1,5})(?!\d)/.exec(stem);
  return leading ? Number(leading[1]) : null;
}

/** A folder name as a publication name: without its date and the separators around it. */
export function publicationFromFolder(folder: string): string | null {
  const name = folder.replace(DATE, ' ').replace(/^[\s_\-.]+|[\s_\-.]+$/g, '').replace(/\s{2,}/g, ' ');
  return name === '' ? null : name;
}

/** The file name without folders (either separator) and without its extension. */
export function stemOf(fileName: string): string {
  const base = fileName.split(/[\\/]/).pop() ?? fileName;
  return base.replace(/\.[^.]+$/, '');
}

/** Pages in reading order: numbered ones by number, the rest after them by name (naturally: p2 before p10). */
export function byPageOrder<T extends { file: string; order: number | null }>(pages: readonly T[]): T[] {
  const collator = new Intl.Collator(undefined, { numeric: true });
  return [...pages].sort((a, b) => {
    if (a.order !== null && b.order !== null && a.order !== b.order) return a.order - b.order;
    if ((a.order === null) !== (b.order === null)) return a.order === null ? 1 : -1;
    return collator.compare(a.file, b.file);
  });
}
