/**
 * @module What the page starts before the rest of the app is evaluated. main.tsx imports this module first,
 * and ES modules run in import order, so these requests leave while React and the pages are still being
 * evaluated (about 90 ms on a slow machine) instead of after.
 */
import { handOffPopupCallback } from '@adhere/oauth';
import { startCallback } from './auth/early-callback.js';
import { loadConfig } from './config.js';

export const config = loadConfig();

/**
 * On /callback in the sign-in popup of an app inside Genesys Cloud: the URL goes to the window that opened the
 * popup (which holds the verifier and makes the exchange), and this page spends nothing.
 */
export const handedOff = location.pathname === '/callback' && handOffPopupCallback();

/** On /callback, the code exchange, with the URL as it arrived (completeSignIn cleans the address bar). */
export const callback = location.pathname === '/callback' && !handedOff ? startCallback(location.href) : undefined;
