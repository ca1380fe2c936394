/**
 * A publication's learned profile: what the editor's corrections taught the engine about one paper.
 *
 * API (pure, no I/O; the store keeps the value per publication as JSON):
 *   emptyPublicationProfile()                      a profile that has learned nothing (pages: 0)
 *   learnFromPage(profile, lines, corrected)       a NEW profile that also knows this corrected page
 *   proposePage(lines, { learned: profile })       (app/engine/propose.ts) the first pass, then the
 *                                                  decisions this paper's editors have overruled
 *   parsePublicationProfile(json)                  validates an imported file (GalleyError BAD_INPUT
 *                                                  or UNSUPPORTED for another version)
 *   profile.pages                                  how many pages it learned from (shown in the UI)
 *
 * How it learns: the engine's first pass gives every line a label and a break, each with the rule
 * that decided it. Learning re-runs the first pass on the page and counts, per decision context
 * (the rule, the engine's choice and a few shape features of the line), what the editor's
 * annotation says instead. Proposing looks each decision up, most specific context first; where
 * enough lines of this paper were seen in that context and the editor chose otherwise most of the
 * time, the editor's choice wins (reason `learned-label`, `learned-break`, `learned-article`).
 * Where the editor agreed, the decision keeps its choice and takes the observed rate as its
 * confidence, so confidences mean something for this paper. Tables are counts: learning is a
 * single pass over the page, and a profile stays small (at most MAX_KEYS contexts per table).
 *
 * JSON shape (version 1):
 *   { version: 1, pages: number,
 *     labels: { [context]: { [target]: count } },   target: a line role or `F:` + furniture role
 *     breaks: { [context]: [joins, paragraphs] },
 *     opens:  { [context]: [continues, opens] } }  whether a line opens its article
 */
import { z } from 'zod';
import { GalleyError, firstIssue } from '../../errors.js';
import type { AnnotatedLine, ArticleMeta, BreakKind, LineLabel, LineRole, PageAnnotation, Reason } from '../../model/page.js';
import { detectProfile } from '../profiles/index.js';
import { firstPass } from '../segment.js';

export const PUBLICATION_PROFILE_VERSION = 1;

/** Contexts per table at most: a profile's size stays bounded whatever it learns from. */
export const MAX_KEYS = 20000;

const counts = z.record(z.string(), z.number().nonnegative());
const pair = z.tuple([z.number().nonnegative(), z.number().nonnegative()]);

export const publicationProfileSchema = z.object({
  version: z.literal(PUBLICATION_PROFILE_VERSION),
  pages: z.number().int().nonnegative(),
  labels: z.record(z.string(), counts),
  breaks: z.record(z.string(), pair),
  opens: z.record(z.string(), pair),
});

export type PublicationProfile = z.infer<typeof publicationProfileSchema>;

export function emptyPublicationProfile(): PublicationProfile {
  return { version: PUBLICATION_PROFILE_VERSION, pages: 0, labels: {}, breaks: {}, opens: {} };
}

/** Validates a profile read from a file or the store. */
export function parsePublicationProfile(json: unknown): PublicationProfile {
  const version = (json as { version?: unknown } | null)?.version;
  if (typeof version === 'number' && version !== PUBLICATION_PROFILE_VERSION) throw new GalleyError('UNSUPPORTED', `publication profile version ${version} is not one this version reads (${PUBLICATION_PROFILE_VERSION})`);
  const r = publicationProfileSchema.safeParse(json);
  if (!r.success) throw new GalleyError('BAD_INPUT', `not a publication profile: ${firstIssue(r.error)}`);
  return r.data;
}

/** Lines a context must have been seen on before it overrules the engine, and the share the editor's choice needs. */
const MIN_SEEN = 3;
const MIN_SHARE = 0.7;

// ---- decision contexts -------------------------------------------------------------------

const tag = (l: LineLabel | null): string => (l === null ? '' : l.kind === 'furniture' ? `F:${l.role}` : l.role);

