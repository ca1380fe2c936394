import type { EditOp } from '../../../app/edits/ops.js';
import type { PageAnnotation } from '../../../app/model/page.js';
import type { AppState } from '../store/types.js';
import { FEATURE_COMMANDS } from '../features/commands.js';
import * as ops from './ops.js';

export type CommandGroup = 'lines' | 'roles' | 'articles' | 'history' | 'issue' | 'view';

export interface Command {
  /** Also the i18n key under `command.`. */
  id: string;
  group: CommandGroup;
  /** Bindings; the first is the one menus show. */
  keys: readonly string[];
  /** Works wherever the focus is (not only in the source pane). */
  global?: boolean;
  /** Whether the command can act now; menus grey it out otherwise. */
  enabled(state: AppState): boolean;
  run(state: AppState): void;
}

type OpBuilder = (page: PageAnnotation, sel: ops.LineSelection) => EditOp | null;

const hasPage = (s: AppState) => s.page !== null && s.selection !== null;

/** A command that turns the selection into one editor operation. */
function editCommand(id: string, group: CommandGroup, keys: readonly string[], build: OpBuilder): Command {
  return {
    id,
    group,
    keys,
    enabled: hasPage,
    run(s) {
      if (!s.page || !s.selection) return;
      const op = build(s.page.annotation, s.selection);
      if (op) void s.edit(op);
    },
  };
}

function overlayCommand(id: string, group: CommandGroup, keys: readonly string[], overlay: Parameters<AppState['openOverlay']>[0], global = false): Command {
  return { id, group, keys, global, enabled: (s) => global || hasPage(s), run: (s) => s.openOverlay(overlay) };
}

const role = (name: Parameters<typeof ops.setRoleOp>[2], key: string) =>
  editCommand(`role-${name}`, 'roles', [key], (page, sel) => ops.setRoleOp(page, sel, name));

export const COMMANDS: readonly Command[] = [
  // lines
  editCommand('toggleBreak', 'lines', ['Enter'], (page, sel) => ops.toggleBreakOp(page, sel.line)),
  editCommand('join', 'lines', ['j'], ops.joinOp),
  editCommand('paragraph', 'lines', ['Shift-Enter'], ops.paragraphOp),
  editCommand('split', 'lines', ['Mod-Enter', '\\'], ops.splitOp),
  {
    id: 'editText',
    group: 'lines',
    keys: ['F2'],
    enabled: hasPage,
    run: (s) => s.selection && s.requestLineEdit(s.selection.line),
  },
  // roles
  role('headline', 'h'),
  role('kicker', 'k'),
  role('subheadline', 's'),
  role('byline', 'b'),
  role('body', 't'),
  role('caption', 'c'),
  role('signature', 'g'),
  overlayCommand('furniture', 'roles', ['f'], { kind: 'furniture' }),
  // articles
  editCommand('newArticle', 'articles', ['n'], ops.startArticleOp),
  editCommand('mergePrevious', 'articles', ['m'], (page, sel) => ops.mergeOp(page, sel, 'previous')),
  editCommand('mergeNext', 'articles', ['M'], (page, sel) => ops.mergeOp(page, sel, 'next')),
  overlayCommand('moveLines', 'articles', ['x', 'Mod-Shift-m'], { kind: 'move-lines' }),
  editCommand('articleUp', 'articles', ['Alt-ArrowUp'], (page, sel) => ops.reorderOp(page, sel, -1)),
  editCommand('articleDown', 'articles', ['Alt-ArrowDown'], (page, sel) => ops.reorderOp(page, sel, 1)),
  { ...overlayCommand('rerun', 'articles', ['Mod-r'], { kind: 'confirm-rerun' }, true), enabled: (s) => s.page !== null },
  // history
  { id: 'undo', group: 'history', keys: ['Mod-z'], global: true, enabled: (s) => !!s.page?.history.canUndo, run: (s) => void s.undo() },
  { id: 'redo', group: 'history', keys: ['Mod-Shift-z', 'Mod-y'], global: true, enabled: (s) => !!s.page?.history.canRedo, run: (s) => void s.redo() },
  // view
  overlayCommand('palette', 'view', ['Mod-k'], { kind: 'palette' }, true),
  overlayCommand('shortcuts', 'view', ['?'], { kind: 'shortcuts' }, true),
  { id: 'theme', group: 'view', keys: [], enabled: () => true, run: (s) => s.setTheme(s.theme === 'dark' ? 'light' : 'dark') },
  { id: 'language', group: 'view', keys: [], enabled: () => true, run: (s) => s.setLanguage(s.language === 'en' ? 'zh-CN' : 'en') },
  ...FEATURE_COMMANDS,
];

export const COMMAND_GROUPS: readonly CommandGroup[] = ['history', 'lines', 'roles', 'articles', 'issue', 'view'];

const byId = new Map(COMMANDS.map((c) => [c.id, c]));

export function commandById(id: string): Command | undefined {
  return byId.get(id);
}

/** Runs a command if it can act now; says whether it did. */
export function runCommand(id: string, state: AppState): boolean {
  const command = byId.get(id);
  if (!command?.enabled(state)) return false;
  command.run(state);
  return true;
}

/** The source pane's bindings: every command's keys except the window-wide ones. */
export const EDITOR_BINDINGS = COMMANDS.filter((c) => !c.global).flatMap((c) => c.keys.map((key) => ({ key, command: c.id })));

/** Window-wide keys, by the name `keyName` gives a keydown. */
export const GLOBAL_KEYS = new Map(COMMANDS.filter((c) => c.global).flatMap((c) => c.keys.map((key) => [key, c.id] as const)));
