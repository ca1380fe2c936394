import { join } from 'node:path';
import { expect, type Page, test as base } from '@playwright/test';
import { repoRoot, startGalley } from './server.js';
import { importPages } from './editor-app.js';

const test = base.extend<{ app: Page }, { galleyUrl: string }>({
  galleyUrl: [
    // Playwright reads a fixture's dependencies from this pattern; the server depends on none.
    // eslint-disable-next-line no-empty-pattern
    async ({}, use) => {
      const server = await startGalley();
      await use(server.url);
      await server.stop();
    },
    { scope: 'worker' },
  ],
  app: async ({ page, galleyUrl }, use) => {
    const problems: string[] = [];
    page.on('pageerror', (err) => problems.push(err.message));
    // A CSP refusal is only a console message; the test fails on it like on a page error.
    page.on('console', (msg) => {
      if (msg.type() === 'error') problems.push(msg.text());
    });
    await page.goto(galleyUrl);
    await use(page);
    expect(problems, 'errors in the page').toEqual([]);
  },
});

const FIXTURE = 'kaili-2021-01-07-p2.txt';

const sourceLine = (page: Page, text: string) => page.locator('.cm-line', { hasText: text });
const lineNumber = (page: Page, n: number) => page.locator('.cm-lineNumbers .cm-gutterElement', { hasText: new RegExp(`^${n}$`) });

test('opens on the sample page, imports a second page and finds it in the library', async ({ app: page }, testInfo) => {
  await test.step('the sample page opens by itself, lines and line numbers showing', async () => {
    await expect(sourceLine(page, '本报讯（通讯员 李靖）根据州委关于巡')).toBeVisible();
    await expect(lineNumber(page, 3)).toBeVisible();
    await expect(page.getByRole('button', { name: /时政凯里|000_274485b1067f232e\.txt/ }).first()).toHaveAttribute('aria-current', 'page');
    await expect(page.getByTestId('status-counts')).toContainText(/\d+ 行/);
    await page.screenshot({ path: testInfo.outputPath('shell-zh-CN.png') });
  });

  await test.step('the UI switches to English and back', async () => {
    await page.getByRole('button', { name: 'English' }).click();
    await expect(page.getByRole('heading', { name: 'Library' })).toBeVisible();
    await expect(page.getByTestId('status-counts')).toContainText(/\d+ lines · \d+ articles?/);
    await page.screenshot({ path: testInfo.outputPath('shell-en.png') });
    await page.getByRole('button', { name: '中文' }).click();
    await expect(page.getByRole('heading', { name: '资料库' })).toBeVisible();
  });

  await test.step('a second page is imported through the file picker and opens', async () => {
    await importPages(page, join(repoRoot, 'tests', 'e2e', 'fixtures', FIXTURE));
    await expect(sourceLine(page, '本报讯（记者 王芳）1月6日，记者从市')).toBeVisible();
    await expect(page.getByRole('status')).toContainText('已导入 1 个版面');
    await expect(page.getByRole('alert')).toHaveCount(0);
  });

  await test.step('the new page is in the library and opens from there', async () => {
    const library = page.getByRole('navigation', { name: '资料库' });
    const imported = library.getByTitle(FIXTURE, { exact: true });
    await expect(imported).toBeVisible();
    await library.getByTitle('000_274485b1067f232e.txt', { exact: true }).click();
    await expect(sourceLine(page, '本报讯（通讯员 李靖）根据州委关于巡')).toBeVisible();
    await imported.click();
    await expect(imported).toHaveAttribute('aria-current', 'page');
    await expect(sourceLine(page, '生产总值同比增长5.2%，规模以上工业增')).toBeVisible();
    await page.screenshot({ path: testInfo.outputPath('imported-zh-CN.png') });
  });
});
