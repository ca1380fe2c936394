import { describe, expect, it } from 'vitest';
import { RULES } from '../../../app/engine/index.js';
import { DICTIONARIES } from './index.js';

describe('engine reasons', () => {
  it('every rule code the engine writes has a translation in every language', () => {
    for (const [lang, messages] of Object.entries(DICTIONARIES)) {
      const missing = RULES.filter((code) => !(messages.rule as Record<string, string>)[code]);
      expect(missing, lang).toEqual([]);
    }
  });
});
