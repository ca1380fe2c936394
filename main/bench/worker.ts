import { startLibraryWorker } from '../worker/host.js';
import type { LibraryBench } from './library.js';
import { type BenchSection, p95, round } from './section.js';
import { seededRandom } from './edit-stream.js';
import { shuffled } from './synth.js';

const OPENS = 200;

/** Page open as the app makes it: a call into the library worker and the page cloned back to this thread. */
export const workerOpenSection: BenchSection<LibraryBench> = {
  name: 'page open through the library worker (as the app calls it)',
  async run(ctx) {
    const worker = startLibraryWorker({ libraryPath: ctx.lib.path, mode: 'browser', version: 'bench' });
    try {
      await worker.ready;
      const ids = shuffled(ctx.pageIds, seededRandom(5));
      const times: number[] = [];
      for (let i = 0; i < OPENS; i++) {
        const start = performance.now();
        const answer = await worker.call('pages:get', { pageId: ids[i % ids.length]! }, { emit: () => undefined });
        times.push(performance.now() - start);
        if (!answer.ok) throw new Error(`pages:get through the worker failed: ${answer.error.message}`);
      }
      return { table: [`p95 ${p95(times).toFixed(2)} ms over ${OPENS} opens`], figures: { page_open_worker_p95_ms: round(p95(times), 2) } };
    } finally {
      await worker.close();
    }
  },
};
