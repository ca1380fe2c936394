import type { Page } from '@playwright/test';
import { editorContent, edits, expect, goToLine, importPages, press, sourceLine, test } from './editor-app.js';

/** The text of the editor line the cursor is on. */
const cursorLine = (page: Page) => page.locator('.cm-activeLine');

test.describe('moving through an issue', () => {
  test('Ctrl+G goes to a source line, the article list follows, and Ctrl+I answers from the source pane', async ({ app: page }) => {
    await editorContent(page).focus();
    await page.keyboard.press('Control+g');
    const input = page.getByRole('dialog', { name: '跳到原文行' }).locator('input');
    await input.fill('999');
    await expect(page.getByRole('alert')).toContainText('本版没有第 999 行');
    await input.fill('207');
    await input.press('Enter');
    await expect(cursorLine(page)).toContainText('确保凯里市“十四五”开局之年开好局、起好步');
    await expect(page.locator('.article-index .index-row[aria-current="true"]')).toContainText('确保凯里市“十四五”开局之年开好局、起好步');

    await editorContent(page).focus();
    await page.keyboard.press('Control+i');
    await expect(page.getByTestId('issue-view')).toBeVisible();
  });

  test('F8 and Shift+F8 walk the QA items from the cursor', async ({ app: page }) => {
    const toLine = async (n: number) => {
      await editorContent(page).focus();
      await page.keyboard.press('Control+g');
      await page.getByRole('dialog', { name: '跳到原文行' }).locator('input').fill(String(n));
      await page.keyboard.press('Enter');
    };
    // The page's one open item: article a1 has no title, from line 3.
    const itemLine = '本报讯（通讯员 李靖）根据州委关于巡';
    await toLine(207);
    await page.keyboard.press('Shift+F8');
    await expect(cursorLine(page)).toContainText(itemLine);
    await toLine(207);
    await page.keyboard.press('F8');
    await expect(cursorLine(page)).toContainText(itemLine);
  });

  test('the find bar speaks the UI language', async ({ app: page }, testInfo) => {
    await editorContent(page).focus();
    await page.keyboard.press('Control+f');
    await expect(page.locator('.cm-search input[name=search]')).toHaveAttribute('placeholder', '在本版中查找');
    await expect(page.locator('.cm-search button[name=next]')).toHaveText('下一个');
    await page.screenshot({ path: testInfo.outputPath('find-bar.png') });
  });

  test('each page keeps its own scroll position', async ({ app: page }) => {
    const lines = Array.from({ length: 120 }, (_, i) => `第二页第${i + 1}行的正文，用来测试滚动位置。`).join('\n');
    await importPages(page, { name: 'second.txt', mimeType: 'text/plain', buffer: Buffer.from(lines, 'utf8') });
    // Neither the name nor the page says which paper and day: the status bar asks.
    await page.getByRole('button', { name: '哪份报纸、哪一天？✎' }).click();
    const asked = page.getByTestId('issue-details');
    await asked.locator('input[name=publication]').fill('凯里日报');
    await asked.locator('input[name=date]').fill('2021-10-29');
    await asked.getByRole('button', { name: '保存' }).click();
    await expect(page.locator('.issue', { hasText: '2021-10-29' })).toBeVisible();
    const first = page.locator('.page-item[title="000_274485b1067f232e.txt"]');
    const second = page.locator('.page-item[title="second.txt"]');
    await expect(second).toBeVisible();
    await first.click();
    await expect(sourceLine(page, '本报讯（通讯员 李靖）根据州委关于巡')).toBeVisible();

    await editorContent(page).focus();
    await page.keyboard.press('Control+g');
    await page.getByRole('dialog', { name: '跳到原文行' }).locator('input').fill('400');
    await page.keyboard.press('Enter');
    const at400 = await cursorLine(page).textContent();
    await second.click();
    await expect(sourceLine(page, '第二页第1行的正文')).toBeVisible();
    await first.click();
    await expect(cursorLine(page)).toHaveText(at400 ?? '');
    await expect(cursorLine(page)).toBeInViewport();
    await expect(sourceLine(page, '本报讯（通讯员 李靖）根据州委关于巡')).not.toBeInViewport();
  });

  test('an imported issue is named from its page header, then renamed, and a page moved into another issue', async ({ app: page }, testInfo) => {
    const header = ['凯里日报', '2021年10月28日 星期四', '第2版', '', '本报讯（记者 张三）凯里市完成住房公积金归集。会议要求，各级各部门要提高认识。', ''];
    const files = [
      { name: 'p2.txt', mimeType: 'text/plain', buffer: Buffer.from(header.join('\n'), 'utf8') },
      { name: 'p3.txt', mimeType: 'text/plain', buffer: Buffer.from(['凯里日报', '2021年10月28日', '第3版', '', '本报讯（记者 李四）第三版的稿件。', ''].join('\n'), 'utf8') },
    ];
    // The import asks first, with what the names and the page header say already filled in.
    await page.getByTestId('import-input').setInputFiles(files);
    const asked = page.getByTestId('import-dialog');
    await expect(asked.locator('input[name=publication]')).toHaveValue('凯里日报');
    await expect(asked.locator('input[name=date]')).toHaveValue('2021-10-28');
    await expect(asked.locator('input[name=firstPage]')).toHaveValue('2');
    await expect(asked.locator('input[name=publication]')).toBeFocused();
    await page.screenshot({ path: testInfo.outputPath('import-dialog.png') });
    await page.keyboard.press('Enter');
    await expect(asked).toHaveCount(0);
    const issue = page.locator('.issue', { hasText: '2021-10-28' });
    await expect(issue.locator('.page-item')).toHaveCount(2);

    await issue.getByRole('button', { name: '本期信息…' }).click();
    const dialog = page.getByTestId('issue-details');
    await dialog.locator('input[name=label]').fill('第 4521 期');
    await dialog.getByRole('button', { name: '把 p3.txt 前移' }).click();
    await expect(issue.locator('.page-item').first()).toHaveAttribute('title', 'p3.txt');
    await page.screenshot({ path: testInfo.outputPath('issue-details.png') });
    await dialog.getByRole('button', { name: '保存' }).click();
    await expect(issue.locator('.issue-label')).toHaveText('第 4521 期');

    const sample = page.locator('.issue', { hasText: '2021-01-06' });
    await sample.getByRole('button', { name: '本期信息…' }).click();
    await page.getByTestId('issue-details').getByRole('combobox', { name: '把 000_274485b1067f232e.txt 移到另一期…' }).selectOption({ label: '凯里日报 2021-10-28 第 4521 期' });
    await expect(issue.locator('.page-item')).toHaveCount(3);
  });

  test('a QA item is waived with a reason and opened again; the export dialog names open items first', async ({ app: page }, testInfo) => {
    await page.keyboard.press('Control+e');
    await expect(page.getByTestId('export-qa')).toContainText('还有 1 个待查问题：');
    await page.screenshot({ path: testInfo.outputPath('export-open-qa.png') });
    await page.keyboard.press('Escape');

    await page.keyboard.press('Control+i');
    const view = page.getByTestId('issue-view');
    await view.getByRole('button', { name: '忽略' }).click();
    await view.getByRole('textbox', { name: '为什么可以保持原样' }).fill('报眉下的短讯，原版无标题');
    await view.getByRole('button', { name: '忽略' }).click();
    await expect(view.locator('.qa-waived')).toContainText('报眉下的短讯，原版无标题');
    await expect(view.locator('.qa-group[data-kind="no-title"]')).toHaveCount(0);
    await page.screenshot({ path: testInfo.outputPath('issue-view-waived.png') });
    await view.getByRole('button', { name: '重新打开' }).click();
    await expect(view.locator('.qa-group[data-kind="no-title"]')).toHaveCount(1);
  });

  test('the shortcut sheet explains the role letters, line-end markers and colours', async ({ app: page }, testInfo) => {
    await editorContent(page).focus();
    await page.keyboard.press('?');
    const legend = page.getByTestId('legend');
    await expect(legend).toContainText('原文栏里的标记');
    await expect(legend.locator('.shortcut-row', { hasText: '引题' })).toContainText('引');
    await expect(legend).toContainText('⤶');
    await expect(legend).toContainText('⏎');
    await page.screenshot({ path: testInfo.outputPath('legend.png') });
  });

  test('hovering the gutter says what a letter, colour bar and line-end marker mean; a stray click on a marker changes nothing', async ({ app: page }, testInfo) => {
    const legend = page.getByTestId('gutter-legend');
    const marker = sourceLine(page, '本报讯（通讯员 李靖）根据州委关于巡').locator('.cm-break');
    await marker.hover();
    await expect(legend).toBeVisible();
    await expect(legend).toContainText('⤶ = 与下一行相连');
    await expect(legend).toContainText(/把握 \d+%/);
    await expect(legend).toContainText('双击或在该行按回车切换');
    await page.screenshot({ path: testInfo.outputPath('gutter-legend.png') });

    await page.locator('.cm-role-badge-mark', { hasText: /^版$/ }).first().hover();
    await expect(legend).toContainText(/^版 = /);
    await page.locator('.cm-role-badge-mark.cm-role-body').first().hover();
    await expect(legend).toContainText('· = 正文 — 不标字母');
    await page.locator('.cm-article-bar-mark').first().hover();
    await expect(legend).toContainText('彩色竖条');
    await expect(legend).toContainText('本行属于稿件 a1');
    await editorContent(page).hover();
    await expect(legend).toBeHidden();

    // one click is a stray click: the cursor goes to the line, the page stays as it was
    const revision = await page.getByTestId('save-state').getAttribute('data-revision');
    await marker.click();
    await expect(cursorLine(page)).toContainText('本报讯（通讯员 李靖）根据州委关于巡');
    await page.waitForTimeout(500);
    await expect(marker).toHaveClass(/cm-break-join/);
    await expect(page.getByTestId('save-state')).toHaveAttribute('data-revision', revision ?? '');
    // a double-click toggles it, as Enter does
    await marker.dblclick();
    await expect(marker).toHaveClass(/cm-break-paragraph/);
    await expect(page.locator('.cm-inline-edit')).toHaveCount(0);
  });

  test('an undo after later metadata changes says which edit it took back', async ({ app: page }) => {
    await goToLine(page, 4);
    await page.keyboard.press('F2');
    const input = page.locator('.cm-inline-edit');
    await input.fill('察工作的统一部署，1 月 4 日上午，州委第6');
    await edits(page, () => input.press('Enter'));
    // a metadata change after the text edit: undo does not take it back, and must say what it does
    const panel = page.getByRole('complementary', { name: /元数据|Metadata/ });
    await expect(panel.locator('.meta-form')).toHaveAttribute('data-article', 'a1');
    await panel.locator('[data-name$="-status"] label[data-value="done"]').click();
    await expect(page.getByTestId('meta-save-state')).toHaveAttribute('data-state', 'saved');

    await editorContent(page).focus();
    await edits(page, () => page.keyboard.press('Control+z'));
    await expect(page.getByTestId('history-step')).toHaveText('已撤销：更正第 4 行文字');
    await edits(page, () => page.keyboard.press('Control+Shift+z'));
    await expect(page.getByTestId('history-step')).toHaveText('已重做：更正第 4 行文字');
    await page.getByRole('button', { name: 'English', exact: true }).click();
    await expect(page.getByTestId('history-step')).toHaveText('Redid: corrected line 4 text');
    // the next edit is its own news: the note goes
    await editorContent(page).focus();
    await press(page, 'Enter');
    await expect(page.getByTestId('history-step')).toHaveCount(0);
  });

  test('the import asks for the issue details first: a corrected field is taken, Escape imports nothing', async ({ app: page }) => {
    const file = { name: 'kaili-p5.txt', mimeType: 'text/plain', buffer: Buffer.from(['凯里日报', '2021年10月28日', '第5版', '', '本报讯（记者 王五）第五版的稿件。', ''].join('\n'), 'utf8') };
    const before = await page.locator('.page-item').count();
    await page.getByTestId('import-input').setInputFiles(file);
    const asked = page.getByTestId('import-dialog');
    await expect(asked.locator('input[name=firstPage]')).toHaveValue('5');
    await page.keyboard.press('Escape');
    await expect(asked).toHaveCount(0);
    await page.waitForTimeout(300);
    await expect(page.locator('.page-item')).toHaveCount(before);

    await importPages(page, file, { publication: '黔东南日报', date: '2021-10-30', firstPage: '6' });
    const issue = page.locator('.publication', { hasText: '黔东南日报' }).locator('.issue', { hasText: '2021-10-30' });
    await expect(issue.locator('.page-item')).toHaveCount(1);
    await expect(issue.locator('.page-item')).toContainText('6');
  });
});

