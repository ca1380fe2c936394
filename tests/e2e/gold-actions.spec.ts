import { readFileSync } from 'node:fs';
import type { Download } from '@playwright/test';
import type { LibraryTree, PageDetail } from '../../app/contract.js';
import { renderPage, splitLines } from '../../app/engine/index.js';
import { goldToAnnotation, type GoldPage } from '../../app/scoring/gold-annotation.js';
import { scorePage } from '../../app/scoring/score.js';
import { KAILI_GOLD, KAILI_PAGE } from '../support/fixtures.js';
import { fixFor, labelMisses } from '../support/gold-fixes.js';
import { api, expect, goToLine, importPages, press, test } from './editor-app.js';

/**
 * How many actions an editor needs to bring the 凯里日报 page to its hand-made gold in the UI:
 * import it, fix each line whose label differs (go to the line, press its role key) and each break
 * that differs (go to the line, Enter), then export. Counted by doing it, and held to the gold by
 * the scorer at the end.
 */
const KEY_OF_ROLE: Record<string, string> = { headline: 'h', kicker: 'k', subheadline: 's', byline: 'b', body: 't', caption: 'c', signature: 'g' };

test('the 凯里日报 page reaches its gold in the UI, and the actions it took are counted', async ({ app: page }, testInfo) => {
  const lines = splitLines(readFileSync(KAILI_PAGE, 'utf8'));
  const goldDoc = JSON.parse(readFileSync(KAILI_GOLD, 'utf8')) as GoldPage;
  const gold = goldToAnnotation(lines, goldDoc);
  const actions = { import: 0, labels: 0, breaks: 0, export: 0 };

  const before = await api<LibraryTree>(page, 'library:tree', {});
  const known = new Set(before.publications.flatMap((p) => p.issues.flatMap((i) => i.pages.map((pg) => pg.id))));
  await importPages(page, KAILI_PAGE);
  actions.import += 3; // the Import button, the file, Enter on the issue details it guessed
  let pageId = 0;
  await expect.poll(async () => {
    const tree = await api<LibraryTree>(page, 'library:tree', {});
    pageId = tree.publications.flatMap((p) => p.issues.flatMap((i) => i.pages)).find((pg) => !known.has(pg.id))?.id ?? 0;
    return pageId;
  }).toBeGreaterThan(0);

  const current = async () => (await api<PageDetail>(page, 'pages:get', { pageId })).annotation;
  for (const n of labelMisses(await current(), gold)) {
    const op = fixFor(gold, n);
    if (op?.op !== 'setRole') continue;
    await goToLine(page, n);
    await press(page, KEY_OF_ROLE[op.role]!);
    actions.labels += 2;
  }
  const annotation = await current();
  for (const l of annotation.lines) {
    const want = gold.lines[l.n - 1];
    if (l.label?.kind !== 'article' || want?.label?.kind !== 'article' || l.brk === want.brk) continue;
    await goToLine(page, l.n);
    await press(page, 'Enter');
    actions.breaks += 2;
  }

  const detail = await api<PageDetail>(page, 'pages:get', { pageId });
  const score = scorePage(goldDoc, renderPage(detail.annotation, detail.page));
  expect(score.line_article_acc).toBe(1);
  expect(score.line_role_acc).toBe(1);

  await page.keyboard.press('Control+e');
  const dialog = page.getByTestId('export-dialog');
  await dialog.locator('label[data-format="json"]').click();
  const downloads: Download[] = [];
  page.on('download', (d) => downloads.push(d));
  await dialog.getByRole('button', { name: /^(导出|Export)$/ }).click();
  await expect.poll(() => downloads.length).toBe(1);
  actions.export += 3;

  const total = actions.import + actions.labels + actions.breaks + actions.export;
  testInfo.annotations.push({ type: 'actions', description: JSON.stringify({ ...actions, total, score: score.score }) });
  console.log(`actions to gold: ${JSON.stringify({ ...actions, total, score: Number(score.score.toFixed(4)) })}`);
  expect(total).toBeLessThan(20);
});
