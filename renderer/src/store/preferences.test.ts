import { describe, expect, it } from 'vitest';
import { storedPreferences } from './preferences.js';

function memoryStorage(initial: Record<string, string> = {}): Storage {
  const data = new Map(Object.entries(initial));
  return {
    get length() {
      return data.size;
    },
    clear: () => data.clear(),
    getItem: (k) => data.get(k) ?? null,
    key: (i) => [...data.keys()][i] ?? null,
    removeItem: (k) => void data.delete(k),
    setItem: (k, v) => void data.set(k, v),
  };
}

describe('storedPreferences', () => {
  it('follows the system on a first start', () => {
    const prefs = storedPreferences(memoryStorage(), 'zh-CN', true);
    expect([prefs.language, prefs.theme]).toEqual(['zh-CN', 'dark']);
  });

  it('keeps what the editor chose over the system', () => {
    const storage = memoryStorage();
    storedPreferences(storage, 'zh-CN', false).save({ language: 'en', theme: 'dark' });
    const again = storedPreferences(storage, 'zh-CN', false);
    expect([again.language, again.theme]).toEqual(['en', 'dark']);
  });

  it('ignores a damaged or foreign entry', () => {
    for (const junk of ['{', 'null', '"zh"', '{"language":"fr","theme":"blue"}']) {
      const prefs = storedPreferences(memoryStorage({ 'galley.preferences': junk }), 'en-GB', false);
      expect([prefs.language, prefs.theme], junk).toEqual(['en', 'light']);
    }
  });
});
