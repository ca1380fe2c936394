import type { SearchSlice, SliceCreator } from './state.js';
import type { Backend } from '../transport/index.js';

/** Typing pauses this long before a query goes out: one call per word, not per keystroke. */
const TYPING_MS = 180;

export const createSearchSlice =
  (backend: Backend): SliceCreator<SearchSlice> =>
  (set, get) => {
    let timer: ReturnType<typeof setTimeout> | undefined;
    let asked = 0;

    const search = async () => {
      const q = get().searchQuery.trim();
      const scope = get().searchScope;
      const ticket = ++asked;
      if (q === '') {
        set({ searchResult: null, searching: false });
        return;
      }
      set({ searching: true });
      try {
        const result = await backend.call('library:search', { q, ...(scope === 'all' ? {} : { kind: scope }), limit: 100 });
        if (ticket === asked) set({ searchResult: result, searching: false });
      } catch (err) {
        if (ticket === asked) set({ searching: false });
        get().reportError(err);
      }
    };

    const schedule = (delay: number) => {
      clearTimeout(timer);
      timer = setTimeout(() => void search(), delay);
    };

    return {
      searchQuery: '',
      searchScope: 'all',
      searchResult: null,
      searching: false,
      searchFocus: 0,

      setSearchQuery(q) {
        set({ searchQuery: q });
        schedule(TYPING_MS);
      },
      setSearchScope(scope) {
        set({ searchScope: scope });
        schedule(0);
      },
      focusSearch() {
        set({ searchFocus: get().searchFocus + 1 });
      },
    };
  };
