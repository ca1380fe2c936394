import type { LineRole, Reason } from '../model/page.js';
import { endsExclaim, hasInnerStop } from './chars.js';
import type { PageStyle } from './breaks.js';
import { sameColumn, type Block, type LineFeat } from './layout.js';
import type { Para } from './paras.js';
import { allLarge, LARGE, SIZE_STEP, sizeOf, type Print } from './print.js';
import type { Profile } from './profiles/profile.js';

/**
 * Marks paras that read as headline parts: shaped like a headline, standing on their own between
 * blank lines or next to a byline, and not a body line cut off by a column break. Walks backwards
 * so each candidate knows whether the text after it is body text.
 */
export function markHeadlines(paras: Para[], feats: readonly LineFeat[], blocks: readonly Block[], profile: Profile, style: PageStyle, print: Print | null = null): void {
  // display type is a headline part whatever its shape (a number or a lone mark set large is not)
  if (print) {
    for (const p of paras) {
      if (p.kind !== 'body' || !allLarge(print, p.from, p.to) || letters(feats, p) < 3) continue;
      p.kind = 'headline';
      p.why = { rule: 'headline-size', confidence: 0.9, detail: paraText(feats, p).slice(0, 24) };
    }
  }
  const shaped = paras.map((p) => p.kind === 'body' && looksLikeHeadline(p, feats, blocks[p.block]!, style));
  // standing alone: a block of its own, or next to other headline parts and bylines in its block
  for (let k = paras.length - 1; k >= 0; k--) {
    if (!shaped[k]) continue;
    const p = paras[k]!;
    const block = blocks[p.block]!;
    const prev = paras[k - 1];
    const next = paras[k + 1];
    const alone = p.from === block.from || (prev !== undefined && prev.block === p.block && (shaped[k - 1] || isHeadish(prev)));
    const closed = p.to === block.to || (next !== undefined && next.block === p.block && (shaped[k + 1] || isHeadish(next) || next.kind === 'start'));
    if (!alone || !closed) shaped[k] = false;
  }
  for (let k = paras.length - 1; k >= 0; k--) {
    if (!shaped[k]) continue;
    const p = paras[k]!;
    const last = feats[p.to]!;
    const block = blocks[p.block]!;
    const prev = paras[k - 1];
    const next = paras[k + 1];
    shaped[k] = false;
    if (p.to !== block.to && next && !(isHeadish(next) || next.kind === 'start')) continue;
    // the text before it stops mid-sentence at full width: this is that sentence, after a column break
    if (style.pointed && prev && prev.block !== p.block && !shaped[k - 1] && (prev.kind === 'body' || prev.kind === 'start') && continues(feats[prev.to]!, blocks[prev.block]!.col)) continue;
    if (style.pointed && p.to === block.to && next && next.block !== p.block && next.kind === 'body' && (last.cjk || !capitalised(paraText(feats, p))) && !profile.kickerCue.test(last.t) && !profile.subtitleCue.test(feats[p.from]!.t)) {
      // a body line broken off by a column break looks like a headline, but the next block goes
      // on in the same column, and the line is about as wide as that column
      const nb = blocks[next.block]!;
      const bodyLike = last.cjk ? block.col - last.width <= 3 && block.col - last.width >= -2.5 : last.width >= 0.6 * block.col;
      if (bodyLike && sameColumn(block.col, nb.col, last.cjk)) continue;
    }
    shaped[k] = true;
    p.kind = 'headline';
    p.why = { rule: 'headline-block', confidence: 0.75, detail: paraText(feats, p).slice(0, 24) };
  }
}

/** One to three lines that are not a sentence: no stop inside, none at the end unless ! or ?. */
function looksLikeHeadline(p: Para, feats: readonly LineFeat[], block: Block, style: PageStyle): boolean {
  if (p.to - p.from > 2) return false;
  const text = paraText(feats, p);
  if (text.length > 120 || hasInnerStop(text)) return false;
  const last = feats[p.to]!;
  // where 、 is the only mark, a headline carries none: it is a phrase, not a run of clauses
  if (!style.pointed && text.includes('、')) return false;
  // a line ending on a pause goes on into the next: a clause, never a headline
  const end = last.t.charCodeAt(last.t.length - 1);
  if (end === 0xff0c || end === 0x3001 || end === 0xff1b || end === 0x2c || end === 0x3b) return false;
  // Latin heads set in capitals or title case end on a period in older papers (THE INAUGURATION.)
  if (!last.cjk && last.final && capitalised(text)) return true;
  return !last.final || (endsExclaim(last.t) && paraWidth(feats, p) <= block.col * 1.2);
}

/** Latin text in capitals, or with most words capitalised (A Brilliant Day at the Capital.). */
function capitalised(text: string): boolean {
  const words = text.split(/\s+/).filter((w) => /^[A-Za-z]/.test(w));
  if (words.length === 0 || words.length > 12) return false;
  if (!/[a-z]/.test(text)) return true;
  const caps = words.filter((w) => /^[A-Z]/.test(w)).length;
  return caps >= 0.6 * words.length && words.length >= 2;
}

