import { spawnSync } from 'node:child_process';
import { existsSync, rmSync } from 'node:fs';
import { dirname } from 'node:path';
import { describe, expect, it } from 'vitest';
import { GALLEY } from '../../../tests/support/cli.js';


// Whether the figures meet their targets is the bench's own report; here only that it runs and says them.
describe('galley bench', () => {
  it('measures a small synthetic library and ends with one JSON object holding every figure the issue asks for', () => {
    const res = spawnSync(GALLEY, ['bench', '--pages', '40', '--seconds', '0.05', '--json', '--keep'], { encoding: 'utf8' });
    expect(res.stderr).toBe('');
    expect(res.status).toBe(0);
    const lines = res.stdout.trimEnd().split('\n');
    const figures = JSON.parse(lines.at(-1)!) as Record<string, unknown>;
    expect(figures).toMatchObject({
      pages: 40,
      segment_pages_per_s: expect.any(Number), segment_ms_100000_lines: expect.any(Number), learn_ms_per_page_400: expect.any(Number), import_pages_per_s: expect.any(Number), raw_insert_ratio: expect.any(Number),
      search_p95_ms: { cjk1: expect.any(Number), cjk2: expect.any(Number), cjk3plus: expect.any(Number), latin: expect.any(Number) },
      page_open_p95_ms: expect.any(Number), edit_p95_ms: expect.any(Number), learn_store_p95_ms: expect.any(Number), relearn_p95_ms: expect.any(Number), index_pages_per_s: expect.any(Number),
      db_bytes_per_page: expect.any(Number), peak_rss_mb: expect.any(Number),
      pdf_import_16_pages_s: expect.any(Number), pdf_import_lines: expect.any(Number),
      edit_p95_ms_5000_lines: expect.any(Number), import_ms_100000_lines: expect.any(Number), page_open_ms_100000_lines: expect.any(Number),
      edit_p95_ms_100000_lines: expect.any(Number), qa_ms_100000_lines: expect.any(Number),
    });
    const kept = /^library: (.+)$/m.exec(res.stdout)?.[1];
    expect(kept && existsSync(kept)).toBe(true);
    rmSync(dirname(kept!), { recursive: true, force: true });
  }, 240_000);
});
