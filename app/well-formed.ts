/**
 * Text crossing into Galley is made well-formed UTF-16: a lone surrogate (half of a character,
 * which JSON and JavaScript strings allow but UTF-8 storage cannot hold) becomes U+FFFD. Done
 * once at the boundary, so what an answer says, what the journal records and what the row holds
 * after a restart are the same text.
 */

const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;
const HAS_SURROGATE = /[\uD800-\uDFFF]/;

export function wellFormedText(s: string): string {
  // most text has no surrogate at all: tested once, copied never
  return HAS_SURROGATE.test(s) ? s.replace(LONE_SURROGATE, '\uFFFD') : s;
}

export function hasLoneSurrogate(s: string): boolean {
  return HAS_SURROGATE.test(s) && wellFormedText(s) !== s;
}

/** A call's input with every string (values and keys, in plain objects and arrays) made well-formed; untouched parts are shared. */
export function wellFormed(value: unknown): unknown {
  if (typeof value === 'string') return wellFormedText(value);
  if (Array.isArray(value)) {
    let out: unknown[] | null = null;
    for (let i = 0; i < value.length; i++) {
      const v = wellFormed(value[i]);
      if (v !== value[i]) (out ??= value.slice())[i] = v;
    }
    return out ?? value;
  }
  if (value !== null && typeof value === 'object' && Object.getPrototypeOf(value) === Object.prototype) {
    let out: Record<string, unknown> | null = null;
    for (const [k, v] of Object.entries(value)) {
      const key = wellFormedText(k);
      const next = wellFormed(v);
      if (key !== k || next !== v) {
        out ??= { ...(value as Record<string, unknown>) };
        if (key !== k) delete out[k];
        out[key] = next;
      }
    }
    return out ?? value;
  }
  return value;
}
