import type { LineBox } from '../model/geometry.js';
import type { AnnotatedLine, ArticleMeta, BreakKind, Genre, LineLabel, LineRole, PageAnnotation, Reason } from '../model/page.js';
import { breakAcross, pageStyle, type BreakDecision, type Breaks, type PageStyle } from './breaks.js';
import { findFurniture } from './furniture.js';
import { headlineRoles, letters, markHeadlines, paraText, type Group } from './headlines.js';
import { buildVocabulary, decideHyphen, hyphenLookups, isHyphenBreak, type Vocabulary } from './hyphenation.js';
import { findBlocks, measure, type Block, type LineFeat } from './layout.js';
import { detectOrder, type Unit } from './order.js';
import { lineCues, markCaptionRuns, splitParas, type Para } from './paras.js';
import { readPrint, sizeChanges, type Print } from './print.js';
import { profileFromCounts, type Profile } from './profiles/index.js';
import { furnitureFlags } from './scratch.js';
import { repairText } from './text-repair.js';

export interface FirstPassOptions {
  /** The language profile; detected from the page's script when absent. */
  profile?: Profile;
  /**
   * Where each line stands on the printed page (one box per line, null for a blank line), when the
   * page came with geometry: sizes and columns then decide what line lengths can only suggest.
   */
  boxes?: readonly (LineBox | null)[] | undefined;
}

interface Article {
  paras: Para[];
  group: Group | null;
  hasBody: boolean;
  why: Reason;
}