function charClass(c: number): string {
  if (c === 0xff08 || c === 0x28 || c === 0x300c || c === 0x300e) return 'o';
  if (c === 0xff09 || c === 0x29 || c === 0x300d || c === 0x300f) return 'c';
  if (c === 0x3002 || c === 0xff01 || c === 0xff1f || c === 0x2e || c === 0x21 || c === 0x3f) return 's';
  if (c === 0x3001 || c === 0xff0c || c === 0x2c || c === 0xff1b || c === 0x3b || c === 0xff1a || c === 0x3a) return 'p';
  if (c >= 0x30 && c <= 0x39) return 'd';
  if ((c >= 0x41 && c <= 0x5a) || (c >= 0x61 && c <= 0x7a)) return 'l';
  if (c >= 0x2460 && c <= 0x27bf) return 'b';
  return c >= 0x3400 ? 'h' : 'x';
}

function lengthBucket(n: number): string {
  return n <= 2 ? '2' : n <= 6 ? '6' : n <= 12 ? '12' : n <= 24 ? '24' : n <= 48 ? '48' : 'L';
}

/** A line's shape: its length and how it starts and ends. */
function shapeOf(t: string): string {
  const s = t.trim();
  return `${lengthBucket(s.length)}${charClass(s.charCodeAt(0))}${charClass(s.charCodeAt(s.length - 1))}`;
}

/** Where the line stands in its block of non-blank lines: alone, first, last or inside. */
function placeOf(lines: readonly AnnotatedLine[], i: number): string {
  const before = i > 0 && lines[i - 1]!.label !== null;
  const after = i + 1 < lines.length && lines[i + 1]!.label !== null;
  return before ? (after ? 'i' : 'l') : after ? 'f' : 'a';
}

interface LineContext {
  label: string[];
  brk: string[];
  open: string[];
  /** Whether the first pass has the line open its article. */
  opens: boolean;
}

/** Each non-blank line's contexts, most general first, from the first pass's annotation. */
function contexts(page: PageAnnotation): (LineContext | null)[] {
  const seen = new Set<string>();
  let prevTag = '^';
  let prevBrk = '^';
  let entry = '^';
  return page.lines.map((l, i) => {
    if (l.label === null) return null;
    const eng = tag(l.label);
    const shape = shapeOf(l.text);
    const place = placeOf(page.lines, i);
    // how the block was entered: the break decided on the last line before it (a column run-on, a paragraph end)
    if (place === 'f' || place === 'a') entry = prevBrk;
    const rule = l.why.label?.rule ?? '';
    const l1 = `${eng}|${rule}`;
    const label = [l1, `${l1}|${entry}`, `${l1}|${entry}|${shape}`, `${l1}|${entry}|${shape}|${place}|${prevTag}`];
    prevBrk = l.label.kind === 'article' ? (l.why.brk?.rule ?? '') : eng;
    const b1 = `${eng}|${l.why.brk?.rule ?? ''}`;
    const brk = [b1, `${b1}|${shape}|${place}`];
    const opens = l.label.kind === 'article' && !seen.has(l.label.article);
    if (l.label.kind === 'article') seen.add(l.label.article);
    const o1 = `${opens ? 1 : 0}|${eng}|${rule}`;
    const open = [o1, `${o1}|${shape}|${place}|${prevTag}`];
    prevTag = eng;
    return { label, brk, open, opens };
  });
}

// ---- learning ----------------------------------------------------------------------------

/**
 * A new profile that has also learned from one corrected page: `lines` as imported and the
 * annotation the editor made of them (same line count and numbering). The profile passed in is
 * left as it was. Cost: one first pass plus one walk over the lines.
 */
export function learnFromPage(profile: PublicationProfile, lines: readonly string[], corrected: PageAnnotation): PublicationProfile {
  const next: PublicationProfile = { version: PUBLICATION_PROFILE_VERSION, pages: profile.pages + 1, labels: { ...profile.labels }, breaks: { ...profile.breaks }, opens: { ...profile.opens } };
  const engine = firstPass(lines);
  const ctx = contexts(engine);
  const gold = new Map<number, AnnotatedLine>();
  // an editor's split line (part) keeps its source line's number: the first part speaks for the line
  for (const l of corrected.lines) if (!gold.has(l.n)) gold.set(l.n, l);
  const goldSeen = new Set<string>();
  for (let i = 0; i < engine.lines.length; i++) {
    const c = ctx[i];
    const g = gold.get(i + 1);
    if (!c || !g) continue;
    const target = g.label === null ? 'blank' : tag(g.label);
    for (const k of c.label) bump(next.labels, k, target);
    if (g.label?.kind !== 'article') continue;
    const opens = !goldSeen.has(g.label.article);
    goldSeen.add(g.label.article);
    const e = engine.lines[i]!.label;
    if (e?.kind === 'article') for (const k of c.open) tally(next.opens, k, opens ? 1 : 0);
    // a break is comparable where editor and engine agree on the line's role
    if (e?.kind === 'article' && e.role === g.label.role) for (const k of c.brk) tally(next.breaks, k, g.brk === 'join' ? 0 : 1);
  }
  return next;
}

