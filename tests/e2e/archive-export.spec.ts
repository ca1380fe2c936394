import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Download } from '@playwright/test';
import { SOURCES_DIR } from '../support/fixtures.js';
import { schemaErrors } from '../support/official-schemas.js';
import { unzipSync } from 'fflate';
import { expect, importPages, test } from './editor-app.js';

/**
 * Back to the archive from the UI: an ALTO page is imported, the export dialog offers METS, ALTO
 * and PAGE-XML, and METS downloads as one zip of the METS file and the page's ALTO file, both valid against
 * the official schemas, the METS naming every article with the ALTO blocks it is made of.
 */
test('an imported ALTO page exports from the dialog as METS + ALTO, valid against the official schemas', async ({ app: page }, testInfo) => {
  test.setTimeout(120_000);
  await importPages(page, join(SOURCES_DIR, 'ndnp-alto-sample.xml'));
  await expect(page.locator('.cm-line').first()).not.toBeEmpty({ timeout: 30_000 });
  await expect(page.getByTestId('page-image')).toBeVisible({ timeout: 30_000 });

  await page.keyboard.press('Control+e');
  const dialog = page.getByTestId('export-dialog');
  await expect(dialog).toBeVisible();
  for (const format of ['mets', 'alto', 'page']) await expect(dialog.locator(`label[data-format="${format}"]`)).toBeVisible();
  await expect(dialog.locator('label[data-format="mets"]')).toContainText(/METS \+ ALTO/);
  await page.screenshot({ path: testInfo.outputPath('export-dialog-archive.png') });

  await dialog.locator('label[data-format="mets"]').click();
  const downloads: Download[] = [];
  page.on('download', (d) => downloads.push(d));
  await dialog.getByRole('button', { name: /^(导出|Export)$/ }).click();
  await expect(dialog.getByTestId('export-result')).toBeVisible();
  // the METS file and the page's ALTO file come as one zip of their folder
  await expect.poll(() => downloads.length).toBe(1);
  expect(downloads[0]!.suggestedFilename()).toMatch(/\.zip$/);
  const files = Object.entries(unzipSync(readFileSync((await downloads[0]!.path())!))).map(([path, bytes]) => ({ name: path.split('/').pop()!, text: Buffer.from(bytes).toString('utf8') }));
  expect(files).toHaveLength(2);
  const mets = files.find((f) => f.name.endsWith('.mets.xml'))!;
  const alto = files.find((f) => f.name.endsWith('_p01.alto.xml'))!;
  expect(mets, files.map((f) => f.name).join(', ')).toBeDefined();
  expect(alto, files.map((f) => f.name).join(', ')).toBeDefined();
  expect(await schemaErrors('mets', mets.text)).toEqual([]);
  expect(await schemaErrors('alto', alto.text)).toEqual([]);

  // Every article of the page is in the LOGICAL map, and each of its areas names a block of the ALTO file.
  expect(mets.text).toContain(`xlink:href="${encodeURI(alto.name)}"`);
  const blocks = new Set([...alto.text.matchAll(/<TextBlock ID="([^"]+)"/g)].map((m) => m[1]));
  const areas = [...mets.text.matchAll(/<mets:area FILEID="ALTO_P1" BEGIN="([^"]+)"/g)].map((m) => m[1]);
  expect(areas.length).toBeGreaterThan(0);
  for (const id of areas) expect(blocks.has(id)).toBe(true);
  expect(mets.text.match(/TYPE="article"/g)?.length).toBeGreaterThan(0);
});
