import { CHAR_BITS, CHAR_CLASS } from '../chars.js';
import { en } from './en.js';
import type { Profile } from './profile.js';
import { zh } from './zh.js';

// bundlers turn imported bindings into getters; hot loops read these local copies instead
const { C_CJK, C_LATIN } = CHAR_BITS;

export type { Profile } from './profile.js';

/** Code units of a page's first lines that decide its profile. */
const SAMPLE = 20000;

export const PROFILES: Readonly<Record<string, Profile>> = { zh, en };

/** The profile for a page's dominant script: CJK ideographs against Latin letters (two per word-ish unit). */
export function detectProfile(lines: readonly string[]): Profile {
  let cjk = 0;
  let latin = 0;
  let seen = 0;
  const cls = CHAR_CLASS;
  for (const l of lines) {
    for (let i = 0; i < l.length; i++) {
      const k = cls[l.charCodeAt(i)]!;
      if (k & C_CJK) cjk++;
      else if (k & C_LATIN) latin++;
    }
    // a sample of the page decides; the rest would only cost time
    if ((seen += l.length) > SAMPLE) break;
  }
  return cjk * 3 >= latin ? zh : en;
}

/** detectProfile's choice from each line's class counts, already taken while measuring the lines. */
export function profileFromCounts(lines: readonly string[], counts: readonly { cjkUnits: number; latinUnits: number }[]): Profile {
  let cjk = 0;
  let latin = 0;
  let seen = 0;
  for (let i = 0; i < lines.length; i++) {
    cjk += counts[i]!.cjkUnits;
    latin += counts[i]!.latinUnits;
    if ((seen += lines[i]!.length) > SAMPLE) break;
  }
  return cjk * 3 >= latin ? zh : en;
}