/** The engine's first pass over one page: every line labelled, every break decided, with reasons. */
export function firstPass(lines: readonly string[], options: FirstPassOptions = {}): PageAnnotation {
  const feats = lines.map(measure);
  const profile = options.profile ?? profileFromCounts(lines, feats);
  const style = pageStyle(feats);
  const furniture = findFurniture(feats, profile);
  const cues = lineCues(feats, profile);
  // findBlocks asks about every line: a flag array answers without a Map lookup
  const isFurniture = furnitureFlags(lines.length);
  for (const i of furniture.keys()) isFurniture[i] = 1;
  const print = readPrint(options.boxes, lines);
  // a change of type size opens a block too: a headline set over its text with no space between
  const blocks = findBlocks(feats, (i) => isFurniture[i] === 1, (i) => cues[i] === 'start' || cues[i] === 'byline' || (print !== null && sizeChanges(print, i, i - 1)));
  const brk: Breaks = { kind: new Array<BreakKind | undefined>(lines.length), why: new Array<Reason | undefined>(lines.length) };
  const paras = splitParas(feats, blocks, profile, cues, brk, style);
  markCaptionRuns(paras, feats);
  markHeadlines(paras, feats, blocks, profile, style, print);
  const units = toUnits(paras);
  const { order, why: orderWhy } = detectOrder(units, feats);
  const articles = order === 'after' ? assembleAfter(units) : assembleBefore(units);

  const slots = newSlots(lines.length);
  for (const [i, f] of furniture) {
    if (!feats[i]!.blank) slots.label[i] = { kind: 'furniture', role: f.role };
    slots.whyLabel[i] = f.why;
  }
  const metas = articles.map((a, k) => labelArticle(a, `a${k + 1}`, slots, feats, blocks, brk, profile, orderWhy, style, print));
  const out: AnnotatedLine[] = new Array<AnnotatedLine>(lines.length);
  for (let i = 0; i < lines.length; i++) out[i] = { n: i + 1, text: lines[i]!, label: slots.label[i]!, brk: slots.brk[i]!, why: lineWhy(slots.whyLabel[i], slots.whyBrk[i]) };
  markHyphens(out, lines, slots.hyphens);
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
  for (const u of bylineCloses(units)) {
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

/**
 * Headline first: a byline closes its headline group, so headline-shaped paras after it (a serial's
 * chapter title, a quoted source) are the body's first paras.
 */
function bylineCloses(units: readonly Unit[]): Unit[] {
  const out: Unit[] = [];
  for (const u of units) {
    const g = u.group;
    const at = g ? g.paras.findIndex((p) => p.kind === 'byline') : -1;
    if (!g || at < 0 || !g.paras.slice(at + 1).some((p) => p.kind === 'headline')) {
      out.push(u);
      continue;
    }
    let cut = at + 1;
    while (cut < g.paras.length && g.paras[cut]!.kind !== 'headline') cut++;
    out.push({ group: { paras: g.paras.slice(0, cut) } });
    for (const p of g.paras.slice(cut)) {
      if (p.kind === 'headline') {
        p.kind = 'body';
        p.why = { rule: 'after-byline', confidence: 0.6 };
      }
      out.push({ para: p });
    }
  }
  return out;
}

/**
 * What the page decides for each line, filled in per article; each output line is then made once,
 * in its final shape, instead of growing its reasons property by property.
 */
interface LineSlots {
  label: (LineLabel | null)[];
  whyLabel: (Reason | undefined)[];
  brk: BreakKind[];
  whyBrk: (Reason | undefined)[];
  /** Lines joined to the next line of their article and role while ending in a hyphen, each followed by that next line. */
  hyphens: number[];
}

function newSlots(n: number): LineSlots {
  return { label: new Array<LineLabel | null>(n).fill(null), whyLabel: new Array<Reason | undefined>(n).fill(undefined), brk: new Array<BreakKind>(n).fill('paragraph'), whyBrk: new Array<Reason | undefined>(n).fill(undefined), hyphens: [] };
}

function lineWhy(label: Reason | undefined, brk: Reason | undefined): AnnotatedLine['why'] {
  if (label === undefined) return brk === undefined ? {} : { brk };
  return brk === undefined ? { label } : { label, brk };
}

/** Each line role's slot in the per-article arrays below. */
const ROLE_SLOT: Readonly<Record<LineRole, number>> = { headline: 0, kicker: 1, subheadline: 2, byline: 3, body: 4, caption: 5, signature: 6 };

function labelArticle(a: Article, id: string, slots: LineSlots, feats: readonly LineFeat[], blocks: readonly Block[], brk: Breaks, profile: Profile, orderWhy: Reason, style: PageStyle, print: Print | null): ArticleMeta {
  const paras = a.paras.sort((x, y) => x.from - y.from);
  const n = paras.length;
  // each para's role and reason, by its index in the article
  const roles = new Array<LineRole>(n);
  const whys = new Array<Reason>(n);
  const parts: Para[] = [];
  const partAt: number[] = [];
  const body: number[] = [];
  let letter = false;
  for (let k = 0; k < n; k++) {
    const p = paras[k]!;
    if (p.kind === 'headline') {
      parts.push(p);
      partAt.push(k);
    } else if (isBodyKind(p)) {
      body.push(k);
      if (p.kind === 'salutation') letter = true;
    }
  }
  // a bare name of a few characters under a longer headline is the writer's byline (寒雲 under
  // 古琮蘭亭歌), not the headline with the line above as its kicker
  if (parts.length === 2 && nameUnderHeadline(parts[0]!, parts[1]!, feats)) {
    parts.pop();
    const k = partAt.pop()!;
    roles[k] = 'byline';
    whys[k] = { rule: 'name-under-headline', confidence: 0.55, detail: feats[paras[k]!.from]!.t };
  }
  const partRoles = headlineRoles(parts, feats, profile, print);
  for (let j = 0; j < parts.length; j++) {
    roles[partAt[j]!] = partRoles[j]!.role;
    whys[partAt[j]!] = partRoles[j]!.why;
  }
  for (let j = 0; j < body.length; j++) {
    const k = body[j]!;
    const r = bodyRole(paras[k]!, j > 0 ? paras[body[j - 1]!] : undefined, j + 1 < body.length ? paras[body[j + 1]!] : undefined, feats, blocks, letter, profile);
    roles[k] = r.role;
    whys[k] = r.why;
  }
  // a letter closes on its sender's name and date: short lines after the last sentence
  // measured against the letter's text column: a signature block is a narrow block of its own
  let textCol = 0;
  for (const k of body) textCol = Math.max(textCol, blocks[paras[k]!.block]!.col);
  for (let j = body.length - 1; letter && j > 0; j--) {
    const k = body[j]!;
    const p = paras[k]!;
    if (p.kind !== 'signoff' && !(p.kind === 'body' && signatureLike(p, feats, textCol))) break;
    roles[k] = 'signature';
    whys[k] = p.kind === 'signoff' ? p.why : { rule: 'signature-block', confidence: 0.55 };
  }
  for (let k = 0; k < n; k++) {
    const p = paras[k]!;
    if (p.kind === 'byline' || p.kind === 'byline-tail') {
      roles[k] = 'byline';
      whys[k] = p.why;
    }
  }

  // each para's next para of the same role, then each line's break into the next line of that role
  const nextSame = new Array<number>(n);
  const seen = [-1, -1, -1, -1, -1, -1, -1];
  for (let k = n - 1; k >= 0; k--) {
    const s = ROLE_SLOT[roles[k]!];
    nextSame[k] = seen[s]!;
    seen[s] = k;
  }
  // the lines of one role share their label, and a para's later lines its reason without detail
  const labels: (LineLabel | undefined)[] = [];
  let title: Para | undefined;
  for (let k = 0; k < n; k++) {
    const p = paras[k]!;
    const role = roles[k]!;
    const why = whys[k]!;
    if (role === 'headline') title ??= p;
    const s = ROLE_SLOT[role];
    const label = (labels[s] ??= { kind: 'article', article: id, role });
    const rest = p.to > p.from ? { rule: why.rule, confidence: why.confidence } : why;
    for (let i = p.from; i <= p.to; i++) {
      slots.label[i] = label;
      slots.whyLabel[i] = i === p.from ? why : rest;
      if (i < p.to) {
        const kind = brk.kind[i];
        slots.brk[i] = kind ?? 'join';
        if (kind !== undefined) slots.whyBrk[i] = brk.why[i];
      }
    }
    const q = nextSame[k]!;
    const next = q >= 0 ? paras[q] : undefined;
    const inBlock = role === 'body' && next !== undefined && next.block === p.block ? brk.kind[p.to] : undefined;
    if (inBlock !== undefined) {
      // the body goes on in the same block: the break splitParas decided
      slots.brk[p.to] = inBlock;
      slots.whyBrk[p.to] = brk.why[p.to];
    } else {
      const end = endBreak(role, p, next, feats, blocks, style, print);
      slots.brk[p.to] = end.brk;
      slots.whyBrk[p.to] = end.why;
    }
    // a line joined to the next of its role over a hyphen: markHyphens decides that hyphen
    for (let i = p.from; i <= p.to; i++) {
      const t = feats[i]!.t;
      if (t.charCodeAt(t.length - 1) !== 0x2d || slots.brk[i] !== 'join') continue;
      const next = i < p.to ? i + 1 : q >= 0 ? paras[q]!.from : -1;
      if (next >= 0) slots.hyphens.push(i, next);
    }
  }
  const flags: string[] = title ? [] : ['no-title'];
  const genre = genreOf(a, roles, title, feats, profile, letter);
  return { id, genre, authors: authorsOf(a, feats, profile, genre === 'photo'), flags, why: a.why.rule === 'headline-first' || a.why.rule === 'after-headline' ? { ...a.why, detail: orderWhy.detail ?? '' } : a.why };
}

function nameUnderHeadline(above: Para, part: Para, feats: readonly LineFeat[]): boolean {
  const f = feats[part.from]!;
  if (part.from !== part.to || !f.cjk) return false;
  const name = letters(feats, part);
  return name <= 3 && letters(feats, above) > name;
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

function signatureLike(p: Para, feats: readonly LineFeat[], col: number): boolean {
  for (let i = p.from; i <= p.to; i++) if (feats[i]!.final || feats[i]!.width > col * 0.7) return false;
  return p.to - p.from < 4;
}

function end(rule: string, confidence = 0.9): BreakDecision {
  return { brk: 'paragraph', why: { rule, confidence } };
}

/** The break after a para's last line into the next para of its role, where splitParas decided none (a body going on in the same block keeps that one). */
function endBreak(role: LineRole, p: Para, q: Para | undefined, feats: readonly LineFeat[], blocks: readonly Block[], style: PageStyle, print: Print | null): BreakDecision {
  if (!q) return end('role-end');
  if (role === 'byline') return { brk: 'join', why: { rule: 'byline-cue', confidence: 0.8 } };
  if (role === 'caption') {
    if (q.kind === 'credit' && q.from <= p.to + 2) return { brk: 'join', why: { rule: 'photo-credit', confidence: 0.75 } };
    // a caption line cut mid-sentence goes on in the next caption line
    if (q.kind === 'caption' && p.kind === 'caption' && !feats[p.to]!.final && q.from <= p.to + 2) return { brk: 'join', why: { rule: 'caption-run', confidence: 0.7 } };
    return end('caption-end', 0.7);
  }
  if (role !== 'body') return end('headline-part', 0.8);
  if (q.block === p.block) return end('short-line');
  if (p.kind === 'jump' || q.kind === 'jump' || q.kind === 'start' || p.kind === 'salutation' || p.kind === 'caption') return end('cue-line', 0.8);
  return breakAcross(feats[p.to]!, blocks[p.block]!.col, blocks[q.block]!.col, style, print !== null && print.columnAfter[p.to] === 1);
}

/** `roles` holds the role of each of the article's paras, in order; `title` is its first headline-role para. */
function genreOf(a: Article, roles: readonly LineRole[], title: Para | undefined, feats: readonly LineFeat[], profile: Profile, letter: boolean): Genre {
  if (letter) return 'letter';
  let body = false;
  let captions = false;
  for (const role of roles) {
    if (role === 'body') body = true;
    else if (role === 'caption') captions = true;
  }
  if (!body && captions) return 'photo';
  if (title && profile.noticeTitle.test(paraText(feats, title))) return 'notice';
  const byline = a.paras.some((p) => p.kind === 'byline');
  if (byline && !a.paras.some((p) => p.kind === 'start')) return 'feature';
  return 'news';
}

function authorsOf(a: Article, feats: readonly LineFeat[], profile: Profile, photo: boolean): string[] {
  const names: string[] = [];
  const texts: string[] = [];
  const start = a.paras.find((p) => p.kind === 'start');
  // a dateline names its authors in its role parenthetical (本报讯（通讯员 李靖）): other openings name none
  if (start && /^[^（(]{0,15}[（(]/.test(feats[start.from]!.t)) texts.push(repairText(linesOf(feats, start.from, Math.min(start.to, start.from + 2)), { mode: 'prose' }).slice(0, 60));
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
    // bracketed parts stacked line by line, （一）（〇）（三）, are one byline as printed
    const stacked = cur !== undefined && /^[（(]/.test(t) && /[）)]$/.test(cur[cur.length - 1]!);
    if (cur && (stacked || (!profile.bylineTail.test(t) && !profile.byline.test(t)))) cur.push(t);
    else out.push([t]);
  }
  // a bracketed byline set over several lines reads as printed, its lines run together
  return out.map((lines) => (/^[（(]/.test(lines[0]!) && /[）)]$/.test(lines[lines.length - 1]!) ? lines.join('') : repairText(lines, { mode: 'names' })));
}

function linesOf(feats: readonly LineFeat[], from: number, to: number): string[] {
  const out: string[] = [];
  for (let i = from; i <= to; i++) out.push(feats[i]!.t);
  return out;
}

/**
 * Decides each line-end hyphen once, so the editor sees (and can flip) the choice. `joined` lists
 * the lines joined over a hyphen to the next line of their article and role, each followed by that line.
 */
function markHyphens(out: AnnotatedLine[], lines: readonly string[], joined: readonly number[]): void {
  // most pages have no joined line ending in a hyphen: nothing to pair up
  if (joined.length === 0) return;
  const hyphens: { line: AnnotatedLine; left: string; right: string }[] = [];
  for (let k = 0; k < joined.length; k += 2) {
    const l = out[joined[k]!]!;
    const next = out[joined[k + 1]!]!;
    if (isHyphenBreak(l.text, next.text)) hyphens.push({ line: l, left: l.text.trimEnd().slice(0, -1), right: next.text.trimStart() });
  }
  if (hyphens.length === 0) return;
  // the page's vocabulary, as far as these hyphens will look words up in it
  const lookups = new Set(hyphens.flatMap((h) => hyphenLookups(h.left, h.right)));
  const vocab: Vocabulary = buildVocabulary(lines, lookups);
  for (const { line, left, right } of hyphens) {
    const d = decideHyphen(left, right, vocab);
    line.hyphen = d.choice;
    line.why.hyphen = { rule: d.rule, confidence: d.rule === 'hyphen-vocabulary' ? 0.9 : 0.65 };
  }
}
