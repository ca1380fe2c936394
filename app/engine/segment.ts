import type { AnnotatedLine, ArticleMeta, Genre, LineRole, PageAnnotation, Reason } from '../model/page.js';
import { breakAcross, type BreakDecision } from './breaks.js';
import { findFurniture } from './furniture.js';
import { headlineRoles, markHeadlines, paraText, type Group } from './headlines.js';
import { buildVocabulary, decideHyphen, endsInHyphen, hyphenLookups, isHyphenBreak, type Vocabulary } from './hyphenation.js';
import { findBlocks, measure, type Block, type LineFeat } from './layout.js';
import { detectOrder, type Unit } from './order.js';
import { lineCues, splitParas, type Para } from './paras.js';
import { profileFromCounts, type Profile } from './profiles/index.js';
import { repairText } from './text-repair.js';

export interface ProposeOptions {
  /** The language profile; detected from the page's script when absent. */
  profile?: Profile;
}

interface Article {
  paras: Para[];
  group: Group | null;
  hasBody: boolean;
  why: Reason;
}

/** The engine's first pass over one page: every line labelled, every break decided, with reasons. */
export function proposePage(lines: readonly string[], options: ProposeOptions = {}): PageAnnotation {
  const feats = lines.map(measure);
  const profile = options.profile ?? profileFromCounts(lines, feats);
  const furniture = findFurniture(feats, profile);
  const cues = lineCues(feats, profile);
  const blocks = findBlocks(feats, (i) => furniture.has(i), (i) => cues[i] === 'start' || cues[i] === 'byline');
  const brk: (BreakDecision | undefined)[] = new Array<BreakDecision | undefined>(lines.length);
  const paras = splitParas(feats, blocks, profile, cues, brk);
  markHeadlines(paras, feats, blocks, profile);
  const units = toUnits(paras);
  const { order, why: orderWhy } = detectOrder(units, feats);
  const articles = order === 'after' ? assembleAfter(units) : assembleBefore(units);

  const out: AnnotatedLine[] = lines.map((text, i) => ({ n: i + 1, text, label: null, brk: 'paragraph', why: {} }));
  for (const [i, f] of furniture) {
    if (!feats[i]!.blank) out[i]!.label = { kind: 'furniture', role: f.role };
    out[i]!.why = { label: f.why };
  }
  const metas = articles.map((a, k) => labelArticle(a, `a${k + 1}`, out, feats, blocks, brk, profile, orderWhy));
  markHyphens(out);
  let section: string | null = null;
  for (const [i, f] of furniture) if (f.role === 'page-header' && section === null) section = feats[i]!.t;
  return { lines: out, articles: metas, section, headlineOrder: order };
}

function toUnits(paras: readonly Para[]): Unit[] {
  const units: Unit[] = [];
  for (const p of paras) {
    const headish = p.kind === 'headline' || p.kind === 'byline' || p.kind === 'byline-tail';
    const last = units[units.length - 1];
    if (headish && last?.group) last.group.paras.push(p);
    else if (headish) units.push({ group: { paras: [p] } });
    else units.push({ para: p });
  }
  return units;
}

const isBodyKind = (p: Para) => p.kind !== 'headline' && p.kind !== 'byline' && p.kind !== 'byline-tail';
const hasHeadline = (g: Group) => g.paras.some((p) => p.kind === 'headline');

function newArticle(why: Reason): Article {
  return { paras: [], group: null, hasBody: false, why };
}

/** Headlines after bodies: an article runs from its start cue (or the previous headline) to its own headline. */
function assembleAfter(units: readonly Unit[]): Article[] {
  const out: Article[] = [];
  let cur: Article | null = null;
  for (const u of units) {
    if (u.group) {
      if (!hasHeadline(u.group) && cur === null && out.length > 0) {
        // a byline under the previous article's headline belongs to that article
        out[out.length - 1]!.paras.push(...u.group.paras);
        continue;
      }
      cur ??= newArticle({ rule: 'after-headline', confidence: 0.7 });
      cur.group = u.group;
      cur.paras.push(...u.group.paras);
      out.push(cur);
      cur = null;
      continue;
    }
    const p = u.para;
    if (p.kind === 'start' && cur?.hasBody) {
      out.push(cur);
      cur = null;
    }
    cur ??= newArticle(p.kind === 'start' ? p.why : { rule: out.length ? 'after-headline' : 'page-start', confidence: 0.7 });
    cur.paras.push(p);
    cur.hasBody = true;
  }
  if (cur) out.push(cur);
  return out;
}

/** Headlines before bodies: a headline group opens an article; a start cue after body text opens one without a headline. */
function assembleBefore(units: readonly Unit[]): Article[] {
  const out: Article[] = [];
  let cur: Article | null = null;
  for (const u of units) {
    if (u.group) {
      if (cur && !cur.hasBody && (!hasHeadline(u.group) || !cur.group)) {
        cur.paras.push(...u.group.paras);
        cur.group ??= u.group;
        continue;
      }
      if (cur) out.push(cur);
      cur = newArticle({ rule: 'headline-first', confidence: 0.75 });
      cur.group = u.group;
      cur.paras.push(...u.group.paras);
      continue;
    }
    const p = u.para;
    if (p.kind === 'start' && cur?.hasBody) {
      out.push(cur);
      cur = null;
    }
    cur ??= newArticle(p.kind === 'start' ? p.why : { rule: 'page-start', confidence: 0.6 });
    cur.paras.push(p);
    cur.hasBody = true;
  }
  if (cur) out.push(cur);
  return out;
}

