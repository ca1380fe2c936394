import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { renderPage } from '../../../app/engine/index.js';
import { moveLinesOp } from '../commands/op-builders.js';
import { articleColour } from '../ui/article-colours.js';
import { useAppStore, useStoreApi } from '../store/index.js';
import { type PickerItem, Picker } from '../ui/Picker.js';

const NEW = '\u0000new';

/** X: where the selected lines go, e.g. a headline printed after its body into that body's article. */
export function MoveLinesPicker() {
  const { t } = useTranslation();
  const store = useStoreApi();
  const detail = useAppStore((s) => s.page);
  const items = useMemo((): PickerItem[] => {
    if (!detail) return [];
    const rendered = renderPage(detail.annotation, detail.page).articles;
    const byId = new Map(rendered.map((a) => [a.id, a]));
    return [
      ...detail.annotation.articles.map((meta, i) => {
        const article = byId.get(meta.id);
        const first = article?.spans[0]?.from;
        return {
          id: meta.id,
          label: article?.title ?? article?.paragraphs[0]?.slice(0, 24) ?? t('articles.untitled'),
          colour: articleColour(i),
          hint: first === undefined ? meta.id : `${meta.id} · ${first}`,
        };
      }),
      { id: NEW, label: t('picker.newArticle') },
    ];
  }, [detail, t]);

  const pick = (id: string) => {
    const s = store.getState();
    const op = s.page && s.selection && moveLinesOp(s.page.annotation, s.selection, id === NEW ? null : id);
    if (op) void s.edit(op);
  };
  return <Picker title={t('picker.moveTitle')} items={items} onPick={pick} onClose={() => store.getState().closeOverlay()} />;
}
