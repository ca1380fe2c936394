// Prints gold pages as newspaper PDFs, to measure how well a PDF import plus the engine recovers
// the gold: `npx tsx scripts/gold-pdf.ts GOLD_DIR OUT_DIR`. Each NAME.txt with its NAME.gold.json
// becomes OUT_DIR/NAME.pdf, with the gold and its text (NAME.source.txt) beside it for
// `galley eval OUT_DIR`, laid out the way papers set a page:
// columns of justified body text, headlines larger and bold, bylines and captions smaller, page
// furniture in a band above. One source line is one printed line, so the gold's line numbers still
// name the printed lines; blank lines become vertical space.
import { copyFileSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { chromium } from '@playwright/test';

const ROLE_SIZE: Record<string, number> = {
  headline: 2, subheadline: 1.35, kicker: 1.2, byline: 0.9, caption: 0.85, signature: 0.95, body: 1, furniture: 0.85,
};

interface Gold {
  line_labels: (string | null)[];
}

function roleOf(label: string | null): string | null {
  if (label === null) return null;
  if (label.startsWith('furniture:')) return 'furniture';
  return label.split(':')[1] ?? 'body';
}

const escape = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
/** Printed width of a line in ems: ideographs and full-width marks one em, the rest about half. */
const ems = (s: string) => [...s.trim()].reduce((w, ch) => w + (/[\u2e80-\uffef]/.test(ch) ? 1 : 0.55), 0);

function pageHtml(lines: string[], gold: Gold): string {
  const body = lines.map((l, i) => (roleOf(gold.line_labels[i + 1] ?? null) === 'body' ? ems(l) : 0));
  const measure = Math.max(8, ...body.filter((w) => w > 0).sort((a, b) => a - b).slice(-Math.max(1, Math.ceil(body.length / 10))).slice(0, 1));
  const rows = lines.map((text, i) => {
    const role = roleOf(gold.line_labels[i + 1] ?? null);
    if (role === null || text.trim() === '') return '<div class="gap"></div>';
    // a line wider than the column at its size is set smaller: one source line stays one printed line
    const size = Math.min(ROLE_SIZE[role] ?? 1, (measure / Math.max(1, ems(text))) * 0.98);
    return `<div class="l ${role}" style="font-size:${size.toFixed(3)}em">${escape(text.trim())}</div>`;
  });
  return `<!doctype html><meta charset="utf-8"><style>
    @page { size: 420mm 594mm; margin: 12mm; }
    body { font-family: 'Noto Serif CJK SC', 'Noto Sans CJK SC', serif; font-size: 11pt; margin: 0; }
    .page { column-width: ${(measure + 1).toFixed(1)}em; column-gap: 1.2em; column-rule: 0.5pt solid #999; column-fill: auto; height: 566mm; }
    .l { white-space: pre; line-height: 1.3; }
    .gap { height: 0.7em; }
    .headline { font-weight: bold; text-align: center; }
    .subheadline, .kicker { font-weight: bold; }
    .byline, .caption, .furniture { font-style: italic; }
  </style><div class="page">${rows.join('\n')}</div>`;
}

async function main(): Promise<void> {
  const [from, to] = process.argv.slice(2);
  if (!from || !to) throw new Error('usage: tsx scripts/gold-pdf.ts GOLD_DIR OUT_DIR');
  mkdirSync(to, { recursive: true });
  const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: ['--no-sandbox', '--disable-gpu'] });
  try {
    const page = await browser.newPage();
    for (const name of readdirSync(from).filter((f) => f.endsWith('.gold.json')).sort()) {
      const stem = name.slice(0, -'.gold.json'.length);
      const lines = readFileSync(join(from, `${stem}.txt`), 'utf8').split(/\r\n|\r|\n/);
      const gold = JSON.parse(readFileSync(join(from, name), 'utf8')) as Gold;
      await page.setContent(pageHtml(lines, gold), { waitUntil: 'load' });
      writeFileSync(join(to, `${stem}.pdf`), await page.pdf({ width: '420mm', height: '594mm', printBackground: false }));
      copyFileSync(join(from, name), join(to, name));
      copyFileSync(join(from, `${stem}.txt`), join(to, `${stem}.source.txt`));
      console.log(join(to, `${stem}.pdf`));
    }
  } finally {
    await browser.close();
  }
}

main().catch((err: unknown) => {
  console.error(`gold-pdf: ${err instanceof Error ? err.message : String(err)}`);
  process.exit(1);
});