function labelArticle(a: Article, id: string, out: AnnotatedLine[], feats: readonly LineFeat[], blocks: readonly Block[], brk: readonly (BreakDecision | undefined)[], profile: Profile, orderWhy: Reason): ArticleMeta {
  a.paras.sort((x, y) => x.from - y.from);
  const roles = new Map<Para, { role: LineRole; why: Reason }>();
  const parts = a.paras.filter((p) => p.kind === 'headline');
  headlineRoles(parts, feats, profile).forEach((r, k) => roles.set(parts[k]!, r));
  const body = a.paras.filter(isBodyKind);
  const letter = body.some((p) => p.kind === 'salutation');
  for (let k = 0; k < body.length; k++) {
    const p = body[k]!;
    roles.set(p, bodyRole(p, body[k - 1], body[k + 1], feats, blocks, letter, profile));
  }
  // a letter closes on its sender's name and date: short lines after the last sentence
  for (let k = body.length - 1; letter && k > 0; k--) {
    const p = body[k]!;
    if (p.kind !== 'signoff' && !(p.kind === 'body' && signatureLike(p, feats, blocks))) break;
    roles.set(p, { role: 'signature', why: p.kind === 'signoff' ? p.why : { rule: 'signature-block', confidence: 0.55 } });
  }
  for (const p of a.paras) if (p.kind === 'byline' || p.kind === 'byline-tail') roles.set(p, { role: 'byline', why: p.why });

  // each line's break into the next line of the same role in this article
  const byRole = new Map<LineRole, Para[]>();
  for (const p of a.paras) {
    const role = roles.get(p)!.role;
    const list = byRole.get(role) ?? [];
    list.push(p);
    byRole.set(role, list);
  }
  for (const [role, list] of byRole) {
    for (let k = 0; k < list.length; k++) {
      const p = list[k]!;
      const r = roles.get(p)!;
      for (let i = p.from; i <= p.to; i++) {
        const line = out[i]!;
        line.label = { kind: 'article', article: id, role };
        line.why.label = i === p.from ? r.why : { rule: r.why.rule, confidence: r.why.confidence };
        if (i < p.to) {
          const d = brk[i];
          line.brk = d?.brk ?? 'join';
          if (d) line.why.brk = d.why;
        }
      }
      const end = endBreak(role, p, list[k + 1], feats, blocks, brk);
      out[p.to]!.brk = end.brk;
      out[p.to]!.why.brk = end.why;
    }
  }
  const title = parts.find((p) => roles.get(p)!.role === 'headline');
  const flags: string[] = title ? [] : ['no-title'];
  const genre = genreOf(a, roles, feats, profile, letter);
  return { id, genre, authors: authorsOf(a, feats, profile, genre === 'photo'), flags, why: a.why.rule === 'headline-first' || a.why.rule === 'after-headline' ? { ...a.why, detail: orderWhy.detail ?? '' } : a.why };
}

function bodyRole(p: Para, prev: Para | undefined, next: Para | undefined, feats: readonly LineFeat[], blocks: readonly Block[], letter: boolean, profile: Profile): { role: LineRole; why: Reason } {
  if (p.kind === 'caption' || p.kind === 'credit') return { role: 'caption', why: p.why };
  if (p.kind !== 'body' || letter) return { role: 'body', why: p.why };
  // the text above a photo credit is that photo's caption
  if (next?.kind === 'credit' && p.to - p.from <= 3) return { role: 'caption', why: { rule: 'photo-credit', confidence: 0.7 } };
  // a short line that neither ends a sentence nor continues into the next paragraph, between two
  // paragraphs of the body: a photo caption set inside the text
  if (p.from === p.to && prev && next && next.block === p.block) {
    const f = feats[p.from]!;
    const col = blocks[p.block]!.col;
    const short = f.cjk ? col - f.width >= 3 : f.width < 0.7 * col;
    if (short && !f.final && feats[prev.to]!.final && !profile.closing.test(f.t)) return { role: 'caption', why: { rule: 'caption-short-line', confidence: 0.55, detail: f.t.slice(0, 24) } };
  }
  return { role: 'body', why: p.why };
}

function signatureLike(p: Para, feats: readonly LineFeat[], blocks: readonly Block[]): boolean {
  const col = blocks[p.block]!.col;
  for (let i = p.from; i <= p.to; i++) if (feats[i]!.final || feats[i]!.width > col * 0.7) return false;
  return p.to - p.from < 3;
}

function end(rule: string, confidence = 0.9): BreakDecision {
  return { brk: 'paragraph', why: { rule, confidence } };
}

