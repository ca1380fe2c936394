import type Database from 'better-sqlite3';
import type { SourceArticle } from '../../app/engine/index.js';
import type { LineBox, PageGeometry, PageSourceView } from '../../app/model/geometry.js';
import { prepared } from './statements.js';

/** Keeps a PDF's bytes with its issue; its pages point at it from their geometry. */
export function insertPdfSource(db: Database.Database, issueId: number, file: string, sha256: string, bytes: Uint8Array): number {
  return Number(
    prepared(db, "INSERT INTO page_sources (issue_id, kind, file, sha256, bytes) VALUES (?, 'pdf', ?, ?, ?)")
      .run(issueId, file, sha256, Buffer.from(bytes.buffer, bytes.byteOffset, bytes.length)).lastInsertRowid,
  );
}

/** A stored PDF with these bytes: the row `id` if it is still there, else one the issue holds. */
export function findPdfSource(db: Database.Database, sha256: string, id: number, issueId: number): number | undefined {
  return prepared(db, "SELECT id FROM page_sources WHERE sha256 = ? AND kind = 'pdf' AND (id = ? OR issue_id = ?) ORDER BY id = ? DESC, id LIMIT 1")
    .pluck().get(sha256, id, issueId, id) as number | undefined;
}

export function insertPageGeometry(
  db: Database.Database, pageId: number, geometry: PageGeometry, pdf: { sourceId: number; pageIndex: number } | null, articles: readonly SourceArticle[] = [],
): void {
  // Boxes as [x, y, w, h, fontSize?]: a 1,000-line page stays some 30 kB.
  const lines = geometry.lines.map((b) => (b ? (b.fontSize === undefined ? [b.x, b.y, b.w, b.h] : [b.x, b.y, b.w, b.h, b.fontSize]) : null));
  prepared(db, 'INSERT INTO page_geometry (page_id, width, height, unit, lines, source_id, source_page, articles) VALUES (?, ?, ?, ?, ?, ?, ?, ?)')
    .run(pageId, geometry.width, geometry.height, geometry.unit, JSON.stringify(lines), pdf?.sourceId ?? null, pdf?.pageIndex ?? null,
      articles.length ? JSON.stringify(articles) : null);
}

/** The articles the page's source file gave (METS), its starting segmentation on every re-run; none for most pages. */
export function getSourceArticles(db: Database.Database, pageId: number): SourceArticle[] {
  const json = prepared(db, 'SELECT articles FROM page_geometry WHERE page_id = ?').pluck().get(pageId) as string | null | undefined;
  return json ? (JSON.parse(json) as SourceArticle[]) : [];
}

/** Keeps the scan given with an XML page in the library, so the library stays one file. */
export function insertPageImage(db: Database.Database, pageId: number, image: { file: string; mime: string; width: number; height: number; sha256: string; bytes: Uint8Array }): void {
  prepared(db, 'INSERT INTO page_images (page_id, file, mime, width, height, sha256, bytes) VALUES (?, ?, ?, ?, ?, ?, ?)')
    .run(pageId, image.file, image.mime, image.width, image.height, image.sha256, Buffer.from(image.bytes.buffer, image.bytes.byteOffset, image.bytes.length));
}

export function getPageImage(db: Database.Database, pageId: number): { mime: string; bytes: Buffer } | null {
  return (prepared(db, 'SELECT mime, bytes FROM page_images WHERE page_id = ?').get(pageId) as { mime: string; bytes: Buffer } | undefined) ?? null;
}

interface GeometryRow {
  width: number;
  height: number;
  unit: PageGeometry['unit'];
  lines: string;
  sourceId: number | null;
  sourcePage: number | null;
  imageMime: string | null;
  imageWidth: number | null;
  imageHeight: number | null;
}

/** The page's geometry and where its drawing comes from; null for a page imported as text. */
export function getPageSource(db: Database.Database, pageId: number): PageSourceView | null {
  const row = prepared(db, `SELECT g.width, g.height, g.unit, g.lines, g.source_id AS sourceId, g.source_page AS sourcePage,
      i.mime AS imageMime, i.width AS imageWidth, i.height AS imageHeight
    FROM page_geometry g LEFT JOIN page_images i ON i.page_id = g.page_id WHERE g.page_id = ?`)
    .get(pageId) as GeometryRow | undefined;
  if (!row) return null;
  const lines = (JSON.parse(row.lines) as (number[] | null)[]).map((l): LineBox | null => {
    if (!l) return null;
    const [x = 0, y = 0, w = 0, h = 0, fontSize] = l;
    return fontSize === undefined ? { x, y, w, h } : { x, y, w, h, fontSize };
  });
  return {
    geometry: { width: row.width, height: row.height, unit: row.unit, lines },
    pdf: row.sourceId !== null && row.sourcePage !== null ? { sourceId: row.sourceId, pageIndex: row.sourcePage } : null,
    image: row.imageMime !== null ? { mime: row.imageMime, width: row.imageWidth ?? 0, height: row.imageHeight ?? 0 } : null,
  };
}

export function getPdfBytes(db: Database.Database, sourceId: number): Buffer | null {
  return (prepared(db, "SELECT bytes FROM page_sources WHERE id = ? AND kind = 'pdf'").pluck().get(sourceId) as Buffer | undefined) ?? null;
}
