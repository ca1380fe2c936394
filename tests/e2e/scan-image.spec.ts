import { join } from 'node:path';
import type { LibraryTree } from '../../app/contract.js';
import type { PageSourceView } from '../../app/model/geometry.js';
import { SOURCES_DIR } from '../support/fixtures.js';
import { api, expect, goToLine, importPages, test } from './editor-app.js';

test('an ALTO page imported with its JPEG shows the scan under its lines, and the outline follows the cursor', async ({ app: page }, testInfo) => {
  test.setTimeout(120_000);
  await importPages(page, [join(SOURCES_DIR, 'ndnp-alto-sample.xml'), join(SOURCES_DIR, 'ndnp-alto-sample.jpg')]);
  await expect(page.locator('.cm-line').first()).toContainText('r-sft', { timeout: 30_000 });

  const image = page.getByTestId('page-image');
  const paper = image.locator('.page-image-paper');
  await expect(paper).toHaveAttribute('data-drawn', 'true', { timeout: 30_000 });
  const scan = paper.locator('img');
  await expect(scan).toBeVisible();
  // the scan itself, decoded by the browser, not an empty frame
  expect(await scan.evaluate((img: HTMLImageElement) => [img.naturalWidth, img.naturalHeight])).toEqual([1500, 2006]);
  await expect(image.getByText('Line positions only')).toHaveCount(0);

  // the scan is stored in the library with its page, and only the XML became a page
  const tree = await api<LibraryTree>(page, 'library:tree', {});
  const files = tree.publications.flatMap((p) => p.issues).flatMap((i) => i.pages).filter((p) => p.file.startsWith('ndnp-alto-sample'));
  expect(files.map((p) => p.file)).toEqual(['ndnp-alto-sample.xml']);
  const source = await api<PageSourceView>(page, 'import:pageSource', { pageId: files[0]!.id });
  expect(source.image).toEqual({ mime: 'image/jpeg', width: 1500, height: 2006 });

  // two printed lines one under the other (blank lines the import adds at breaks have no box)
  const outline = image.locator('.page-image-cursor');
  const at = source.geometry.lines.findIndex((b, i) => i >= 60 && b && source.geometry.lines[i + 1]) + 1;
  await goToLine(page, at);
  await expect(outline).toHaveAttribute('data-line', String(at));
  const before = Number(await outline.getAttribute('y'));
  await page.keyboard.press('ArrowDown');
  await expect(outline).toHaveAttribute('data-line', String(at + 1));
  expect(Number(await outline.getAttribute('y'))).toBeGreaterThan(before);
  await page.screenshot({ path: testInfo.outputPath('scan-image.png') });

  // a click on a line of the scan puts the cursor on it
  const target = source.geometry.lines.findIndex((b, i) => i >= 69 && b) + 1;
  const box = source.geometry.lines[target - 1]!;
  const scale = (await paper.boundingBox())!.width / source.geometry.width;
  await paper.click({ position: { x: (box.x + box.w / 2) * scale, y: (box.y + box.h / 2) * scale } });
  await expect(outline).toHaveAttribute('data-line', String(target));
});
