import { DEFAULT_TRANSACTION_MAX_AGE_MS, type SignInConfig } from './config.js';
import { OAuthError } from './errors.js';
import { sessionStorageOrThrow, type KeyValueStorage } from './storage.js';
import { exchangeCode, type TokenSet } from './token.js';
import { sweepTransactions, takeTransaction } from './transaction.js';

/**
 * The second half of a sign-in reads only `storage`, `fetch`, `now` and `transactionMaxAgeMs`: everything the
 * token request repeats was stored with the sign-in, so a callback page can start the exchange before its
 * config has loaded. The sign-in's own config may still be passed as it is.
 */
export interface CompleteSignInOptions extends Partial<SignInConfig> {
  /** Replace the address bar with the URL minus code/state (default: true in a browser). */
  replaceHistory?: boolean;
}

export interface SignInResult {
  tokens: TokenSet;
  appState?: string;
  /** The callback URL without the OAuth parameters, the app's own query and hash kept. */
  cleanUrl: string;
}

const OAUTH_CALLBACK_PARAMS = ['code', 'state', 'error', 'error_description', 'error_uri', 'session_state', 'iss'];

/** The callback URL minus the OAuth response parameters; the app's own query and hash survive. */
export function cleanCallbackUrl(url: string): string {
  const u = new URL(url);
  for (const p of OAUTH_CALLBACK_PARAMS) u.searchParams.delete(p);
  return u.href;
}

// Completions in flight or done, by state (128 random bits, so unique across storages). React StrictMode
// (and a double-mounted router) runs the callback effect twice: the second call must get the first
// call's result, not spend the code again, which the server would answer with invalid_grant.
const completions = new Map<string, Promise<SignInResult>>();

/** Drops remembered sign-in results (they hold tokens); signOut() calls it. */
export function forgetCompletedSignIns(): void {
  completions.clear();
}

// No config check here: everything the exchange sends comes from the stored transaction.
export function completeSignIn(callbackUrl: string, options: CompleteSignInOptions): Promise<SignInResult> {
  const storage = sessionStorageOrThrow(options.storage);
  const params = new URL(callbackUrl).searchParams;
  const state = params.get('state');
  const key = state ?? '';
  const existing = completions.get(key);
  if (existing) return existing;
  const run = finishSignIn(callbackUrl, params, state, storage, options);
  completions.set(key, run);
  // Failed runs are forgotten so a corrected retry is possible; successes keep answering repeats.
  run.catch(() => completions.delete(key));
  return run;
}

async function finishSignIn(
  callbackUrl: string,
  params: URLSearchParams,
  state: string | null,
  storage: KeyValueStorage,
  options: CompleteSignInOptions,
): Promise<SignInResult> {
  const cleanUrl = cleanCallbackUrl(callbackUrl);
  const replace = options.replaceHistory ?? true;
  const history = (globalThis as { history?: History }).history;
  const location = (globalThis as { location?: Location }).location;
  // Clean the address bar first, even on failure: a code in the URL must not be bookmarked, shared or reloaded.
  if (replace && history && location?.href === callbackUrl) history.replaceState(history.state, '', cleanUrl);

  const tx = state === null ? undefined : takeTransaction(storage, state);
  const again = { hint: 'Sign in again in this tab' };
  if (state === null) throw new OAuthError('state_mismatch', 'Callback has no state', again);
  const now = options.now ?? Date.now;
  const maxAge = options.transactionMaxAgeMs ?? DEFAULT_TRANSACTION_MAX_AGE_MS;
  if (tx === undefined) {
    if (sweepTransactions(storage, now(), maxAge) > 0) {
      throw new OAuthError(
        'state_mismatch',
        'Callback state matches no sign-in of this tab (CSRF? stale link?)',
        again,
      );
    }
    throw new OAuthError(
      'transaction_missing',
      'No sign-in pending in this tab: verifier gone (new tab? storage cleared?)',
      again,
    );
  }
  // An error is believed only once its state is ours (as for a code): a forged error link cannot
  // pose as the login server.
  const error = params.get('error');
  if (error !== null) {
    const description = params.get('error_description') ?? undefined;
    throw new OAuthError('authorization_denied', `Sign-in refused: ${error}${description ? ` (${description})` : ''}`, {
      error,
      errorDescription: description,
    });
  }
  if (now() - tx.createdAt > maxAge) {
    throw new OAuthError('transaction_expired', 'Sign-in expired', again);
  }
  const code = params.get('code');
  if (!code) throw new OAuthError('callback_missing_code', 'Callback has no code');

  // The stored redirectUri and tokenUrl, not the current config: the token request must repeat the
  // authorize request's redirect_uri exactly (RFC 6749 §4.1.3).
  const tokens = await exchangeCode(
    { tokenUrl: tx.tokenUrl, clientId: tx.clientId, redirectUri: tx.redirectUri, code, verifier: tx.verifier },
    options.fetch ?? fetch,
    now,
  );
  return { tokens, cleanUrl, appState: tx.appState };
}
