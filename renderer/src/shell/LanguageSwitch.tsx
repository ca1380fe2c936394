import { useTranslation } from 'react-i18next';
import { LANGUAGES } from '../i18n/index.js';
import { useAppStore } from '../store/index.js';

export function LanguageSwitch() {
  const { t } = useTranslation();
  const language = useAppStore((s) => s.language);
  const setLanguage = useAppStore((s) => s.setLanguage);
  return (
    <span className="segmented" role="group" aria-label={t('status.language')}>
      {LANGUAGES.map(({ code, label }) => (
        <button key={code} type="button" lang={code} aria-pressed={code === language} onClick={() => setLanguage(code)}>
          {label}
        </button>
      ))}
    </span>
  );
}
