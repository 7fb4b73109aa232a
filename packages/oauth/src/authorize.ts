import { base64urlEncode } from './base64url.js';
import { assertConfig, DEFAULT_TRANSACTION_MAX_AGE_MS, type SignInConfig } from './config.js';
import { OAuthError } from './errors.js';
import { assertValidVerifier, challengeS256, createVerifier } from './pkce.js';
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
  assertValidVerifier(verifier);
  const state = options.state ?? randomState();
  if (state === '' || state.length > 512 || /[^\x21-\x7e]/.test(state)) {
    throw new OAuthError('invalid_config', 'state must be 1–512 printable ASCII characters');
  }

  sweepTransactions(storage, now, options.transactionMaxAgeMs ?? DEFAULT_TRANSACTION_MAX_AGE_MS);
  saveTransaction(storage, {
    state,
    verifier,
    clientId: options.clientId,
    redirectUri: options.redirectUri,
    tokenUrl: endpoints.tokenUrl,
    createdAt: now,
    ...(options.appState === undefined ? {} : { appState: options.appState }),
  });

  const url = new URL(endpoints.authorizeUrl);
  url.search = new URLSearchParams({
    response_type: 'code',
    client_id: options.clientId,
    redirect_uri: options.redirectUri,
    code_challenge: await challengeS256(verifier),
    code_challenge_method: 'S256',
    state,
    ...(options.scope ? { scope: options.scope } : {}),
  }).toString();

  if (options.navigate) (globalThis as { location?: Location }).location?.assign(url.href);
  return { url: url.href, state };
}

function randomState(): string {
  const bytes = new Uint8Array(16);
  crypto.getRandomValues(bytes);
  return base64urlEncode(bytes);
}
