import type { Page } from '@playwright/test';
import { EXPORT_FORMATS } from '../../app/export/index.js';
import { CONTINUED_PAGES } from '../support/fixtures.js';
import { edits, editorContent, expect, exportFormat, importPages, sourceLine, test } from './editor-app.js';

/** Runs a one-file export from the open dialog and reads what the browser downloads. */
async function exportOne(page: Page, format: string): Promise<string> {
  return (await exportFormat(page, format, 1)).files[0]!.bytes.toString('utf8');
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

// Issue 11's whole path in one run: two pages imported as one issue with its paper and date, the
// continued article linked, an article started by key, its QA item waived, every format exported.
test('a whole issue: imported with its details, linked, a QA item waived, exported in every format', async ({ app: page }) => {
  test.setTimeout(180_000);
  await importPages(page, CONTINUED_PAGES, { publication: '凯里日报', date: '2021-10-28' });
  const issue = page.locator('.issue', { hasText: '2021-10-28' });
  await expect(issue.locator('.page-item')).toHaveCount(2);
  await issue.locator('.page-item[title="kaili-2021-10-28-p1.txt"]').click();

  await sourceLine(page, '（转第2版）').click();
  await edits(page, () => page.keyboard.press('Shift+L'));
  await expect(page.locator('.article-index .article-continuation').first()).toHaveText('转第2版');

  // N on a body line starts an article (no "has no article" error); it has no title, which QA names.
  await sourceLine(page, '认识，压紧压实安全生产责任').click();
  await edits(page, () => page.keyboard.press('n'));
  await expect(page.getByRole('alert')).toHaveCount(0);
  // Ctrl+I works from the source pane.
  await editorContent(page).focus();
  await page.keyboard.press('Control+i');
  const view = page.getByTestId('issue-view');
  const untitled = view.locator('.qa-group[data-kind="no-title"] li', { hasText: '第 1 版 · 第 29 行' });
  await expect(untitled).toHaveCount(1);
  await untitled.getByRole('button', { name: '忽略' }).click();
  await view.getByRole('textbox', { name: '为什么可以保持原样' }).fill('原版此段接排，不另立标题');
  await view.getByRole('button', { name: '忽略' }).first().click();
  await expect(view.locator('.qa-waived')).toContainText('原版此段接排，不另立标题');
  await expect(untitled).toHaveCount(0);
  await expect(view.locator('.qa-group[data-kind="unlinked-continuation"]')).toHaveCount(0);
  await page.keyboard.press('Escape');

  await page.keyboard.press('Control+e');
  await expect(page.getByTestId('export-dialog')).toBeVisible();
  const got = new Map<string, { download: string; files: { name: string; bytes: Buffer }[] }>();
  for (const format of EXPORT_FORMATS) {
    const expected = { md: 5, txt: 4, mets: 3, alto: 2, page: 2 }[format as string] ?? 1;
    got.set(format, await exportFormat(page, format, expected));
  }
  const text = (format: string, i = 0) => got.get(format)!.files[i]!.bytes.toString('utf8');
  const records = text('jsonl').trim().split('\n').map((l) => JSON.parse(l) as { id: string; pages: { page: number }[] });
  expect(records.map((r) => r.id)).toEqual(['凯里日报/2021-10-28/p1/1', '凯里日报/2021-10-28/p1/2', '凯里日报/2021-10-28/p1/3', '凯里日报/2021-10-28/p2/2']);
  expect(records[0]!.pages.map((p) => p.page)).toEqual([1, 2]);
  expect(text('tei')).toContain('<publisher>凯里日报</publisher><date when="2021-10-28">');
  expect(got.get('md')!.download).toMatch(/\.zip$/);
  for (const file of [...got.get('md')!.files, ...got.get('txt')!.files]) expect(file.name).not.toMatch(/\ba\d+\b|…/);
  const mets = got.get('mets')!.files.find((f) => f.name.endsWith('.mets.xml'))!.bytes.toString('utf8');
  expect(mets).toContain('FILEID="ALTO_P2"');
  expect(JSON.parse(text('json')) as { continuations: unknown[] }).toMatchObject({ continuations: [{ from: { page: 1 }, to: { page: 2 } }] });
  expect(text('csv').split('\r\n').filter(Boolean)).toHaveLength(5);
});
