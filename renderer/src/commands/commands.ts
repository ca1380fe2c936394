import type { EditOpName, OpOf } from '../../../app/edits/ops.js';
import type { PageAnnotation } from '../../../app/model/page.js';
import { type Dictionary, nextLanguage } from '../i18n/index.js';
import type { AppState, LineSelection, Overlay } from '../store/state.js';
import { nextUncertainLine } from '../source/line-marks.js';
import { currentArticleId } from '../store/selectors.js';
import * as build from './op-builders.js';

/**
 * The one command table: every command the editor can give, with its keys, its label (the i18n key
 * `command.<id>`) and what it does. The menu bar, the context menu, the palette, the shortcut sheet,
 * the source pane's keymap and the window-wide keys all read it.
 *
 * The compiler holds it together: a command needs a label in the dictionary and a label needs a
 * command (`satisfies Record<CommandId, …>` below), and every edit operation of app/edits must be
 * made by some command (`Uncovered` at the end).
 */
export type CommandId = keyof Dictionary['command'];
export type CommandGroup = keyof Dictionary['group'];

interface CommandSpec {
  group: CommandGroup;
  /** Bindings in CodeMirror notation; the first is the one menus show. */
  keys: readonly string[];
  /** Works wherever the focus is (not only in the source pane). */
  global?: boolean;
  /** Whether the command can act now; menus grey it out otherwise. */
  enabled(state: AppState): boolean;
  run(state: AppState): void;
  /** The edit operations this command ends in (through the store's `edit`, or a dialog it opens). */
  makes?: readonly EditOpName[];
}

export interface Command extends CommandSpec {
  id: CommandId;
}

const hasPage = (s: AppState) => s.page !== null;
const hasSelection = (s: AppState) => s.page !== null && s.selection !== null;
const always = () => true;
const tagged = (s: AppState) => s.articleSelection !== null;

/** A command that turns the source selection into one edit operation of the kinds `makes` names. */
function edit<K extends EditOpName>(group: CommandGroup, keys: readonly string[], makes: readonly K[], op: (page: PageAnnotation, sel: LineSelection) => NoInfer<OpOf<K>> | null) {
  return {
    group,
    keys,
    makes,
    enabled: hasSelection,
    run(s: AppState) {
      if (!s.page || !s.selection) return;
      const made = op(s.page.annotation, s.selection);
      if (made) void s.edit(made);
    },
  } satisfies CommandSpec;
}

/** A command that opens a dialog or menu; source-pane ones need a page and a selection. */
function open(group: CommandGroup, keys: readonly string[], overlay: Overlay, global = false): CommandSpec {
  return { group, keys, global, enabled: (s) => global || hasSelection(s), run: (s) => s.openOverlay(overlay) };
}

/** Puts the cursor on the next (1) or previous (-1) line whose decision the engine was unsure of. */
function goToUncertain(s: AppState, step: 1 | -1): void {
  if (!s.page || s.pageId === null) return;
  const lines = s.page.annotation.lines;
  const at = nextUncertainLine(lines, s.selection?.line ?? (step === 1 ? -1 : lines.length), step);
  if (at !== null) void s.goToLine(s.pageId, lines[at]!.n, null);
}

const role = (name: OpOf<'setRole'>['role'], key: string) => edit('roles', [key], ['setRole'], (page, sel) => build.setRoleOp(page, sel, name));

