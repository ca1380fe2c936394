import { describe, expect, it } from 'vitest';
import { nameAllocator, safeName, utf8Length } from './file-names.js';

describe('safe file names', () => {
  it.each([
    ['../../etc/passwd', '_.._etc_passwd'],
    ['a/b', 'a_b'],
    ['a\\b:c*?"<>|', 'a_b_c______'],
    ['CON', '_CON'],
    ['nul.txt', '_nul.txt'],
    ['COM1', '_COM1'],
    ['console', 'console'],
    ['title. ', 'title'],
    ['..', '_'],
    ['', '_'],
    ['a\u0000b\nc', 'a_b_c'],
  ])('%j becomes %j', (input, expected) => {
    expect(safeName(input)).toBe(expected);
  });

  it('cuts long CJK titles between characters, within the byte limit', () => {
    const name = safeName('报'.repeat(300), 150);
    expect(utf8Length(name)).toBeLessThanOrEqual(150);
    expect(name).toBe('报'.repeat(50));
    expect(utf8Length(safeName('😀'.repeat(100), 10))).toBe(8);
  });

  it('never hands out the same name twice, as case-insensitive file systems compare', () => {
    const allocate = nameAllocator();
    expect([allocate('a', '.md'), allocate('A', '.md'), allocate('a', '.md'), allocate('a', '.txt')]).toEqual(['a.md', 'A-2.md', 'a-3.md', 'a.txt']);
  });
});
