import { isLanguage, languageFor } from '../i18n/index.js';
import type { Preferences, Theme } from './state.js';

const KEY = 'galley.preferences';
const EDITOR_KEY = 'galley.editor';
const EDITOR_ID = /^[A-Za-z0-9_-]{1,64}$/;

/** The profile's editor id, made once and kept; a storage that refuses to keep it gives one for this session. */
function editorId(storage: Storage): string {
  const saved = storage.getItem(EDITOR_KEY);
  if (saved && EDITOR_ID.test(saved)) return saved;
  const made = crypto.randomUUID().replaceAll('-', '');
  try {
    storage.setItem(EDITOR_KEY, made);
  } catch {
    // Private modes may refuse: undo still works within this session.
  }
  return made;
}

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
    editor: editorId(storage),
    save(prefs) {
      storage.setItem(KEY, JSON.stringify(prefs));
    },
  };
}
