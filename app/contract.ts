import { z } from 'zod';
import type { Channel } from './channels.js';
import { editOp } from './edits/ops.js';
import type { Patch } from './edits/patch.js';
import type { EditStep } from './edits/describe.js';
import { articleId } from './edits/annotation-schema.js';
import { EXPORT_FORMATS, type ExportFile } from './export/index.js';
import { isoDate, metadataPatch } from './metadata/model.js';
import type { IssueQa } from './metadata/qa.js';
import type { Suggestion } from './metadata/suggest.js';
import type { ArticleMetadataView } from './metadata/view.js';
import type { PageSourceView } from './model/geometry.js';
import type { PageAnnotation } from './model/page.js';
import { SEARCH_KINDS, type SearchResult } from './search/result.js';
import type { ImportGuess } from './model/import-guess.js';

export type { ImportGuess };

/**
 * The one contract between the UI and the Node side. Every call has a zod input schema (parsed at
 * every transport boundary) and an output type. Electron IPC, the browser-mode HTTP server and
 * in-process callers (CLI, tests) all dispatch through `dispatch` in app/rpc.ts.
 */

const id = z.number().int().positive();
/**
 * What a window knows when it edits a page: the revision its view shows (an edit on an older one is
 * refused) and its editor id (undo takes back only one's own edits). Both optional: the CLI has no view.
 */
const editBasis = {
  basis: z.number().int().nonnegative().optional(),
  editor: z.string().regex(/^[A-Za-z0-9_-]{1,64}$/).optional(),
};

export const importOptions = z.object({
  publication: z.string().trim().min(1).max(200).optional(),
  date: isoDate.optional(),
  label: z.string().trim().min(1).max(200).optional(),
  /** The page number the first page prints (第2版); the others follow it. Unset: names and headers decide. */
  firstPage: z.number().int().min(1).max(9999).optional(),
});
export type ImportOptions = z.infer<typeof importOptions>;

// ---- output types ----

export interface PageSummary {
  id: number;
  issueId: number;
  /** Position in the issue, 1-based. */
  number: number;
  file: string;
  section: string | null;
  /** Lines as an editor counts them: a final line break ends the last line (421, not 422). */
  lineCount: number;
  articleCount: number;
}

export interface IssueSummary {
  id: number;
  publicationId: number;
  date: string | null;
  label: string;
  /** Its import was cut short: importing the same paths again finishes it. */
  incomplete: boolean;
  pages: PageSummary[];
}

export interface PublicationSummary {
  id: number;
  name: string;
  issues: IssueSummary[];
}

export interface LibraryTree {
  publications: PublicationSummary[];
}

/** A deleted issue or page, restorable (`library:restore`) until deleted for good (`library:purge`). */
export interface TrashItem {
  id: number;
  kind: 'issue' | 'page';
  /** What it was: publication, date, label (an issue) or page number and file (a page). */
  label: string;
  pages: number;
  deletedAt: string;
}

/** Where a page's undo/redo stands; `revision` grows with every applied, undone or redone edit. */
export interface HistoryState {
  canUndo: boolean;
  canRedo: boolean;
  /** The op name of the edit an undo would revert / a redo would re-apply. */
  undoOp: string | null;
  redoOp: string | null;
  revision: number;
}

export interface PageDetail {
  page: PageSummary & { sha256: string; encoding: string; importedAt: string };
  annotation: PageAnnotation;
  /** The page exactly as imported, so the UI can show the original of an edited line. */
  rawText: string;
  history: HistoryState;
}

/** What an undo or redo acted on, for the status bar ("Undid: corrected line 12 text"). */
export type HistoryStep = EditStep & { direction: 'undo' | 'redo' };

/** What an edit, undo, redo or re-run answers: the patch to apply to the cached annotation. */
export interface EditOutcome {
  pageId: number;
  patch: Patch;
  history: HistoryState;
  /** Undo and redo only: the edit they undid or redid. */
  step?: HistoryStep;
  /** Set when the call linked or unlinked parts of a continued article: the article list reads them again. */
  linksChanged?: true;
}

