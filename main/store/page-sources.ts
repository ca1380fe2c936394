import type Database from 'better-sqlite3';
import type { LineBox, PageGeometry, PageSourceView } from '../../app/model/geometry.js';
import { prepared } from './statements.js';

/** Keeps a PDF's bytes with its issue; its pages point at it from their geometry. */
export function insertPdfSource(db: Database.Database, issueId: number, file: string, sha256: string, bytes: Uint8Array): number {
  return Number(
    prepared(db, "INSERT INTO page_sources (issue_id, kind, file, sha256, bytes) VALUES (?, 'pdf', ?, ?, ?)")
      .run(issueId, file, sha256, Buffer.from(bytes.buffer, bytes.byteOffset, bytes.length)).lastInsertRowid,
  );
}

export function insertPageGeometry(db: Database.Database, pageId: number, geometry: PageGeometry, pdf: { sourceId: number; pageIndex: number } | null): void {
  // Boxes as [x, y, w, h, fontSize?]: a 1,000-line page stays some 30 kB.
  const lines = geometry.lines.map((b) => (b ? (b.fontSize === undefined ? [b.x, b.y, b.w, b.h] : [b.x, b.y, b.w, b.h, b.fontSize]) : null));
  prepared(db, 'INSERT INTO page_geometry (page_id, width, height, unit, lines, source_id, source_page) VALUES (?, ?, ?, ?, ?, ?, ?)')
    .run(pageId, geometry.width, geometry.height, geometry.unit, JSON.stringify(lines), pdf?.sourceId ?? null, pdf?.pageIndex ?? null);
}

interface GeometryRow {
  width: number;
  height: number;
  unit: PageGeometry['unit'];
  lines: string;
  sourceId: number | null;
  sourcePage: number | null;
}

/** The page's geometry and where its drawing comes from; null for a page imported as text. */
export function getPageSource(db: Database.Database, pageId: number): PageSourceView | null {
  const row = prepared(db, 'SELECT width, height, unit, lines, source_id AS sourceId, source_page AS sourcePage FROM page_geometry WHERE page_id = ?')
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
  };
}

export function getPdfBytes(db: Database.Database, sourceId: number): Buffer | null {
  return (prepared(db, "SELECT bytes FROM page_sources WHERE id = ? AND kind = 'pdf'").pluck().get(sourceId) as Buffer | undefined) ?? null;
}
