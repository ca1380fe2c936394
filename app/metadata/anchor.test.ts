import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { reanchorEntities } from './anchor.js';
import type { Entity } from './model.js';

const para = fc.string({ unit: fc.constantFrom('凯', '里', '市', '委', '李', '靖', '，', 'a', ' '), minLength: 1, maxLength: 30 });

describe('reanchorEntities', () => {
  it('follows a tag when text before it is corrected', () => {
    const old = '本报讯（通讯员 李靖）1 月 4 日，向必武调研';
    const e: Entity = { type: 'person', start: old.indexOf('向必武'), end: old.indexOf('向必武') + 3, text: '向必武', paragraph: 0 };
    const [moved] = reanchorEntities([e], old, ['本报讯（通讯员 李靖）1月4日，向必武调研']);
    expect(moved).toEqual({ type: 'person', start: 16, end: 19, text: '向必武', paragraph: 0 });
  });

  it('keeps a tag whose text was deleted, flagged detached, and re-attaches it when the text returns', () => {
    const e: Entity = { type: 'place', start: 0, end: 2, text: '凯里', paragraph: 0 };
    const [gone] = reanchorEntities([e], '凯里市', ['市']);
    expect(gone).toEqual({ type: 'place', start: 0, end: 2, text: '凯里', flag: 'detached' });
    expect(reanchorEntities([gone!], '市', ['凯里市'])).toEqual([e]);
  });

  it('never drops a tag, never changes its text, and every attached tag covers its text (any edit)', () => {
    fc.assert(fc.property(fc.array(para, { minLength: 1, maxLength: 4 }), fc.nat(), fc.nat(), fc.nat(), para, (paras, a, b, c, inserted) => {
      const old = paras.join('\n');
      const start = a % old.length;
      const end = start + 1 + (b % Math.min(4, old.length - start));
      const e: Entity = { type: 'person', start, end, text: old.slice(start, end) };
      const cut = c % (old.length + 1);
      const next = `${old.slice(0, cut)}${inserted}${old.slice(cut)}`.split('\n');
      const [r] = reanchorEntities([e], old, next);
      expect(r!.text).toBe(e.text);
      const text = next.join('\n');
      if (r!.flag === 'detached') expect(text.includes(e.text)).toBe(false);
      else expect(text.slice(r!.start, r!.end)).toBe(e.text);
    }));
  });

  it('leaves a tag exactly where the edit moved it when the edit did not touch it', () => {
    fc.assert(fc.property(para, para, para, para, (before, word, after, inserted) => {
      const old = `${before}${word}${after}`;
      const e: Entity = { type: 'org', start: before.length, end: before.length + word.length, text: word };
      const [r] = reanchorEntities([e], old, [`${inserted}${before}${word}${after}`]);
      expect(r).toMatchObject({ start: inserted.length + before.length, end: inserted.length + before.length + word.length, text: word });
      expect(r!.flag).toBeUndefined();
    }));
  });
});
