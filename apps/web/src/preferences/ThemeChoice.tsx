/** @module The theme control: in the top bar of every page, and under Appearance in Settings. */
import { useTheme, type Theme } from './theme.js';

export function ThemeChoice() {
  const [theme, setTheme] = useTheme();
  return (
    <label className="theme">
      Theme{' '}
      <select value={theme} onChange={(e) => setTheme(e.target.value as Theme)}>
        <option value="system">As the system</option>
        <option value="light">Light</option>
        <option value="dark">Dark</option>
      </select>
    </label>
  );
}
