import { readFileSync } from 'node:fs';
import { type Download, expect, type Page, test as base } from '@playwright/test';
import { unzipSync } from 'fflate';
import type { PageDetail } from '../../app/contract.js';
import { renderPage } from '../../app/engine/index.js';
import type { PageSegmentation } from '../../app/model/segmentation.js';
import { type GalleyServer, startGalley } from './server.js';

/**
 * The editor's E2E fixture: a fresh library per test (the first start imports the sample page), and
 * helpers that drive the source pane the way an editor does, by keyboard and clicks.
 */
export const test = base.extend<{ server: GalleyServer; app: Page }>({
  // Playwright reads a fixture's dependencies from this pattern; the server depends on none.
  // eslint-disable-next-line no-empty-pattern
  server: async ({}, use) => {
    const server = await startGalley();
    await use(server);
    await server.stop();
  },
  app: async ({ page, server }, use) => {
    const problems: string[] = [];
    page.on('pageerror', (err) => problems.push(err.message));
    page.on('console', (msg) => {
      if (msg.type() === 'error') problems.push(msg.text());
    });
    await page.goto(server.url);
    await expect(sourceLine(page, '本报讯（通讯员 李靖）根据州委关于巡')).toBeVisible();
    await use(page);
    expect(problems, 'errors in the page').toEqual([]);
  },
});
export { expect };

export const sourceLine = (page: Page, text: string) => page.locator('.cm-line', { hasText: text });
export const editorContent = (page: Page) => page.locator('.cm-content');

/** The editor line showing source line `n` (before any split above it, editor line = source line). */
export async function goToLine(page: Page, line: number): Promise<void> {
  await editorContent(page).focus();
  await page.keyboard.press('Control+Alt+g');
  const input = page.locator('.cm-goto-line input[name=line]');
  await input.fill(String(line));
  await input.press('Enter');
  await expect(input).toHaveCount(0);
  await editorContent(page).focus();
}

/** Selects editor lines from..to (inclusive) with the keyboard. */
export async function selectLines(page: Page, from: number, to: number): Promise<void> {
  await goToLine(page, from);
  for (let i = from; i < to; i++) await page.keyboard.press('Shift+ArrowDown');
}

const revision = async (page: Page) => Number(await page.getByTestId('save-state').getAttribute('data-revision'));

/** Runs an action that edits the page and waits until the backend saved it and both panes show it. */
export async function edits(page: Page, action: () => Promise<void>): Promise<void> {
  const before = await revision(page);
  await action();
  await expect.poll(() => revision(page)).toBeGreaterThan(before);
  await expect(page.getByTestId('save-state')).toHaveAttribute('data-state', 'saved');
}

/** One key in the source pane, as an edit. */
export async function press(page: Page, key: string): Promise<void> {
  await edits(page, () => page.keyboard.press(key));
}

type PageFiles = Parameters<Page['setInputFiles']>[1];

/**
 * Imports page files through the UI as an editor does: choose them with the Import button's picker,
 * then confirm the issue details the dialog guessed with Enter. `details` types over a guess first.
 */
export async function importPages(page: Page, files: PageFiles, details: { publication?: string; date?: string; firstPage?: string } = {}): Promise<void> {
  await page.getByTestId('import-input').setInputFiles(files);
  const dialog = page.getByTestId('import-dialog');
  await expect(dialog).toBeVisible();
  for (const [name, value] of Object.entries(details)) await dialog.locator(`input[name="${name}"]`).fill(value);
  await dialog.locator('input[name="publication"]').press('Enter');
  await expect(dialog).toHaveCount(0);
}

/** A call to the running app's backend with the page's own token, as the UI makes it. */
export async function api<T>(page: Page, channel: string, input: unknown): Promise<T> {
  return page.evaluate(
    async ({ channel, input }) => {
      const token = new URLSearchParams(location.search).get('token') ?? '';
      const res = await fetch(`/api/${channel}`, { method: 'POST', headers: { 'Content-Type': 'application/json', Authorization: `Bearer ${token}` }, body: JSON.stringify(input) });
      const body = (await res.json()) as { ok: boolean; value?: unknown; error?: { message: string } };
      if (!body.ok) throw new Error(body.error?.message ?? 'call failed');
      return body.value as T;
    },
    { channel, input },
  ) as Promise<T>;
}

/** The page as the library holds it now, rendered as it exports. */
export async function savedSegmentation(page: Page, pageId = 1): Promise<{ detail: PageDetail; segmentation: PageSegmentation }> {
  const detail = await api<PageDetail>(page, 'pages:get', { pageId });
  return { detail, segmentation: renderPage(detail.annotation, detail.page) };
}

/** Round-trip durations of every edit so far (keystroke → both panes updated), from the app's performance measures. */
export async function editDurations(page: Page): Promise<number[]> {
  return page.evaluate(() => performance.getEntriesByName('galley:edit').map((e) => e.duration));
}

export function p95(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.ceil(sorted.length * 0.95) - 1)] ?? NaN;
}

/**
 * Exports the open issue in one format from the dialog: always ONE download, a multi-file format's
 * as a zip of its folder; gives the download's name and the files it holds.
 */
export async function exportFormat(page: Page, format: string, expected: number): Promise<{ download: string; files: { name: string; bytes: Buffer }[] }> {
  const dialog = page.getByTestId('export-dialog');
  await dialog.locator(`label[data-format="${format}"]`).click();
  const downloads: Download[] = [];
  const collect = (d: Download) => downloads.push(d);
  page.on('download', collect);
  try {
    await dialog.getByRole('button', { name: /^(导出|Export)$/ }).click();
    await expect(dialog.getByTestId('export-result')).toBeVisible();
    await expect.poll(() => downloads.length).toBe(1);
    // nothing else follows the one download
    await page.waitForTimeout(300);
    expect(downloads).toHaveLength(1);
  } finally {
    page.off('download', collect);
  }
  const download = downloads[0]!.suggestedFilename();
  const bytes = readFileSync((await downloads[0]!.path())!);
  if (!download.endsWith('.zip')) return { download, files: [{ name: download, bytes }] };
  const folder = download.slice(0, -'.zip'.length);
  const files = Object.entries(unzipSync(bytes)).map(([path, content]) => {
    expect(path.startsWith(`${folder}/`), `${path} is in the folder ${folder}`).toBe(true);
    return { name: path.slice(folder.length + 1), bytes: Buffer.from(content) };
  });
  expect(files).toHaveLength(expected);
  return { download, files };
}
