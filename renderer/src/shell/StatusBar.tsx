import { useTranslation } from 'react-i18next';
import { keysFor } from '../commands/commands.js';
import { formatKey } from '../commands/keys.js';
import { useAppStore } from '../store/index.js';
import { pageCounts, pagePosition } from '../store/selectors.js';
import { ImportProgress } from '../library/ImportProgress.js';
import { LanguageSwitch } from './LanguageSwitch.js';
import { HistoryStepNote } from './HistoryStepNote.js';
import { SaveState } from './SaveState.js';
import { IssueStatus } from '../issue/IssueStatus.js';
import { MetaSaveState } from '../metadata/MetaSaveState.js';
import { ProfileStatus } from '../library/ProfileStatus.js';
import { ThemeSwitch } from './ThemeSwitch.js';
import './StatusBar.css';

const MODE_KEY = { browser: 'status.browserMode', electron: 'status.electronMode', cli: 'status.cliMode' } as const;

export function StatusBar() {
  const { t } = useTranslation();
  const info = useAppStore((s) => s.info);
  const tree = useAppStore((s) => s.tree);
  const pageId = useAppStore((s) => s.pageId);
  const page = useAppStore((s) => s.page);
  // Derived outside the store hook: a selector that builds a new object each time would never settle.
  const position = pagePosition(tree, pageId);
  const counts = pageCounts(page);
  return (
    <footer className="status-bar">
      {info && (
        <span className="status-item status-library" title={info.libraryPath}>
          <span className="status-mode">{t(MODE_KEY[info.mode])}</span>
          {t('status.libraryPath', { path: info.libraryPath })}
        </span>
      )}
      {position && <span className="status-item">{t('status.page', position)}</span>}
      {counts && (
        <span className="status-item" data-testid="status-counts">
          {t('status.lines', { count: counts.lines })} · {t('status.articles', { count: counts.articles })}
        </span>
      )}
      <ImportProgress />
      <IssueStatus />
      <ProfileStatus />
      <span className="status-spacer" />
      <HistoryStepNote />
      {page && <SaveState />}
      <MetaSaveState />
      <span className="status-item status-hint">{t('status.keysHint', { shortcuts: formatKey(keysFor('shortcuts')[0]!), palette: formatKey(keysFor('palette')[0]!) })}</span>
      <ThemeSwitch />
      <LanguageSwitch />
    </footer>
  );
}
