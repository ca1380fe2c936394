// Pages an archive really holds, through the import service into a real library and back out:
// each is imported whole, numbered line by line as an editor sees it, and loses no character when
// rendered as articles. (Encodings, binary files and NUL bytes: main/services/encoding.test.ts and
// import.test.ts.)
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { renderPage, splitLines } from '../../../app/engine/index.js';
import type { PageSegmentation } from '../../../app/model/segmentation.js';
import type { PageDetail } from '../../../app/contract.js';
import { getPage, type Library } from '../../../main/library/library.js';
import { KAILI_PAGE } from '../../support/fixtures.js';
import { tempLibraryPerTest } from '../../support/temp-library.js';
import { importPaths } from '../../../main/import/import.js';
import { checkIntegrity } from '../../../main/store/integrity.js';

let lib: Library;
let root: string;
tempLibraryPerTest((l, dir) => {
  lib = l;
  root = dir;
});

async function importText(name: string, content: string | Buffer) {
  const file = join(root, name);
  writeFileSync(file, content);
  const report = await importPaths(lib.db, [file], {});
  const [result] = report.files;
  expect(result?.error ?? null).toBeNull();
  return getPage(lib.db, result!.pageId!);
}

/** Every non-whitespace character of a text, counted: what must survive rendering. */
function visible(texts: readonly string[]): Map<string, number> {
  const counts = new Map<string, number>();
  for (const text of texts) for (const ch of text) if (ch.trim() !== '') counts.set(ch, (counts.get(ch) ?? 0) + 1);
  return counts;
}

function renderedTexts(seg: PageSegmentation, lines: readonly string[]): string[] {
  const furniture = seg.furniture.flatMap((f) => lines.slice(f.from - 1, f.to));
  return [
    ...furniture,
    ...seg.articles.flatMap((a) => [a.kicker, a.title, a.subtitle, a.byline, a.signature, ...a.paragraphs, ...a.captions].filter((t): t is string => t !== null)),
  ];
}

function expectNothingLost(detail: PageDetail): void {
  const lines = splitLines(detail.rawText);
  expect(detail.annotation.lines.map((l) => l.text)).toEqual(lines);
  expect(detail.annotation.lines.map((l) => l.n)).toEqual(lines.map((_, i) => i + 1));
  const seg = renderPage(detail.annotation, { file: detail.page.file, sha256: detail.page.sha256 });
  expect(visible(renderedTexts(seg, lines))).toEqual(visible(lines));
}

describe('pages that are hard to read', () => {
  it('mixed line endings: CRLF, CR and LF in one page number the lines as an editor counts them', async () => {
    const content = '时政凯里\r\n\r\n市委常委会召开会议\r本报讯 会议指出，\n要抓好落实。\r\n\r\n（记者 王伟）\n';
    const detail = await importText('mixed.txt', content);
    expect(detail.rawText).toBe(content);
    expect(detail.annotation.lines.map((l) => l.text)).toEqual(['时政凯里', '', '市委常委会召开会议', '本报讯 会议指出，', '要抓好落实。', '', '（记者 王伟）', '']);
    expectNothingLost(detail);
  });

  it('right-to-left text (Arabic, Hebrew, with bidi controls) is kept character for character', async () => {
    const content = [
      'الأخبار المحلية',
      '',
      'افتتاح مكتبة جديدة في وسط المدينة',
      'بقلم سارة أحمد',
      'افتتحت البلدية اليوم مكتبة عامة جديدة تضم أكثر من 20000 كتاب.',
      '',
      'חדשות העיר',
      'נפתחה היום ספרייה ציבורית חדשה במרכז העיר.',
      '\u202Bמשפט מוטבע\u202C עם \u200Fסימני כיווניות\u200E.',
    ].join('\n');
    const detail = await importText('rtl.txt', content);
    expect(detail.rawText).toBe(content);
    expect(detail.page.encoding).toBe('utf-8');
    expectNothingLost(detail);
  });

  it('astral characters and emoji (surrogate pairs, ZWJ sequences, flags, variation selectors) keep their lines and count', async () => {
    const content = [
      '𠀋𡈽𡌛 古籍用字 𪚥',
      '',
      '读者来信 👍🏽 👨‍👩‍👧‍👦 🇨🇳 ❤️',
      '数学符号 𝔸𝔹ℂ 𝟘𝟙𝟚 与 音乐 𝄞',
      'Emoji at the end of a line 😀',
      '😀 at the start of the next',
    ].join('\n');
    const detail = await importText('astral.txt', content);
    expect(detail.rawText).toBe(content);
    expect(detail.annotation.lines[2]?.text).toBe('读者来信 👍🏽 👨‍👩‍👧‍👦 🇨🇳 ❤️');
    expect(detail.annotation.lines).toHaveLength(6);
    expectNothingLost(detail);
    // Stored and read back as the same UTF-16, surrogates paired.
    for (const l of detail.annotation.lines) expect(l.text).toMatch(/^(?:[^\uD800-\uDFFF]|[\uD800-\uDBFF][\uDC00-\uDFFF])*$/);
  });

  it('a 1 MB single line is imported whole as one line', async () => {
    const line = '本报讯'.concat('经济社会发展取得新成效，'.repeat(29_000)).slice(0, 1024 * 1024 / 3);
    expect(Buffer.byteLength(line)).toBeGreaterThan(1_000_000);
    const detail = await importText('one-line.txt', line);
    expect(detail.page.lineCount).toBe(1);
    expect(detail.annotation.lines[0]?.text).toBe(line);
    expectNothingLost(detail);
  });

  it('a 200,000-line page is imported, segmented and opened within the time budget', async () => {
    const sample = splitLines(readFileSync(KAILI_PAGE, 'utf8'));
    const lines = Array.from({ length: 200_000 }, (_, i) => sample[i % sample.length]!);
    const started = performance.now();
    const file = join(root, 'archive-dump.txt');
    writeFileSync(file, lines.join('\n'));
    const report = await importPaths(lib.db, [file], {});
    const imported = performance.now();
    expect(report.files[0]).toMatchObject({ error: null, lines: 200_000 });
    const detail = getPage(lib.db, report.files[0]!.pageId!);
    const opened = performance.now();
    expect(detail.annotation.lines).toHaveLength(200_000);
    expect(detail.annotation.lines[199_999]?.text).toBe(lines[199_999]);
    expect(detail.annotation.articles.length).toBeGreaterThan(100);
    expect(checkIntegrity(lib.db).ok).toBe(true);
    // Measured here at about 9 s to import and 2 s to open; the bounds catch a slide into minutes.
    expect(imported - started).toBeLessThan(25_000);
    expect(opened - imported).toBeLessThan(10_000);
  }, 60_000);
});
