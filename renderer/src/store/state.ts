import type { StateCreator } from 'zustand/vanilla';
import type { AppInfo, CompletionValue, Events, ExportArchive, ExportedToFolder, HistoryStep, ImportGuess, ImportOptions, IssueArticleSummary, LibraryTree, PageDetail, ProfileFile, ProfileSummary, TrashItem } from '../../../app/contract.js';
import type { EditOp } from '../../../app/edits/ops.js';
import type { PageSourceView } from '../../../app/model/geometry.js';
import type { ExportFormat } from '../../../app/export/index.js';
import type { EntityType, MetadataPatch } from '../../../app/metadata/model.js';
import type { IssueQa } from '../../../app/metadata/qa.js';
import type { Suggestion } from '../../../app/metadata/suggest.js';
import type { ArticleMetadataView } from '../../../app/metadata/view.js';
import type { SearchKind, SearchResult } from '../../../app/search/result.js';
import type { Language } from '../i18n/index.js';

/**
 * The renderer's whole state, slice by slice: one interface per concern, each implemented by the
 * `*-slice.ts` of the same name. Kept apart from the implementations so a slice can use the others
 * (through `get()`) without the slice files importing one another.
 */
export type AppState = LibrarySlice & PageSlice & EditSlice & WorkbenchSlice & UiSlice & MetadataSlice & IssueSlice & ExportSlice & SearchSlice & ProfileSlice;
export type SliceCreator<Slice> = StateCreator<AppState, [], [], Slice>;

/** Where the source pane's selection is, in annotation lines (0-based) and the cursor's column. */
export interface LineSelection {
  /** First and last selected line; equal for a cursor. */
  from: number;
  to: number;
  /** The line the cursor (selection head) is on, and its offset in that line's text. */
  line: number;
  column: number;
}

// library-slice

export interface ImportFile {
  name: string;
  base64: string;
}

/** An import waiting for the editor's details: uploaded files (the Import button) or the desktop menu's pick. */
export type PendingImport = { names: string[]; guess: ImportGuess } & ({ files: ImportFile[] } | { ticket: string });

export interface LibrarySlice {
  tree: LibraryTree | null;
  info: AppInfo | null;
  importProgress: Events['import:progress'] | null;
  /** Files the last import could not take, until the editor dismisses them. */
  importErrors: { file: string; error: string }[];
  /** Files the last import took but not exactly as their bytes said (mixed encodings, a cut last character). */
  importWarnings: { file: string; warning: string }[];
  /** `askIssue`: the new issue, when its paper or date is still unknown (the status bar offers to set them). */
  lastImport: { imported: number; failed: number; askIssue: number | null } | null;
  /** Files chosen for import, with the issue details guessed for them, while the editor confirms or edits those. */
  pendingImport: PendingImport | null;
  loadLibrary(): Promise<void>;
  /** Guesses the issue details of the files and asks the editor to confirm them (the import dialog) before importing. */
  prepareImport(files: ImportFile[]): Promise<void>;
  /** The desktop menu picked files (by path, kept in main under a ticket): the same import dialog asks for their details. */
  importPicked(picked: Events['import:picked']): void;
  /** Imports the pending files, uploaded or picked, with the details the editor confirmed. */
  confirmImport(options: ImportOptions): Promise<void>;
  /** Drops the files chosen for import: nothing is imported. */
  cancelImport(): void;
  importFiles(files: ImportFile[], options?: ImportOptions): Promise<void>;
  dismissImportErrors(): void;
  /** Renames an issue: its publication, date (null: undated) and label. */
  updateIssue(issueId: number, patch: { publication?: string; date?: string | null; label?: string }): Promise<void>;
  /** Puts a page at `position` (1-based) in an issue, its own or another. */
  movePage(pageId: number, issueId: number, position: number): Promise<void>;
  /** What was deleted and can be restored (loaded when the library shows it), most recent first. */
  trash: TrashItem[];
  /** The last delete, for the Undo bar, until it is undone or dismissed. */
  lastDeleted: { trashId: number; label: string } | null;
  deleteIssue(issueId: number): Promise<void>;
  deletePage(pageId: number): Promise<void>;
  loadTrash(): Promise<void>;
  restore(trashId: number): Promise<void>;
  dismissDeleted(): void;
  /** What the last restore could not bring back as it was (a link waiting for another entry), until dismissed. */
  restoreNotes: string[];
  dismissRestoreNotes(): void;
  /** Deletes one trash entry, or (null) the whole trash, for good. */
  purge(trashId: number | null): Promise<void>;
}

