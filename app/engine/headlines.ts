import type { LineRole, Reason } from '../model/page.js';
import { endsExclaim, hasInnerStop } from './chars.js';
import { sameColumn, type Block, type LineFeat } from './layout.js';
import type { Para } from './paras.js';
import type { Profile } from './profiles/profile.js';

/**
 * Marks paras that read as headline parts: one to three lines that are not a sentence (no stop
 * inside, none at the end unless ! or ?), standing on their own between blank lines or next to a
 * byline. Walks backwards so each candidate knows whether the text after it is a headline too.
 */
export function markHeadlines(paras: Para[], feats: readonly LineFeat[], blocks: readonly Block[], profile: Profile): void {
  for (let k = paras.length - 1; k >= 0; k--) {
    const p = paras[k]!;
    if (p.kind !== 'body' || p.to - p.from > 2) continue;
    const last = feats[p.to]!;
    const block = blocks[p.block]!;
    const text = paraText(feats, p);
    if (hasInnerStop(text) || text.length > 120) continue;
    const width = paraWidth(feats, p);
    if (last.final && !(endsExclaim(last.t) && width <= block.col * 1.2)) continue;
    const prev = paras[k - 1];
    const next = paras[k + 1];
    const alone = p.from === block.from || (prev !== undefined && prev.block === p.block && isHeadish(prev));
    const closed = p.to === block.to || (next !== undefined && next.block === p.block && (isHeadish(next) || next.kind === 'start'));
    if (!alone || !closed) continue;
    // the text before it stops mid-sentence at full width: this is that sentence, after a column break
    if (prev && prev.block !== p.block && (prev.kind === 'body' || prev.kind === 'start') && continues(feats[prev.to]!, blocks[prev.block]!.col)) continue;
    if (p.to === block.to && next && next.block !== p.block && next.kind === 'body' && !profile.kickerCue.test(last.t) && !profile.subtitleCue.test(feats[p.from]!.t)) {
      // a body line broken off by a column break looks like a headline, but the next block goes
      // on in the same column, and the line is about as wide as that column
      const nb = blocks[next.block]!;
      const bodyLike = last.cjk ? block.col - last.width <= 3 && block.col - last.width >= -2.5 : last.width >= 0.6 * block.col;
      if (bodyLike && sameColumn(block.col, nb.col, last.cjk)) continue;
    }
    p.kind = 'headline';
    p.why = { rule: 'headline-block', confidence: 0.75, detail: text.slice(0, 24) };
  }
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
export function headlineRoles(parts: readonly Para[], feats: readonly LineFeat[], profile: Profile): { role: LineRole; why: Reason }[] {
  const n = parts.length;
  const widths = parts.map((p) => paraWidth(feats, p));
  const kickerCue = n > 1 && profile.kickerCue.test(feats[parts[0]!.to]!.t);
  const out: { role: LineRole; why: Reason }[] = [];
  let title = 0;
  if (n === 2) {
    const subCue = profile.subtitleCue.test(feats[parts[1]!.from]!.t);
    if (kickerCue) title = 1;
    else if (!subCue && profile.twoParts === 'shorter-is-title' && widths[0]! > widths[1]!) title = 1;
  } else if (n >= 3) {
    title = kickerCue || profile.twoParts === 'shorter-is-title' ? 1 : 0;
  }
  for (let k = 0; k < n; k++) {
    if (k === title) out.push({ role: 'headline', why: { rule: n === 1 ? 'headline-block' : 'headline-position', confidence: n === 1 ? 0.8 : 0.65 } });
    else if (k < title) out.push({ role: 'kicker', why: { rule: kickerCue ? 'kicker-cue' : 'kicker-position', confidence: kickerCue ? 0.8 : 0.55 } });
    else out.push({ role: 'subheadline', why: { rule: profile.subtitleCue.test(feats[parts[k]!.from]!.t) ? 'subtitle-cue' : 'subheadline-position', confidence: 0.6 } });
  }
  return out;
}
