import type { Page } from '@playwright/test';
import { XMLParser, XMLValidator } from 'fast-xml-parser';
import type { ArticleMetadataView } from '../../app/metadata/view.js';
import { expect, exportFormat, test } from './editor-app.js';

/**
 * Issue #5 through the UI only, on the sample page: tag an article (genre, an author from the
 * library, a printed date, a person selected in the article text, one suggestion taken and one
 * refused, status done), watch the progress move, export in all six formats as downloads,
 * and search with one- and two-character Chinese queries.
 */

const A3_TITLE = '确保凯里市“十四五”开局之年开好局、起好步';
const A3_KICKER = '向必武杨波调研工业发展和项目建设情况时强调';

const panel = (page: Page) => page.getByRole('complementary', { name: /元数据|Metadata/ });
const metaSaved = (page: Page) => expect(page.getByTestId('meta-save-state')).toHaveAttribute('data-state', 'saved');

/** Reads what the library holds (never used to change it), with the page's own token. */
async function savedMeta(page: Page, articleId: string): Promise<ArticleMetadataView> {
  return page.evaluate(async (articleId) => {
    const token = new URLSearchParams(location.search).get('token') ?? '';
    const res = await fetch('/api/articles:meta:get', {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', Authorization: `Bearer ${token}` },
      body: JSON.stringify({ pageId: 1, articleId }),
    });
    return ((await res.json()) as { value: ArticleMetadataView }).value;
  }, articleId);
}

/** Presses and drags over `text` in the article pane, as an editor selects it with the mouse. */
async function selectArticleText(page: Page, articleId: string, text: string): Promise<void> {
  const box = await page.evaluate(
    ({ articleId, text }) => {
      for (const p of document.querySelectorAll(`[data-article="${articleId}"] .article-paragraph`)) {
        const node = p.firstChild;
        const at = node?.textContent?.indexOf(text) ?? -1;
        if (!node || at < 0) continue;
        const range = document.createRange();
        range.setStart(node, at);
        range.setEnd(node, at + text.length);
        range.startContainer.parentElement?.scrollIntoView({ block: 'center' });
        const rects = [...range.getClientRects()];
        const first = rects[0]!;
        const last = rects[rects.length - 1]!;
        return { x1: first.left + 1, y1: first.top + first.height / 2, x2: last.right - 1, y2: last.top + last.height / 2 };
      }
      return null;
    },
    { articleId, text },
  );
  expect(box, `“${text}” in article ${articleId}`).not.toBeNull();
  await page.mouse.move(box!.x1, box!.y1);
  await page.mouse.down();
  await page.mouse.move(box!.x2, box!.y2, { steps: 4 });
  await page.mouse.up();
  await expect.poll(() => page.evaluate(() => document.getSelection()?.toString())).toBe(text);
}

