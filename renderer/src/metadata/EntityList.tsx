import { useTranslation } from 'react-i18next';
import type { Entity } from '../../../app/metadata/model.js';

interface Props {
  entities: readonly Entity[];
  onRemove(entity: Entity): void;
}

/** Tagged people, places and organisations in text order; a tag whose text is gone stays, flagged. */
export function EntityList({ entities, onRemove }: Props) {
  const { t } = useTranslation();
  return (
    <section className="meta-section">
      <h3 className="meta-section-title">{t('meta.entities')}</h3>
      <p className="meta-note">{t('meta.entitiesHint')}</p>
      {entities.length === 0 ? (
        <p className="meta-empty">{t('meta.entitiesNone')}</p>
      ) : (
        <ul className="entity-list" data-testid="entities">
          {entities.map((e) => (
            <li key={`${e.type}:${e.start}:${e.end}:${e.text}`} className="entity" data-entity={e.type} data-detached={e.flag === 'detached' || undefined}>
              <span className="entity-dot" aria-hidden="true" />
              <span className="entity-type">{t(`meta.entityType.${e.type}`)}</span>
              <span className="entity-text">{e.text}</span>
              {e.flag === 'detached' ? <span className="entity-flag">{t('meta.detached')}</span> : <span className="entity-at">{e.start}–{e.end}</span>}
              <button type="button" className="icon-button" aria-label={t('meta.removeEntity', { text: e.text })} title={t('meta.removeEntity', { text: e.text })} onClick={() => onRemove(e)}>
                ×
              </button>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