// page-slice

export interface PageSlice {
  pageId: number | null;
  page: PageDetail | null;
  /** A request for the source pane to scroll to a line; `seq` makes a repeated click a new request. */
  reveal: { line: number; seq: number } | null;
  focusedArticle: string | null;
  /** Every article of the open page's issue, for the article list (other pages than the open one). */
  issueArticles: { issueId: number; articles: IssueArticleSummary[] } | null;
  openPage(pageId: number): Promise<void>;
  /** Reads the open page again from the library (after a failed edit, or a change made elsewhere). */
  reloadPage(): Promise<void>;
  focusArticle(articleId: string, firstLine: number): void;
  loadIssueArticles(): Promise<void>;
  /** Opens the article's page when needed, then shows the article. */
  goToArticle(pageId: number, articleId: string, firstLine: number): Promise<void>;
  /** The open page's printed form (line boxes, the PDF it came from); null for a page imported as text. */
  pageSource: { pageId: number; view: PageSourceView } | null;
  loadPageSource(pageId: number): Promise<void>;
  /** Puts the source pane's cursor on source line `n` (1-based), scrolled into view. */
  revealLine(n: number): void;
  /** A PDF's bytes, fetched once per source and kept while the app runs. */
  sourcePdf(sourceId: number): Promise<Uint8Array>;
  /** The scan stored with an XML page, as a data URL (the page's policy draws data: images only). */
  pageImage(pageId: number): Promise<string>;
}

// edit-slice

/** Where a pane's writes stand: each change is saved as it is made (edits, metadata alike). */
export type SaveState = 'idle' | 'saving' | 'saved' | 'error';

export interface EditSlice {
  /** Where the editor's corrections stand: each one is saved by the backend as it is applied. */
  saveState: SaveState;
  /** What the last undo or redo acted on (it may be older than later metadata changes); cleared by the next edit. */
  historyStep: HistoryStep | null;
  /** One editor operation on the open page: saved, journalled, undoable. */
  edit(op: EditOp): Promise<void>;
  /** Another window committed `revision` of a page: the open page catches up unless this window is mid-write. */
  pageChanged(pageId: number, revision: number): Promise<void>;
  undo(): Promise<void>;
  redo(): Promise<void>;
  /** Re-runs the engine on the page; what an editor decided stays. */
  rerun(): Promise<void>;
  /** Links the article to the part its continuation marker proposes on another page, or unlinks it; undone like an edit. */
  toggleContinuation(articleId: string): Promise<void>;
  /** Resolves once the edits asked for so far are saved: what the page shows, the library then holds. */
  editsSaved(): Promise<void>;
}

// workbench-slice

/** A dialog or menu over the editor; at most one at a time, and the source pane regains focus after it. */
export type Overlay =
  | { kind: 'palette' }
  | { kind: 'shortcuts' }
  | { kind: 'move-lines' }
  | { kind: 'furniture' }
  | { kind: 'confirm-rerun' }
  | { kind: 'context-menu'; x: number; y: number }
  | { kind: 'issue' }
  | { kind: 'export' }
  | { kind: 'profile' }
  | { kind: 'go-to-line' }
  | { kind: 'import' }
  | { kind: 'issue-details'; issueId: number }
  /** Delete for good: one trash entry, or (null) the whole trash. */
  | { kind: 'confirm-purge'; trashId: number | null };

export interface WorkbenchSlice {
  /** The source pane's selection in annotation line indices; null before a page is shown. */
  selection: LineSelection | null;
  /** Source lines of the paragraph under the pointer in the article pane; `scroll` on a click. */
  paragraphLines: { lines: readonly number[]; scroll: boolean; seq: number } | null;
  overlay: Overlay | null;
  /** A request to open a line for editing in the source pane. */
  lineEditRequest: { index: number; seq: number } | null;
  setSelection(selection: LineSelection): void;
  showParagraph(lines: readonly number[] | null, scroll: boolean): void;
  openOverlay(overlay: Overlay): void;
  closeOverlay(): void;
  requestLineEdit(index: number): void;
}

// ui-slice

export type Theme = 'light' | 'dark';

/** Where the editor's preferences live between starts (localStorage in the app, a map in tests). */
export interface Preferences {
  language: Language;
  theme: Theme;
  /** This profile's editor id: the journal keeps it with each edit, so undo takes back only one's own. */
  editor: string;
  save(prefs: { language: Language; theme: Theme }): void;
}

