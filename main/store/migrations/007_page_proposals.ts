import type { Migration } from './migration.js';

/**
 * A page nobody has corrected yet keeps the engine's decisions in pages.proposal (see
 * store/proposal.ts) instead of a row per line, so an import writes each page's text once. NULL
 * (every page a library had before this step) means the page's lines and spans are rows.
 */
export const pageProposals: Migration = {
  version: 7,
  name: 'page_proposals',
  up(db) {
    db.exec('ALTER TABLE pages ADD COLUMN proposal TEXT');
  },
};
