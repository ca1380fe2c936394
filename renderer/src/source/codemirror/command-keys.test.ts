import { describe, expect, it } from 'vitest';
import { GLOBAL_KEYS } from '../../commands/commands.js';
import { editorDefaultKeys } from './command-keys.js';

describe("the source pane's default keys", () => {
  it('leave every window-wide key to its command (Ctrl+I opens the issue view from the source pane)', () => {
    const taken = editorDefaultKeys(new Set(GLOBAL_KEYS.keys())).flatMap((b) => [b.key, b.mac, b.linux, b.win]).filter((k) => k !== undefined && GLOBAL_KEYS.has(k));
    expect(taken).toEqual([]);
    expect(editorDefaultKeys(new Set()).some((b) => b.key === 'Mod-i')).toBe(true);
  });
});
