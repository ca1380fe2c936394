import type { Migration } from './migration.js';

/** The columns a Reason takes in a row: its rule (NULL: no reason), confidence and detail. */
const reason = (prefix: string) => `${prefix}_rule TEXT, ${prefix}_confidence REAL, ${prefix}_detail TEXT`;
/** The same columns read out of a 001/002 JSON reason column. */
const fromJson = (column: string) =>
  `json_extract(${column}, '$.rule'), json_extract(${column}, '$.confidence'), json_extract(${column}, '$.detail')`;

/**
 * A line and the decision at its end (break, hyphen, their reasons) become one row: an import
 * wrote two rows per line (lines + line_breaks), checked three JSON reasons with json_valid and a
 * foreign key per break, and a search_dirty trigger fired for every line. Reasons are plain
 * columns now, lines are keyed by (page_id, n, part) alone (the rowid and its second index
 * answered nothing), and the search mark is set once per page write: every write of a page's
 * annotation bumps pages.revision (the page cache relies on it already), so that is the mark.
 */
export const oneRowLines: Migration = {
  version: 6,
  name: 'one_row_lines',
  up(db) {
    db.exec(`
      DROP TRIGGER search_dirty_line_insert;
      DROP TRIGGER search_dirty_line_update;
      DROP TRIGGER search_dirty_line_delete;
      DROP TRIGGER search_dirty_break;
      DROP TRIGGER search_dirty_span_insert;
      DROP TRIGGER search_dirty_span_delete;
      DROP TRIGGER search_dirty_article_write;

      -- source is the break's author, which its reason's rule already says ('editor' or not).
      CREATE TABLE lines_v5 (
        page_id INTEGER NOT NULL REFERENCES pages(id) ON DELETE CASCADE,
        n INTEGER NOT NULL CHECK (n > 0),
        part INTEGER NOT NULL DEFAULT 0 CHECK (part >= 0),
        text TEXT NOT NULL,
        edited INTEGER CHECK (edited IN (0, 1)),
        kind TEXT NOT NULL CHECK (kind IN ('join', 'paragraph')),
        hyphen TEXT CHECK (hyphen IS NULL OR hyphen IN ('keep', 'drop')),
        ${reason('label')},
        ${reason('brk')},
        ${reason('hyphen')},
        source TEXT GENERATED ALWAYS AS (CASE WHEN brk_rule = 'editor' THEN 'editor' ELSE 'engine' END) VIRTUAL,
        PRIMARY KEY (page_id, n, part)
      ) STRICT, WITHOUT ROWID;

      INSERT INTO lines_v5 (page_id, n, part, text, edited, kind, hyphen, label_rule, label_confidence, label_detail,
          brk_rule, brk_confidence, brk_detail, hyphen_rule, hyphen_confidence, hyphen_detail)
        SELECT l.page_id, l.n, l.part, l.text, l.edited, b.kind, b.hyphen, ${fromJson('l.label_reason')},
          ${fromJson('b.reason')}, ${fromJson('b.hyphen_reason')}
        FROM lines l JOIN line_breaks b ON b.page_id = l.page_id AND b.n = l.n AND b.part = l.part;

      DROP TABLE line_breaks;
      DROP TABLE lines;
      ALTER TABLE lines_v5 RENAME TO lines;

      -- A correction typed straight into the table is still noticed; writes through the store
      -- bump the revision, which marks the page once however many rows it wrote.
      CREATE TRIGGER search_dirty_line_text AFTER UPDATE OF text ON lines BEGIN
        INSERT OR IGNORE INTO search_dirty (page_id) VALUES (new.page_id);
      END;
      CREATE TRIGGER search_dirty_page_write AFTER UPDATE OF revision ON pages BEGIN
        INSERT OR IGNORE INTO search_dirty (page_id) VALUES (new.id);
      END;
    `);
  },
};
