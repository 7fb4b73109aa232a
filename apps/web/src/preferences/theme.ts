/** @module Light, dark, or the system's choice: kept in localStorage (a preference, never a token). */
import { useState } from 'react';

export type Theme = 'system' | 'light' | 'dark';
const KEY = 'adhere:theme';

export function storedTheme(): Theme {
  try {
    const t = localStorage.getItem(KEY);
    return t === 'light' || t === 'dark' ? t : 'system';
  } catch {
    return 'system';
  }
}

/** Sets `data-theme` on <html>; 'system' leaves it to prefers-color-scheme. */
export function applyTheme(theme: Theme): void {
  if (theme === 'system') document.documentElement.removeAttribute('data-theme');
  else document.documentElement.setAttribute('data-theme', theme);
}

export function useTheme(): [Theme, (t: Theme) => void] {
  const [theme, setTheme] = useState(storedTheme);
  const choose = (t: Theme) => {
    try {
      if (t === 'system') localStorage.removeItem(KEY);
      else localStorage.setItem(KEY, t);
    } catch {
      // Storage refused (private mode): the choice lasts for this page only.
    }
    applyTheme(t);
    setTheme(t);
  };
  return [theme, choose];
}