test('an article is tagged, the issue checked and exported in six formats, and the library searched, all from the UI', async ({ app: page }, testInfo) => {
  test.setTimeout(180_000);
  const shot = (name: string) => page.screenshot({ path: testInfo.outputPath(`${name}.png`) });

  await test.step('picking an article in the article list shows its metadata', async () => {
    await page.locator('[data-article="a3"] .article-title button').click();
    await expect(panel(page).locator('.meta-form')).toHaveAttribute('data-article', 'a3');
    await expect(panel(page).getByLabel('标题', { exact: true })).toHaveAttribute('placeholder', A3_TITLE);
    await expect(page.getByTestId('issue-status')).toContainText('已完成 0/8');
  });

  await test.step('genre, an author completed from the library, and a printed date', async () => {
    await panel(page).locator('[data-name$="-genre"] label[data-value="feature"]').click();
    await metaSaved(page);

    const authors = panel(page).getByRole('combobox', { name: '作者' });
    await authors.fill('李淑');
    await expect(panel(page).getByRole('option', { name: /李淑民/ })).toBeVisible();
    await authors.press('ArrowDown');
    await authors.press('Enter');
    await expect(panel(page).locator('.chip', { hasText: '李淑民' })).toBeVisible();
    await metaSaved(page);

    const date = panel(page).getByLabel('日期', { exact: true });
    await date.fill('1 月 4 日');
    await expect(panel(page).getByTestId('date-resolved')).toHaveText('= 2021-01-04');
    await date.press('Enter');
    await expect(date).toHaveValue('2021-01-04');
    await metaSaved(page);

    const saved = await savedMeta(page, 'a3');
    expect(saved.metadata).toMatchObject({ genre: 'feature', authors: ['李靖', '李淑民'], date: '2021-01-04' });
  });

  await test.step('a person is tagged by selecting Chinese text in the article pane and pressing P', async () => {
    await selectArticleText(page, 'a3', '向必武');
    await expect(page.getByRole('toolbar', { name: /向必武/ })).toBeVisible();
    await page.keyboard.press('p');
    await expect(panel(page).getByTestId('entities').locator('[data-entity="person"]', { hasText: '向必武' })).toBeVisible();
    await metaSaved(page);
    const saved = await savedMeta(page, 'a3');
    const person = saved.metadata.entities.find((e) => e.text === '向必武');
    expect(person).toMatchObject({ type: 'person' });
    expect(saved.text.slice(person!.start, person!.end)).toBe('向必武');
    // Painted over the article text in the person colour.
    await expect.poll(() => page.evaluate(() => CSS.highlights.get('galley-person')?.size ?? 0)).toBe(1);
  });

  await test.step('one suggestion is accepted and another rejected, each with one key', async () => {
    const list = panel(page).getByTestId('suggestions');
    await list.focus();
    const kicker = list.locator(`[data-suggestion="kicker:${A3_KICKER}"]`);
    while ((await kicker.getAttribute('aria-selected')) !== 'true') await page.keyboard.press('j');
    await page.keyboard.press('a');
    await expect(kicker).toHaveCount(0);
    await metaSaved(page);
    const section = list.locator('[data-suggestion="section:时政凯里"]');
    while ((await section.getAttribute('aria-selected')) !== 'true') await page.keyboard.press('ArrowDown');
    await page.keyboard.press('Backspace');
    await expect(section).toHaveCount(0);
    await metaSaved(page);
    const saved = await savedMeta(page, 'a3');
    expect(saved.metadata.kicker).toBe(A3_KICKER);
    expect(saved.metadata.section).toBeNull();
    expect(saved.metadata.dismissed).toContain('section:时政凯里');
  });

  await test.step('the issue view shows progress move when the article is marked done', async () => {
    await page.keyboard.press('Control+i');
    const view = page.getByTestId('issue-view');
    await expect(view.getByTestId('issue-progress')).toContainText('8 篇稿件中已完成 0 篇');
    await view.getByRole('button', { name: '关闭' }).click();

    await panel(page).locator('[data-name$="-status"] label[data-value="done"]').click();
    await metaSaved(page);
    await expect(page.getByTestId('issue-status')).toContainText('已完成 1/8');
    await page.getByTestId('issue-status').click();
    await expect(view.getByTestId('issue-progress')).toContainText('8 篇稿件中已完成 1 篇');
    await expect(view.getByRole('progressbar')).toHaveAttribute('aria-valuenow', '1');

    // A QA item opens its place: article a1 has no title, from line 3.
    await view.locator('.qa-group[data-kind="no-title"] .qa-item').first().click();
    await expect(view).toHaveCount(0);
    await expect(page.locator('.cm-activeLineGutter', { hasText: /^3$/ })).toBeVisible();
    await expect(panel(page).locator('.meta-form')).toHaveAttribute('data-article', 'a1');
  });

  await test.step('the issue exports in all six formats from the dialog', async () => {
    await page.keyboard.press('Control+e');
    await expect(page.getByTestId('export-dialog')).toBeVisible();

    const [json] = (await exportFormat(page, 'json', 1)).files;
    expect(json!.name).toMatch(/^凯里日报_2021-01-06_1\.json$/);
    const doc = JSON.parse(json!.bytes.toString('utf8')) as { pages: { metadata: { article: string; metadata: ArticleMetadataView['metadata'] }[] }[] };
    const a3 = doc.pages[0]!.metadata.find((m) => m.article === 'a3')!.metadata;
    expect(a3).toMatchObject({ genre: 'feature', status: 'done', date: '2021-01-04', kicker: A3_KICKER });
    expect(a3.entities).toEqual([expect.objectContaining({ type: 'person', text: '向必武', start: expect.any(Number), end: expect.any(Number) })]);

    const [jsonl] = (await exportFormat(page, 'jsonl', 1)).files;
    const lines = jsonl!.bytes.toString('utf8').trim().split('\n');
    expect(lines).toHaveLength(8);
    for (const line of lines) expect(() => JSON.parse(line) as unknown).not.toThrow();

    const { download: mdZip, files: md } = await exportFormat(page, 'md', 9);
    expect(mdZip).toBe('凯里日报_2021-01-06_1.zip');
    await expect(page.getByTestId('export-zip-hint')).toContainText('9');
    const mdA3 = md.find((f) => f.name.includes('_p01_03_'))!;
    expect(mdA3.bytes.toString('utf8')).toMatch(/^---\n[\s\S]*\n---\n/);
    expect(mdA3.bytes.toString('utf8')).toContain(A3_TITLE);
    expect(md.map((f) => f.name)).toContain('index.md');

    const { download: txtZip, files: txt } = await exportFormat(page, 'txt', 8);
    expect(txtZip).toBe('凯里日报_2021-01-06_1.zip');
    expect(txt.find((f) => f.name.includes('_p01_03_'))!.bytes.toString('utf8')).toContain(A3_TITLE);

    const [csv] = (await exportFormat(page, 'csv', 1)).files;
    expect([...csv!.bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    expect(csv!.bytes.toString('utf8')).toContain(A3_TITLE);

    const [tei] = (await exportFormat(page, 'tei', 1)).files;
    const xml = tei!.bytes.toString('utf8');
    expect(XMLValidator.validate(xml)).toBe(true);
    new XMLParser().parse(xml);
    expect(xml).toMatch(/<persName[^>]*>向必武<\/persName>/);
    expect(xml).toContain('<publicationStmt><publisher>凯里日报</publisher><date when="2021-01-06">');
    await page.getByTestId('export-dialog').getByRole('button', { name: '关闭' }).click();
  });

  await test.step('one- and two-character Chinese queries find lines, and a result opens the editor at its line', async () => {
    await page.keyboard.press('Control+Shift+f');
    const search = page.getByRole('searchbox', { name: '搜索资料库' });
    await expect(search).toBeFocused();
    await search.fill('凯');
    const results = page.getByTestId('search-results');
    await expect(results.locator('.search-hit').first()).toBeVisible();
    await expect(results.locator('mark', { hasText: /^凯$/ }).first()).toBeVisible();

    await page.getByRole('radiogroup', { name: '搜索范围' }).getByText('正文', { exact: true }).click();
    await expect(page.getByRole('radio', { name: '正文' })).toBeChecked();
    await search.fill('巡察');
    // Line 3 ends in 巡 and line 4 starts with 察: found, with the part it holds marked.
    await expect(results.locator('.search-hit[data-line="3"] mark')).toHaveText('巡');
    const hit = results.locator('.search-hit', { has: page.locator('mark', { hasText: /^巡察$/ }) }).first();
    const line = await hit.getAttribute('data-line');
    await hit.click();
    await expect(page.locator('.cm-activeLineGutter', { hasText: new RegExp(`^${line}$`) })).toBeVisible();
    await expect(page.locator('.cm-activeLine')).toContainText('巡');
  });

  await test.step('screenshots of the panel, issue view, export dialog and search, in both themes and languages', async () => {
    for (const [language, theme] of [['zh-CN', 'light'], ['zh-CN', 'dark'], ['en', 'light'], ['en', 'dark']] as const) {
      await page.getByRole('button', { name: language === 'en' ? 'English' : '中文', exact: true }).click();
      await page.getByRole('button', { name: theme === 'dark' ? /^(深色|Dark)$/ : /^(浅色|Light)$/ }).click();
      const tag = `${language}-${theme}`;
      await page.getByRole('searchbox').fill('');
      await page.locator('[data-article="a3"] .article-title button').click();
      await expect(panel(page).locator('.meta-form')).toHaveAttribute('data-article', 'a3');
      await selectArticleText(page, 'a3', '杨波');
      await shot(`metadata-panel-${tag}`);
      await page.keyboard.press('Escape');

      await page.getByTestId('issue-status').click();
      await expect(page.getByTestId('issue-progress')).toBeVisible();
      await shot(`issue-view-${tag}`);
      await page.keyboard.press('Escape');

      await page.keyboard.press('Control+e');
      const dialog = page.getByTestId('export-dialog');
      await dialog.locator('label[data-format="md"]').click();
      await dialog.getByRole('button', { name: /^(导出|Export)$/ }).click();
      await expect(dialog.getByTestId('export-result')).toBeVisible();
      await shot(`export-dialog-${tag}`);
      await page.keyboard.press('Escape');

      await page.keyboard.press('Control+Shift+f');
      await page.getByRole('searchbox').fill('凯里');
      await expect(page.getByTestId('search-results').locator('.search-hit').first()).toBeVisible();
      await shot(`search-results-${tag}`);
    }
  });
});
