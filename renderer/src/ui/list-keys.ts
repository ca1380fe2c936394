import type { Dispatch, KeyboardEvent, SetStateAction } from 'react';

/**
 * The keys of a filter box over a list (the palette, the pickers): ↑/↓ move the active row, wrapping,
 * and Enter picks it (not while an input method is composing). Says whether the key was one of those.
 */
export function listKey(e: KeyboardEvent, count: number, setActive: Dispatch<SetStateAction<number>>, pick: () => void): boolean {
  if (e.key === 'ArrowDown' || e.key === 'ArrowUp') {
    e.preventDefault();
    const step = e.key === 'ArrowDown' ? 1 : -1;
    setActive((a) => (count ? (a + step + count) % count : 0));
    return true;
  }
  if (e.key === 'Enter' && !e.nativeEvent.isComposing) {
    e.preventDefault();
    pick();
    return true;
  }
  return false;
}