function bump(table: Record<string, Record<string, number>>, key: string, target: string): void {
  const row = table[key];
  if (row === undefined) {
    if (Object.keys(table).length >= MAX_KEYS) return;
    table[key] = { [target]: 1 };
    return;
  }
  table[key] = { ...row, [target]: (row[target] ?? 0) + 1 };
}

function tally(table: Record<string, [number, number]>, key: string, side: 0 | 1): void {
  const row = table[key];
  if (row === undefined && Object.keys(table).length >= MAX_KEYS) return;
  const [a, b] = row ?? [0, 0];
  table[key] = side === 0 ? [a + 1, b] : [a, b + 1];
}

// ---- proposing with what was learned -------------------------------------------------------

/** The most specific context seen often enough: its majority choice, that choice's share and how many lines it rests on. */
function verdict(rows: readonly (Record<string, number> | undefined)[]): { choice: string; share: number; seen: number } | null {
  for (let k = rows.length - 1; k >= 0; k--) {
    const row = rows[k];
    if (!row) continue;
    let seen = 0;
    let best = '';
    let top = -1;
    for (const [t, n] of Object.entries(row)) {
      seen += n;
      if (n > top) {
        top = n;
        best = t;
      }
    }
    if (seen >= MIN_SEEN) return { choice: best, share: top / seen, seen };
  }
  return null;
}

const asCounts = (p: [number, number] | undefined): Record<string, number> | undefined => (p ? { '0': p[0], '1': p[1] } : undefined);

const learned = (rule: string, share: number, seen: number): Reason => ({ rule, confidence: Math.round(share * 100) / 100, detail: `${Math.round(share * seen)}/${seen}` });

/**
 * The first pass's annotation with this paper's learned choices applied: labels, then which lines
 * open an article, then breaks. Decisions the profile has no verdict on stay as the engine made them.
 */
export function applyLearned(lines: readonly string[], page: PageAnnotation, profile: PublicationProfile): PageAnnotation {
  if (profile.pages === 0) return page;
  const ctx = contexts(page);
  const out: AnnotatedLine[] = page.lines.map((l) => ({ ...l, why: { ...l.why } }));
  const articles: ArticleMeta[] = page.articles.map((a) => ({ ...a, authors: [...a.authors], flags: [...a.flags] }));
  const touched = new Set<string>();
  // labels
  for (let i = 0; i < out.length; i++) {
    const c = ctx[i];
    const l = out[i]!;
    if (!c || l.label === null) continue;
    const v = verdict(c.label.map((k) => profile.labels[k]));
    if (!v) continue;
    const eng = tag(l.label);
    if (v.choice === eng || v.share < MIN_SHARE || v.choice === 'blank') {
      if (v.choice === eng && l.why.label) l.why.label = { ...l.why.label, confidence: calibrated(l.why.label.confidence, v.share, v.seen) };
      continue;
    }
    const label = relabel(out, i, v.choice);
    if (!label) continue;
    if (l.label.kind === 'article') touched.add(l.label.article);
    if (label.kind === 'article') touched.add(label.article);
    l.label = label;
    l.why.label = learned('learned-label', v.share, v.seen);
  }
  // article starts: merge an article into the one before, or split one at a line
  let fresh = 0;
  for (let i = 0; i < out.length; i++) {
    const c = ctx[i];
    const l = out[i]!;
    if (!c || l.label?.kind !== 'article' || page.lines[i]!.label?.kind !== 'article') continue;
    const v = verdict(c.open.map((k) => asCounts(profile.opens[k])));
    if (!v || v.share < MIN_SHARE || (v.choice === '1') === c.opens) continue;
    const id = l.label.article;
    if (c.opens) {
      const prev = previousArticle(out, i, id);
      if (prev === null) continue;
      for (const m of out) if (m.label?.kind === 'article' && m.label.article === id) m.label = { ...m.label, article: prev };
      touched.add(prev);
    } else {
      const nid = `${id}.${++fresh}`;
      for (let j = i; j < out.length; j++) {
        const m = out[j]!;
        if (m.label?.kind === 'article' && m.label.article === id) m.label = { ...m.label, article: nid };
      }
      const at = articles.findIndex((a) => a.id === id);
      articles.splice(at + 1, 0, { id: nid, genre: articles[at]?.genre ?? 'other', authors: [], flags: [] });
      touched.add(id);
      touched.add(nid);
    }
    l.why.label = learned('learned-article', v.share, v.seen);
  }
  // breaks, into the next line of the same article and role
  for (let i = 0; i < out.length; i++) {
    const c = ctx[i];
    const l = out[i]!;
    if (!c || l.label?.kind !== 'article' || tag(page.lines[i]!.label) !== tag(l.label)) continue;
    const v = verdict(c.brk.map((k) => asCounts(profile.breaks[k])));
    if (!v) continue;
    const kind: BreakKind = v.choice === '0' ? 'join' : 'paragraph';
    if (kind === l.brk || v.share < MIN_SHARE) {
      if (kind === l.brk && l.why.brk) l.why.brk = { ...l.why.brk, confidence: calibrated(l.why.brk.confidence, v.share, v.seen) };
      continue;
    }
    l.brk = kind;
    l.why.brk = learned('learned-break', v.share, v.seen);
  }
  const live = new Set<string>();
  for (const l of out) if (l.label?.kind === 'article') live.add(l.label.article);
  const kept = articles.filter((a) => live.has(a.id));
  if (touched.size > 0) refreshAuthors(lines, out, kept, touched);
  return { ...page, lines: out, articles: kept };
}

