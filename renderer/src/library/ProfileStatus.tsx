import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { useAppStore, useStoreApi } from '../store/index.js';
import { locatePage } from '../store/selectors.js';

/** "Learned: 2 pages · Page done ✓" in the status bar, for the open page's publication; a click opens the profile dialog. */
export function ProfileStatus() {
  const { t } = useTranslation();
  const publicationId = useAppStore((s) => locatePage(s.tree, s.pageId)?.issue.publicationId);
  const pageId = useAppStore((s) => s.pageId);
  const profile = useAppStore((s) => s.profile);
  const loadProfile = useAppStore((s) => s.loadProfile);
  const openOverlay = useAppStore((s) => s.openOverlay);
  const store = useStoreApi();

  // A window hidden or closing is the last moment the editor "leaves" the open page.
  useEffect(() => {
    const onHide = () => {
      if (document.visibilityState === 'hidden') void store.getState().learnFromOpenPage();
    };
    document.addEventListener('visibilitychange', onHide);
    return () => document.removeEventListener('visibilitychange', onHide);
  }, [store]);

  useEffect(() => {
    if (publicationId !== undefined) void loadProfile();
  }, [publicationId, loadProfile]);

  if (!profile || profile.publicationId !== publicationId) return null;
  const done = pageId !== null && profile.donePageIds.includes(pageId);
  return (
    <button type="button" className="status-item status-issue" data-testid="profile-status" title={t('profile.statusHint')} onClick={() => openOverlay({ kind: 'profile' })}>
      {t('profile.status', { count: profile.pages })}
      {done && <> · {t('profile.pageDone')}</>}
    </button>
  );
}
