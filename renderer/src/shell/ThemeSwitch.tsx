import { useTranslation } from 'react-i18next';
import { useAppStore } from '../store/index.js';
import type { Theme } from '../store/state.js';

const THEMES: Theme[] = ['light', 'dark'];

export function ThemeSwitch() {
  const { t } = useTranslation();
  const theme = useAppStore((s) => s.theme);
  const setTheme = useAppStore((s) => s.setTheme);
  return (
    <span className="segmented" role="group" aria-label={t('status.theme')}>
      {THEMES.map((code) => (
        <button key={code} type="button" aria-pressed={code === theme} onClick={() => setTheme(code)}>
          {t(`status.${code}`)}
        </button>
      ))}
    </span>
  );
}
