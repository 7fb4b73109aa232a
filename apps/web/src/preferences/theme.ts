/** @module Light, dark, or the system's choice: kept in localStorage (a preference, never a token). */
import { preferenceStorage } from '../browser-storage.js';
import { useState } from 'react';

export type Theme = 'system' | 'light' | 'dark';
const KEY = 'adhere:theme';

export function storedTheme(): Theme {
  try {
    const t = preferenceStorage.getItem(KEY);
    return t === 'light' || t === 'dark' ? t : 'system';
  } catch {
    return 'system';
  }
}

let chosen: Theme = 'system';
let listening = false;

/** Sets `data-theme` on <html> to light or dark; 'system' follows prefers-color-scheme, as it changes too. */
export function applyTheme(theme: Theme): void {
  chosen = theme;
  const media = typeof matchMedia === 'function' ? matchMedia('(prefers-color-scheme: dark)') : undefined;
  const resolve = () =>
    document.documentElement.setAttribute(
      'data-theme',
      chosen === 'system' ? (media?.matches ? 'dark' : 'light') : chosen,
    );
  if (media && !listening) {
    listening = true;
    media.addEventListener('change', resolve);
  }
  resolve();
}

export function useTheme(): [Theme, (t: Theme) => void] {
  const [theme, setTheme] = useState(storedTheme);
  const choose = (t: Theme) => {
    try {
      if (t === 'system') preferenceStorage.removeItem(KEY);
      else preferenceStorage.setItem(KEY, t);
    } catch {
      // Storage refused (private mode): the choice lasts for this page only.
    }
    applyTheme(t);
    setTheme(t);
  };
  return [theme, choose];
}
