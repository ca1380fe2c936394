import { isSpace } from '../chars.js';

/** What a cue is tested with: a RegExp, or a RegExp behind a gate. */
export interface Pattern {
  test(text: string): boolean;
}

/**
 * Characters no match of a pattern can do without: it starts with one of `first` or ends (trailing
 * whitespace aside) with one of `last`. Either that is given opens the gate; a text that opens
 * neither cannot match and is rejected without running the pattern. Most lines of a page carry no
 * cue at all, and most are turned away at the gate. (A gate that had to search the whole text for
 * a character would cost about what the pattern does: those patterns stay ungated.)
 */
export interface Gate {
  first?: string;
  last?: string;
  /** Another way in, for a pattern that can also start with any character: a quick test on the text's opening that every match passes. */
  or?: (text: string) => boolean;
}

/** The distinct code units of a string: few, so a plain loop over them is the fastest lookup. */
function codeUnits(chars: string): Uint16Array {
  const out: number[] = [];
  for (let i = 0; i < chars.length; i++) if (!out.includes(chars.charCodeAt(i))) out.push(chars.charCodeAt(i));
  return Uint16Array.from(out);
}

function holds(set: Uint16Array, c: number): boolean {
  for (let i = 0; i < set.length; i++) if (set[i] === c) return true;
  return false;
}

export class GatedPattern implements Pattern {
  private readonly first: Uint16Array;
  private readonly last: Uint16Array;
  private readonly or: ((text: string) => boolean) | undefined;

  constructor(
    readonly re: RegExp,
    gate: Gate,
  ) {
    this.first = codeUnits(gate.first ?? '');
    this.last = codeUnits(gate.last ?? '');
    this.or = gate.or;
  }

  /** Whether the text could match at all. */
  opens(text: string): boolean {
    const n = text.length;
    if (n === 0) return true;
    if (holds(this.first, text.charCodeAt(0))) return true;
    if (this.last.length > 0) {
      let i = n - 1;
      while (i > 0 && isSpace(text.charCodeAt(i))) i--;
      if (holds(this.last, text.charCodeAt(i))) return true;
    }
    return this.or !== undefined && this.or(text);
  }

  test(text: string): boolean {
    return this.opens(text) && this.re.test(text);
  }
}

/** A pattern tested only on texts that open its gate. */
export function gated(re: RegExp, gate: Gate): Pattern {
  if (re.global || re.sticky) throw new Error('a gated pattern must not keep state between tests');
  return new GatedPattern(re, gate);
}
