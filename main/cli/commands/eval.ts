import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { proposePage, renderPage, splitLines } from '../../../app/engine/index.js';
import { type GoldDoc, HEADLINE_METRICS, type Metrics, scorePage } from '../../../app/scoring/score.js';
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

export const command: Command = {
  summary: 'score the engine on every NAME.txt that has a NAME.gold.json in a folder',
  usage: 'usage: galley eval DIR [--json]\n\n  --json   print one JSON object: per-page metrics and the mean score',
  async run(args) {
    const { values, positionals } = parseOptions(args, { json: { type: 'boolean' } });
    if (positionals.length !== 1) throw new UsageError('expected one DIR');
    const dir = positionals[0]!;
    let names: string[];
    try {
      names = await readdir(dir);
    } catch {
      fail(`cannot read folder ${dir}`);
    }
    const pages = names.filter((n) => n.endsWith('.txt') && names.includes(n.replace(/\.txt$/, '.gold.json'))).sort();
    if (pages.length === 0) fail(`no NAME.txt with a NAME.gold.json in ${dir}`);
    const rows: { page: string; metrics: Metrics }[] = [];
    for (const name of pages) {
      const page = await readPage(join(dir, name));
      let gold: GoldDoc;
      try {
        gold = JSON.parse(await readFile(join(dir, name.replace(/\.txt$/, '.gold.json')), 'utf8')) as GoldDoc;
      } catch (err) {
        fail(`bad gold file for ${name}: ${err instanceof Error ? err.message : String(err)}`);
      }
      const seg = renderPage(proposePage(splitLines(page.text)), { file: page.file, sha256: page.sha256 });
      rows.push({ page: name, metrics: scorePage(gold, seg) });
    }
    const mean = rows.reduce((s, r) => s + r.metrics.score, 0) / rows.length;
    if (values.json) {
      console.log(JSON.stringify({ pages: rows, mean_score: mean }));
      return 0;
    }
    const width = Math.max(4, ...rows.map((r) => r.page.length));
    const cols = [...HEADLINE_METRICS.map((k) => SHORT[k]), 'spaces', 'score'];
    const out = [`${'page'.padEnd(width)}  ${cols.map((c) => c.padStart(10)).join('')}`];
    for (const { page, metrics: m } of rows) {
      const cells = [...HEADLINE_METRICS.map((k) => m[k].toFixed(4)), String(m.spurious_spaces), m.score.toFixed(4)];
      out.push(`${page.padEnd(width)}  ${cells.map((c) => c.padStart(10)).join('')}`);
    }
    out.push(`mean score over ${rows.length} page${rows.length === 1 ? '' : 's'}: ${mean.toFixed(4)}`);
    console.log(out.join('\n'));
    return 0;
  },
};
