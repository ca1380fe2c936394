import { describe, expect, it } from 'vitest';
import { RULES } from '../../../app/engine/index.js';
import { en } from './en.js';
import { zhCN } from './zh-CN.js';

describe('engine reasons', () => {
  it('every rule code the engine writes has a translation in both languages', () => {
    for (const [lang, messages] of [['en', en], ['zh-CN', zhCN]] as const) {
      const missing = RULES.filter((code) => !(messages.rule as Record<string, string>)[code]);
      expect(missing, lang).toEqual([]);
    }
  });
});