export interface IssueArticleSummary {
  pageId: number;
  pageNumber: number;
  articleId: string;
  title: string | null;
  authors: string[];
  /** Warnings: `no-title`, `no-author`, `empty`, plus the engine's flags. */
  flags: string[];
  firstLine: number | null;
  lineCount: number;
  /** Linked continuation: the page number this part goes on on, and the one it is the rest of (null: none). */
  continuesOn: number | null;
  continuedFrom: number | null;
}

export interface ImportFileResult {
  file: string;
  /** The new page's id, or null when the file was not imported (see `error`). */
  pageId: number | null;
  encoding: string | null;
  lines: number;
  error: string | null;
  /** Imported, but something in it to check (e.g. broken bytes replaced by U+FFFD). */
  warning?: string;
  /** Not imported again: the interrupted import this one goes on with had stored it already. */
  skipped?: true;
}

export interface ImportReport {
  /** The issue the pages went into; null when no page could be imported. */
  issueId: number | null;
  files: ImportFileResult[];
  imported: number;
  failed: number;
  /** Pages an interrupted import of the same paths had stored already (that issue is gone on with). */
  skipped: number;
}

export interface ExportedFiles {
  /** Paths written (export:issue). */
  files: string[];
}

export interface ExportedToFolder {
  /** The folder the user picked; null when they cancelled the dialog (nothing written). */
  folder: string | null;
  files: string[];
}

export interface ExportArchive {
  /** For md, txt, mets, alto and page (several files): the folder name to put them in; null for one-file formats. */
  folder: string | null;
  /** Every file as text (csv starts with a byte order mark); names are plain and safe on every system. */
  files: ExportFile[];
}

export interface CompletionValue {
  text: string;
  /** How many articles of the library use it. */
  count: number;
}

export interface AppInfo {
  version: string;
  libraryPath: string;
  schemaVersion: number;
  mode: 'electron' | 'browser' | 'cli';
}

/** What a publication has learned from its editors' corrections, as the profile dialog shows it. */
export interface ProfileSummary {
  publicationId: number;
  name: string;
  /** Pages the profile learned from, an imported profile's pages included (`profile.pages`). */
  pages: number;
  /** Pages of this library it learned from, and which of them the editor marked done. */
  learnedPageIds: number[];
  donePageIds: number[];
  /** Whether the profile started from an imported file. */
  imported: boolean;
}

/** A profile as a file to save: its suggested name and its JSON text. */
export interface ProfileFile {
  fileName: string;
  json: string;
}

// ---- the calls ----

/** Declares a call: its input schema now, its output type as a type argument. */
/** Page files as the UI uploads them: bytes, never a path on this machine. */
const uploadedFiles = z
  .array(z.object({ name: z.string().min(1).max(1000), base64: z.string().max(200_000_000) }))
  .min(1)
  .max(10_000);

function call<Out>() {
  return <In extends z.ZodType>(input: In) => ({ input, output: undefined as unknown as Out });
}

