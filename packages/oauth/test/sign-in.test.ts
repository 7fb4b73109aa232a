import { describe, expect, it } from 'vitest';
import {
  OAuthError,
  challengeS256,
  cleanCallbackUrl,
  completeSignIn,
  createMemoryStorage,
  startSignIn,
} from '@adhere/oauth';

const base = { clientId: 'adhere-local', redirectUri: 'http://localhost:3000/callback', region: 'eu_west_1' };

describe('startSignIn', () => {
  it('builds the Genesys authorize URL with an S256 challenge of the stored verifier', async () => {
    const storage = createMemoryStorage();
    const { url, state } = await startSignIn({ ...base, storage, scope: 'users workforce-management' });
    const u = new URL(url);
    expect(u.origin + u.pathname).toBe('https://login.mypurecloud.ie/oauth/authorize');
    const p = u.searchParams;
    expect(p.get('response_type')).toBe('code');
    expect(p.get('client_id')).toBe('adhere-local');
    expect(p.get('redirect_uri')).toBe('http://localhost:3000/callback');
    expect(p.get('code_challenge_method')).toBe('S256');
    expect(p.get('state')).toBe(state);
    expect(p.get('scope')).toBe('users workforce-management');
    const tx = JSON.parse(storage.getItem(`adhere.pkce.${state}`)!) as { verifier: string };
    expect(p.get('code_challenge')).toBe(await challengeS256(tx.verifier));
    expect(url).not.toContain(tx.verifier);
  });

  it('keeps two concurrent sign-ins (two tabs, one storage) apart by state', async () => {
    const storage = createMemoryStorage();
    const a = await startSignIn({ ...base, storage });
    const b = await startSignIn({ ...base, storage });
    expect(a.state).not.toBe(b.state);
    expect(storage.length).toBe(2);
    const va = (JSON.parse(storage.getItem(`adhere.pkce.${a.state}`)!) as { verifier: string }).verifier;
    const vb = (JSON.parse(storage.getItem(`adhere.pkce.${b.state}`)!) as { verifier: string }).verifier;
    expect(va).not.toBe(vb);
  });

  it('sweeps abandoned transactions older than the max age', async () => {
    const storage = createMemoryStorage();
    let now = 1_000_000;
    await startSignIn({ ...base, storage, now: () => now });
    now += 11 * 60_000;
    await startSignIn({ ...base, storage, now: () => now });
    expect(storage.length).toBe(1);
  });

  it.each([
    [{ clientId: '' }, 'invalid_config', /clientId/],
    [{ redirectUri: 'callback' }, 'invalid_config', /redirectUri/],
    [{ redirectUri: 'http://localhost:3000/cb#x' }, 'invalid_config', /fragment/],
    [{ verifier: 'short' }, 'invalid_verifier', /not 5 chars/],
    [{ state: 'has space' }, 'invalid_config', /state/],
    [{ region: 'nowhere' }, 'unknown_region', /nowhere/],
  ])('refuses %j with a typed error', async (override, code, message) => {
    const err = await startSignIn({ ...base, storage: createMemoryStorage(), ...override }).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(OAuthError);
    expect((err as OAuthError).code).toBe(code);
    expect((err as OAuthError).message).toMatch(message);
  });

  it('refuses localStorage and works only with an explicit storage where there is no sessionStorage', async () => {
    const fake = createMemoryStorage();
    (globalThis as { localStorage?: unknown }).localStorage = fake;
    try {
      const err = await startSignIn({ ...base, storage: fake }).catch((e: unknown) => e);
      expect((err as OAuthError).code).toBe('insecure_storage');
    } finally {
      delete (globalThis as { localStorage?: unknown }).localStorage;
    }
    const err = await startSignIn(base).catch((e: unknown) => e);
    expect((err as OAuthError).code).toBe('storage_unavailable');
  });
});

describe('completeSignIn before any token request', () => {
  const noFetch = (() => {
    throw new Error('must not be called');
  }) as unknown as typeof fetch;

  it('checks state before exchanging: a callback without state is state_mismatch', async () => {
    const err = await completeSignIn('http://localhost:3000/callback?code=abc', {
      ...base,
      storage: createMemoryStorage(),
      fetch: noFetch,
    }).catch((e: unknown) => e);
    expect((err as OAuthError).code).toBe('state_mismatch');
  });

  it('an error callback is believed only with a state this tab issued', async () => {
    const storage = createMemoryStorage();
    await startSignIn({ ...base, storage });
    const forged = await completeSignIn('http://localhost:3000/callback?error=access_denied&state=forged', {
      ...base,
      storage,
      fetch: noFetch,
    }).catch((e: unknown) => e);
    expect((forged as OAuthError).code).toBe('state_mismatch');
    const { state } = await startSignIn({ ...base, storage });
    const real = await completeSignIn(
      `http://localhost:3000/callback?error=access_denied&error_description=no&state=${state}`,
      { ...base, storage, fetch: noFetch },
    ).catch((e: unknown) => e);
    expect(real).toMatchObject({ code: 'authorization_denied', error: 'access_denied', errorDescription: 'no' });
  });

  it('a callback with neither code nor error is callback_missing_code', async () => {
    const storage = createMemoryStorage();
    const { state } = await startSignIn({ ...base, storage });
    const err = await completeSignIn(`http://localhost:3000/callback?state=${state}`, {
      ...base,
      storage,
      fetch: noFetch,
    }).catch((e: unknown) => e);
    expect((err as OAuthError).code).toBe('callback_missing_code');
  });
});

describe('completeSignIn without the config', () => {
  it('repeats the stored sign-in and sends the token request before it first awaits (a callback page can start it early)', async () => {
    const storage = createMemoryStorage();
    const { url, state } = await startSignIn({ ...base, storage });
    const sent: Array<{ url: string; body: URLSearchParams }> = [];
    const capture = ((u: string, init: RequestInit) => {
      sent.push({ url: u, body: new URLSearchParams(String(init.body)) });
      return Promise.resolve(
        new Response(JSON.stringify({ access_token: 'at', token_type: 'bearer', expires_in: 60 }), {
          headers: { 'Content-Type': 'application/json' },
        }),
      );
    }) as unknown as typeof fetch;
    // Only storage and fetch: no client id, redirect URI or region.
    const run = completeSignIn(`http://localhost:3000/callback?code=c1&state=${state}`, { storage, fetch: capture });
    expect(sent).toHaveLength(1);
    expect(sent[0]!.url).toBe('https://login.mypurecloud.ie/oauth/token');
    expect(Object.fromEntries(sent[0]!.body)).toMatchObject({
      grant_type: 'authorization_code',
      code: 'c1',
      client_id: base.clientId,
      redirect_uri: base.redirectUri,
    });
    // The verifier sent is the one whose challenge went out in the authorize URL.
    const challenge = new URL(url).searchParams.get('code_challenge');
    expect(await challengeS256(sent[0]!.body.get('code_verifier')!)).toBe(challenge);
    expect((await run).tokens.accessToken).toBe('at');
  });
});

describe('cleanCallbackUrl', () => {
  it('removes the OAuth parameters and keeps the app query and hash', () => {
    expect(cleanCallbackUrl('http://localhost:3000/callback?mu=7&code=c&state=s&iss=x#board')).toBe(
      'http://localhost:3000/callback?mu=7#board',
    );
    expect(cleanCallbackUrl('http://localhost:3000/callback?error=access_denied&error_description=no&state=s')).toBe(
      'http://localhost:3000/callback',
    );
  });
});
