import { join } from 'node:path';
import type { LibraryTree, PageDetail } from '../../app/contract.js';
import type { PageSourceView } from '../../app/model/geometry.js';
import { SOURCES_DIR } from '../support/fixtures.js';
import { api, editorContent, expect, goToLine, importPages, sourceLine, test } from './editor-app.js';

test('a PDF page is drawn beside its text and the cursor\'s line is outlined on it, both ways', async ({ app: page }, testInfo) => {
  // Reading and drawing a 1.4 MB scan on a shared machine takes its time.
  test.setTimeout(120_000);
  await importPages(page, join(SOURCES_DIR, 'ndnp-sample1.pdf'));
  // the page opens once it is imported (pdf.js reads an OCR'd scan in seconds); a headline of its first column
  await expect(page.locator('.cm-line').first()).toContainText('v . ..- - r', { timeout: 30_000 });
  await goToLine(page, 53);
  await expect(sourceLine(page, 'Career of These Veterans from')).toBeVisible();
  const image = page.getByTestId('page-image');
  await expect(image.locator('.page-image-paper')).toHaveAttribute('data-drawn', 'true', { timeout: 30_000 });

  const outline = image.locator('.page-image-cursor');
  await goToLine(page, 44);
  await expect(outline).toHaveAttribute('data-line', '44');
  const before = Number(await outline.getAttribute('y'));
  await page.keyboard.press('ArrowDown');
  await expect(outline).toHaveAttribute('data-line', '45');
  expect(Number(await outline.getAttribute('y'))).toBeGreaterThan(before);
  await page.screenshot({ path: testInfo.outputPath('page-image.png') });

  // A click on a line of the page puts the cursor on it.
  const tree = await api<LibraryTree>(page, 'library:tree', {});
  const pageId = tree.publications.flatMap((p) => p.issues).flatMap((i) => i.pages).find((p) => p.file === 'ndnp-sample1.pdf')!.id;
  const source = await api<PageSourceView>(page, 'import:pageSource', { pageId });
  const raw = (await api<PageDetail>(page, 'pages:get', { pageId })).rawText.split('\n');
  const target = 30;
  const box = source.geometry.lines[target - 1]!;
  const paper = image.locator('.page-image-paper');
  await expect(paper).toBeVisible();
  const scale = (await paper.boundingBox())!.width / source.geometry.width;
  await paper.click({ position: { x: (box.x + box.w / 2) * scale, y: (box.y + box.h / 2) * scale } });
  await expect(outline).toHaveAttribute('data-line', String(target));
  await expect(editorContent(page).locator('.cm-activeLine')).toContainText(raw[target - 1]!);

  await test.step('the view can be hidden and shown again', async () => {
    await editorContent(page).focus();
    await page.keyboard.press('Control+Shift+P');
    await expect(image).toHaveCount(0);
    await page.keyboard.press('Control+Shift+P');
    await expect(image).toBeVisible();
  });
});

