import type { AnnotatedLine, ArticleMeta, FurnitureRole, LineRole, PageAnnotation } from '../model/page.js';
import type { PageSegmentation, SegmentedArticle, SegmentSpan } from '../model/segmentation.js';
import { buildVocabulary, type Vocabulary } from './hyphenation.js';
import { repairText } from './text-repair.js';

interface Acc {
  meta: ArticleMeta;
  spans: SegmentSpan[];
  /** Runs of lines per role; a run stays open while its last line's break is `join`. */
  parts: Map<LineRole, { lines: AnnotatedLine[]; open: boolean }[]>;
}

/**
 * Derives the page segmentation from an annotation, whatever an editor made of it: any labels,
 * breaks and article ids (an id missing from `articles` still gets its article). Linear in the
 * page's length, so the UI can call it after every correction.
 */
export function renderPage(page: PageAnnotation, source: { file: string; sha256: string }): PageSegmentation {
  const accs = new Map<string, Acc>();
  for (const meta of page.articles) if (!accs.has(meta.id)) accs.set(meta.id, { meta, spans: [], parts: new Map() });
  const furniture: SegmentSpan<FurnitureRole>[] = [];
  let lastKey = '';
  for (const l of page.lines) {
    const label = l.label;
    if (label === null) continue;
    if (label.kind === 'furniture') {
      const key = `F\u0000${label.role}`;
      const last = furniture[furniture.length - 1];
      if (key === lastKey && last) last.to = l.n;
      else furniture.push({ role: label.role, from: l.n, to: l.n });
      lastKey = key;
      continue;
    }
    let acc = accs.get(label.article);
    if (!acc) {
      acc = { meta: { id: label.article, genre: 'other', authors: [], flags: [] }, spans: [], parts: new Map() };
      accs.set(label.article, acc);
    }
    const key = `${label.article}\u0000${label.role}`;
    const span = acc.spans[acc.spans.length - 1];
    if (key === lastKey && span) span.to = l.n;
    else acc.spans.push({ role: label.role, from: l.n, to: l.n });
    lastKey = key;
    let runs = acc.parts.get(label.role);
    if (!runs) acc.parts.set(label.role, (runs = []));
    const run = runs[runs.length - 1];
    if (run?.open) run.lines.push(l);
    else runs.push({ lines: [l], open: true });
    runs[runs.length - 1]!.open = l.brk === 'join';
  }
  let vocab: Vocabulary | null = null;
  const lazyVocab = () => (vocab ??= buildVocabulary(page.lines.map((l) => l.text)));
  // Each text comes with the source lines it was made from: the provenance the editor's panes
  // highlight and the export carries.
  const runsOf = (acc: Acc, role: LineRole, mode: 'prose' | 'names' | 'headline'): { text: string; lines: number[] }[] =>
    (acc.parts.get(role) ?? [])
      .map((run) => ({
        text: repairText(run.lines.map((l) => l.text), { mode, hyphenAt: (k) => run.lines[k]?.hyphen, vocab: lazyVocab }),
        lines: [...new Set(run.lines.map((l) => l.n))],
      }))
      .filter((r) => r.text !== '');
  const texts = (acc: Acc, role: LineRole, mode: 'prose' | 'names' | 'headline'): string[] => runsOf(acc, role, mode).map((r) => r.text);
  const joined = (parts: string[], sep = ' '): string | null => (parts.length ? parts.join(sep) : null);
  const articles: SegmentedArticle[] = [];
  for (const acc of accs.values()) {
    const signature = (acc.parts.get('signature') ?? []).flatMap((run) => run.lines.map((l) => repairText([l.text], { mode: 'prose' })));
    articles.push({
      id: acc.meta.id,
      genre: acc.meta.genre,
      kicker: joined(texts(acc, 'kicker', 'headline')),
      title: joined(texts(acc, 'headline', 'headline')),
      subtitle: joined(texts(acc, 'subheadline', 'headline')),
      authors: [...acc.meta.authors],
      byline: joined(texts(acc, 'byline', 'names')),
      signature: joined(signature.filter((t) => t !== ''), '\n'),
      spans: acc.spans,
      ...textsWithLines(runsOf(acc, 'body', 'prose'), runsOf(acc, 'caption', 'prose')),
      flags: [...acc.meta.flags],
    });
  }
  return { source: { file: source.file, sha256: source.sha256, lines: page.lines.length }, section: page.section, furniture, articles };
}

function textsWithLines(
  paragraphs: { text: string; lines: number[] }[],
  captions: { text: string; lines: number[] }[],
): Pick<SegmentedArticle, 'paragraphs' | 'captions' | 'provenance'> {
  return {
    paragraphs: paragraphs.map((p) => p.text),
    captions: captions.map((c) => c.text),
    provenance: { paragraphs: paragraphs.map((p) => p.lines), captions: captions.map((c) => c.lines) },
  };
}
