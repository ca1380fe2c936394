import { type RefObject, useEffect } from 'react';

/** Closes a popup on Escape or on a press outside it. */
export function useDismiss(ref: RefObject<HTMLElement | null>, close: () => void): void {
  useEffect(() => {
    const outside = (e: MouseEvent) => {
      if (!ref.current?.contains(e.target as Node)) close();
    };
    const escape = (e: KeyboardEvent) => {
      if (e.key !== 'Escape') return;
      e.preventDefault();
      close();
    };
    window.addEventListener('mousedown', outside);
    window.addEventListener('keydown', escape);
    return () => {
      window.removeEventListener('mousedown', outside);
      window.removeEventListener('keydown', escape);
    };
  }, [ref, close]);
}
