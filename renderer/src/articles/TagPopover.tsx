import { useTranslation } from 'react-i18next';
import { ENTITY_TYPES } from '../../../app/metadata/model.js';
import { useAppStore } from '../store/index.js';

const KEY = { person: 'P', place: 'L', org: 'O' } as const;

/** Over a selection in the article pane: tag it as a person, place or organisation (or press P / L / O). */
export function TagPopover({ box }: { box: DOMRect }) {
  const { t } = useTranslation();
  const selection = useAppStore((s) => s.articleSelection);
  const tag = useAppStore((s) => s.tagSelection);
  // A dialog (issue view, export, palette) covers the article pane; the popover must not float over it.
  const covered = useAppStore((s) => s.overlay !== null);
  if (!selection || covered) return null;
  // Below the selection, so the line above (often the rest of a name) stays readable.
  const top = box.bottom + 44 < window.innerHeight ? box.bottom + 6 : box.top - 40;
  const left = Math.max(8, Math.min(box.left, window.innerWidth - 300));
  return (
    <div className="tag-popover" role="toolbar" aria-label={t('meta.tagAs', { text: selection.text })} style={{ top, left }}>
      {ENTITY_TYPES.map((type) => (
        <button
          key={type}
          type="button"
          className="tag-button"
          data-entity={type}
          // Pressing must not take the selection away before the click tags it.
          onMouseDown={(e) => e.preventDefault()}
          onClick={() => void tag(type)}
        >
          <span className="entity-dot" aria-hidden="true" />
          {t(`meta.entityType.${type}`)}
          <kbd>{KEY[type]}</kbd>
        </button>
      ))}
    </div>
  );
}