export interface UiSlice {
  language: Language;
  theme: Theme;
  /** One-line messages of failed calls, shown in the banner until dismissed. */
  errors: string[];
  setLanguage(language: Language): void;
  setTheme(theme: Theme): void;
  reportError(err: unknown): void;
  dismissError(index: number): void;
  /** Whether the printed page is shown beside the text (for pages that have one). */
  pageImageOpen: boolean;
  togglePageImage(): void;
}

// metadata-slice

export interface MetaTarget {
  pageId: number;
  articleId: string;
}

/** Text selected in the article pane, as offsets into the article text (body paragraphs joined by "\n"). */
export interface ArticleTextSelection extends MetaTarget {
  start: number;
  end: number;
  text: string;
}

export interface MetadataSlice {
  metaPanelOpen: boolean;
  /** The article the panel shows, as the library holds it. */
  meta: ArticleMetadataView | null;
  suggestions: Suggestion[];
  metaSaveState: SaveState;
  articleSelection: ArticleTextSelection | null;
  toggleMetaPanel(): void;
  loadMeta(target: MetaTarget | null): Promise<void>;
  /** Saves a change of the panel; `target` pins it to the article it was typed for, should the cursor have moved on. */
  setMeta(patch: MetadataPatch, target?: MetaTarget): Promise<void>;
  acceptSuggestion(suggestion: Suggestion): Promise<void>;
  rejectSuggestion(suggestion: Suggestion): Promise<void>;
  setArticleSelection(selection: ArticleTextSelection | null): void;
  tagSelection(type: EntityType): Promise<void>;
  /** Library values starting with `prefix`, most used first; none when the call fails (typing goes on). */
  complete(field: 'author' | 'tag' | 'keyword', prefix: string): Promise<CompletionValue[]>;
}

// issue-slice

export interface IssueSlice {
  /** Progress and QA of the open page's issue. */
  issueQa: { issueId: number; qa: IssueQa } | null;
  loadIssueQa(): Promise<void>;
  /** Opens a page when needed and puts the source cursor on `line` (and shows `articleId` when given). */
  goToLine(pageId: number, line: number | null, articleId: string | null): Promise<void>;
  /** F8 / Shift+F8: the cursor to the next (1) or previous (-1) QA item of the issue, from where it is. */
  stepQa(direction: 1 | -1): Promise<void>;
}

// export-slice

export interface ExportRun {
  issueId: number;
  format: ExportFormat;
  phase: 'running' | 'done' | 'error';
  progress: { done: number; total: number } | null;
  archive: ExportArchive | null;
  /** The desktop app writes into a folder the user picks in a native dialog instead of downloading. */
  saved: ExportedToFolder | null;
}

export interface ExportSlice {
  exportFormat: ExportFormat;
  exportRun: ExportRun | null;
  setExportFormat(format: ExportFormat): void;
  /**
   * Exports the open page's issue in the chosen format: in the desktop app into a folder the user
   * picks; in the browser as files the dialog then hands over as downloads.
   */
  runExport(): Promise<void>;
  clearExport(): void;
}

// search-slice

export type SearchScope = SearchKind | 'all';

export interface SearchSlice {
  searchQuery: string;
  searchScope: SearchScope;
  searchResult: SearchResult | null;
  searching: boolean;
  /** A request to focus the search box (Ctrl+Shift+F, /); `seq` makes a repeated press a new request. */
  searchFocus: number;
  setSearchQuery(q: string): void;
  setSearchScope(scope: SearchScope): void;
  focusSearch(): void;
}

// profile-slice

export interface ProfileSlice {
  /** What the open page's publication learned from its editors' corrections. */
  profile: ProfileSummary | null;
  /** Why the last profile action was refused (e.g. a file that is not a profile), for the profile dialog. */
  profileError: string | null;
  loadProfile(): Promise<void>;
  /** Marks the open page done: the publication learns from it as it stands. */
  markPageDone(): Promise<void>;
  /** The editor left a page they corrected: the publication learns from it (quietly; it changes no page). */
  learnFromLeftPage(pageId: number): Promise<void>;
  /** The window was hidden (another app, closing): the publication learns from the open page if the editor corrected it. */
  learnFromOpenPage(): Promise<void>;
  resetProfile(): Promise<void>;
  /** The profile as a file to download; null when refused. */
  exportProfile(): Promise<ProfileFile | null>;
  importProfile(json: string): Promise<void>;
}
