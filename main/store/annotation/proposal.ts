import { GalleyError } from '../../../app/errors.js';
import type { AnnotatedLine, ArticleMeta, LineLabel, PageAnnotation, Reason } from '../../../app/model/page.js';
import { compareLines, labelRuns } from './annotation-rows.js';

/**
 * A page nobody has corrected yet is stored as its source text plus the engine's decisions in one
 * compact value (pages.proposal), not as a row per line: every line's text is its source line, so
 * storing it again would double the page, and an import of thousands of pages is mostly that
 * write. The first edit of the page turns it into rows (page-patch.ts); from then on rows rule.
 *
 * The page's articles are in the value too (no article rows until then).
 *
 * The value is JSON: `n` source lines; `a` the articles as the model has them; `r` the page's
 * distinct reasons, each [rule, confidence] or [rule, confidence, detail]; `l` five numbers per
 * line (break, hyphen, and the 1-based index in `r` of the label, break and hyphen reasons, 0 for
 * none); `s` the label runs as [from n, to n, article key or null for furniture, role].
 */
export interface Proposal {
  v: 1;
  n: number;
  a: ArticleMeta[];
  r: ([string, number] | [string, number, string])[];
  l: number[];
  s: [number, number, string | null, string][];
}

/**
 * What storing a new page takes besides its text: the engine's decisions as one compact value,
 * or (when they cannot be one value) the whole annotation, for rows.
 */
export type ProposedPage =
  | { value: string; articles: number; section: string | null; headlineOrder: PageAnnotation['headlineOrder']; lineCount: number }
  | { annotation: PageAnnotation; lineCount: number };

/** The page `annotation` proposes for its `source` lines, ready to store; throws BAD_INPUT for an annotation that contradicts itself. */
export function toProposedPage(annotation: PageAnnotation, source: readonly string[]): ProposedPage {
  checkLines(annotation);
  const value = encodeProposal(annotation, source);
  if (value === null) return { annotation, lineCount: source.length };
  return { value, articles: annotation.articles.length, section: annotation.section, headlineOrder: annotation.headlineOrder, lineCount: source.length };
}

/** Refuses lines that name an article the page lacks, or that are out of order. */
export function checkLines(annotation: PageAnnotation): void {
  const keys = new Set(annotation.articles.map((a) => a.id));
  annotation.lines.forEach((line, i) => {
    if (line.label?.kind === 'article' && !keys.has(line.label.article)) {
      throw new GalleyError('BAD_INPUT', `line ${line.n} names article ${line.label.article}, which the page does not have`);
    }
    const previous = annotation.lines[i - 1];
    if (previous && compareLines(previous, line) >= 0) throw new GalleyError('BAD_INPUT', `line ${line.n} is out of order or repeated`);
  });
}

const PER_LINE = 5;
const BREAKS = ['join', 'paragraph'] as const;
const HYPHENS = [undefined, 'keep', 'drop'] as const;

/**
 * The compact value for `annotation`'s lines and articles when it is an uncorrected proposal over
 * `source` (every line whole, unedited, with its source text); null when it is not, so the caller
 * stores rows.
 */
export function encodeProposal(annotation: Pick<PageAnnotation, 'lines' | 'articles'>, source: readonly string[]): string | null {
  const { lines } = annotation;
  if (lines.length !== source.length) return null;
  const reasons: Proposal['r'] = [];
  // A reason's index by its detail (most are measured widths, nearly unique) or, without one, by its
  // rule; a short list of candidates is then compared: no key string is built per line.
  const byDetail = new Map<string, number[]>();
  const byRule = new Map<string, number[]>();
  const ref = (reason: Reason | undefined): number => {
    if (reason === undefined) return 0;
    const { rule, confidence, detail } = reason;
    const map = detail === undefined ? byRule : byDetail;
    const key = detail ?? rule;
    let candidates = map.get(key);
    if (candidates === undefined) map.set(key, (candidates = []));
    for (const k of candidates) {
      const r = reasons[k - 1]!;
      if (r[0] === rule && r[1] === confidence && r[2] === detail) return k;
    }
    reasons.push(detail === undefined ? [rule, confidence] : [rule, confidence, detail]);
    candidates.push(reasons.length);
    return reasons.length;
  };
  const l = new Array<number>(lines.length * PER_LINE);
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i]!;
    if (line.n !== i + 1 || line.part !== undefined || line.edited !== undefined || line.text !== source[i]) return null;
    const k = i * PER_LINE;
    l[k] = line.brk === 'join' ? 0 : 1;
    l[k + 1] = line.hyphen === undefined ? 0 : line.hyphen === 'keep' ? 1 : 2;
    l[k + 2] = ref(line.why.label);
    l[k + 3] = ref(line.why.brk);
    l[k + 4] = ref(line.why.hyphen);
  }
  const s = labelRuns(lines).map((run): Proposal['s'][number] =>
    [run.from.n, run.to.n, run.label.kind === 'article' ? run.label.article : null, run.label.role]);
  // Written by hand around the numbers: JSON.stringify of the object costs as much as the rest of this.
  const a = JSON.stringify(annotation.articles);
  return `{"v":1,"n":${lines.length},"a":${a},"r":${JSON.stringify(reasons)},"l":[${l.join(',')}],"s":${JSON.stringify(s)}}`;
}

