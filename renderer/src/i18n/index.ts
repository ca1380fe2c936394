import i18next from 'i18next';
import { initReactI18next } from 'react-i18next';
import type { Language } from '../store/ui-slice.js';
import { en } from './en.js';
import { zhCN } from './zh-CN.js';

declare module 'i18next' {
  interface CustomTypeOptions {
    defaultNS: 'translation';
    resources: { translation: typeof en };
  }
}

export const LANGUAGES: { code: Language; label: string }[] = [
  { code: 'zh-CN', label: '中文' },
  { code: 'en', label: 'English' },
];

/** Any Chinese system language gets the Chinese UI (there is one Chinese translation for now). */
export function languageFor(systemLanguage: string | undefined): Language {
  return systemLanguage?.toLowerCase().startsWith('zh') ? 'zh-CN' : 'en';
}

export function isLanguage(value: unknown): value is Language {
  return LANGUAGES.some((l) => l.code === value);
}

export function initI18n(language: Language) {
  void i18next.use(initReactI18next).init({
    resources: { en: { translation: en }, 'zh-CN': { translation: zhCN } },
    lng: language,
    fallbackLng: 'en',
    initAsync: false,
    interpolation: { escapeValue: false },
  });
  return i18next;
}
