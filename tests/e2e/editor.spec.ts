import type { Page } from '@playwright/test';
import { edits, editDurations, editorContent, expect, goToLine, p95, press, savedSegmentation, selectLines, sourceLine, test } from './editor-app.js';

const cards = (page: Page) => page.getByTestId('article-list').locator('.article-card');
const lineNumbers = (page: Page) => page.locator('.cm-lineNumbers .cm-gutterElement');

test('an editor corrects the sample page by keyboard, mouse and menus, and finds it all after a reload', async ({ app: page }, testInfo) => {
  const firstArticle = cards(page).first();

  await test.step('the markers explain the engine: a line-end marker says why and how sure', async () => {
    const marker = sourceLine(page, '本报讯（通讯员 李靖）根据州委关于巡').locator('.cm-break');
    await expect(marker).toHaveClass(/cm-break-join/);
    await marker.hover();
    await expect(page.getByTestId('gutter-legend')).toContainText(/与下一行相连[\s\S]*把握 \d+%/);
  });

  await test.step('fix a wrong break: a double-click joins two paragraphs, Shift+Enter breaks them again', async () => {
    await expect(firstArticle.locator('.article-paragraph')).toHaveCount(4);
    await edits(page, () => sourceLine(page, '巡察工作精神。').first().locator('.cm-break').dblclick());
    await expect(firstArticle.locator('.article-paragraph')).toHaveCount(3);
    await expect(firstArticle.locator('.article-paragraph').first()).toContainText('巡察工作精神。会上，第六巡察组');
    await sourceLine(page, '巡察工作精神。').first().locator('.cm-break').hover();
    await expect(page.getByTestId('gutter-legend')).toContainText(/编辑设定/);
    await goToLine(page, 11);
    await press(page, 'Shift+Enter');
    await expect(firstArticle.locator('.article-paragraph')).toHaveCount(4);
  });

  await test.step('split a line at the cursor, then undo it', async () => {
    await goToLine(page, 3);
    await page.keyboard.press('Home');
    for (let i = 0; i < 11; i++) await page.keyboard.press('ArrowRight');
    await press(page, 'Control+Enter');
    await expect(lineNumbers(page).filter({ hasText: /^3a$/ })).toBeVisible();
    await expect(lineNumbers(page).filter({ hasText: /^3b$/ })).toBeVisible();
    await expect(sourceLine(page, '根据州委关于巡').first()).toHaveText(/^根据州委关于巡/);
    await expect(firstArticle.locator('.article-paragraph').first()).toContainText('本报讯（通讯员 李靖）根据州委关于巡察工作');
    await edits(page, () => page.keyboard.press('Control+z'));
    await expect(lineNumbers(page).filter({ hasText: /^3a$/ })).toHaveCount(0);
  });

  await test.step("edit a line's text inline; the original is one hover away", async () => {
    await goToLine(page, 4);
    await page.keyboard.press('F2');
    const input = page.locator('.cm-inline-edit');
    await expect(input).toBeFocused();
    await input.fill('察工作的统一部署，1 月 4 日上午，州委第6');
    await edits(page, () => input.press('Enter'));
    await expect(firstArticle.locator('.article-paragraph').first()).toContainText('1月4日上午，州委第6巡察组');
    await expect(page.locator('.cm-edited-mark[title^="已修改"]')).toHaveAttribute('title', /导入时为：察工作的统一部署，1 月 4 日上午，州委第六/);
  });

  await test.step('merge an article into the previous one (M) and start it again (N)', async () => {
    await goToLine(page, 59);
    await press(page, 'm');
    await expect(cards(page)).toHaveCount(7);
    await expect(firstArticle.locator('.article-title')).toHaveText('市委常委会召开（扩大）会议');
    await press(page, 'n');
    await expect(cards(page)).toHaveCount(8);
    await expect(cards(page).nth(1).locator('.article-title')).toHaveText('市委常委会召开（扩大）会议');
  });

  await test.step('move a headline printed after its body to another article and back (X)', async () => {
    await selectLines(page, 134, 134);
    await page.keyboard.press('x');
    const picker = page.getByRole('dialog');
    await expect(picker.getByRole('option')).toHaveCount(9); // eight articles and "a new article"
    await page.screenshot({ path: testInfo.outputPath('move-lines-picker.png') });
    await edits(page, () => page.keyboard.press('1'));
    await expect(firstArticle.locator('.article-title')).toHaveText('市委常委会召开（扩大）会议');
    await expect(cards(page).nth(1).locator('.article-flag', { hasText: '缺标题' })).toBeVisible();
    await goToLine(page, 134);
    await page.keyboard.press('x');
    await edits(page, () => page.keyboard.press('2'));
    await expect(cards(page).nth(1).locator('.article-title')).toHaveText('市委常委会召开（扩大）会议');
    await expect(firstArticle.locator('.article-flag', { hasText: '缺标题' })).toBeVisible();
  });

  await test.step('change roles by key and from the context menu', async () => {
    await goToLine(page, 136);
    await press(page, 'b');
    await expect(cards(page).nth(1).locator('.article-byline')).toContainText('听取市人大常委会');
    await sourceLine(page, '听取市人大常委会、市政府、市政协、市法院').click({ button: 'right' });
    const menu = page.getByRole('menu');
    await expect(menu).toBeVisible();
    await edits(page, () => menu.getByRole('menuitem', { name: /角色：副题/ }).click());
    await expect(cards(page).nth(1).locator('.article-subtitle')).toContainText('听取市人大常委会');
  });

  await test.step('undo and redo (Ctrl+Z, Ctrl+Shift+Z, Ctrl+Y)', async () => {
    await editorContent(page).focus();
    await edits(page, () => page.keyboard.press('Control+z'));
    await expect(cards(page).nth(1).locator('.article-byline')).toContainText('听取市人大常委会');
    await edits(page, () => page.keyboard.press('Control+Shift+z'));
    await expect(cards(page).nth(1).locator('.article-subtitle')).toContainText('听取市人大常委会');
    await edits(page, () => page.keyboard.press('Control+z'));
    await edits(page, () => page.keyboard.press('Control+y'));
    await expect(cards(page).nth(1).locator('.article-subtitle')).toContainText('听取市人大常委会');
  });

  await test.step('the palette finds a command in either language (Ctrl+K)', async () => {
    await page.keyboard.press('Control+k');
    const palette = page.getByRole('dialog', { name: '命令面板' });
    await palette.getByRole('textbox').fill('merge next');
    await expect(palette.getByRole('menuitem').first()).toContainText('与下一篇稿件合并');
    await page.screenshot({ path: testInfo.outputPath('palette-zh-CN.png') });
    await page.keyboard.press('Escape');
    await expect(palette).toHaveCount(0);
    await page.keyboard.press('?');
    await expect(page.getByRole('dialog', { name: '快捷键' })).toContainText('Ctrl+Shift+Z');
    await page.screenshot({ path: testInfo.outputPath('shortcuts-zh-CN.png') });
    await page.keyboard.press('Escape');
  });

  const before = await savedSegmentation(page);

  await test.step('a reload shows everything kept, and undo still reaches back through the journal', async () => {
    await page.reload();
    await expect(sourceLine(page, '察工作的统一部署，1 月 4 日上午，州委第6')).toBeVisible();
    await expect(page.locator('.cm-edited-mark[title^="已修改"]')).toHaveCount(1);
    await expect(cards(page)).toHaveCount(8);
    await expect(cards(page).nth(1).locator('.article-subtitle')).toContainText('听取市人大常委会');
    expect((await savedSegmentation(page)).segmentation).toEqual(before.segmentation);
    await goToLine(page, 1);
    await edits(page, () => page.keyboard.press('Control+z'));
    await expect(cards(page).nth(1).locator('.article-byline')).toContainText('听取市人大常委会');
  });

  const durations = await editDurations(page);
  const value = `${p95(durations).toFixed(1)} ms p95 over ${durations.length} edits after the reload`;
  testInfo.annotations.push({ type: 'edit round trip', description: value });
});
