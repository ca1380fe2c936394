import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import { type Entity, type MetadataPatch, REVIEW_STATUSES } from '../../../app/metadata/model.js';
import type { ArticleMetadataView } from '../../../app/metadata/view.js';
import { GENRES } from '../../../app/model/page.js';
import { useAppStore } from '../store/index.js';
import { ChipField } from './ChipField.js';
import { ChoiceRow } from './ChoiceRow.js';
import { DateField } from './DateField.js';
import { EntityList } from './EntityList.js';
import { SuggestionList } from './SuggestionList.js';
import { TextField } from './TextField.js';

/** One article's metadata; keyed by article, so a field's pending text is saved to the article it was typed for. */
export function MetaForm({ view }: { view: ArticleMetadataView }) {
  const { t } = useTranslation();
  const id = useId();
  const setMeta = useAppStore((s) => s.setMeta);
  const edit = useAppStore((s) => s.edit);
  const pageId = useAppStore((s) => s.pageId);
  const { metadata: m, resolved: r, defaults } = view;
  const target = { pageId: view.pageId, articleId: view.articleId };
  const save = (patch: MetadataPatch) => void setMeta(patch, target);
  const text = (field: 'kicker' | 'title' | 'subtitle' | 'section') => (value: string) => {
    const next = value.trim() === '' ? null : value;
    if (next !== m[field]) save({ [field]: next });
  };
  const sameEntity = (a: Entity, b: Entity) => a.type === b.type && a.start === b.start && a.end === b.end && a.text === b.text;

  return (
    <div className="meta-form" data-article={view.articleId}>
      <ChoiceRow
        label={t('meta.status')}
        name={`${id}-status`}
        options={REVIEW_STATUSES}
        value={m.status}
        text={(s) => t(`meta.statusName.${s}`)}
        onPick={(status) => save({ status })}
      />
      <SuggestionList />
      <TextField label={t('meta.kicker')} value={m.kicker ?? ''} placeholder={r.kicker ?? ''} onSave={text('kicker')} />
      <TextField label={t('meta.title')} value={m.title ?? ''} placeholder={r.title ?? ''} onSave={text('title')} />
      <TextField label={t('meta.subtitle')} value={m.subtitle ?? ''} placeholder={r.subtitle ?? ''} onSave={text('subtitle')} />
      <ChipField label={t('meta.authors')} field="author" values={r.authors} proposed={m.authors === null} onChange={(authors) => save({ authors })} />
      <div className="meta-pair">
        <DateField value={m.date} issueDate={defaults.issueDate} onSave={(date) => save({ date })} />
        <TextField label={t('meta.section')} value={m.section ?? ''} placeholder={defaults.section ?? ''} onSave={text('section')} />
      </div>
      <ChoiceRow
        label={t('meta.genre')}
        name={`${id}-genre`}
        options={GENRES}
        value={r.genre}
        proposed={m.genre === null ? t('meta.proposed') : undefined}
        text={(g) => t(`meta.genreName.${g}`)}
        onPick={(genre) => {
          save({ genre });
          // The page's article takes it too, so a merge carries it to the article that absorbs this one.
          if (pageId === view.pageId) void edit({ op: 'setArticleMeta', article: view.articleId, genre });
        }}
      />
      <ChipField label={t('meta.keywords')} field="keyword" values={m.keywords} onChange={(keywords) => save({ keywords })} />
      <ChipField label={t('meta.tags')} field="tag" values={m.tags} onChange={(tags) => save({ tags })} />
      <EntityList entities={m.entities} onRemove={(e) => save({ entities: m.entities.filter((x) => !sameEntity(x, e)) })} />
      <TextField label={t('meta.notes')} value={m.notes} placeholder={t('meta.notesPlaceholder')} multiline onSave={(notes) => notes !== m.notes && save({ notes })} />
    </div>
  );
}
