/**
 * Writes that go out one after another, in the order they were asked for: each one is relative to
 * what the previous one left (an edit's patch, a metadata change), so a later one must never land
 * under an earlier one. `settled` hears once the last write in flight is done, and whether any of
 * them failed since the queue was last idle (the save state the status bar shows).
 */
export function serialWrites(settled: (ok: boolean) => void) {
  let queue: Promise<void> = Promise.resolve();
  let inFlight = 0;
  let failed = false;
  return {
    /** Writes asked for and not yet done. */
    pending: () => inFlight,
    /** Resolves once no write is in flight, including writes asked for while waiting. */
    async idle(): Promise<void> {
      for (let last: Promise<void> | null = null; last !== queue; ) await (last = queue);
    },
    /** Queues `write`; a failure is handed to `recover` (report it, show what the library holds). */
    push(write: () => Promise<void>, recover: (err: unknown) => Promise<void>): Promise<void> {
      inFlight++;
      queue = queue.then(async () => {
        try {
          await write();
        } catch (err) {
          failed = true;
          await recover(err);
        } finally {
          inFlight--;
          if (inFlight === 0) {
            const ok = !failed;
            failed = false;
            settled(ok);
          }
        }
      });
      return queue;
    },
  };
}
