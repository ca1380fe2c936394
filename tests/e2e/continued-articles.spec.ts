import { readFileSync } from 'node:fs';
import type { Download, Page } from '@playwright/test';
import { CONTINUED_PAGES } from '../support/fixtures.js';
import { edits, editorContent, expect, importPages, sourceLine, test } from './editor-app.js';

/** Runs a one-file export from the open dialog and reads what the browser downloads. */
async function exportOne(page: Page, format: string): Promise<string> {
  const dialog = page.getByTestId('export-dialog');
  await dialog.locator(`label[data-format="${format}"]`).click();
  const download = page.waitForEvent('download');
  await dialog.getByRole('button', { name: /^(导出|Export)$/ }).click();
  const file: Download = await download;
  return readFileSync((await file.path())!, 'utf8');
}

test('two pages of one issue: the continued article is linked with Shift+L, undone, linked again and exported whole', async ({ app: page }, testInfo) => {
  await importPages(page, CONTINUED_PAGES);
  const issue = page.locator('.issue', { hasText: '2021-10-28' });
  await expect(issue.locator('.page-item')).toHaveCount(2);
  await issue.locator('.page-item[title="kaili-2021-10-28-p1.txt"]').click();
  await expect(sourceLine(page, '（转第2版）')).toBeVisible();

  // QA names both jump lines until they are linked.
  await page.keyboard.press('Control+i');
  const view = page.getByTestId('issue-view');
  await expect(view.locator('.qa-group[data-kind="unlinked-continuation"]')).toContainText('（上接第1版）');
  await page.keyboard.press('Escape');

  const index = page.locator('.article-index');
  const first = index.locator('.index-row', { hasText: '凯里经济开发区工业园区建设提速' });
  await sourceLine(page, '（转第2版）').click();
  await edits(page, () => page.keyboard.press('Shift+L'));
  await expect(first.locator('.article-continuation')).toHaveText('转第2版');
  await expect(index.locator('.index-elsewhere .article-continuation')).toHaveText('上接第1版');
  await page.screenshot({ path: testInfo.outputPath('continued-linked.png') });

  await edits(page, () => page.keyboard.press('Control+z'));
  await expect(index.locator('.article-continuation')).toHaveCount(0);
  await editorContent(page).focus();
  await edits(page, () => page.keyboard.press('Shift+L'));
  await expect(first.locator('.article-continuation')).toHaveText('转第2版');

  await page.keyboard.press('Control+i');
  await expect(view.locator('.qa-group[data-kind="unlinked-continuation"]')).toHaveCount(0);
  await page.keyboard.press('Escape');

  await page.keyboard.press('Control+e');
  await expect(page.getByTestId('export-dialog')).toBeVisible();
  const records = (await exportOne(page, 'jsonl')).trim().split('\n').map((l) => JSON.parse(l) as { pages: { page: number }[]; title: string | null; text: string });
  expect(records.map((r) => r.pages.map((p) => p.page))).toEqual([[1, 2], [1], [2]]);
  expect(records[0]!.title).toContain('凯里经济开发区工业园区建设提速');
  expect(records[0]!.text).toContain('生产条件。\n为加快项目落地');
  expect(records[0]!.text).not.toMatch(/转第|上接/);
  const tei = await exportOne(page, 'tei');
  expect(tei).toContain('<pb n="2"/>');
  expect(tei).not.toContain('上接第1版');
  const csv = (await exportOne(page, 'csv')).split('\r\n').filter(Boolean);
  expect(csv).toHaveLength(4);
  expect(csv[1]).toContain(',1,1; 2,a1,');
  const doc = JSON.parse(await exportOne(page, 'json')) as { continuations: unknown };
  expect(doc.continuations).toEqual([{ from: { page: 1, article: 'a1' }, to: { page: 2, article: 'a1' } }]);
});