/**
 * The lines and articles a stored proposal describes, read exactly as their rows would read:
 * `why` always there, `hyphen` only when set. Throws when the value does not fit the page's source text.
 */
export function decodeProposal(value: string, source: readonly string[], pageId: number): Pick<PageAnnotation, 'lines' | 'articles'> {
  const broken = (why: string) => new GalleyError('INTERNAL', `page ${pageId}: its stored proposal ${why}`);
  let proposal: Proposal;
  try {
    proposal = JSON.parse(value) as Proposal;
  } catch {
    throw broken('is not valid JSON');
  }
  if (proposal?.v !== 1 || !Array.isArray(proposal.a) || !Array.isArray(proposal.r) || !Array.isArray(proposal.l) || !Array.isArray(proposal.s)) {
    throw broken('has an unknown shape');
  }
  const articles = proposal.a.map((a): ArticleMeta => {
    if (typeof a?.id !== 'string' || typeof a.genre !== 'string' || !Array.isArray(a.authors) || !Array.isArray(a.flags)) throw broken('has an article of an unknown shape');
    const meta: ArticleMeta = { id: a.id, genre: a.genre, authors: a.authors, flags: a.flags };
    if (a.why !== undefined) meta.why = a.why;
    return meta;
  });
  if (proposal.n !== source.length || proposal.l.length !== source.length * PER_LINE) {
    throw broken(`is for ${proposal.n} lines, its source text has ${source.length}`);
  }
  const keys = new Set(articles.map((a) => a.id));
  const reasonAt = (k: unknown): Reason | undefined => {
    if (k === 0) return undefined;
    const r = typeof k === 'number' ? proposal.r[k - 1] : undefined;
    if (!r) throw broken(`names reason ${String(k)}, which it does not have`);
    return r.length === 3 ? { rule: r[0], confidence: r[1], detail: r[2] } : { rule: r[0], confidence: r[1] };
  };
  const lines = source.map((text, i): AnnotatedLine => {
    const k = i * PER_LINE;
    const brk = BREAKS[proposal.l[k]!];
    const hyphenCode = proposal.l[k + 1]!;
    if (brk === undefined || hyphenCode < 0 || hyphenCode >= HYPHENS.length) throw broken(`has an unknown break at line ${i + 1}`);
    const why: AnnotatedLine['why'] = {};
    const label = reasonAt(proposal.l[k + 2]);
    const brkWhy = reasonAt(proposal.l[k + 3]);
    const hyphenWhy = reasonAt(proposal.l[k + 4]);
    if (label) why.label = label;
    if (brkWhy) why.brk = brkWhy;
    if (hyphenWhy) why.hyphen = hyphenWhy;
    const line: AnnotatedLine = { n: i + 1, text, label: null, brk, why };
    const hyphen = HYPHENS[hyphenCode];
    if (hyphen !== undefined) line.hyphen = hyphen;
    return line;
  });
  for (const run of proposal.s) {
    const [from, to, article, role] = Array.isArray(run) ? run : [];
    if (typeof from !== 'number' || typeof to !== 'number' || from < 1 || to < from || to > lines.length || typeof role !== 'string') {
      throw broken('has a label run outside the page');
    }
    if (article !== null && !keys.has(article!)) throw broken(`labels lines for article ${String(article)}, which the page does not have`);
    for (let n = from; n <= to; n++) {
      lines[n - 1]!.label = (article === null ? { kind: 'furniture', role } : { kind: 'article', article, role }) as LineLabel;
    }
  }
  return { lines, articles };
}
