/**
 * Round-trip timing of edits: from the keystroke to both panes showing the new annotation. Each
 * edit leaves a `galley:edit` performance measure, which the E2E suite reads.
 */
const MEASURE = 'galley:edit';
let seq = 0;
let awaiting: string | null = null;

/** Marks the moment an edit was asked for; returns the mark's name. */
export function editStarted(): string {
  const name = `${MEASURE}:start:${++seq}`;
  performance.mark(name);
  return name;
}

/** The patch of the edit started at `mark` is in the store; the next render completes it. */
export function awaitRender(mark: string): void {
  if (awaiting) performance.clearMarks(awaiting);
  awaiting = mark;
}

/** Called once both panes rendered the current annotation. */
export function editRendered(): void {
  if (!awaiting) return;
  performance.measure(MEASURE, awaiting);
  performance.clearMarks(awaiting);
  awaiting = null;
}
