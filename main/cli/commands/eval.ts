import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { splitLines, UNCERTAIN_BELOW } from '../../../app/engine/index.js';
import { evaluate, type Band, type EvalMode, type EvalPage, type Evaluation } from '../../../app/scoring/evaluate.js';
import type { GoldPage } from '../../../app/scoring/gold-annotation.js';
import { HEADLINE_METRICS } from '../../../app/scoring/score.js';
import { type Command, fail, parseOptions, UsageError } from '../io.js';
import { readPage } from '../page-file.js';

const SHORT: Record<(typeof HEADLINE_METRICS)[number], string> = {
  line_article_acc: 'line_art',
  line_role_acc: 'line_role',
  article_f1: 'art_f1',
  title_acc: 'title',
  author_acc: 'author',
  paragraph_f1: 'para_f1',
  body_text_recall: 'text',
};

const MODE_NOTE: Record<EvalMode, string> = {
  plain: 'the engine alone; its rules are set by hand, nothing in it is fitted to these pages',
  cv: 'leave one page out: each page proposed with a publication profile learned from all the other pages in the folder, never from itself',
  adapt: 'pages in name order, each scored before its gold is learned into the publication profile',
};

export const command: Command = {
  summary: 'score the engine on every page of a folder that has a NAME.gold.json (NAME.txt, or a PDF/ALTO print with NAME.source.txt)',
  usage: [
    'usage: galley eval DIR [--cv | --adapt] [--json]',
    '',
    '  --cv      leave-one-page-out: each page scored with a profile learned from the other pages',
    '  --adapt   pages in name order, each scored before learning from its gold; prints the learning curve',
    '  --json    print one JSON object: mean, per-page scores, calibration, flagged lines (and curve, mean_after_3)',
  ].join('\n'),
  async run(args) {
    const { values, positionals } = parseOptions(args, { json: { type: 'boolean' }, cv: { type: 'boolean' }, adapt: { type: 'boolean' } });
    if (positionals.length !== 1) throw new UsageError('expected one DIR');
    if (values.cv && values.adapt) throw new UsageError('choose one of --cv and --adapt');
    const mode: EvalMode = values.cv ? 'cv' : values.adapt ? 'adapt' : 'plain';
    const pages = await loadPages(positionals[0]!);
    const ev = evaluate(pages, mode);
    if (values.json) {
      console.log(JSON.stringify(toJson(ev)));
      return 0;
    }
    console.log(report(ev));
    return 0;
  },
};

/**
 * Every NAME.gold.json with its page: NAME.txt, the text the gold was written on; or a print of it
 * in another import format (NAME.pdf, NAME.xml…) with that text beside it as NAME.source.txt, so
 * the engine reads the print and is scored in the gold's line numbers.
 */
async function loadPages(dir: string): Promise<EvalPage[]> {
  let names: string[];
  try {
    names = await readdir(dir);
  } catch {
    fail(`cannot read folder ${dir}`);
  }
  const stems = names.filter((n) => n.endsWith('.gold.json')).map((n) => n.slice(0, -'.gold.json'.length)).sort();
  const pages: EvalPage[] = [];
  for (const stem of stems) {
    const text = `${stem}.txt`;
    const print = names.includes(text) ? null : names.find((n) => n.startsWith(`${stem}.`) && !n.endsWith('.gold.json') && n !== `${stem}.source.txt`);
    if (!names.includes(text) && !print) continue;
    const name = print ?? text;
    const page = await readPage(join(dir, name));
    let gold: GoldPage;
    try {
      gold = JSON.parse(await readFile(join(dir, `${stem}.gold.json`), 'utf8')) as GoldPage;
      if (!Array.isArray(gold.line_labels) || !Array.isArray(gold.articles)) throw new Error('no line_labels or articles');
    } catch (err) {
      fail(`bad gold file for ${name}: ${err instanceof Error ? err.message : String(err)}`);
    }
    if (!print) {
      pages.push({ name, lines: splitLines(page.text), gold });
      continue;
    }
    if (!names.includes(`${stem}.source.txt`)) fail(`${name} needs ${stem}.source.txt beside it: the text ${stem}.gold.json numbers its lines in`);
    const source = await readPage(join(dir, `${stem}.source.txt`));
    pages.push({ name, lines: splitLines(page.text), gold, goldLines: splitLines(source.text), boxes: page.geometry?.lines });
  }
  if (pages.length === 0) fail(`no NAME.gold.json with its page (NAME.txt, or a print of it with NAME.source.txt) in ${dir}`);
  return pages;
}

