import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { useAppStore } from '../store/index.js';
import '../ui/messages.css';
import { DismissButton } from '../ui/DismissButton.js';

/** After a delete: what went, and Undo (a restore) until the editor dismisses it. */
export function UndoDeleteBar() {
  const { t } = useTranslation();
  const last = useAppStore((s) => s.lastDeleted);
  const restore = useAppStore((s) => s.restore);
  const dismiss = useAppStore((s) => s.dismissDeleted);
  if (!last) return null;
  return (
    <div className="message undo-delete" role="status">
      <span className="message-text">{t('library.deleted', { what: last.label })}</span>
      <button type="button" className="text-button" onClick={() => void restore(last.trashId)}>
        {t('library.undoDelete')}
      </button>
      <DismissButton onDismiss={dismiss} />
    </div>
  );
}

/** What the last restore could not bring back as it was, in the backend's words. */
export function RestoreNotes() {
  const notes = useAppStore((s) => s.restoreNotes);
  const dismiss = useAppStore((s) => s.dismissRestoreNotes);
  if (!notes.length) return null;
  return (
    <div className="message restore-notes" role="status">
      <ul className="message-text">
        {notes.map((note, i) => (
          <li key={i}>{note}</li>
        ))}
      </ul>
      <DismissButton onDismiss={dismiss} />
    </div>
  );
}

/** The deleted issues and pages, each with Restore and Delete for good; Empty trash below them. */
export function RecentlyDeleted() {
  const { t } = useTranslation();
  const trash = useAppStore((s) => s.trash);
  const loadTrash = useAppStore((s) => s.loadTrash);
  const restore = useAppStore((s) => s.restore);
  const openOverlay = useAppStore((s) => s.openOverlay);
  useEffect(() => {
    void loadTrash();
  }, [loadTrash]);
  return (
    <details className="recently-deleted">
      <summary>{t('library.trash')} ({trash.length})</summary>
      {trash.length === 0 && <p className="pane-empty">{t('library.trashEmpty')}</p>}
      <ul>
        {trash.map((item) => (
          <li key={item.id} className="trash-item">
            <span className="trash-label" title={item.label}>
              {item.label}
            </span>
            <span className="trash-pages">{t('library.trashPages', { count: item.pages })}</span>
            <button type="button" className="text-button" onClick={() => void restore(item.id)}>
              {t('library.restore')}
            </button>
            <button type="button" className="text-button trash-purge" title={t('library.purgeHint')} onClick={() => openOverlay({ kind: 'confirm-purge', trashId: item.id })}>
              {t('library.purge')}
            </button>
          </li>
        ))}
      </ul>
      {trash.length > 0 && (
        <button type="button" className="text-button trash-empty" onClick={() => openOverlay({ kind: 'confirm-purge', trashId: null })}>
          {t('library.emptyTrash')}
        </button>
      )}
    </details>
  );
}
