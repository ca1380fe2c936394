import { useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useAppStore, useStoreApi } from '../store/index.js';
import { useDismiss } from '../ui/useDismiss.js';
import { lastSourceLine, sourceLineTarget } from './go-to-line.js';

/** Ctrl+G: the cursor to a source line by its number in the source file. */
export function GoToLine() {
  const { t } = useTranslation();
  const store = useStoreApi();
  const page = useAppStore((s) => s.page);
  const [text, setText] = useState('');
  const box = useRef<HTMLDivElement>(null);
  const close = () => store.getState().closeOverlay();
  useDismiss(box, close);
  if (!page) return null;
  const target = sourceLineTarget(page.annotation, text);
  const go = () => {
    if (target === null) return;
    close();
    void store.getState().goToLine(page.page.id, target, null);
  };
  return (
    <div className="dialog-backdrop">
      <div ref={box} className="dialog confirm go-to-line" role="dialog" aria-modal="true" aria-label={t('goto.title')}>
        <h2 className="dialog-title">{t('goto.title')}</h2>
        <label className="meta-label" htmlFor="go-to-line-input">
          {t('goto.label', { last: lastSourceLine(page.annotation) })}
        </label>
        <input
          id="go-to-line-input"
          className="palette-input"
          inputMode="numeric"
          autoFocus
          value={text}
          aria-invalid={(text.trim() !== '' && target === null) || undefined}
          onChange={(e) => setText(e.target.value)}
          onKeyDown={(e) => e.key === 'Enter' && !e.nativeEvent.isComposing && go()}
        />
        {text.trim() !== '' && target === null && <p className="dialog-hint" role="alert">{t('goto.invalid', { line: text.trim() })}</p>}
        <div className="dialog-actions">
          <button type="button" className="button" onClick={close}>
            {t('goto.cancel')}
          </button>
          <button type="button" className="button button-primary" disabled={target === null} onClick={go}>
            {t('goto.go')}
          </button>
        </div>
      </div>
    </div>
  );
}