const rate = (b: Band): number | null => (b.decisions ? b.right / b.decisions : null);

function toJson(ev: Evaluation): unknown {
  const band = (b: Band) => ({ from: b.from, to: b.to, decisions: b.decisions, right: b.right, accuracy: rate(b) });
  return {
    mode: ev.mode,
    mean: ev.mean,
    mean_score: ev.mean,
    pages: ev.pages.map((r) => ({ page: r.page, score: r.metrics.score, learned_from: r.learnedFrom, metrics: r.metrics })),
    ...(ev.curve ? { curve: ev.curve, mean_after_3: ev.meanAfter3 } : {}),
    calibration: { labels: ev.calibration.labels.map(band), breaks: ev.calibration.breaks.map(band) },
    flagged: { threshold: UNCERTAIN_BELOW, lines: ev.flagged.lines, flagged: ev.flagged.flagged, wrong_labels: ev.flagged.wrongLabels, wrong_labels_flagged: ev.flagged.wrongFlagged },
  };
}

const pct = (x: number | null): string => (x === null ? '—' : `${(100 * x).toFixed(1)}%`);

function report(ev: Evaluation): string {
  const rows = ev.pages;
  const width = Math.max(4, ...rows.map((r) => r.page.length));
  const cols = [...HEADLINE_METRICS.map((k) => SHORT[k]), 'spaces', 'score'];
  const out = [`mode: ${ev.mode} (${MODE_NOTE[ev.mode]})`, `${'page'.padEnd(width)}  ${cols.map((c) => c.padStart(10)).join('')}${ev.mode === 'plain' ? '' : '   learned'}`];
  for (const { page, metrics: m, learnedFrom } of rows) {
    const cells = [...HEADLINE_METRICS.map((k) => m[k].toFixed(4)), String(m.spurious_spaces), m.score.toFixed(4)];
    out.push(`${page.padEnd(width)}  ${cells.map((c) => c.padStart(10)).join('')}${ev.mode === 'plain' ? '' : String(learnedFrom).padStart(10)}`);
  }
  out.push(`mean score over ${rows.length} page${rows.length === 1 ? '' : 's'}: ${ev.mean.toFixed(4)}`);
  if (ev.curve) {
    out.push('', 'learning curve (pages learned → score of the next page):');
    out.push(ev.curve.map((c) => `${c.learned}:${c.score.toFixed(3)}`).join('  '));
    out.push(`mean over pages 4 onward (after 3 learned): ${ev.meanAfter3 === null || ev.meanAfter3 === undefined ? '— (fewer than 4 pages)' : ev.meanAfter3.toFixed(4)}`);
  }
  out.push('', 'calibration (confidence band: decisions, right):');
  out.push(`${'band'.padEnd(12)}${'labels'.padStart(10)}${'right'.padStart(9)}${'breaks'.padStart(10)}${'right'.padStart(9)}`);
  ev.calibration.labels.forEach((b, k) => {
    const br = ev.calibration.breaks[k]!;
    out.push(`${`${b.from.toFixed(2)}–${b.to.toFixed(2)}`.padEnd(12)}${String(b.decisions).padStart(10)}${pct(rate(b)).padStart(9)}${String(br.decisions).padStart(10)}${pct(rate(br)).padStart(9)}`);
  });
  const f = ev.flagged;
  out.push('', `uncertain (confidence < ${UNCERTAIN_BELOW}): ${f.flagged} of ${f.lines} lines flagged (${pct(f.lines ? f.flagged / f.lines : null)}); ${f.wrongFlagged} of ${f.wrongLabels} wrong line labels flagged (${pct(f.wrongLabels ? f.wrongFlagged / f.wrongLabels : null)})`);
  return out.join('\n');
}
