/**
 * @module The browser's storage, or memory where the browser refuses it. Inside Genesys Cloud the app is a
 * third-party frame, and a browser that blocks third-party cookies (a setting, and the default of some) throws on
 * any touch of sessionStorage or localStorage there. The app must still sign in and run: what it would keep lasts
 * for the page instead, and Settings says so.
 *
 * - `tabStorage`: sessionStorage (tokens, the sign-in's diagnostics, the notification channel): the tab's own.
 * - `preferenceStorage`: localStorage, for preferences only (theme, alerts, views): never a token.
 */
import { createMemoryStorage, type KeyValueStorage } from '@adhere/oauth';

function orMemory(name: 'sessionStorage' | 'localStorage'): { storage: KeyValueStorage; kept: boolean } {
  try {
    const s = globalThis[name];
    // Reading the property can succeed and the first use still throw (storage disabled, quota 0).
    s.setItem('adhere.probe', '1');
    s.removeItem('adhere.probe');
    return { storage: s, kept: true };
  } catch {
    return { storage: createMemoryStorage(), kept: false };
  }
}

const tab = orMemory('sessionStorage');
const preferences = orMemory('localStorage');

export const tabStorage: KeyValueStorage = tab.storage;
export const preferenceStorage: KeyValueStorage = preferences.storage;
/** False where the browser refused storage: sign-in and choices last as long as the page. */
export const storageKept: boolean = tab.kept && preferences.kept;
