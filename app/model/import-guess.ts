/** What an import would guess of the issue from the files' names and their first page's header, for the editor to confirm. */
export interface ImportGuess {
  publication: string | null;
  date: string | null;
  /** The number the first page prints or its name gives (第2版, p2); null when neither says. */
  firstPage: number | null;
  /** What each guess was read from, e.g. "the header of p1.txt" (the CLI says it). */
  from?: { publication?: string; date?: string; firstPage?: string };
}

/** What the import dialog starts from when the files could not be guessed at: every field empty. */
export const NO_GUESS: ImportGuess = { publication: null, date: null, firstPage: null };
