import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { type Browser, type Page } from '@playwright/test';
import { CONTINUED_PAGES } from '../support/fixtures.js';
import { edits, expect, goToLine, importPages, sourceLine, test } from './editor-app.js';
import { startGalley } from './server.js';

// Two editors on one library: each edit carries the revision it was made on and who made it, so
// neither window writes over the other unknowingly, undo takes back only one's own edits, and each
// window shows the other's edits live.

const FIRST_LINE = '本报讯（通讯员 李靖）根据州委关于巡';
const breakOf = (page: Page, text: string) => sourceLine(page, text).first().locator('.cm-break');

/** A window of its own browser profile (its own storage, so its own editor id). */
async function windowOn(browser: Browser, url: string): Promise<Page> {
  const context = await browser.newContext({ locale: 'zh-CN', viewport: { width: 1440, height: 900 } });
  const page = await context.newPage();
  await page.goto(url);
  await expect(sourceLine(page, FIRST_LINE)).toBeVisible();
  return page;
}

/** Two windows on one library, through one server or two, closed and cleaned up after `use`. */
async function withTwoWindows(browser: Browser, servers: 'one server' | 'two servers', use: (a: Page, b: Page) => Promise<void>): Promise<void> {
  const dir = mkdtempSync(join(tmpdir(), 'galley-two-'));
  const library = join(dir, 'library.db');
  const first = await startGalley(library);
  const second = servers === 'two servers' ? await startGalley(library) : first;
  try {
    const a = await windowOn(browser, first.url);
    const b = await windowOn(browser, second.url);
    await use(a, b);
    await a.context().close();
    await b.context().close();
  } finally {
    if (second !== first) await second.stop();
    await first.stop();
    rmSync(dir, { recursive: true, force: true });
  }
}

for (const servers of ['one server', 'two servers'] as const) {
  test(`two editors on one page (${servers}): live updates, no edit lost, undo only one's own`, async ({ browser }) => {
    await withTwoWindows(browser, servers, async (a, b) => {
      await test.step("A's edit shows in B without a reload", async () => {
        await expect(breakOf(b, FIRST_LINE)).toHaveClass(/cm-break-join/);
        await goToLine(a, 3);
        await edits(a, () => a.keyboard.press('Enter'));
        await expect(breakOf(a, FIRST_LINE)).toHaveClass(/cm-break-paragraph/);
        await expect(breakOf(b, FIRST_LINE)).toHaveClass(/cm-break-paragraph/);
      });

      await test.step("B's Ctrl+Z does not take back A's edit: B is told, and A's edit stays", async () => {
        await goToLine(b, 3);
        await b.keyboard.press('Control+z');
        await expect(b.getByRole('alert')).toContainText(/another window|另一个窗口|other editor/i);
        await expect(breakOf(b, FIRST_LINE)).toHaveClass(/cm-break-paragraph/);
        await expect(breakOf(a, FIRST_LINE)).toHaveClass(/cm-break-paragraph/);
      });

      await test.step("B edits on top of A's edit, then A's undo takes back only A's own", async () => {
        await goToLine(b, 4);
        await edits(b, () => b.keyboard.press('Enter'));
        const line4 = breakOf(a, '察工作的统一部署');
        await expect(line4).toHaveClass(/cm-break-paragraph/);
        // A's undo would now revert B's later edit: refused, nothing changes
        await goToLine(a, 3);
        await a.keyboard.press('Control+z');
        await expect(a.getByRole('alert')).toBeVisible();
        await expect(line4).toHaveClass(/cm-break-paragraph/);
        await expect(breakOf(a, FIRST_LINE)).toHaveClass(/cm-break-paragraph/);
        // B takes back its own edit; A sees it
        await edits(b, () => b.keyboard.press('Control+z'));
        await expect(line4).toHaveClass(/cm-break-join/);
      });

    });
  });
}

for (const servers of ['one server', 'two servers'] as const) {
  test(`a continued article linked in one window (${servers}): the other, on the other page, shows the link and its QA at once`, async ({ browser }) => {
    await withTwoWindows(browser, servers, async (a, b) => {
      await importPages(a, CONTINUED_PAGES, { publication: '凯里日报', date: '2021-10-28' });
      await a.locator('.page-item[title="kaili-2021-10-28-p1.txt"]').click();
      await expect(sourceLine(a, '（转第2版）')).toBeVisible();
      // B hears of the import and opens the page the article goes on to
      await b.locator('.page-item[title="kaili-2021-10-28-p2.txt"]').click();
      await expect(sourceLine(b, '（上接第1版）')).toBeVisible();
      const badges = b.locator('.article-index > .index-list:not(.index-elsewhere) .article-continuation');
      const qaCount = async () => Number((await b.getByTestId('issue-status').textContent())?.match(/质检：(\d+)/)?.[1] ?? 0);
      await expect(badges).toHaveCount(0);
      await expect.poll(qaCount).toBeGreaterThanOrEqual(2);
      const unlinked = await qaCount();

      await sourceLine(a, '（转第2版）').click();
      await edits(a, () => a.keyboard.press('Shift+L'));
      await expect(badges).toHaveText('上接第1版');
      // both jump lines were QA items until linked
      await expect.poll(qaCount).toBe(unlinked - 2);

      await edits(a, () => a.keyboard.press('Shift+L'));
      await expect(badges).toHaveCount(0);
      await expect.poll(qaCount).toBe(unlinked);
      await expect(sourceLine(b, '（上接第1版）')).toBeVisible();

    });
  });
}