// The desktop menu's File → Import picks files in Electron's main process, which cannot run here; what
// it sends the page (`import:picked`) is played into browser mode's event stream, and the page's answer
// is caught on its way out: the same dialog asks, and only a confirmed import is sent, by its ticket.
test('files the desktop menu picked open the same import dialog and are imported by their ticket once confirmed', async ({ page, server }) => {
  const guess = { publication: '凯里日报', date: '2021-10-28', firstPage: 1 };
  const picked = (ticket: string) => `event: import:picked\ndata: ${JSON.stringify({ ticket, names: ['2021-10-28_p1.txt'], guess })}\n\n`;
  // The second pick comes on the stream's reconnection, held back until the first was dismissed.
  let release = () => {};
  const dismissed = new Promise<void>((resolve) => (release = resolve));
  const streams = [picked('menu-pick-ticket-0001'), picked('menu-pick-ticket-0002')];
  await page.route('**/api/events?**', async (route) => {
    const next = streams.shift();
    if (next === undefined) return route.continue();
    if (streams.length === 0) await dismissed;
    return route.fulfill({ status: 200, headers: { 'Content-Type': 'text/event-stream' }, body: `retry: 100\n${next}` });
  });
  const sent: unknown[] = [];
  await page.route('**/api/import:picked', (route) => {
    sent.push(route.request().postDataJSON());
    return route.fulfill({ status: 200, contentType: 'application/json', body: JSON.stringify({ ok: true, value: { issueId: null, files: [], imported: 0, failed: 0, skipped: 0 } }) });
  });
  await page.goto(server.url);
  const dialog = page.getByTestId('import-dialog');
  await expect(dialog.locator('input[name=publication]')).toHaveValue('凯里日报');
  await expect(dialog.locator('input[name=date]')).toHaveValue('2021-10-28');
  await expect(dialog.locator('input[name=firstPage]')).toHaveValue('1');
  await expect(dialog).toContainText('2021-10-28_p1.txt');
  await page.keyboard.press('Escape');
  await expect(dialog).toHaveCount(0);
  expect(sent).toEqual([]);
  release();

  // the stream comes back with the next pick
  await expect(dialog.locator('input[name=date]')).toHaveValue('2021-10-28');
  await dialog.locator('input[name=date]').fill('2021-10-29');
  await dialog.locator('input[name=date]').press('Enter');
  await expect(dialog).toHaveCount(0);
  await expect.poll(() => sent).toEqual([{ ticket: 'menu-pick-ticket-0002', options: { publication: '凯里日报', date: '2021-10-29', firstPage: 1 } }]);
});
