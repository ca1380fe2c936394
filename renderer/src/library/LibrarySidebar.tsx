import { useTranslation } from 'react-i18next';
import { useAppStore } from '../store/index.js';
import { SearchBox } from './SearchBox.js';
import { ImportButton } from './ImportButton.js';
import { IssueGroup } from './IssueGroup.js';
import { RecentlyDeleted, RestoreNotes, UndoDeleteBar } from './Trash.js';
import './LibrarySidebar.css';

export function LibrarySidebar() {
  const { t } = useTranslation();
  const tree = useAppStore((s) => s.tree);
  const publications = tree?.publications ?? [];
  return (
    <nav className="pane library" aria-label={t('library.heading')}>
      <header className="pane-header">
        <h2 className="pane-title">{t('library.heading')}</h2>
        <ImportButton />
      </header>
      <SearchBox />
      <UndoDeleteBar />
      <RestoreNotes />
      <div className="pane-body library-tree">
        {tree && publications.length === 0 && <p className="pane-empty">{t('library.empty')}</p>}
        {publications.map((publication) => (
          <section key={publication.id} className="publication">
            <h3 className="publication-name">{publication.name}</h3>
            {publication.issues.map((issue) => (
              <IssueGroup key={issue.id} issue={issue} />
            ))}
          </section>
        ))}
        <RecentlyDeleted />
      </div>
    </nav>
  );
}
