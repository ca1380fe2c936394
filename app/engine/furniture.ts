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
    if (f.blank) continue;
    seen++;
    const head = f.t.length <= 80 && !f.final && !profile.articleStart.test(f.t.slice(0, 48)) && profile.pageHeader.test(f.t);
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
  findAdverts(feats, profile, out);
  return out;
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
