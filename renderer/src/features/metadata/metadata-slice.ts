import type { CompletionValue } from '../../../../app/contract.js';
import type { EntityType, MetadataPatch } from '../../../../app/metadata/model.js';
import type { Suggestion } from '../../../../app/metadata/suggest.js';
import type { ArticleMetadataView } from '../../../../app/metadata/view.js';
import type { SliceCreator } from '../../store/types.js';
import type { Backend } from '../../transport/index.js';

export interface MetaTarget {
  pageId: number;
  articleId: string;
}

/** Text selected in the article pane, as offsets into the article text (body paragraphs joined by "\n"). */
export interface ArticleTextSelection extends MetaTarget {
  start: number;
  end: number;
  text: string;
}

export type MetaSaveState = 'idle' | 'saving' | 'saved' | 'error';

export interface MetadataSlice {
  metaPanelOpen: boolean;
  /** The article the panel shows, as the library holds it. */
  meta: ArticleMetadataView | null;
  suggestions: Suggestion[];
  metaSaveState: MetaSaveState;
  articleSelection: ArticleTextSelection | null;
  toggleMetaPanel(): void;
  loadMeta(target: MetaTarget | null): Promise<void>;
  /** Saves a change of the panel; `target` pins it to the article it was typed for, should the cursor have moved on. */
  setMeta(patch: MetadataPatch, target?: MetaTarget): Promise<void>;
  acceptSuggestion(suggestion: Suggestion): Promise<void>;
  rejectSuggestion(suggestion: Suggestion): Promise<void>;
  setArticleSelection(selection: ArticleTextSelection | null): void;
  tagSelection(type: EntityType): Promise<void>;
  /** Library values starting with `prefix`, most used first; none when the call fails (typing goes on). */
  complete(field: 'author' | 'tag' | 'keyword', prefix: string): Promise<CompletionValue[]>;
}

const sameTarget = (a: MetaTarget | null, b: MetaTarget | null) => a?.pageId === b?.pageId && a?.articleId === b?.articleId;

export const createMetadataSlice =
  (backend: Backend): SliceCreator<MetadataSlice> =>
  (set, get) => {
    // Changes go out one after another, so a later one never lands under an earlier one.
    let queue: Promise<void> = Promise.resolve();
    let inFlight = 0;
    let failed = false;
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
        inFlight++;
        set({ metaSaveState: 'saving' });
        queue = queue.then(async () => {
          try {
            const view = await backend.call('articles:meta:set', { ...to, patch });
            if (sameTarget(wanted, to)) set({ meta: view });
            await refreshSuggestions(to);
            void get().loadIssueQa();
          } catch (err) {
            failed = true;
            get().reportError(err);
            // Whatever failed, the panel must show what the library holds.
            if (sameTarget(wanted, to)) await get().loadMeta(to);
          } finally {
            inFlight--;
            if (inFlight === 0) {
              set({ metaSaveState: failed ? 'error' : 'saved' });
              failed = false;
            }
          }
        });
        return queue;
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