/** The letters (\p{L}) of a para's lines: its length without spaces, digits and punctuation. */
export function letters(feats: readonly LineFeat[], p: Para): number {
  let n = 0;
  for (let i = p.from; i <= p.to; i++) n += feats[i]!.t.replace(/[^\p{L}]/gu, '').length;
  return n;
}

function isHeadish(p: Para): boolean {
  return p.kind === 'headline' || p.kind === 'byline' || p.kind === 'byline-tail';
}

function continues(f: LineFeat, col: number): boolean {
  return !f.final && (f.cjk ? Math.abs(col - f.width) < 1.5 : f.width >= 0.8 * col && f.width <= 1.05 * col);
}

export function paraText(feats: readonly LineFeat[], p: Para): string {
  let s = feats[p.from]!.t;
  for (let i = p.from + 1; i <= p.to; i++) s += (feats[i]!.cjk ? '' : ' ') + feats[i]!.t;
  return s;
}

function paraWidth(feats: readonly LineFeat[], p: Para): number {
  let w = 0;
  for (let i = p.from; i <= p.to; i++) w += feats[i]!.width;
  return w;
}

/** A headline group: the headline parts and bylines that stand together, in page order. */
export interface Group {
  paras: Para[];
}

/**
 * Roles of a group's headline parts: a kicker (引题) above the title, a subtitle (副题) below it.
 * Cues decide first (…时强调 is a kicker, a leading dash a subtitle); otherwise the profile's
 * convention for two parts, and kicker–title–subtitle for three.
 */
export function headlineRoles(parts: readonly Para[], feats: readonly LineFeat[], profile: Profile, print: Print | null = null): { role: LineRole; why: Reason }[] {
  const n = parts.length;
  const bySize = print && n > 1 ? rolesBySize(parts, print) : null;
  if (bySize) return bySize;
  const widths = parts.map((p) => paraWidth(feats, p));
  const kickerCue = n > 1 && profile.kickerCue.test(feats[parts[0]!.to]!.t);
  const out: { role: LineRole; why: Reason }[] = [];
  let title = 0;
  if (n === 2 && !kickerCue && !profile.subtitleCue.test(feats[parts[1]!.from]!.t) && oneLineEach(parts) && Math.abs(widths[0]! - widths[1]!) < 0.5 && feats[parts[0]!.from]!.cjk) {
    // two lines of one length, neither marked: one headline set over two lines (苗乡侗寨 / 年味渐浓)
    return parts.map(() => ({ role: 'headline' as const, why: { rule: 'headline-two-lines', confidence: 0.6 } }));
  }
  if (n === 2) {
    const subCue = profile.subtitleCue.test(feats[parts[1]!.from]!.t);
    if (kickerCue) title = 1;
    else if (!subCue && profile.twoParts === 'shorter-is-title' && widths[0]! > widths[1]!) title = 1;
  } else if (n >= 3) {
    title = kickerCue || profile.twoParts === 'shorter-is-title' ? 1 : 0;
  }
  for (let k = 0; k < n; k++) {
    // a headline alone keeps what made it one: its shape, or its size on the print
    if (k === title) out.push({ role: 'headline', why: { rule: n === 1 ? (parts[0]!.why.rule === 'headline-size' ? 'headline-size' : 'headline-block') : 'headline-position', confidence: n === 1 ? 0.8 : 0.65 } });
    else if (k < title) out.push({ role: 'kicker', why: { rule: kickerCue ? 'kicker-cue' : 'kicker-position', confidence: kickerCue ? 0.8 : 0.55 } });
    else out.push({ role: 'subheadline', why: { rule: profile.subtitleCue.test(feats[parts[k]!.from]!.t) ? 'subtitle-cue' : 'subheadline-position', confidence: 0.6 } });
  }
  return out;
}

/**
 * Where the print sets a group's parts in different sizes, the largest is the headline, a part
 * above it the kicker and a part below it a subheadline; null when the sizes do not tell.
 */
function rolesBySize(parts: readonly Para[], print: Print): { role: LineRole; why: Reason }[] | null {
  const sizes = parts.map((p) => sizeOf(print, p.from, p.to));
  // a part in text type is no display line: the sizes say nothing of it
  if (sizes.some((s) => !(s >= LARGE))) return null;
  const top = Math.max(...sizes);
  const title = sizes.indexOf(top);
  // parts of one size (a headline set over two lines) say nothing; nor does a second part as large
  if (sizes.some((s, k) => k !== title && s * SIZE_STEP > top)) return null;
  return parts.map((_, k) =>
    k === title ? { role: 'headline', why: { rule: 'headline-size', confidence: 0.85 } } : k < title ? { role: 'kicker', why: { rule: 'kicker-size', confidence: 0.8 } } : { role: 'subheadline', why: { rule: 'subheadline-size', confidence: 0.8 } },
  );
}

function oneLineEach(parts: readonly Para[]): boolean {
  return parts.every((p) => p.from === p.to);
}
