import { GalleyError } from '../../app/errors.js';
import type { AnnotatedLine, ArticleMeta, LineLabel, Reason } from '../../app/model/page.js';
import { labelRuns } from './annotation-rows.js';

/**
 * A page nobody has corrected yet is stored as its source text plus the engine's decisions in one
 * compact value (pages.proposal), not as a row per line: every line's text is its source line, so
 * storing it again would double the page, and an import of thousands of pages is mostly that
 * write. The first edit of the page turns it into rows (page-patch.ts); from then on rows rule.
 *
 * The value is JSON: `n` source lines; `r` the page's distinct reasons, each [rule, confidence]
 * or [rule, confidence, detail]; `l` five numbers per line (break, hyphen, and the 1-based index
 * in `r` of the label, break and hyphen reasons, 0 for none); `s` the label runs as
 * [from n, to n, article key or null for furniture, role].
 */
export interface Proposal {
  v: 1;
  n: number;
  r: ([string, number] | [string, number, string])[];
  l: number[];
  s: [number, number, string | null, string][];
}

const PER_LINE = 5;
const NO_DETAIL = Symbol('no detail');
const BREAKS = ['join', 'paragraph'] as const;
const HYPHENS = [undefined, 'keep', 'drop'] as const;

/**
 * The compact value for `lines` when they are an uncorrected proposal over `source` (every line
 * whole, unedited, with its source text); null when they are not, so the caller stores rows.
 */
export function encodeProposal(lines: readonly AnnotatedLine[], source: readonly string[]): string | null {
  if (lines.length !== source.length) return null;
  const reasons: Proposal['r'] = [];
  // Rule → confidence → detail (NO_DETAIL for none) → index: no key string is built per line.
  const index = new Map<string, Map<number, Map<string | symbol, number>>>();
  const ref = (reason: Reason | undefined): number => {
    if (reason === undefined) return 0;
    let byConfidence = index.get(reason.rule);
    if (!byConfidence) index.set(reason.rule, (byConfidence = new Map()));
    let byDetail = byConfidence.get(reason.confidence);
    if (!byDetail) byConfidence.set(reason.confidence, (byDetail = new Map()));
    const detail = reason.detail ?? NO_DETAIL;
    let k = byDetail.get(detail);
    if (k === undefined) {
      reasons.push(reason.detail === undefined ? [reason.rule, reason.confidence] : [reason.rule, reason.confidence, reason.detail]);
      byDetail.set(detail, (k = reasons.length));
    }
    return k;
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
  const proposal: Proposal = { v: 1, n: lines.length, r: reasons, l, s };
  return JSON.stringify(proposal);
}

/**
 * The lines a stored proposal describes, read exactly as their rows would read: `why` always
 * there, `hyphen` only when set. Throws when the value does not fit the page's source text.
 */
export function decodeProposal(value: string, source: readonly string[], articles: readonly ArticleMeta[], pageId: number): AnnotatedLine[] {
  const broken = (why: string) => new GalleyError('INTERNAL', `page ${pageId}: its stored proposal ${why}`);
  let proposal: Proposal;
  try {
    proposal = JSON.parse(value) as Proposal;
  } catch {
    throw broken('is not valid JSON');
  }
  if (proposal?.v !== 1 || !Array.isArray(proposal.r) || !Array.isArray(proposal.l) || !Array.isArray(proposal.s)) throw broken('has an unknown shape');
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
  return lines;
}
