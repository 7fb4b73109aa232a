import { forgetCompletedSignIns } from './callback.js';
import { OAuthError } from './errors.js';
import { resolveEndpoints, type EndpointConfig } from './regions.js';
import type { TokenStore } from './token-store.js';

export interface SignOutOptions extends EndpointConfig {
  clientId: string;
  /** Where the login host sends the browser after logout; must be registered on the client. */
  postLogoutRedirectUri?: string;
  tokens?: TokenStore;
  /** Revoke the token server-side first, e.g. `DELETE /api/v2/tokens/me` from the API package. */
  revoke?: (accessToken: string) => Promise<void>;
  navigate?: boolean;
}

export interface SignOutResult {
  /** The login host's logout URL (the official SDK's `https://login.<env>/logout?client_id=…&redirect_uri=…`). */
  url: string;
  /** Revocation failures do not stop sign-out; they are reported here. */
  revokeError?: unknown;
}

export async function signOut(options: SignOutOptions): Promise<SignOutResult> {
  if (!options.clientId) throw new OAuthError('invalid_config', 'clientId is required to sign out');
  // The official SDK's logout(): GET https://login.<env>/logout?client_id=…&redirect_uri=…
  const url = new URL(`${resolveEndpoints(options).loginBaseUrl}/logout`);
  url.searchParams.set('client_id', options.clientId);
  if (options.postLogoutRedirectUri) url.searchParams.set('redirect_uri', options.postLogoutRedirectUri);

  const result: SignOutResult = { url: url.href };
  const token = options.tokens?.current()?.accessToken;
  // Forget the token locally first: whatever revocation does, this tab no longer holds it.
  options.tokens?.clear();
  forgetCompletedSignIns();
  if (token !== undefined && options.revoke) {
    try {
      await options.revoke(token);
    } catch (err) {
      result.revokeError = err;
    }
  }
  if (options.navigate) (globalThis as { location?: Location }).location?.assign(result.url);
  return result;
}
