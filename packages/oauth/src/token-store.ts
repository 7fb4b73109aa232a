import { OAuthError } from './errors.js';
import { sessionStorageOrThrow, type KeyValueStorage } from './storage.js';
import type { TokenSet } from './token.js';

export interface TokenStoreOptions {
  /** 'memory' (default) or 'session' (sessionStorage, survives reloads of this tab). Never localStorage. */
  persist?: 'memory' | 'session';
  storage?: KeyValueStorage;
  /** A token this close to expiry counts as expired, for clock skew and requests in flight (default 60 s). */
  skewMs?: number;
  now?: () => number;
  storageKey?: string;
}

export interface TokenStore {
  set(tokens: TokenSet): void;
  /** The token set if still valid beyond the skew margin. */
  current(): TokenSet | undefined;
  /** When the current token stops counting as valid (its expiry less the skew margin); undefined with none. */
  validUntil(): number | undefined;
  /** A valid access token, or a `reauth_required` OAuthError: Genesys gives browser PKCE clients no refresh token. */
  getAccessToken(): string;
  clear(): void;
  /** Called with the new token set, or undefined on clear/expiry. Returns an unsubscribe function. */
  subscribe(listener: (tokens: TokenSet | undefined) => void): () => void;
}

export function createTokenStore(options: TokenStoreOptions = {}): TokenStore {
  const now = options.now ?? Date.now;
  const skewMs = options.skewMs ?? 60_000;
  const key = options.storageKey ?? 'adhere.tokens';
  const storage = options.persist === 'session' ? sessionStorageOrThrow(options.storage) : undefined;
  const listeners = new Set<(tokens: TokenSet | undefined) => void>();
  let tokens: TokenSet | undefined = storage ? readStored(storage, key) : undefined;

  const emit = () => listeners.forEach((l) => l(tokens));
  const store: TokenStore = {
    set(next) {
      tokens = next;
      storage?.setItem(key, JSON.stringify(next));
      emit();
    },
    current() {
      if (tokens !== undefined && tokens.expiresAt - skewMs <= now()) store.clear();
      return tokens;
    },
    validUntil() {
      const t = store.current();
      return t === undefined ? undefined : t.expiresAt - skewMs;
    },
    getAccessToken() {
      const t = store.current();
      if (t === undefined) {
        throw new OAuthError('reauth_required', 'No valid access token: sign in again', {
          hint: 'Call startSignIn(); the token expired or the user signed out.',
        });
      }
      return t.accessToken;
    },
    clear() {
      const had = tokens !== undefined;
      tokens = undefined;
      storage?.removeItem(key);
      if (had) emit();
    },
    subscribe(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
  };
  return store;
}

function readStored(storage: KeyValueStorage, key: string): TokenSet | undefined {
  try {
    const t = JSON.parse(storage.getItem(key) ?? 'null') as TokenSet | null;
    return t && typeof t.accessToken === 'string' && typeof t.expiresAt === 'number' ? t : undefined;
  } catch {
    return undefined;
  }
}
