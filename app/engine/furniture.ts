import type { FurnitureRole, Reason } from '../model/page.js';
import type { LineFeat } from './layout.js';
import type { Profile } from './profiles/profile.js';

export interface Furniture {
  role: FurnitureRole;
  why: Reason;
}

const HEADER_SPAN = 3;

/**
 * Page furniture: the running head (first lines), the running foot (last lines) and advert blocks.
 * Only the page's edges are searched for heads and feet, so body text that happens to mention a
 * page number or a weekday stays body.
 */
export function findFurniture(feats: readonly LineFeat[], profile: Profile): Map<number, Furniture> {
  const out = new Map<number, Furniture>();
  const n = feats.length;
  let seen = 0;
  for (let i = 0; i < n && seen < HEADER_SPAN; i++) {
    const f = feats[i]!;
    if (f.blank) {
      // the running head is the page's first block: after a blank line the page's own text begins
      if (seen > 0) break;
      continue;
    }
    seen++;
    const head = f.t.length <= 80 && (!f.final || f.t.length <= 48) && !profile.articleStart.test(f.t.slice(0, 48)) && profile.pageHeader.test(f.t) && !bylineNext(feats, i, profile);
    if (!head) break;
    out.set(i, { role: 'page-header', why: { rule: 'page-header', confidence: 0.8, detail: f.t.slice(0, 24) } });
  }
  seen = 0;
  for (let i = n - 1; i >= 0 && seen < 2; i--) {
    const f = feats[i]!;
    if (f.blank) continue;
    seen++;
    if (out.has(i) || f.t.length > 80 || f.final || !profile.pageFooter.test(f.t)) break;
    out.set(i, { role: 'page-footer', why: { rule: 'page-footer', confidence: 0.8, detail: f.t.slice(0, 24) } });
  }
  findSlogan(feats, profile, out);
  findAdverts(feats, profile, out);
  return out;
}

/** Whether the next non-blank line after i is a byline: then line i is a headline, not a running head. */
function bylineNext(feats: readonly LineFeat[], i: number, profile: Profile): boolean {
  for (let j = i + 1; j < feats.length; j++) {
    const t = feats[j]!.t;
    if (t !== '') return t.length <= 48 && profile.byline.test(t);
  }
  return false;
}

/**
 * A slogan banner across the page foot (建设文明城市 共享美好家园): the last line, standing alone,
 * made of two to four phrases of one length and no punctuation. A headline is one phrase.
 */
function findSlogan(feats: readonly LineFeat[], profile: Profile, out: Map<number, Furniture>): void {
  let i = feats.length - 1;
  while (i >= 0 && (feats[i]!.blank || out.has(i))) i--;
  if (i <= 0 || !feats[i - 1]!.blank) return;
  const t = feats[i]!.t;
  if (t.length > 48 || !profile.slogan.test(t)) return;
  const phrases = t.split(/[\s\u3000]+/);
  if (phrases.length < 2 || phrases.some((w) => w.length !== phrases[0]!.length)) return;
  out.set(i, { role: 'slogan', why: { rule: 'slogan-banner', confidence: 0.6, detail: t.slice(0, 24) } });
}

const ADVERT_MAX_LINES = 4;

function findAdverts(feats: readonly LineFeat[], profile: Profile, out: Map<number, Furniture>): void {
  let i = 0;
  while (i < feats.length) {
    if (feats[i]!.blank) {
      i++;
      continue;
    }
    let j = i;
    while (j + 1 < feats.length && !feats[j + 1]!.blank) j++;
    if (j - i < ADVERT_MAX_LINES) {
      let hit = -1;
      for (let k = i; k <= j && hit < 0; k++) if (feats[k]!.t.length <= 120 && profile.advert.test(feats[k]!.t)) hit = k;
      if (hit >= 0) {
        for (let k = i; k <= j; k++) if (!out.has(k)) out.set(k, { role: 'advert', why: { rule: 'advert-cue', confidence: 0.7, detail: feats[hit]!.t.slice(0, 24) } });
      }
    }
    i = j + 1;
  }
}
