import { FURNITURE_ROLES, GENRES, LINE_ROLES, type AnnotatedLine, type ArticleMeta, type FurnitureRole, type Genre, type LineLabel, type LineRole, type PageAnnotation } from '../model/page.js';
import type { GoldDoc, ScoredArticle } from './score.js';

/** A gold article as the gold files carry it: the scored fields and what an annotation needs besides. */
export interface GoldArticle extends ScoredArticle {
  id?: string;
  genre?: string;
  paragraph_starts?: number[] | null;
}

export interface GoldPage extends GoldDoc {
  articles: GoldArticle[];
  section?: string | null;
}

const squash = (s: string): string => s.replace(/\s+/gu, '');

/**
 * The page annotation an editor would have made to reach a gold file: what learning from a
 * corrected page is given when the correction comes from a gold file (`galley eval --adapt`).
 * Labels come from `line_labels` (`e1:body`, `furniture:page-header`), body breaks from
 * `paragraph_starts`, caption breaks from the `captions` texts; other roles run on as one part.
 * Throws an Error naming the line when a label is not one the model knows.
 */
export function goldToAnnotation(lines: readonly string[], gold: GoldPage): PageAnnotation {
  const labels = gold.line_labels;
  const byId = new Map<string, GoldArticle>();
  gold.articles.forEach((a, k) => byId.set(a.id ?? `e${k + 1}`, a));
  const starts = new Map<string, Set<number>>();
  for (const [id, a] of byId) starts.set(id, new Set(a.paragraph_starts ?? []));
  const out: AnnotatedLine[] = lines.map((text, i) => ({ n: i + 1, text, label: labelOf(labels[i + 1] ?? null, text, i + 1), brk: 'paragraph', why: {} }));
  // each line's break into the next line of its article and role
  const last = new Map<string, number>();
  for (let i = 0; i < out.length; i++) {
    const l = out[i]!.label;
    if (l?.kind !== 'article') continue;
    const key = `${l.article}\u0000${l.role}`;
    const prev = last.get(key);
    if (prev !== undefined) out[prev]!.brk = l.role === 'body' ? (starts.get(l.article)?.has(i + 1) ? 'paragraph' : 'join') : l.role === 'signature' || l.role === 'caption' ? 'paragraph' : 'join';
    last.set(key, i);
  }
  for (const [id, a] of byId) markCaptionRuns(out, id, a.captions ?? []);
  const articles: ArticleMeta[] = [];
  const seen = new Set<string>();
  for (const l of out) {
    if (l.label?.kind !== 'article' || seen.has(l.label.article)) continue;
    seen.add(l.label.article);
    const a = byId.get(l.label.article);
    articles.push({ id: l.label.article, genre: genreOf(a?.genre), authors: [...(a?.authors ?? [])], flags: [] });
  }
  return { lines: out, articles, section: gold.section ?? null, headlineOrder: orderOf(out) };
}

function labelOf(raw: string | null, text: string, n: number): LineLabel | null {
  if (raw === null || text.trim() === '') return null;
  const at = raw.lastIndexOf(':');
  const owner = raw.slice(0, at);
  const role = raw.slice(at + 1);
  if (owner === 'furniture') {
    if (!(FURNITURE_ROLES as readonly string[]).includes(role)) throw new Error(`gold line ${n}: unknown furniture role ${role}`);
    return { kind: 'furniture', role: role as FurnitureRole };
  }
  if (at <= 0 || !(LINE_ROLES as readonly string[]).includes(role)) throw new Error(`gold line ${n}: bad label ${raw}`);
  return { kind: 'article', article: owner, role: role as LineRole };
}

/** Caption lines join until their text makes up the next caption of the gold article. */
function markCaptionRuns(out: AnnotatedLine[], id: string, captions: readonly string[]): void {
  const lines = out.filter((l) => l.label?.kind === 'article' && l.label.article === id && l.label.role === 'caption');
  let k = 0;
  let acc = 0;
  for (let j = 0; j < lines.length; j++) {
    const want = k < captions.length ? squash(captions[k]!).length : Infinity;
    acc += squash(lines[j]!.text).length;
    if (acc >= want) {
      lines[j]!.brk = 'paragraph';
      k++;
      acc = 0;
    } else lines[j]!.brk = 'join';
  }
  if (lines.length) lines[lines.length - 1]!.brk = 'paragraph';
}

function genreOf(g: string | undefined): Genre {
  return (GENRES as readonly string[]).includes(g ?? '') ? (g as Genre) : 'other';
}

/** Before when most articles show their headline above their first body line. */
function orderOf(lines: readonly AnnotatedLine[]): PageAnnotation['headlineOrder'] {
  const firstHead = new Map<string, number>();
  const firstBody = new Map<string, number>();
  for (const l of lines) {
    if (l.label?.kind !== 'article') continue;
    const m = l.label.role === 'headline' ? firstHead : l.label.role === 'body' ? firstBody : null;
    if (m && !m.has(l.label.article)) m.set(l.label.article, l.n);
  }
  let before = 0;
  let after = 0;
  for (const [id, h] of firstHead) {
    const b = firstBody.get(id);
    if (b === undefined) continue;
    if (h < b) before++;
    else after++;
  }
  return before + after === 0 ? 'unknown' : before >= after ? 'before' : 'after';
}
