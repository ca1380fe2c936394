import i18next from 'i18next';
import { initReactI18next } from 'react-i18next';
import { type Dictionary, en } from './en.js';
import { zhCN } from './zh-CN.js';

export type { Dictionary } from './en.js';

/**
 * One dictionary per UI language. A new language is a new file beside en.ts plus one line here and
 * one in LANGUAGE_NAMES; the compiler asks for every key it lacks.
 */
export const DICTIONARIES = { 'zh-CN': zhCN, en } satisfies Record<string, Dictionary>;

export type Language = keyof typeof DICTIONARIES;

/** How each language names itself in the language switch. */
const LANGUAGE_NAMES: Record<Language, string> = { 'zh-CN': '中文', en: 'English' };

declare module 'i18next' {
  interface CustomTypeOptions {
    defaultNS: 'translation';
    resources: { translation: Dictionary };
  }
}

export const LANGUAGES: readonly { code: Language; label: string }[] = (Object.keys(DICTIONARIES) as Language[]).map((code) => ({ code, label: LANGUAGE_NAMES[code] }));

const primary = (tag: string) => tag.toLowerCase().split('-')[0];

/** The UI language for a system language: the first of ours with the same primary subtag (any Chinese gets zh-CN), else English. */
export function languageFor(systemLanguage: string | undefined): Language {
  const wanted = primary(systemLanguage ?? '');
  return LANGUAGES.find((l) => primary(l.code) === wanted)?.code ?? 'en';
}

export function isLanguage(value: unknown): value is Language {
  return LANGUAGES.some((l) => l.code === value);
}

/** The language after `language` in the switch's order: the command that switches language cycles through them. */
export function nextLanguage(language: Language): Language {
  const at = LANGUAGES.findIndex((l) => l.code === language);
  return LANGUAGES[(at + 1) % LANGUAGES.length]!.code;
}

export function initI18n(language: Language) {
  const resources = Object.fromEntries(Object.entries(DICTIONARIES).map(([code, translation]) => [code, { translation }]));
  void i18next.use(initReactI18next).init({
    resources,
    lng: language,
    fallbackLng: 'en',
    initAsync: false,
    interpolation: { escapeValue: false },
  });
  return i18next;
}
