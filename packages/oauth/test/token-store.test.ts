import { describe, expect, it } from 'vitest';
import { OAuthError, createMemoryStorage, createTokenStore, signOut } from '@adhere/oauth';

const tokens = (expiresAt: number) => ({ accessToken: 'secret-token', tokenType: 'bearer', expiresAt });

describe('token store', () => {
  it('returns the token until the skew margin before expiry, then asks for re-authentication', () => {
    let now = 0;
    const store = createTokenStore({ now: () => now, skewMs: 60_000 });
    const seen: unknown[] = [];
    store.subscribe((t) => seen.push(t?.accessToken));
    expect(store.validUntil()).toBeUndefined();
    store.set(tokens(3_600_000));
    expect(store.getAccessToken()).toBe('secret-token');
    // The moment it stops counting as valid: what a kiosk says ahead (the app signs in again then).
    expect(store.validUntil()).toBe(3_540_000);
    now = 3_540_000 - 1;
    expect(store.getAccessToken()).toBe('secret-token');
    now = 3_540_000;
    const err = (() => {
      try {
        store.getAccessToken();
      } catch (e) {
        return e;
      }
    })();
    expect(err).toBeInstanceOf(OAuthError);
    expect((err as OAuthError).code).toBe('reauth_required');
    expect(store.validUntil()).toBeUndefined();
    expect(seen).toEqual(['secret-token', undefined]);
  });

  it('persists to the given session storage when asked, and reads it back', () => {
    const storage = createMemoryStorage();
    createTokenStore({ persist: 'session', storage, now: () => 0 }).set(tokens(10_000_000));
    expect(createTokenStore({ persist: 'session', storage, now: () => 0 }).getAccessToken()).toBe('secret-token');
    expect(createTokenStore({ now: () => 0 }).current()).toBeUndefined();
  });

  it('signOut clears the token, calls the revoke hook with it, and returns the login-host logout URL', async () => {
    const store = createTokenStore({ now: () => 0 });
    store.set(tokens(10_000_000));
    const revoked: string[] = [];
    const out = await signOut({
      region: 'mypurecloud.de',
      clientId: 'cid',
      postLogoutRedirectUri: 'http://localhost:3000/',
      tokens: store,
      revoke: async (t) => void revoked.push(t),
    });
    expect(out.url).toBe(
      'https://login.mypurecloud.de/logout?client_id=cid&redirect_uri=http%3A%2F%2Flocalhost%3A3000%2F',
    );
    expect(revoked).toEqual(['secret-token']);
    expect(store.current()).toBeUndefined();
  });

  it('signOut still signs out locally when revocation fails, and reports the failure', async () => {
    const store = createTokenStore({ now: () => 0 });
    store.set(tokens(10_000_000));
    const out = await signOut({
      region: 'us_east_1',
      clientId: 'cid',
      tokens: store,
      revoke: () => Promise.reject(new Error('offline')),
    });
    expect(store.current()).toBeUndefined();
    expect((out.revokeError as Error).message).toBe('offline');
  });
});
