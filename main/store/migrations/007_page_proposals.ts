import type { Migration } from './migration.js';

/**
 * A page nobody has corrected yet keeps the engine's decisions in pages.proposal (see
 * store/annotation/proposal.ts) instead of a row per line, so an import writes each page's text once. NULL
 * (every page a library had before this step) means the page's lines, spans and articles are
 * rows. proposal_articles is how many articles the proposal has, so the library tree need not
 * parse every proposal to count them.
 */
export const pageProposals: Migration = {
  version: 7,
  name: 'page_proposals',
  up(db) {
    db.exec(`
      ALTER TABLE pages ADD COLUMN proposal TEXT;
      ALTER TABLE pages ADD COLUMN proposal_articles INTEGER CHECK ((proposal IS NULL) = (proposal_articles IS NULL));
    `);
  },
};
