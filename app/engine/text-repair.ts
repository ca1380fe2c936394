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

/** What the joins look at of the text made so far: its opening (a dateline's parenthetical) and its last characters. */
const HEAD = 80;
const TAIL = 64;

/**
 * Linear in the lines' total length: the text is kept as parts joined once at the end, and each
 * join reads only a bounded opening and tail of what came before (a growing string read at its
 * end would be flattened again at every line).
 */
export function repairText(lines: readonly string[], opts: RepairOptions): string {
  const parts: string[] = [];
  let length = 0;
  // the text's first HEAD + 1 code units and its last TAIL ones
  let head = '';
  let tail = '';
  const push = (t: string): void => {
    parts.push(t);
    length += t.length;
    if (head.length <= HEAD) head = (head + t).slice(0, HEAD + 1);
    tail = t.length >= TAIL ? t.slice(-TAIL) : (tail + t).slice(-TAIL);
  };
  const cjkContext = lines.some(hasCjk);
  for (let k = 0; k < lines.length; k++) {
    const t = lines[k]!.trim();
    if (t === '') continue;
    if (length === 0) {
      push(t);
      continue;
    }
    if (isHyphenBreak(tail, t)) {
      const choice = opts.hyphenAt?.(k - 1) ?? decideHyphen(tail.slice(0, -1), t, opts.vocab?.() ?? null).choice;
      if (choice === 'drop') {
        // the hyphen is the last character of the last part: that part alone is cut
        parts[parts.length - 1] = parts[parts.length - 1]!.slice(0, -1);
        length--;
        tail = tail.slice(0, -1);
        if (length < head.length) head = head.slice(0, length);
      }
      push(t);
      continue;
    }
    const a = tail.charCodeAt(tail.length - 1);
    const b = t.charCodeAt(0);
    // inside a list of names (a byline, or a dateline's role parenthetical still open) a CJK break may part two names
    if (isCjk(a) && isCjk(b) && (opts.mode === 'names' || roleParenEnd(head, length) === 0)) {
      if (nameBreak(tail, t)) push(' ');
    } else if (!isTight(a, b, cjkContext)) push(' ');
    push(t);
  }
  const out = parts.join('');
  // a headline's spaces are deliberate (抢抓机遇 乘势而上), a byline's separate names
  // but not one between a digit or Latin letter and CJK (2021 年): an extraction gap the body drops too
  return squeeze(out, opts.mode === 'prose' ? roleParenEnd(head, length) : out.length, cjkContext, opts.mode === 'headline');
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
 * the text has none, 0 while it is still open (the text ends inside it). `head` is the text's
 * opening (at least HEAD + 1 code units when it is that long), `length` the whole text's length.
 */
function roleParenEnd(head: string, length: number): number {
  const h = head.length > HEAD ? head.slice(0, HEAD) : head;
  if (!ROLE_PAREN.test(h)) return -1;
  const open = Math.max(h.indexOf('（'), h.indexOf('('));
  for (let i = open + 1; i < h.length; i++) {
    const c = h.charCodeAt(i);
    if (c === 0xff09 || c === 0x29) return i + 1;
  }
  return h.length < length ? -1 : 0;
}

/**
 * A line break between two CJK runs inside a list of names: a Chinese name has 2–3 characters
 * (rarely 4), so 杨 + 骥 is one broken name while 李靖 + 蒋昌州 are two names.
 */
function nameBreak(before: string, after: string): boolean {
  // two characters either side decide it: l >= 2 && r >= 2 is all the rule asks
  let l = 0;
  for (let i = before.length - 1; i >= 0 && l < 2 && isCjk(before.charCodeAt(i)) && !isSpace(before.charCodeAt(i)); i--) l++;
  let r = 0;
  for (let i = 0; i < after.length && r < 2 && isCjk(after.charCodeAt(i)) && after.charCodeAt(i) !== 0xff09; i++) r++;
  return l >= 2 && r >= 2;
}

/**
 * Collapses whitespace runs: removed next to CJK, one space elsewhere and in the protected prefix.
 * Text is copied only from the first run that changes: Latin prose, whose gaps are single spaces
 * that stay, comes back as the same string.
 */
function squeeze(s: string, protectEnd: number, cjkContext: boolean, dropMixed = false): string {
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
      keep = i < protectEnd ? !(a === 0xff08 || a === 0x28 || b === 0xff09 || b === 0x29) && !(dropMixed && isMixedGap(a, b)) : !isTight(a, b, cjkContext) && !(cjkContext && isNumeric(a) && isNumeric(b));
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

/** A gap between an ideograph and a digit or Latin letter, either way round. */
function isMixedGap(a: number, b: number): boolean {
  const alnum = (c: number) => isDigit(c) || isLatinLetter(c);
  return (isCjk(a) && alnum(b)) || (alnum(a) && isCjk(b));
}
