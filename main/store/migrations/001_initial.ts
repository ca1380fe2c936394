import type { Migration } from './migration.js';
import { FURNITURE_ROLES, GENRES, LINE_ROLES } from '../../../app/model/page.js';

const list = (values: readonly string[]) => values.map((v) => `'${v}'`).join(', ');
const jsonArray = (column: string) => `CHECK (json_valid(${column}) AND json_type(${column}) = 'array')`;
const jsonOrNull = (column: string) => `CHECK (${column} IS NULL OR json_valid(${column}))`;

export const initial: Migration = {
  version: 1,
  name: 'initial',
  up(db) {
    db.exec(`
      CREATE TABLE publications (
        id INTEGER PRIMARY KEY,
        name TEXT NOT NULL UNIQUE,
        created_at TEXT NOT NULL
      ) STRICT;

      CREATE TABLE issues (
        id INTEGER PRIMARY KEY,
        publication_id INTEGER NOT NULL REFERENCES publications(id) ON DELETE CASCADE,
        date TEXT CHECK (date IS NULL OR date GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]'),
        label TEXT NOT NULL,
        created_at TEXT NOT NULL
      ) STRICT;
      CREATE INDEX issues_by_publication ON issues(publication_id, date);

      -- raw_text is the decoded source exactly as imported and is never updated: every correction
      -- points back to it. line_count is a fact of raw_text, kept so the library tree needs no scan
      -- of the lines table. (issue_id, number) is not UNIQUE so reordering pages is one UPDATE.
      CREATE TABLE pages (
        id INTEGER PRIMARY KEY,
        issue_id INTEGER NOT NULL REFERENCES issues(id) ON DELETE CASCADE,
        number INTEGER NOT NULL CHECK (number > 0),
        file TEXT NOT NULL,
        raw_text TEXT NOT NULL,
        sha256 TEXT NOT NULL CHECK (length(sha256) = 64),
        encoding TEXT NOT NULL,
        line_count INTEGER NOT NULL,
        imported_at TEXT NOT NULL,
        section TEXT,
        headline_order TEXT NOT NULL DEFAULT 'unknown' CHECK (headline_order IN ('before', 'after', 'unknown')),
        UNIQUE (issue_id, sha256)
      ) STRICT;
      CREATE INDEX pages_by_issue ON pages(issue_id, number);

      -- A line is source line n of raw_text, or part k of it once an editor split it (part 0: not
      -- split), so source line numbers stay the key. edited is the annotation's mark (NULL: unsaid).
      CREATE TABLE lines (
        id INTEGER PRIMARY KEY,
        page_id INTEGER NOT NULL REFERENCES pages(id) ON DELETE CASCADE,
        n INTEGER NOT NULL CHECK (n > 0),
        part INTEGER NOT NULL DEFAULT 0 CHECK (part >= 0),
        text TEXT NOT NULL,
        edited INTEGER CHECK (edited IN (0, 1)),
        label_reason TEXT ${jsonOrNull('label_reason')},
        UNIQUE (page_id, n, part)
      ) STRICT;

      -- key is the page-scoped id of the model ('a1'); id stays stable across re-saves so tags and
      -- journal entries that point at an article survive a re-segmentation that keeps the key.
      CREATE TABLE articles (
        id INTEGER PRIMARY KEY,
        page_id INTEGER NOT NULL REFERENCES pages(id) ON DELETE CASCADE,
        key TEXT NOT NULL,
        ordinal INTEGER NOT NULL,
        genre TEXT NOT NULL CHECK (genre IN (${list(GENRES)})),
        authors TEXT NOT NULL DEFAULT '[]' ${jsonArray('authors')},
        flags TEXT NOT NULL DEFAULT '[]' ${jsonArray('flags')},
        reason TEXT ${jsonOrNull('reason')},
        UNIQUE (page_id, key)
      ) STRICT;

      -- Runs of consecutive lines with one label, from (from_n, from_part) to (to_n, to_part).
      -- Furniture is a span without an article rather than a table of its own: a line is labelled
      -- by exactly one span either way, so "which label has line n" is one indexed lookup and
      -- moving a line between furniture and an article changes one row.
      CREATE TABLE spans (
        id INTEGER PRIMARY KEY,
        page_id INTEGER NOT NULL REFERENCES pages(id) ON DELETE CASCADE,
        article_id INTEGER REFERENCES articles(id) ON DELETE CASCADE,
        role TEXT NOT NULL,
        from_n INTEGER NOT NULL,
        from_part INTEGER NOT NULL DEFAULT 0,
        to_n INTEGER NOT NULL,
        to_part INTEGER NOT NULL DEFAULT 0,
        CHECK (from_n >= 1 AND (from_n < to_n OR (from_n = to_n AND from_part <= to_part))),
        CHECK ((article_id IS NULL AND role IN (${list(FURNITURE_ROLES)}))
            OR (article_id IS NOT NULL AND role IN (${list(LINE_ROLES)})))
      ) STRICT;
      CREATE INDEX spans_by_page ON spans(page_id, from_n);
      CREATE INDEX spans_by_article ON spans(article_id);

      CREATE TABLE line_breaks (
        page_id INTEGER NOT NULL,
        n INTEGER NOT NULL,
        part INTEGER NOT NULL,
        kind TEXT NOT NULL CHECK (kind IN ('join', 'paragraph')),
        source TEXT NOT NULL CHECK (source IN ('engine', 'editor')),
        reason TEXT ${jsonOrNull('reason')},
        PRIMARY KEY (page_id, n, part),
        FOREIGN KEY (page_id, n, part) REFERENCES lines(page_id, n, part) ON DELETE CASCADE
      ) STRICT, WITHOUT ROWID;

      CREATE TABLE tags (
        id INTEGER PRIMARY KEY,
        kind TEXT NOT NULL DEFAULT 'keyword',
        name TEXT NOT NULL,
        UNIQUE (kind, name)
      ) STRICT;

      CREATE TABLE article_tags (
        article_id INTEGER NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
        tag_id INTEGER NOT NULL REFERENCES tags(id) ON DELETE CASCADE,
        PRIMARY KEY (article_id, tag_id)
      ) STRICT, WITHOUT ROWID;
      CREATE INDEX article_tags_by_tag ON article_tags(tag_id);

      -- One row per editor action: applying inverse undoes it, applying payload redoes it. A deleted
      -- page keeps its history (page_id becomes NULL) because the journal is the provenance record.
      CREATE TABLE edit_journal (
        id INTEGER PRIMARY KEY,
        page_id INTEGER REFERENCES pages(id) ON DELETE SET NULL,
        op TEXT NOT NULL,
        payload TEXT NOT NULL CHECK (json_valid(payload)),
        inverse TEXT NOT NULL CHECK (json_valid(inverse)),
        at TEXT NOT NULL,
        undone INTEGER NOT NULL DEFAULT 0 CHECK (undone IN (0, 1))
      ) STRICT;
      CREATE INDEX edit_journal_by_page ON edit_journal(page_id, id);

      -- Line search reads the text from lines (external content) so it is stored once; triggers
      -- keep the index right whatever writes a line.
      CREATE VIRTUAL TABLE line_fts USING fts5(text, content = 'lines', content_rowid = 'id', tokenize = 'trigram');
      CREATE TRIGGER lines_fts_insert AFTER INSERT ON lines BEGIN
        INSERT INTO line_fts(rowid, text) VALUES (new.id, new.text);
      END;
      CREATE TRIGGER lines_fts_delete AFTER DELETE ON lines BEGIN
        INSERT INTO line_fts(line_fts, rowid, text) VALUES ('delete', old.id, old.text);
      END;
      CREATE TRIGGER lines_fts_update AFTER UPDATE OF text ON lines BEGIN
        INSERT INTO line_fts(line_fts, rowid, text) VALUES ('delete', old.id, old.text);
        INSERT INTO line_fts(rowid, text) VALUES (new.id, new.text);
      END;

      -- An article's cleaned text is derived from its lines, so it is indexed but not stored
      -- (contentless); the annotation writer refreshes it, the trigger forgets deleted articles.
      CREATE VIRTUAL TABLE article_fts USING fts5(text, content = '', contentless_delete = 1, tokenize = 'trigram');
      CREATE TRIGGER articles_fts_delete AFTER DELETE ON articles BEGIN
        DELETE FROM article_fts WHERE rowid = old.id;
      END;
    `);
  },
};
