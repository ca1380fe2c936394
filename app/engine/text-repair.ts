import { isCjk, isDigit, isLatinLetter, isSharedPunct, isSpace } from './chars.js';
import { decideHyphen, isHyphenBreak, type HyphenChoice, type Vocabulary } from './hyphenation.js';

/**
 * Turns the source lines of one paragraph (or title, caption, byline) into clean text.
 * Whitespace is an extraction artifact next to CJK text and a word separator between Latin words;
 * `names` keeps the separation of names (bylines, the role parenthetical of a dateline).
 */
export interface RepairOptions {
  mode: 'prose' | 'names' | 'headline';
  /** The engine's or editor's choice for a hyphen at the end of line k; decided here when missing. */
  hyphenAt?: (k: number) => HyphenChoice | undefined;
  vocab?: () => Vocabulary;
}

const ROLE_PAREN = /^[^（(]{0,12}[（(]\s*(?:本报)?(?:特约)?(?:通讯员|记者|实习生|见习记者|实习记者)/;

export function repairText(lines: readonly string[], opts: RepairOptions): string {
  let out = '';
  const cjkContext = lines.some(hasCjk);
  for (let k = 0; k < lines.length; k++) {
    const t = lines[k]!.trim();
    if (t === '') continue;
    if (out === '') {
      out = t;
      continue;
    }
    if (isHyphenBreak(out, t)) {
      const choice = opts.hyphenAt?.(k - 1) ?? decideHyphen(out.slice(0, -1), t, opts.vocab?.() ?? null).choice;
      out = choice === 'drop' ? out.slice(0, -1) + t : out + t;
      continue;
    }
    const a = out.charCodeAt(out.length - 1);
    const b = t.charCodeAt(0);
    // inside a list of names (a byline, or a dateline's role parenthetical still open) a CJK break may part two names
    if (isCjk(a) && isCjk(b) && (opts.mode === 'names' || roleParenEnd(out) === 0)) out += nameBreak(out, t) ? ' ' + t : t;
    else if (isTight(a, b, cjkContext)) out += t;
    else out += ' ' + t;
  }
  // a headline's spaces are deliberate (抢抓机遇 乘势而上), a byline's separate names
  return squeeze(out, opts.mode === 'prose' ? roleParenEnd(out) : out.length, cjkContext);
}

function hasCjk(s: string): boolean {
  for (let i = 0; i < s.length; i++) if (isCjk(s.charCodeAt(i))) return true;
  return false;
}

/** Digits spread by justification in CJK text (2 0 2 1 年, 1 . 2 万亩) belong together. */
function isNumeric(c: number): boolean {
  return isDigit(c) || c === 0x2e || c === 0x25;
}

function isTight(a: number, b: number, cjkContext: boolean): boolean {
  return isCjk(a) || isCjk(b) || (cjkContext && (isSharedPunct(a) || isSharedPunct(b)));
}

/**
 * End (exclusive) of a dateline's role parenthetical such as 本报讯（通讯员 李靖 蒋昌州）: -1 when
 * the text has none, 0 while it is still open (the text ends inside it).
 */
function roleParenEnd(s: string): number {
  const head = s.length > 80 ? s.slice(0, 80) : s;
  if (!ROLE_PAREN.test(head)) return -1;
  const open = Math.max(head.indexOf('（'), head.indexOf('('));
  for (let i = open + 1; i < head.length; i++) {
    const c = head.charCodeAt(i);
    if (c === 0xff09 || c === 0x29) return i + 1;
  }
  return head.length < s.length ? -1 : 0;
}

/**
 * A line break between two CJK runs inside a list of names: a Chinese name has 2–3 characters
 * (rarely 4), so 杨 + 骥 is one broken name while 李靖 + 蒋昌州 are two names.
 */
function nameBreak(before: string, after: string): boolean {
  let l = 0;
  for (let i = before.length - 1; i >= 0 && isCjk(before.charCodeAt(i)) && !isSpace(before.charCodeAt(i)); i--) l++;
  let r = 0;
  for (let i = 0; i < after.length && isCjk(after.charCodeAt(i)) && after.charCodeAt(i) !== 0xff09; i++) r++;
  return l >= 2 && r >= 2 && l + r >= 4;
}

/**
 * Collapses whitespace runs: removed next to CJK, one space elsewhere and in the protected prefix.
 * Text is copied only from the first run that changes: Latin prose, whose gaps are single spaces
 * that stay, comes back as the same string.
 */
function squeeze(s: string, protectEnd: number, cjkContext: boolean): string {
  let out = '';
  // s[copied, i) is output not yet copied into out
  let copied = 0;
  let i = 0;
  while (i < s.length) {
    if (!isSpace(s.charCodeAt(i))) {
      i++;
      continue;
    }
    let j = i + 1;
    while (j < s.length && isSpace(s.charCodeAt(j))) j++;
    // a run at the start or the end goes; one inside stays as one space or goes
    let keep = false;
    if (i > 0 && j < s.length) {
      const a = s.charCodeAt(i - 1);
      const b = s.charCodeAt(j);
      keep = i < protectEnd ? !(a === 0xff08 || a === 0x28 || b === 0xff09 || b === 0x29) : !isTight(a, b, cjkContext) && !(cjkContext && isNumeric(a) && isNumeric(b));
    }
    if (!(keep && j === i + 1 && s.charCodeAt(i) === 0x20)) {
      out += s.slice(copied, i);
      if (keep) out += ' ';
      copied = j;
    }
    i = j;
  }
  return copied === 0 ? s : out + s.slice(copied);
}

/** Whether a line is mostly Latin words (decides joins with a space rather than nothing). */
export function isLatinLine(t: string): boolean {
  let latin = 0;
  let cjk = 0;
  for (let i = 0; i < t.length; i++) {
    const c = t.charCodeAt(i);
    if (isCjk(c)) cjk++;
    else if (isLatinLetter(c)) latin++;
  }
  return latin > cjk * 2;
}
