/** @module The theme control: in the top bar of every page, and under Appearance in Settings. */
import { t, useLocale } from '../i18n/i18n.js';
import { useTheme, type Theme } from './theme.js';

export function ThemeChoice() {
  useLocale();
  const [theme, setTheme] = useTheme();
  return (
    <label className="theme">
      {t('theme.label')}{' '}
      <select value={theme} onChange={(e) => setTheme(e.target.value as Theme)}>
        <option value="system">{t('theme.system')}</option>
        <option value="light">{t('theme.light')}</option>
        <option value="dark">{t('theme.dark')}</option>
      </select>
    </label>
  );
}
