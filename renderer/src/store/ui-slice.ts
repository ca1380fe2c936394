import type { SliceCreator } from './types.js';

export type Language = 'en' | 'zh-CN';
export type Theme = 'light' | 'dark';

/** Where the editor's preferences live between starts (localStorage in the app, a map in tests). */
export interface Preferences {
  language: Language;
  theme: Theme;
  save(prefs: { language: Language; theme: Theme }): void;
}

export interface UiSlice {
  language: Language;
  theme: Theme;
  /** One-line messages of failed calls, shown in the banner until dismissed. */
  errors: string[];
  setLanguage(language: Language): void;
  setTheme(theme: Theme): void;
  reportError(err: unknown): void;
  dismissError(index: number): void;
}

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
  });
