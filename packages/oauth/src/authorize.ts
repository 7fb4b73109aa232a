import { assertConfig, DEFAULT_TRANSACTION_MAX_AGE_MS, type SignInConfig } from './config.js';
import { OAuthError } from './errors.js';
import { challengeS256, createVerifier, randomBase64url } from './pkce.js';
import { resolveEndpoints } from './regions.js';
import { sessionStorageOrThrow } from './storage.js';
import { saveTransaction, sweepTransactions } from './transaction.js';

export interface StartSignInOptions extends SignInConfig {
  /** Supply your own state; a random 128-bit one is made otherwise. */
  state?: string;
  /** Supply your own verifier (validated against RFC 7636 §4.1); a random one is made otherwise. */
  verifier?: string;
  /** Opaque data returned by completeSignIn, e.g. the path to go back to. Kept in storage, not in the URL. */
  appState?: string;
  /** Navigate the window to the authorize URL (browser only). */
  navigate?: boolean;
}

export interface StartedSignIn {
  url: string;
  state: string;
}

export async function startSignIn(options: StartSignInOptions): Promise<StartedSignIn> {
  assertConfig(options);
  const endpoints = resolveEndpoints(options);
  const storage = sessionStorageOrThrow(options.storage);
  const now = (options.now ?? Date.now)();
  const verifier = options.verifier ?? createVerifier();
  const challenge = await challengeS256(verifier); // validates a caller-supplied verifier first
  const state = options.state ?? randomBase64url(16);
  if (!/^[\x21-\x7e]{1,512}$/.test(state)) {
    throw new OAuthError('invalid_config', 'state must be 1–512 printable ASCII chars');
  }

  sweepTransactions(storage, now, options.transactionMaxAgeMs ?? DEFAULT_TRANSACTION_MAX_AGE_MS);
  saveTransaction(storage, {
    state,
    verifier,
    clientId: options.clientId,
    redirectUri: options.redirectUri,
    tokenUrl: endpoints.tokenUrl,
    createdAt: now,
    appState: options.appState,
  });

  const url = `${endpoints.authorizeUrl}?${new URLSearchParams({
    response_type: 'code',
    client_id: options.clientId,
    redirect_uri: options.redirectUri,
    code_challenge: challenge,
    code_challenge_method: 'S256',
    state,
    ...(options.scope ? { scope: options.scope } : {}),
  })}`;

  if (options.navigate) (globalThis as { location?: Location }).location?.assign(url);
  return { url, state };
}
