import { type ReactNode, useCallback, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { useAppStore, useStoreApi } from '../store/index.js';
import { issueName, locatePage } from '../store/selectors.js';
import { useDismiss } from '../ui/useDismiss.js';

/**
 * A modal dialog about the open page's issue (the issue view, the export): backdrop, a header that
 * names the issue, a close button; Escape or a click outside closes it.
 */
export function IssueDialogFrame({ i18nKey, className, testId, children }: { i18nKey: 'issue' | 'export'; className: string; testId: string; children: ReactNode }) {
  const { t } = useTranslation();
  const store = useStoreApi();
  const box = useRef<HTMLDivElement>(null);
  const close = useCallback(() => store.getState().closeOverlay(), [store]);
  useDismiss(box, close);
  // Two plain selections: a selector returning a fresh object would re-render without end.
  const tree = useAppStore((s) => s.tree);
  const pageId = useAppStore((s) => s.pageId);
  const title = t(`${i18nKey}.title`, { issue: issueName(locatePage(tree, pageId)) });
  return (
    <div className="dialog-backdrop">
      <div ref={box} className={`dialog ${className}`} role="dialog" aria-modal="true" aria-label={title} data-testid={testId}>
        <div className="dialog-header">
          <h2>{title}</h2>
          <button type="button" className="button" onClick={close}>
            {t(`${i18nKey}.close`)}
          </button>
        </div>
        {children}
      </div>
    </div>
  );
}
