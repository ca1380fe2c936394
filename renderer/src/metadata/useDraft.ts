import { useCallback, useEffect, useRef, useState } from 'react';

/**
 * A text field's own copy of a saved value: typing changes it at once and saves after a pause (or
 * on blur, or when the field goes away), and a new saved value shows only while nothing is pending.
 */
export function useDraft(saved: string, save: (value: string) => void, delay = 500) {
  const [draft, setDraft] = useState(saved);
  const pending = useRef<ReturnType<typeof setTimeout> | undefined>(undefined);
  const latest = useRef({ draft, save });
  latest.current.save = save;

  const flush = useCallback(() => {
    if (pending.current === undefined) return;
    clearTimeout(pending.current);
    pending.current = undefined;
    latest.current.save(latest.current.draft);
  }, []);

  const change = useCallback(
    (value: string) => {
      setDraft(value);
      latest.current.draft = value;
      clearTimeout(pending.current);
      pending.current = setTimeout(flush, delay);
    },
    [flush, delay],
  );

  useEffect(() => {
    if (pending.current === undefined) {
      setDraft(saved);
      latest.current.draft = saved;
    }
  }, [saved]);

  useEffect(() => flush, [flush]);
  return { draft, change, flush };
}
