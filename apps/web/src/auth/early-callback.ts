/**
 * @module The code exchange of a /callback page, started as soon as the app's code runs: before React and
 * the rest of the app are evaluated, and before config.json has come. It needs neither: everything the token
 * request repeats (token URL, client id, redirect URI, verifier) was stored with the sign-in.
 */
import { tabStorage } from '../browser-storage.js';
import { completeSignIn, recordingFetch, type ExchangeRecord, type SignInResult } from '@adhere/oauth';

/** Where the sign-in kept its authorize URL (for diagnostics only: it carries the challenge and state, no secret). */
export const AUTHORIZE_URL_KEY = 'adhere.authorizeUrl';

/** An exchange under way, with its record for diagnose() should it fail. */
export interface StartedCallback {
  record: ExchangeRecord;
  result: Promise<SignInResult>;
}

/** Starts the exchange for a callback URL; never throws (a failure is in `result`, for the session to explain). */
export function startCallback(href: string): StartedCallback {
  const record: ExchangeRecord = { callbackUrl: stripCode(href) };
  let result: Promise<SignInResult>;
  try {
    record.authorizeUrl = tabStorage.getItem(AUTHORIZE_URL_KEY) ?? undefined;
    result = completeSignIn(href, { fetch: recordingFetch(record), storage: tabStorage });
  } catch (error) {
    // No sessionStorage (a sandboxed frame, storage disabled): the session turns it into a diagnosis.
    result = Promise.reject(error as Error);
  }
  // Handled when the session takes it; until then an early failure is not an unhandled rejection.
  result.catch(() => {});
  return { record, result };
}

/** The callback URL without its one-time code: diagnose() reads only error, error_description and state. */
export function stripCode(href: string): string {
  const u = new URL(href);
  u.searchParams.delete('code');
  return u.href;
}
