import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { GALLEY } from '../../../tests/support/cli.js';

const PAGES = fileURLToPath(new URL('../../../tests/fixtures/pages', import.meta.url));
const PRINTS = fileURLToPath(new URL('../../../tests/fixtures/prints', import.meta.url));

describe('galley eval', () => {
  it('prints the learning curve and the mean after three pages as one JSON object', () => {
    const res = spawnSync(GALLEY, ['eval', PAGES, '--adapt', '--json'], { encoding: 'utf8' });
    expect(res.status, res.stderr).toBe(0);
    const out = JSON.parse(res.stdout) as { mean: number; pages: { page: string; score: number }[]; curve: { learned: number }[]; mean_after_3: number; calibration: { labels: unknown[] }; flagged: { lines: number } };
    expect(out.pages.length).toBeGreaterThan(3);
    expect(out.curve.map((c) => c.learned)).toEqual(out.pages.map((_, k) => k));
    expect(out.mean_after_3).toBeGreaterThan(0.9);
    expect(out.calibration.labels.length).toBeGreaterThan(0);
    expect(out.flagged.lines).toBeGreaterThan(0);
  });

  it('prints the calibration table and the flagged lines, and refuses --cv with --adapt', () => {
    const res = spawnSync(GALLEY, ['eval', PAGES, '--cv'], { encoding: 'utf8' });
    expect(res.status, res.stderr).toBe(0);
    expect(res.stdout).toMatch(/mode: cv/);
    expect(res.stdout).toMatch(/calibration/);
    expect(res.stdout).toMatch(/lines flagged/);
    expect(spawnSync(GALLEY, ['eval', PAGES, '--cv', '--adapt'], { encoding: 'utf8' }).status).toBe(2);
  });

  it('scores PDF prints of gold pages in the gold\'s line numbers', () => {
    const res = spawnSync(GALLEY, ['eval', PRINTS, '--json'], { encoding: 'utf8' });
    expect(res.status, res.stderr).toBe(0);
    const out = JSON.parse(res.stdout) as { mean: number; pages: { page: string; score: number }[] };
    expect(out.pages.map((p) => p.page)).toEqual(['en_chronam_1873.pdf', 'en_headline_first.pdf', 'zh_headline_first.pdf', 'zh_photo_letter_banner.pdf']);
    // the engine reads the print's sizes and columns: each page as well as from its text (0.98–1)
    for (const p of out.pages) expect(p.score, p.page).toBeGreaterThan(0.97);
    expect(out.mean).toBeGreaterThan(0.98);
  });
});
