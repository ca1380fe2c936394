import type { Preferences, SliceCreator, UiSlice } from './state.js';

export const createUiSlice =
  (prefs: Preferences): SliceCreator<UiSlice> =>
  (set, get) => ({
    language: prefs.language,
    theme: prefs.theme,
    errors: [],

    setLanguage(language) {
      set({ language });
      prefs.save({ language, theme: get().theme });
    },
    setTheme(theme) {
      set({ theme });
      prefs.save({ language: get().language, theme });
    },
    reportError(err) {
      const message = (err instanceof Error ? err.message : String(err)).split('\n')[0] || 'unexpected error';
      set({ errors: [...get().errors.filter((m) => m !== message), message] });
    },
    dismissError(index) {
      set({ errors: get().errors.filter((_, i) => i !== index) });
    },
    pageImageOpen: true,
    togglePageImage() {
      set({ pageImageOpen: !get().pageImageOpen });
    },
  });
