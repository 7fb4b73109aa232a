import { OAuthError } from './errors.js';
import type { EndpointConfig } from './regions.js';
import type { KeyValueStorage } from './storage.js';

/** What both halves of a sign-in need. */
export interface SignInConfig extends EndpointConfig {
  clientId: string;
  /** Must equal, character for character, a redirect URI registered on the OAuth client. */
  redirectUri: string;
  /** Space-separated scopes. Genesys grants the client's configured scopes when omitted. */
  scope?: string;
  /** Defaults to sessionStorage. localStorage is refused. */
  storage?: KeyValueStorage;
  fetch?: typeof fetch;
  now?: () => number;
  /** How long a started sign-in may take to come back (default 10 minutes). */
  transactionMaxAgeMs?: number;
}

export const DEFAULT_TRANSACTION_MAX_AGE_MS = 10 * 60_000;

export function assertConfig(config: SignInConfig): void {
  if (typeof config.clientId !== 'string' || config.clientId.trim() === '') {
    throw new OAuthError('invalid_config', 'clientId is required');
  }
  // RFC 6749 §3.1.2: absolute, and no fragment.
  if (!URL.canParse(config.redirectUri) || config.redirectUri.includes('#')) {
    throw new OAuthError('invalid_config', `redirectUri must be an absolute URL, no fragment: ${config.redirectUri}`);
  }
}
