import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { editDurations, editorContent, expect, goToLine, importPages, p95, press, sourceLine, test } from './editor-app.js';
import { repoRoot } from './server.js';

const SAMPLE = join(repoRoot, 'tests', 'fixtures', 'kaili', '000_274485b1067f232e.txt');
const COPIES = 12;

test('a 5,000-line page opens, scrolls and edits without a stall', async ({ app: page }, testInfo) => {
  test.setTimeout(120_000);
  const file = testInfo.outputPath('large-5000.txt');
  const sample = readFileSync(SAMPLE, 'utf8').replace(/\n$/, '');
  writeFileSync(file, Array.from({ length: COPIES }, () => sample).join('\n\n'));
  const lines = readFileSync(file, 'utf8').split('\n').length;
  expect(lines).toBeGreaterThan(5000);

  await importPages(page, file);
  const library = page.getByRole('navigation', { name: '资料库' });
  const large = library.getByTitle('large-5000.txt', { exact: true });
  await expect(large).toBeVisible();
  await library.getByTitle('000_274485b1067f232e.txt', { exact: true }).click();
  await expect(page.getByTestId('status-counts')).toContainText('429 行');

  const opened = Date.now();
  await large.click();
  await expect(page.getByTestId('status-counts')).toContainText(`${lines} 行`);
  await expect(page.getByTestId('article-list').locator('.article-card')).toHaveCount(8 * COPIES);
  await expect(sourceLine(page, '本报讯（通讯员 李靖）根据州委关于巡').first()).toBeVisible();
  const openMs = Date.now() - opened;

  // Frame gaps while the wheel runs through the whole page: what an editor feels as smooth or not.
  await editorContent(page).hover();
  await page.evaluate(() => {
    const gaps: number[] = [];
    let last = performance.now();
    const tick = (now: number) => {
      gaps.push(now - last);
      last = now;
      if (gaps.length < 10_000) requestAnimationFrame(tick);
    };
    requestAnimationFrame(tick);
    (window as unknown as { frameGaps: number[] }).frameGaps = gaps;
  });
  for (let i = 0; i < 60; i++) await page.mouse.wheel(0, 2000);
  const gaps = await page.evaluate(() => (window as unknown as { frameGaps: number[] }).frameGaps.slice(1));
  await expect(page.locator('.cm-lineNumbers .cm-gutterElement', { hasText: /^4\d{3}$/ }).first()).toBeVisible();

  await goToLine(page, 2600);
  for (let i = 0; i < 10; i++) await press(page, 'Enter');
  const durations = await editDurations(page);

  const report = `opened in ${openMs} ms; scrolling: frame p95 ${p95(gaps).toFixed(1)} ms, worst ${Math.max(...gaps).toFixed(1)} ms over ${gaps.length} frames; edit round trip ${p95(durations).toFixed(1)} ms p95 over ${durations.length} edits`;
  console.log(`${lines}-line page: ${report}`);
  testInfo.annotations.push({ type: `${lines}-line page`, description: report });
  await page.screenshot({ path: testInfo.outputPath('large-page.png') });
  expect(openMs).toBeLessThan(3000);
});
