import { describe, expect, it } from 'vitest';
import { languageFor } from './index.js';

describe('languageFor', () => {
  it('gives the Chinese UI to every Chinese system language', () => {
    for (const lang of ['zh', 'zh-CN', 'zh-TW', 'zh-Hans-CN', 'ZH-hk']) expect(languageFor(lang)).toBe('zh-CN');
  });
  it('gives English to everything else', () => {
    for (const lang of ['en-US', 'de', 'ja-JP', '', undefined]) expect(languageFor(lang)).toBe('en');
  });
});
