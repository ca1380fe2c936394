import { applyEditToPage } from '../edits/edits.js';
import { getPage } from '../library/library.js';
import { learnPage } from '../publication/profile.js';
import type { LibraryBench } from './library.js';
import { type BenchSection, p95, round, timeEach } from './section.js';

/** Pages of one publication an editor marks done in the bench: about a month of a daily's front pages. */
const LEARNED = 30;

/**
 * The learned profile in the store: marking a page done (read it, learn from it, write the profile,
 * one transaction), then learning again from a page edited since, which recomputes the profile from
 * every page learned (what keeps a page from counting twice).
 */
export const learnSection: BenchSection<LibraryBench> = {
  name: 'learn (mark a page done; re-learn an edited one)',
  async run(ctx) {
    const ids = ctx.pageIds.slice(0, LEARNED);
    const done = timeEach(ids, (id) => learnPage(ctx.lib.db, id, true));
    const again = ids.slice(0, 5).map((id) => {
      const first = getPage(ctx.lib.db, id).annotation.lines.find((l) => l.label?.kind === 'article');
      if (first) applyEditToPage(ctx.lib.db, id, { op: 'toggleBreak', n: first.n, part: first.part });
      return id;
    });
    const relearn = timeEach(again, (id) => learnPage(ctx.lib.db, id, false));
    return {
      table: [
        `mark a page done: p95 ${p95(done).toFixed(2)} ms over ${ids.length} pages`,
        `re-learn an edited page (profile recomputed from ${ids.length} pages): p95 ${p95(relearn).toFixed(1)} ms`,
      ],
      figures: { learn_store_p95_ms: round(p95(done), 2), relearn_p95_ms: round(p95(relearn), 1) },
    };
  },
};
