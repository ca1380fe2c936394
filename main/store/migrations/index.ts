import type { Migration } from './migration.js';
import { initial } from './001_initial.js';
import { edits } from './002_edits.js';
import { metadata } from './003_metadata.js';
import { deferredSearch } from './004_deferred_search.js';
import { termIndex } from './005_term_index.js';
import { oneRowLines } from './006_one_row_lines.js';
import { pageProposals } from './007_page_proposals.js';
import { searchLineText } from './008_search_line_text.js';
import { dropTagTables } from './009_drop_tag_tables.js';
import { publicationProfiles } from './010_publication_profiles.js';
import { journalEditor } from './011_journal_editor.js';
import { pageSources } from './012_page_sources.js';
import { articleLinks } from './013_article_links.js';
import { pageImages } from './014_page_images.js';
import { trash } from './015_trash.js';
import { importRuns } from './016_import_runs.js';
import { trashRows } from './017_trash_rows.js';

/** Every migration, oldest first; a new one is a new NNN_name.ts file appended here. */
export const MIGRATIONS: readonly Migration[] = [initial, edits, metadata, deferredSearch, termIndex, oneRowLines, pageProposals, searchLineText, dropTagTables, publicationProfiles, journalEditor, pageSources, articleLinks, pageImages, trash, importRuns, trashRows];

export const LATEST_SCHEMA_VERSION = MIGRATIONS.length;
