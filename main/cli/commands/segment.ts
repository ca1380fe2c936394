import { applySourceStructure, proposePage, renderPage, splitLines } from '../../../app/engine/index.js';
import { type Command, parseOptions, UsageError } from '../io.js';
import { readPage } from '../page-file.js';

export const command: Command = {
  summary: 'segment one page into articles (--json: the page segmentation JSON)',
  usage: 'usage: galley segment PAGE [--json]  (PAGE: a page file; FILE.pdf#N for page N of a PDF)\n\n  --json   print the page segmentation JSON (docs/segmentation-format.md)',
  async run(args) {
    const { values, positionals } = parseOptions(args, { json: { type: 'boolean' } });
    if (positionals.length !== 1) throw new UsageError('expected one PAGE');
    const page = await readPage(positionals[0]!);
    const annotation = applySourceStructure(proposePage(splitLines(page.text)), page.articles);
    const seg = renderPage(annotation, { file: page.file, sha256: page.sha256 });
    if (values.json) {
      console.log(JSON.stringify(seg, null, 2));
      return 0;
    }
    const out = [`${seg.source.file}: ${seg.articles.length} articles, headlines ${annotation.headlineOrder} bodies${seg.section ? `, section ${seg.section}` : ''}`];
    for (const a of seg.articles) {
      const lines = a.spans.map((s) => `${s.from}-${s.to}`).join(',');
      out.push(`  ${a.id} ${a.genre.padEnd(7)} ${lines.padEnd(24)} ${a.title ?? '(no title)'}${a.authors.length ? ` — ${a.authors.join(', ')}` : ''}`);
    }
    console.log(out.join('\n'));
    return 0;
  },
};
