/**
 * @module What the page starts before the rest of the app is evaluated. main.tsx imports this module first,
 * and ES modules run in import order, so these requests leave while React and the pages are still being
 * evaluated (about 90 ms on a slow machine) instead of after.
 */
import { startCallback } from './auth/early-callback.js';
import { loadConfig } from './config.js';

export const config = loadConfig();

/** On /callback, the code exchange, with the URL as it arrived (completeSignIn cleans the address bar). */
export const callback = location.pathname === '/callback' ? startCallback(location.href) : undefined;
