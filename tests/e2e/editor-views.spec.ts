import { expect, goToLine, sourceLine, test } from './editor-app.js';

const VIEWS = [
  { theme: '浅色', themeEn: 'Light', language: 'zh-CN' },
  { theme: '深色', themeEn: 'Dark', language: 'zh-CN' },
  { theme: '浅色', themeEn: 'Light', language: 'en' },
  { theme: '深色', themeEn: 'Dark', language: 'en' },
] as const;

test('the editor in both themes and both languages, a paragraph and its source lines lit', async ({ app: page }, testInfo) => {
  await page.getByTestId('article-list').locator('.article-card').nth(1).locator('.article-paragraph').nth(1).hover();
  await expect(page.locator('.cm-highlighted-line').first()).toBeVisible();
  for (const view of VIEWS) {
    if (view.language === 'en') await page.getByRole('button', { name: 'English' }).click();
    await page.getByRole('button', { name: view.language === 'en' ? view.themeEn : view.theme, exact: true }).click();
    await expect(page.locator('html')).toHaveAttribute('data-theme', view.theme === '浅色' ? 'light' : 'dark');
    await goToLine(page, 134);
    await page.getByTestId('article-list').locator('.article-card').nth(1).locator('.article-paragraph').nth(1).hover();
    await expect(page.locator('.cm-highlighted-line').first()).toBeVisible();
    await expect(sourceLine(page, '市委常委会召开（扩大）会议').first()).toBeVisible();
    const name = `editor-${view.theme === '浅色' ? 'light' : 'dark'}-${view.language}.png`;
    await page.screenshot({ path: testInfo.outputPath(name) });
  }
  await page.keyboard.press('Control+k');
  await page.getByRole('dialog').getByRole('textbox').fill('合并');
  await page.screenshot({ path: testInfo.outputPath('palette-dark-en.png') });
  await page.keyboard.press('Escape');
  await goToLine(page, 134);
  await page.locator('.cm-activeLine').click({ button: 'right' });
  await expect(page.getByRole('menu', { name: 'Editor menu' }).last()).toBeVisible();
  await page.screenshot({ path: testInfo.outputPath('context-menu-dark-en.png') });
});
