import type { PageDetail } from '../../../app/contract.js';
import { serialWrites } from './serial-writes.js';
import type { MetadataSlice, MetaTarget, SliceCreator } from './state.js';
import type { Backend } from '../transport/index.js';

const pageHas = (page: PageDetail | null, t: MetaTarget) =>
  page?.page.id !== t.pageId || page.annotation.lines.some((l) => l.label?.kind === 'article' && l.label.article === t.articleId);

const sameTarget = (a: MetaTarget | null, b: MetaTarget | null) => a?.pageId === b?.pageId && a?.articleId === b?.articleId;

export const createMetadataSlice =
  (backend: Backend): SliceCreator<MetadataSlice> =>
  (set, get) => {
    // Changes go out one after another, so a later one never lands under an earlier one.
    const writes = serialWrites((ok) => set({ metaSaveState: ok ? 'saved' : 'error' }));
    let wanted: MetaTarget | null = null;

    const current = (): MetaTarget | null => {
      const m = get().meta;
      return m && { pageId: m.pageId, articleId: m.articleId };
    };

    const refreshSuggestions = async (target: MetaTarget) => {
      const suggestions = await backend.call('articles:suggest', target);
      if (sameTarget(wanted, target)) set({ suggestions });
    };

    return {
      metaPanelOpen: true,
      meta: null,
      suggestions: [],
      metaSaveState: 'idle',
      articleSelection: null,

      toggleMetaPanel() {
        set({ metaPanelOpen: !get().metaPanelOpen });
      },

      async loadMeta(target) {
        wanted = target;
        if (!target) {
          set({ meta: null, suggestions: [] });
          return;
        }
        try {
          // The page shows an edit before it is saved (an N's new article): ask once the library has it.
          await get().editsSaved();
          if (!sameTarget(wanted, target)) return;
          // An undo may have taken the article away meanwhile: the panel then asks for what is under the cursor.
          if (!pageHas(get().page, target)) return;
          const [meta, suggestions] = await Promise.all([backend.call('articles:meta:get', target), backend.call('articles:suggest', target)]);
          // A slower answer for an article the editor already left must not replace the newer one.
          if (sameTarget(wanted, target)) set({ meta, suggestions });
        } catch (err) {
          if (sameTarget(wanted, target)) set({ meta: null, suggestions: [] });
          get().reportError(err);
        }
      },

      setMeta(patch, target) {
        const to = target ?? current();
        if (!to) return Promise.resolve();
        set({ metaSaveState: 'saving' });
        return writes.push(
          async () => {
            const view = await backend.call('articles:meta:set', { ...to, patch });
            if (sameTarget(wanted, to)) set({ meta: view });
            await refreshSuggestions(to);
            void get().loadIssueQa();
          },
          async (err) => {
            get().reportError(err);
            // Whatever failed, the panel must show what the library holds.
            if (sameTarget(wanted, to)) await get().loadMeta(to);
          },
        );
      },

      acceptSuggestion(suggestion) {
        set({ suggestions: get().suggestions.filter((s) => s.id !== suggestion.id) });
        return get().setMeta(suggestion.patch);
      },

      rejectSuggestion(suggestion) {
        set({ suggestions: get().suggestions.filter((s) => s.id !== suggestion.id) });
        return get().setMeta({ dismiss: suggestion.id });
      },

      setArticleSelection(selection) {
        const old = get().articleSelection;
        if (old === selection || (old && selection && sameTarget(old, selection) && old.start === selection.start && old.end === selection.end)) return;
        set({ articleSelection: selection });
      },

      async tagSelection(type) {
        const sel = get().articleSelection;
        if (!sel) return;
        const target = { pageId: sel.pageId, articleId: sel.articleId };
        // Tagging in another article than the panel's shows that article, so the tag is seen landing.
        if (!sameTarget(current(), target)) await get().loadMeta(target);
        set({ articleSelection: null });
        await get().setMeta({ addEntities: [{ type, start: sel.start, end: sel.end, text: sel.text }] }, target);
      },

      async complete(field, prefix) {
        try {
          return await backend.call('library:autocomplete', { field, prefix, limit: 8 });
        } catch {
          return [];
        }
      },
    };
  };