const TABLE = {
  // lines
  toggleBreak: edit('lines', ['Enter'], ['toggleBreak'], (page, sel) => build.toggleBreakOp(page, sel.line)),
  join: edit('lines', ['j'], ['joinLines', 'setBreak'], build.joinOp),
  paragraph: edit('lines', ['Shift-Enter'], ['setBreak'], build.paragraphOp),
  split: edit('lines', ['Mod-Enter', '\\'], ['splitLine'], build.splitOp),
  editText: { group: 'lines', keys: ['F2'], makes: ['editLine'], enabled: hasSelection, run: (s) => s.selection && s.requestLineEdit(s.selection.line) },
  // roles
  'role-headline': role('headline', 'h'),
  'role-kicker': role('kicker', 'k'),
  'role-subheadline': role('subheadline', 's'),
  'role-byline': role('byline', 'b'),
  'role-body': role('body', 't'),
  'role-caption': role('caption', 'c'),
  'role-signature': role('signature', 'g'),
  furniture: { ...open('roles', ['f'], { kind: 'furniture' }), makes: ['markFurniture'] },
  // articles
  newArticle: edit('articles', ['n'], ['startArticle'], build.startArticleOp),
  mergePrevious: edit('articles', ['m'], ['mergeArticle'], (page, sel) => build.mergeOp(page, sel, 'previous')),
  mergeNext: edit('articles', ['M'], ['mergeArticle'], (page, sel) => build.mergeOp(page, sel, 'next')),
  moveLines: { ...open('articles', ['x', 'Mod-Shift-m'], { kind: 'move-lines' }), makes: ['moveLines'] },
  articleUp: edit('articles', ['Alt-ArrowUp'], ['reorderArticles'], (page, sel) => build.reorderOp(page, sel, -1)),
  articleDown: edit('articles', ['Alt-ArrowDown'], ['reorderArticles'], (page, sel) => build.reorderOp(page, sel, 1)),
  // An article that goes on on another page (转第2版 … 上接第1版): link it to the rest, or unlink.
  linkContinuation: {
    group: 'articles', keys: ['L'], enabled: (s) => currentArticleId(s) !== null,
    run: (s) => { const article = currentArticleId(s); if (article !== null) void s.toggleContinuation(article); },
  },
  rerun: { ...open('articles', ['Mod-r'], { kind: 'confirm-rerun' }, true), enabled: hasPage, makes: ['rerun'] },
  // history
  undo: { group: 'history', keys: ['Mod-z'], global: true, enabled: (s) => !!s.page?.history.canUndo, run: (s) => void s.undo() },
  redo: { group: 'history', keys: ['Mod-Shift-z', 'Mod-y'], global: true, enabled: (s) => !!s.page?.history.canRedo, run: (s) => void s.redo() },
  // view
  palette: open('view', ['Mod-k'], { kind: 'palette' }, true),
  shortcuts: open('view', ['?'], { kind: 'shortcuts' }, true),
  theme: { group: 'view', keys: [], enabled: always, run: (s) => s.setTheme(s.theme === 'dark' ? 'light' : 'dark') },
  language: { group: 'view', keys: [], enabled: always, run: (s) => s.setLanguage(nextLanguage(s.language)) },
  // Tagging, the issue view, export and search: window-wide, so they answer from any pane.
  tagPerson: { group: 'issue', keys: ['p'], global: true, enabled: tagged, run: (s) => void s.tagSelection('person') },
  tagPlace: { group: 'issue', keys: ['l'], global: true, enabled: tagged, run: (s) => void s.tagSelection('place') },
  tagOrg: { group: 'issue', keys: ['o'], global: true, enabled: tagged, run: (s) => void s.tagSelection('org') },
  metaPanel: { group: 'issue', keys: ['Mod-b'], global: true, enabled: always, run: (s) => s.toggleMetaPanel() },
  issueView: { ...open('issue', ['Mod-i'], { kind: 'issue' }, true), enabled: hasPage },
  exportIssue: { ...open('issue', ['Mod-e'], { kind: 'export' }, true), enabled: hasPage },
  // Ctrl+F stays CodeMirror's search within the page.
  searchLibrary: { group: 'issue', keys: ['Mod-Shift-f', '/'], global: true, enabled: always, run: (s) => s.focusSearch() },
  // What the engine was unsure of, and what it learns from the editor's corrections.
  nextUncertain: { group: 'lines', keys: ['u'], enabled: hasPage, run: (s) => goToUncertain(s, 1) },
  previousUncertain: { group: 'lines', keys: ['U'], enabled: hasPage, run: (s) => goToUncertain(s, -1) },
  markPageDone: { group: 'issue', keys: ['Mod-Shift-d'], global: true, enabled: hasPage, run: (s) => void s.markPageDone() },
  publicationProfile: { ...open('issue', [], { kind: 'profile' }, true), enabled: hasPage },
  pageImage: { group: 'view', keys: ['Mod-Shift-p'], global: true, enabled: always, run: (s) => s.togglePageImage() },
  // Ctrl+G takes source line numbers (CodeMirror's find-next stays on F3 and Enter in the find bar).
  goToLine: { ...open('view', ['Mod-g'], { kind: 'go-to-line' }, true), enabled: hasPage },
  nextQa: { group: 'issue', keys: ['F8'], global: true, enabled: hasPage, run: (s) => void s.stepQa(1) },
  previousQa: { group: 'issue', keys: ['Shift-F8'], global: true, enabled: hasPage, run: (s) => void s.stepQa(-1) },
} as const satisfies Record<CommandId, CommandSpec>;

/**
 * Edit operations no command makes: an article's genre and authors are set through the metadata
 * panel (`articles:meta:set`), which keeps them beside the rest of the article's metadata.
 */
type MadeElsewhere = 'setArticleMeta';
type Made = { [I in CommandId]: (typeof TABLE)[I] extends { makes: readonly (infer K)[] } ? K : never }[CommandId];
/** Fails to compile, naming the operation, when app/edits gains an operation no command makes. */
type EveryOpHasACommand<Missing extends never> = Missing;
type _Uncovered = EveryOpHasACommand<Exclude<EditOpName, Made | MadeElsewhere>>;

export const COMMANDS: readonly Command[] = (Object.keys(TABLE) as CommandId[]).map((id) => ({ id, ...(TABLE[id] as CommandSpec) }));

/** The menus' order (the context menu shows the first four). */
export const COMMAND_GROUPS: readonly CommandGroup[] = ['history', 'lines', 'roles', 'articles', 'issue', 'view'];

/** A command's bindings, for places that name its key (the status bar's hint, the search box). */
export function keysFor(id: CommandId): readonly string[] {
  return TABLE[id].keys;
}

/** Runs a command if it can act now; says whether it did. */
export function runCommand(id: CommandId, state: AppState): boolean {
  const command: CommandSpec = TABLE[id];
  if (!command.enabled(state)) return false;
  command.run(state);
  return true;
}

/** The source pane's bindings: every command's keys except the window-wide ones. */
export const EDITOR_BINDINGS = COMMANDS.filter((c) => !c.global).flatMap((c) => c.keys.map((key) => ({ key, command: c.id })));

/** Window-wide keys, by the name `keyName` gives a keydown. */
export const GLOBAL_KEYS = new Map(COMMANDS.filter((c) => c.global).flatMap((c) => c.keys.map((key) => [key, c.id] as const)));
