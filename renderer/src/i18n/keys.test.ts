import { describe, expect, it } from 'vitest';
import { en } from './en.js';
import { DICTIONARIES } from './index.js';

function keys(tree: object, prefix = ''): string[] {
  return Object.entries(tree).flatMap(([k, v]) => (typeof v === 'object' && v !== null ? keys(v as object, `${prefix}${k}.`) : [`${prefix}${k}`]));
}

function placeholders(tree: object): Map<string, string> {
  const out = new Map<string, string>();
  for (const key of keys(tree)) {
    const value = key.split('.').reduce<unknown>((node, part) => (node as Record<string, unknown>)[part], tree);
    out.set(key, [...String(value).matchAll(/\{\{(\w+)\}\}/g)].map((m) => m[1]).sort().join(','));
  }
  return out;
}

describe('translations', () => {
  it('every language has the same keys as English', () => {
    for (const [lang, tree] of Object.entries(DICTIONARIES)) expect(keys(tree).sort(), lang).toEqual(keys(en).sort());
  });

  it('every string fills the same placeholders as the English one', () => {
    for (const [lang, tree] of Object.entries(DICTIONARIES)) {
      const other = placeholders(tree);
      for (const [key, names] of placeholders(en)) {
        expect(other.get(key), `${lang} ${key}`).toBe(names);
      }
    }
  });

  it('no string is left empty except the body role letter', () => {
    for (const [lang, tree] of Object.entries(DICTIONARIES)) {
      const empty = keys(tree).filter((key) => key.split('.').reduce<unknown>((node, part) => (node as Record<string, unknown>)[part], tree) === '');
      expect(empty, lang).toEqual(['roleLetter.body']);
    }
  });
});
