import { emptyPublicationProfile, isUncertain, learnFromPage, proposePage, renderPage, type PublicationProfile } from '../engine/index.js';
import type { LineBox } from '../model/geometry.js';
import type { LineLabel, PageAnnotation, Reason } from '../model/page.js';
import { alignLines, onGoldLines } from './align.js';
import { goldToAnnotation, type GoldPage } from './gold-annotation.js';
import { scorePage, type Metrics } from './score.js';

/** One page with its gold file, as `galley eval` reads them from a folder. */
export interface EvalPage {
  name: string;
  lines: string[];
  gold: GoldPage;
  /**
   * The text the gold's line numbers refer to, when `lines` came another way (a PDF or ALTO print
   * of the page): the engine's result is re-numbered onto it before scoring, and learning reads it.
   */
  goldLines?: string[];
  /** Where each of `lines` stands on the print (a PDF or ALTO page), for the engine to read sizes and columns from. */
  boxes?: readonly (LineBox | null)[] | undefined;
}

/**
 * plain: the engine alone. cv: each page with a profile learned from all the other pages (leave one
 * page out). adapt: pages in order, each scored before its gold is learned.
 */
export type EvalMode = 'plain' | 'cv' | 'adapt';

export interface Band {
  from: number;
  to: number;
  decisions: number;
  right: number;
}

export interface Calibration {
  labels: Band[];
  breaks: Band[];
}

export interface Flagged {
  /** Non-blank lines, and those with an uncertain label or break decision. */
  lines: number;
  flagged: number;
  /** Lines whose label is wrong, and how many of them are flagged. */
  wrongLabels: number;
  wrongFlagged: number;
}

export interface Evaluation {
  mode: EvalMode;
  pages: { page: string; metrics: Metrics; learnedFrom: number }[];
  mean: number;
  /** adapt only: the score of each page by how many pages were learned before it. */
  curve?: { learned: number; page: string; score: number }[];
  /** adapt only: the mean over the 4th page on (after 3 pages learned); null with fewer than 4 pages. */
  meanAfter3?: number | null;
  calibration: Calibration;
  flagged: Flagged;
}

const BAND_EDGES = [0, 0.5, 0.6, 0.65, 0.7, 0.8, 0.9, 1.0001];

function newBands(): Band[] {
  return BAND_EDGES.slice(0, -1).map((from, k) => ({ from, to: Math.min(1, BAND_EDGES[k + 1]!), decisions: 0, right: 0 }));
}

function record(bands: Band[], why: Reason | undefined, right: boolean): void {
  if (!why) return;
  const b = bands.find((x) => why.confidence >= x.from && why.confidence < (x.to === 1 ? 1.0001 : x.to));
  if (!b) return;
  b.decisions++;
  if (right) b.right++;
}

export function evaluate(pages: readonly EvalPage[], mode: EvalMode): Evaluation {
  const golds = pages.map((p) => goldToAnnotation(p.goldLines ?? p.lines, p.gold));
  const calibration: Calibration = { labels: newBands(), breaks: newBands() };
  const flagged: Flagged = { lines: 0, flagged: 0, wrongLabels: 0, wrongFlagged: 0 };
  const rows: Evaluation['pages'] = [];
  let adaptive = emptyPublicationProfile();
  for (let k = 0; k < pages.length; k++) {
    const p = pages[k]!;
    let learned: PublicationProfile | undefined;
    if (mode === 'cv') {
      learned = emptyPublicationProfile();
      for (let j = 0; j < pages.length; j++) if (j !== k) learned = learnFromPage(learned, pages[j]!.goldLines ?? pages[j]!.lines, golds[j]!);
    } else if (mode === 'adapt') learned = adaptive;
    const proposal = proposePage(p.lines, learned ? { learned, boxes: p.boxes } : { boxes: p.boxes });
    const rendered = renderPage(proposal, { file: p.name, sha256: '' });
    const metrics = scorePage(p.gold, p.goldLines ? onGoldLines(rendered, p.lines, p.goldLines) : rendered);
    rows.push({ page: p.name, metrics, learnedFrom: learned?.pages ?? 0 });
    judge(proposal, p.goldLines ? goldOnLines(golds[k]!, alignLines(p.lines, p.goldLines)) : golds[k]!, calibration, flagged);
    if (mode === 'adapt') adaptive = learnFromPage(adaptive, p.goldLines ?? p.lines, golds[k]!);
  }
  const mean = rows.reduce((s, r) => s + r.metrics.score, 0) / Math.max(1, rows.length);
  const out: Evaluation = { mode, pages: rows, mean, calibration, flagged };
  if (mode === 'adapt') {
    out.curve = rows.map((r) => ({ learned: r.learnedFrom, page: r.page, score: r.metrics.score }));
    const later = rows.slice(3);
    out.meanAfter3 = later.length ? later.reduce((s, r) => s + r.metrics.score, 0) / later.length : null;
  }
  return out;
}

/**
 * The gold said on the lines the engine read (a print's), for `judge`: each line takes the label
 * and break of the gold line it is; a line with none is left unlabelled, so it is not judged.
 */
function goldOnLines(gold: PageAnnotation, map: Int32Array): PageAnnotation {
  return {
    ...gold,
    lines: Array.from(map, (g, i) => {
      const line = g >= 0 ? gold.lines[g] : undefined;
      return line ? { ...line, n: i + 1 } : { n: i + 1, text: '', label: null, brk: 'paragraph' as const, why: {} };
    }),
  };
}

/**
 * Compares each line's label and break with the gold annotation: an engine article stands for the
 * gold article it shares most lines with. Fills the calibration bands and the flagged-line counts.
 */
function judge(proposal: PageAnnotation, gold: PageAnnotation, cal: Calibration, flagged: Flagged): void {
  const overlap = new Map<string, Map<string, number>>();
  const n = Math.min(proposal.lines.length, gold.lines.length);
  for (let i = 0; i < n; i++) {
    const e = proposal.lines[i]!.label;
    const g = gold.lines[i]!.label;
    if (e?.kind !== 'article' || g?.kind !== 'article') continue;
    const m = overlap.get(e.article) ?? new Map<string, number>();
    m.set(g.article, (m.get(g.article) ?? 0) + 1);
    overlap.set(e.article, m);
  }
  const match = new Map<string, string>();
  for (const [e, m] of overlap) match.set(e, [...m].sort((a, b) => b[1] - a[1])[0]![0]);
  const same = (e: LineLabel, g: LineLabel): boolean => (e.kind === 'furniture' ? g.kind === 'furniture' : g.kind === 'article' && match.get(e.article) === g.article && e.role === g.role);
  for (let i = 0; i < n; i++) {
    const l = proposal.lines[i]!;
    const g = gold.lines[i]!;
    if (l.label === null || g.label === null) continue;
    const right = same(l.label, g.label);
    record(cal.labels, l.why.label, right);
    const unsure = isUncertain(l.why.label) || (l.label.kind === 'article' && isUncertain(l.why.brk));
    flagged.lines++;
    if (unsure) flagged.flagged++;
    if (!right) {
      flagged.wrongLabels++;
      if (unsure) flagged.wrongFlagged++;
    }
    if (right && l.label.kind === 'article') record(cal.breaks, l.why.brk, l.brk === g.brk);
  }
}