export const contract = {
  'app:info': call<AppInfo>()(z.object({})),
  'library:tree': call<LibraryTree>()(z.object({})),
  'pages:get': call<PageDetail>()(z.object({ pageId: id })),
  /** Import file contents sent by the UI (browser mode file picker, drag and drop). */
  'import:files': call<ImportReport>()(z.object({ files: uploadedFiles, options: importOptions.default({}) })),
  /** The issue details an import of these files would take, guessed as the import guesses them; nothing is stored. */
  'import:guess': call<ImportGuess>()(z.object({ files: uploadedFiles })),
  /** `import:guess` for files and folders by path (the desktop menu's pick, before its import dialog). */
  'import:guessPaths': call<ImportGuess>()(z.object({ paths: z.array(z.string().min(1).max(4096)).min(1).max(10_000) })),
  /**
   * Imports the files the desktop menu picked (announced to the page by `import:picked`, under its
   * ticket) with the details the editor confirmed; the page never sees their paths.
   */
  'import:picked': call<ImportReport>()(z.object({ ticket: z.string().regex(/^[A-Za-z0-9_-]{16,64}$/), options: importOptions.default({}) })),
  /** Import files or folders by path (Electron's open dialog, the CLI). */
  'import:paths': call<ImportReport>()(
    z.object({ paths: z.array(z.string().min(1).max(4096)).min(1).max(10_000), options: importOptions.default({}) }),
  ),
  /** Apply one editor operation to a page: one transaction, one journal entry. (Re-run has its own call.) */
  'edits:apply': call<EditOutcome>()(z.object({ pageId: id, op: editOp, ...editBasis })),
  'edits:undo': call<EditOutcome>()(z.object({ pageId: id, ...editBasis })),
  'edits:redo': call<EditOutcome>()(z.object({ pageId: id, ...editBasis })),
  /** Re-run the engine on the page's current lines, keeping every decision an editor made. */
  'edits:rerun': call<EditOutcome>()(z.object({ pageId: id, ...editBasis })),
  /** Links the article to the part its continuation marker proposes (转第2版 ↔ 上接第1版), or unlinks a linked part; undone like an edit. */
  'edits:continuation': call<EditOutcome>()(z.object({ pageId: id, articleId, ...editBasis })),
  /** Every article of an issue, page by page, with its warnings (for the article list). */
  'issues:articles': call<IssueArticleSummary[]>()(z.object({ issueId: id })),
  /** An article's metadata: as stored, resolved (overrides applied, entities re-anchored), and the text entity offsets count in. */
  'articles:meta:get': call<ArticleMetadataView>()(z.object({ pageId: id, articleId })),
  /** Changes an article's metadata: one transaction, one journal entry; answers the new state. */
  'articles:meta:set': call<ArticleMetadataView>()(z.object({ pageId: id, articleId, patch: metadataPatch })),
  /** Proposals from the engine (byline, headline, page header, dateline) and the library (entities tagged elsewhere). */
  'articles:suggest': call<Suggestion[]>()(z.object({ pageId: id, articleId })),
  /** Progress (articles done / total) and what blocks a clean export, each item with its page and line. */
  'issues:qa': call<IssueQa>()(z.object({ issueId: id })),
  /** Searches line text, titles, authors and tags (all when kind is absent); 1- and 2-character CJK queries work. */
  'library:search': call<SearchResult>()(
    z.object({ q: z.string().max(200), kind: z.enum(SEARCH_KINDS).optional(), limit: z.number().int().min(1).max(500).default(50) }),
  ),
  /** Values of the library starting with `prefix`, most used first. */
  'library:autocomplete': call<CompletionValue[]>()(
    z.object({ field: z.enum(['author', 'tag', 'keyword']), prefix: z.string().max(200), limit: z.number().int().min(1).max(100).default(20) }),
  ),
  /** Writes an issue in one format into a folder on this machine (streams export:progress). */
  'export:issue': call<ExportedFiles>()(z.object({ issueId: id, format: z.enum(EXPORT_FORMATS), outDir: z.string().min(1).max(4096) })),
  /**
   * The desktop app's export: main asks the user for a folder in a native dialog, then writes the
   * issue there (a page never names the folder itself). Elsewhere it answers UNSUPPORTED.
   */
  'export:toFolder': call<ExportedToFolder>()(z.object({ issueId: id, format: z.enum(EXPORT_FORMATS) })),
  /** An issue in one format as files in memory, for a browser download. */
  'export:issueArchive': call<ExportArchive>()(z.object({ issueId: id, format: z.enum(EXPORT_FORMATS) })),
  /** What the publication learned: from how many pages, which ones. */
  'publication:profile': call<ProfileSummary>()(z.object({ publicationId: id })),
  /**
   * Learns from the page as it stands (a page learned before is replaced, not counted twice); `done`
   * also marks it done. Learning changes the profile only, never a page.
   */
  'publication:learnPage': call<ProfileSummary>()(z.object({ pageId: id, done: z.boolean().default(false) })),
  /** Forgets everything the publication learned. */
  'publication:resetProfile': call<ProfileSummary>()(z.object({ publicationId: id })),
  'publication:exportProfile': call<ProfileFile>()(z.object({ publicationId: id })),
  /** Replaces the publication's profile with one read from a file (checked first; a bad file changes nothing). */
  'publication:importProfile': call<ProfileSummary>()(z.object({ publicationId: id, json: z.string().max(50_000_000) })),
  /** Where a page's lines stand on the printed page and what draws it; null for a page imported as text. */
  'import:pageSource': call<PageSourceView | null>()(z.object({ pageId: id })),
  /** The PDF a page came from (`import:pageSource` names it), for the renderer to draw. */
  'import:sourcePdf': call<{ base64: string }>()(z.object({ sourceId: id })),
  /** The scan stored with an XML page (`import:pageSource` says whether there is one), for the renderer to draw. */
  'import:pageImage': call<{ mime: string; base64: string }>()(z.object({ pageId: id })),
  /** Names an issue after the import: its publication, date (null: undated) and label. */
  'library:issue:update': call<null>()(
    z.object({
      issueId: id,
      publication: z.string().trim().min(1).max(200).optional(),
      date: isoDate.nullable().optional(),
      label: z.string().trim().min(1).max(200).optional(),
    }),
  ),
  /** Puts a page at a position (1-based) in an issue, its own or another. */
  'library:page:move': call<null>()(z.object({ pageId: id, issueId: id, position: z.number().int().min(1).max(100_000) })),
  /** Deletes an issue with its pages into the trash (journaled); answers the trash entry to restore. */
  'library:issue:delete': call<{ trashId: number }>()(z.object({ issueId: id })),
  /** Deletes one page into the trash (journaled); the issue's other pages are renumbered. */
  'library:page:delete': call<{ trashId: number }>()(z.object({ pageId: id })),
  /** What was deleted and can be restored, most recent first. */
  'library:trash': call<TrashItem[]>()(z.object({})),
  /** Brings a deleted issue or page back (a page into its issue, at its place, while that issue exists). */
  'library:restore': call<{ issueId: number; pageId: number | null; notes: string[] }>()(z.object({ trashId: id })),
  /** Deletes trash entries for good: one (`trashId`) or, with `all`, the whole trash. Answers what went. */
  'library:purge': call<TrashItem[]>()(z.union([z.strictObject({ trashId: id }), z.strictObject({ all: z.literal(true) })])),
} as const satisfies Record<Channel, { input: z.ZodType; output: unknown }>;

export type Contract = typeof contract;
export type { Channel };
export type CallInput<C extends Channel> = z.input<Contract[C]['input']>;
export type ParsedInput<C extends Channel> = z.output<Contract[C]['input']>;
export type CallOutput<C extends Channel> = Contract[C]['output'];

// ---- events (main → UI) ----

export interface Events {
  'import:progress': { done: number; total: number; file: string };
  /** The desktop menu picked files to import: the page asks for the issue details (its import dialog), then imports them by ticket. */
  'import:picked': { ticket: string; names: string[]; guess: ImportGuess };
  'export:progress': { issueId: number; done: number; total: number };
  /** To every window on the library: its tree, or what the issue's articles and QA say of it (a link between pages), changed. */
  'library:changed': { reason: 'import' | 'edit' | 'delete' | 'issue' | 'links' };
  /** A page changed by someone else than the caller (another window, the CLI). */
  'page:changed': { pageId: number; revision: number };
}
export type EventName = keyof Events;