/** The engine's own confidence pulled toward the rate this paper showed, by how much was seen. */
function calibrated(own: number, share: number, seen: number): number {
  const w = seen / (seen + 5);
  return Math.round((w * share + (1 - w) * own) * 100) / 100;
}

/** The label a line takes for a learned target: a role in its own article (or the nearest one), or furniture. */
function relabel(lines: readonly AnnotatedLine[], i: number, target: string): LineLabel | null {
  if (target.startsWith('F:')) return { kind: 'furniture', role: target.slice(2) as Extract<LineLabel, { kind: 'furniture' }>['role'] };
  const cur = lines[i]!.label;
  const role = target as LineRole;
  if (cur?.kind === 'article') return { kind: 'article', article: cur.article, role };
  for (let d = 1; d < lines.length; d++) {
    for (const j of [i - d, i + d]) {
      const l = lines[j]?.label;
      if (l?.kind === 'article') return { kind: 'article', article: l.article, role };
    }
  }
  return null;
}

function previousArticle(lines: readonly AnnotatedLine[], i: number, id: string): string | null {
  for (let j = i - 1; j >= 0; j--) {
    const l = lines[j]!.label;
    if (l?.kind === 'article' && l.article !== id) return l.article;
  }
  return null;
}

/** Authors of articles whose bylines changed: the names in their byline lines. */
function refreshAuthors(lines: readonly string[], out: readonly AnnotatedLine[], articles: ArticleMeta[], touched: ReadonlySet<string>): void {
  const profile = detectProfile(lines);
  const bylines = new Map<string, string[][]>();
  for (const l of out) {
    if (l.label?.kind !== 'article' || l.label.role !== 'byline' || !touched.has(l.label.article)) continue;
    const runs = bylines.get(l.label.article) ?? [];
    const prev = out[l.n - 2];
    const joined = prev?.label?.kind === 'article' && prev.label.article === l.label.article && prev.label.role === 'byline' && prev.brk === 'join';
    if (joined && runs.length) runs[runs.length - 1]!.push(l.text.trim());
    else runs.push([l.text.trim()]);
    bylines.set(l.label.article, runs);
  }
  for (const a of articles) {
    if (!touched.has(a.id)) continue;
    const runs = bylines.get(a.id);
    if (!runs) continue;
    const names: string[] = [];
    for (const r of runs) for (const n of profile.authors(r.join(''))) if (!names.includes(n)) names.push(n);
    a.authors = names;
  }
}
