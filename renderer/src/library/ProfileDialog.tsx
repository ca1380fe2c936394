import { useCallback, useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { keysFor } from '../commands/commands.js';
import { formatKey } from '../commands/keys.js';
import { useAppStore, useStoreApi } from '../store/index.js';
import { useDismiss } from '../ui/useDismiss.js';

/**
 * What the open page's publication learned from its editors' corrections: from how many pages,
 * whether this page is done; reset it, save it as a file, or replace it with one (checked by the
 * library first: a file that is not a profile is refused with the reason, and nothing changes).
 */
export function ProfileDialog() {
  const { t } = useTranslation();
  const store = useStoreApi();
  const box = useRef<HTMLDivElement>(null);
  const input = useRef<HTMLInputElement>(null);
  const close = useCallback(() => store.getState().closeOverlay(), [store]);
  useDismiss(box, close);
  const profile = useAppStore((s) => s.profile);
  const error = useAppStore((s) => s.profileError);
  const pageId = useAppStore((s) => s.pageId);
  const [file, setFile] = useState<string | null>(null);
  useEffect(() => {
    void store.getState().loadProfile();
  }, [store]);

  const save = async () => {
    const exported = await store.getState().exportProfile();
    if (!exported) return;
    const url = URL.createObjectURL(new Blob([exported.json], { type: 'application/json;charset=utf-8' }));
    const link = document.createElement('a');
    link.href = url;
    link.download = exported.fileName;
    link.click();
    setTimeout(() => URL.revokeObjectURL(url), 10_000);
  };
  const load = async (files: FileList | null) => {
    const chosen = files?.[0];
    if (!chosen) return;
    setFile(chosen.name);
    await store.getState().importProfile(await chosen.text());
    // Choosing the same file again must fire `change` again.
    if (input.current) input.current.value = '';
  };

  const title = t('profile.title', { name: profile?.name ?? '' });
  return (
    <div className="dialog-backdrop">
      <div ref={box} className="dialog profile-dialog" role="dialog" aria-modal="true" aria-label={title} data-testid="profile-dialog">
        <div className="dialog-header">
          <h2>{title}</h2>
          <button type="button" className="button" onClick={close}>
            {t('profile.close')}
          </button>
        </div>
        {profile && (
          <p data-testid="profile-pages">
            <strong>{t('profile.learned', { count: profile.pages })}</strong>
            {profile.imported && <> · {t('profile.fromFile')}</>}
            {pageId !== null && profile.donePageIds.includes(pageId) && <> · {t('profile.pageDone')}</>}
          </p>
        )}
        <p className="dialog-hint">{t('profile.explain', { key: formatKey(keysFor('markPageDone')[0]!) })}</p>
        {error && (
          <p className="profile-error" role="alert" data-testid="profile-error">
            {file ? t('profile.importFailed', { file, message: error }) : t('profile.failed', { message: error })}
          </p>
        )}
        <div className="dialog-actions">
          <button type="button" className="button" onClick={() => { setFile(null); void store.getState().resetProfile(); }}>
            {t('profile.reset')}
          </button>
          <button type="button" className="button" onClick={() => { setFile(null); void save(); }}>
            {t('profile.export')}
          </button>
          <button type="button" className="button" onClick={() => { setFile(null); input.current?.click(); }}>
            {t('profile.import')}
          </button>
          <input ref={input} type="file" accept=".json,application/json" hidden data-testid="profile-import-input" onChange={(e) => void load(e.currentTarget.files)} />
        </div>
      </div>
    </div>
  );
}
