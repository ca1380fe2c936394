import { isLanguage, languageFor } from '../i18n/index.js';
import type { Preferences, Theme } from './state.js';

const KEY = 'galley.preferences';

/** Preferences kept in localStorage; a first start follows the system language and colour scheme. */
export function storedPreferences(storage: Storage, systemLanguage: string | undefined, systemPrefersDark: boolean): Preferences {
  let saved: { language?: unknown; theme?: unknown } = {};
  try {
    saved = (JSON.parse(storage.getItem(KEY) ?? '{}') as typeof saved | null) ?? {};
  } catch {
    // An unreadable entry is as good as none.
  }
  const theme: Theme = saved.theme === 'dark' || saved.theme === 'light' ? saved.theme : systemPrefersDark ? 'dark' : 'light';
  return {
    language: isLanguage(saved.language) ? saved.language : languageFor(systemLanguage),
    theme,
    save(prefs) {
      storage.setItem(KEY, JSON.stringify(prefs));
    },
  };
}