function endBreak(role: LineRole, p: Para, q: Para | undefined, feats: readonly LineFeat[], blocks: readonly Block[], brk: readonly (BreakDecision | undefined)[]): BreakDecision {
  if (!q) return end('role-end');
  if (role === 'byline') return { brk: 'join', why: { rule: 'byline-cue', confidence: 0.8 } };
  if (role === 'caption') return q.kind === 'credit' && q.from <= p.to + 2 ? { brk: 'join', why: { rule: 'photo-credit', confidence: 0.75 } } : end('caption-end', 0.7);
  if (role !== 'body') return end('headline-part', 0.8);
  if (q.block === p.block) return brk[p.to] ?? end('short-line');
  if (p.kind === 'jump' || q.kind === 'jump' || q.kind === 'start' || p.kind === 'salutation' || p.kind === 'caption') return end('cue-line', 0.8);
  return breakAcross(feats[p.to]!, blocks[p.block]!.col, blocks[q.block]!.col);
}

function genreOf(a: Article, roles: Map<Para, { role: LineRole }>, feats: readonly LineFeat[], profile: Profile, letter: boolean): Genre {
  if (letter) return 'letter';
  const body = a.paras.filter((p) => roles.get(p)!.role === 'body');
  const captions = a.paras.filter((p) => roles.get(p)!.role === 'caption');
  if (body.length === 0 && captions.length > 0) return 'photo';
  const title = a.paras.find((p) => roles.get(p)!.role === 'headline');
  if (title && profile.noticeTitle.test(paraText(feats, title))) return 'notice';
  const byline = a.paras.some((p) => p.kind === 'byline');
  if (byline && !a.paras.some((p) => p.kind === 'start')) return 'feature';
  return 'news';
}

function authorsOf(a: Article, feats: readonly LineFeat[], profile: Profile, photo: boolean): string[] {
  const names: string[] = [];
  const texts: string[] = [];
  const start = a.paras.find((p) => p.kind === 'start');
  if (start) texts.push(repairText(linesOf(feats, start.from, Math.min(start.to, start.from + 2)), { mode: 'prose' }).slice(0, 60));
  for (const p of a.paras) if (p.kind === 'byline' || p.kind === 'byline-tail') texts.push(...bylineTexts(feats, p, profile));
  // a photo item's authors are its photographers
  if (photo) for (const p of a.paras) if (p.kind === 'credit') texts.push(feats[p.from]!.t);
  for (const t of texts) for (const n of profile.authors(t)) if (!names.includes(n)) names.push(n);
  return names;
}

/** A byline's names, one text per byline line, its continuation lines (a broken name) joined to it. */
function bylineTexts(feats: readonly LineFeat[], p: Para, profile: Profile): string[] {
  const out: string[][] = [];
  for (let i = p.from; i <= p.to; i++) {
    const t = feats[i]!.t;
    const cur = out[out.length - 1];
    if (cur && !profile.bylineTail.test(t) && !profile.byline.test(t)) cur.push(t);
    else out.push([t]);
  }
  return out.map((lines) => repairText(lines, { mode: 'names' }));
}

function linesOf(feats: readonly LineFeat[], from: number, to: number): string[] {
  const out: string[] = [];
  for (let i = from; i <= to; i++) out.push(feats[i]!.t);
  return out;
}

/** Decides each line-end hyphen once, so the editor sees (and can flip) the choice. */
function markHyphens(out: AnnotatedLine[]): void {
  // most pages have no joined line ending in a hyphen: nothing to pair up
  if (!out.some((l) => l.brk === 'join' && l.label?.kind === 'article' && endsInHyphen(l.text))) return;
  // the line after, per article and role (two lookups of existing strings, no key built per line)
  const next = new Map<string, Map<LineRole, number>>();
  const hyphens: { line: AnnotatedLine; left: string; right: string }[] = [];
  for (let i = out.length - 1; i >= 0; i--) {
    const l = out[i]!;
    if (l.label?.kind !== 'article') continue;
    let byRole = next.get(l.label.article);
    if (byRole === undefined) next.set(l.label.article, (byRole = new Map()));
    const j = byRole.get(l.label.role);
    byRole.set(l.label.role, i);
    if (j === undefined || l.brk !== 'join' || !isHyphenBreak(l.text, out[j]!.text)) continue;
    hyphens.push({ line: l, left: l.text.trimEnd().slice(0, -1), right: out[j]!.text.trimStart() });
  }
  if (hyphens.length === 0) return;
  // the page's vocabulary, as far as these hyphens will look words up in it
  const lookups = new Set(hyphens.flatMap((h) => hyphenLookups(h.left, h.right)));
  const vocab: Vocabulary = buildVocabulary(out.map((x) => x.text), lookups);
  for (const { line, left, right } of hyphens) {
    const d = decideHyphen(left, right, vocab);
    line.hyphen = d.choice;
    line.why.hyphen = { rule: d.rule, confidence: d.rule === 'hyphen-vocabulary' ? 0.9 : 0.65 };
  }
}
