import type { Command } from '../commands/commands.js';
import type { AppState } from '../store/types.js';

const hasPage = (s: AppState) => s.page !== null;
const tagged = (s: AppState) => s.articleSelection !== null;

/** Tagging, the issue view, export and search: window-wide, so they answer from any pane. */
export const FEATURE_COMMANDS: readonly Command[] = [
  { id: 'tagPerson', group: 'issue', keys: ['p'], global: true, enabled: tagged, run: (s) => void s.tagSelection('person') },
  { id: 'tagPlace', group: 'issue', keys: ['l'], global: true, enabled: tagged, run: (s) => void s.tagSelection('place') },
  { id: 'tagOrg', group: 'issue', keys: ['o'], global: true, enabled: tagged, run: (s) => void s.tagSelection('org') },
  { id: 'metaPanel', group: 'issue', keys: ['Mod-b'], global: true, enabled: () => true, run: (s) => s.toggleMetaPanel() },
  { id: 'issueView', group: 'issue', keys: ['Mod-i'], global: true, enabled: hasPage, run: (s) => s.openOverlay({ kind: 'issue' }) },
  { id: 'exportIssue', group: 'issue', keys: ['Mod-e'], global: true, enabled: hasPage, run: (s) => s.openOverlay({ kind: 'export' }) },
  // Ctrl+F stays CodeMirror's search within the page.
  { id: 'searchLibrary', group: 'issue', keys: ['Mod-Shift-f', '/'], global: true, enabled: () => true, run: (s) => s.focusSearch() },
];
