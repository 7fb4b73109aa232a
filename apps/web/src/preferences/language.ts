/**
 * @module Which language the person wants: their choice in Settings (kept in localStorage: a preference, never a
 * token), else Genesys Cloud's when embedded, else the browser's.
 */
import { preferenceStorage } from '../browser-storage.js';
import { embedding } from '../embedding/current.js';
import { LOCALES, pickLocale, type Locale, type LocalePick } from '../i18n/locales.js';

const KEY = 'adhere:language';
export type LanguageChoice = 'auto' | Locale;

export function storedLanguage(): LanguageChoice {
  try {
    const v = preferenceStorage.getItem(KEY);
    return (LOCALES as readonly string[]).includes(v ?? '') ? (v as Locale) : 'auto';
  } catch {
    return 'auto';
  }
}

export function storeLanguage(choice: LanguageChoice): void {
  try {
    if (choice === 'auto') preferenceStorage.removeItem(KEY);
    else preferenceStorage.setItem(KEY, choice);
  } catch {
    // Storage refused (private mode): the choice lasts for this page only.
  }
}

/** Where "automatic" takes the language from. */
export function autoSource(): 'genesys' | 'browser' {
  const e = embedding();
  return e.kind === 'embedded' && e.language ? 'genesys' : 'browser';
}

/** The language for `choice`: itself, or Genesys Cloud's / the browser's (English, with why, when none fits). */
export function resolveLanguage(choice: LanguageChoice = storedLanguage()): LocalePick {
  if (choice !== 'auto') return { locale: choice, problem: undefined };
  const e = embedding();
  const asked = e.kind === 'embedded' && e.language ? [e.language] : [...(globalThis.navigator?.languages ?? [])];
  return pickLocale(asked);
}
