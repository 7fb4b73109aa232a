import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  OAuthError,
  completeSignIn,
  createMemoryStorage,
  createTokenStore,
  exchangeCode,
  signOut,
  startSignIn,
  type KeyValueStorage,
} from '@adhere/oauth';
import { followLoginToCallback, startOidcPeer, type OidcPeer } from '@adhere/testing/oidc-peer';

let peer: OidcPeer;
beforeAll(async () => {
  peer = await startOidcPeer();
});
afterAll(() => peer.close());

function config(storage: KeyValueStorage, extra: { now?: () => number } = {}) {
  return {
    clientId: peer.clientId,
    redirectUri: peer.redirectUri,
    scope: peer.scope,
    loginBaseUrl: peer.issuer,
    storage,
    ...extra,
  };
}

async function caught(p: Promise<unknown>): Promise<OAuthError> {
  const err = await p.then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(err).toBeInstanceOf(OAuthError);
  return err as OAuthError;
}

describe('sign-in against oidc-provider', () => {
  it('completes the full code + PKCE flow and returns a token set with absolute expiry', async () => {
    const storage = createMemoryStorage();
    const before = Date.now();
    const { url, state } = await startSignIn({ ...config(storage), appState: '/board?mu=1' });
    const callback = await followLoginToCallback(url, peer.redirectUri);
    expect(new URL(callback).searchParams.get('state')).toBe(state);
    const result = await completeSignIn(callback, config(storage));
    expect(result.tokens.accessToken.length).toBeGreaterThan(10);
    expect(result.tokens.tokenType.toLowerCase()).toBe('bearer');
    expect(result.tokens.expiresAt).toBeGreaterThan(before + 30_000);
    expect(result.appState).toBe('/board?mu=1');
    expect(result.cleanUrl).toBe(peer.redirectUri);
    expect(storage.length).toBe(0); // the transaction is single-use
  });

  it('is idempotent when the callback runs twice (React StrictMode): one token request, same tokens', async () => {
    const storage = createMemoryStorage();
    const { url } = await startSignIn(config(storage));
    const callback = await followLoginToCallback(url, peer.redirectUri);
    const before = peer.tokenRequests();
    const [a, b] = await Promise.all([
      completeSignIn(callback, config(storage)),
      completeSignIn(callback, config(storage)),
    ]);
    const c = await completeSignIn(callback, config(storage));
    expect(a.tokens.accessToken).toBe(b.tokens.accessToken);
    expect(c.tokens.accessToken).toBe(a.tokens.accessToken);
    expect(peer.tokenRequests() - before).toBe(1);
  });

  it('after sign-out, a repeated callback no longer hands out the remembered tokens', async () => {
    const storage = createMemoryStorage();
    const { url } = await startSignIn(config(storage));
    const callback = await followLoginToCallback(url, peer.redirectUri);
    const tokens = createTokenStore();
    tokens.set((await completeSignIn(callback, config(storage))).tokens);
    await signOut({ clientId: peer.clientId, loginBaseUrl: peer.issuer, tokens });
    const err = await caught(completeSignIn(callback, config(storage)));
    expect(err.code).toBe('transaction_missing');
  });

  it('turns a wrong verifier into a typed invalid_grant from the server', async () => {
    const storage = createMemoryStorage();
    const { url, state } = await startSignIn(config(storage));
    const key = `adhere.pkce.${state}`;
    const tx = JSON.parse(storage.getItem(key)!) as { verifier: string };
    tx.verifier = 'A'.repeat(43); // a valid-looking verifier, but not the one behind the challenge
    storage.setItem(key, JSON.stringify(tx));
    const callback = await followLoginToCallback(url, peer.redirectUri);
    const err = await caught(completeSignIn(callback, config(storage)));
    expect(err.code).toBe('invalid_grant');
    expect(err.status).toBe(400);
    expect(err.error).toBe('invalid_grant');
    expect(err.hint).toMatch(/verifier/);
  });

  it('rejects a replayed code with invalid_grant', async () => {
    const storage = createMemoryStorage();
    const verifier = 'dBjftJeZ4CVP-mB92K27uhbUJU1p1r_wW1gFWFOEjXk';
    const { url } = await startSignIn({ ...config(storage), verifier });
    const code = new URL(await followLoginToCallback(url, peer.redirectUri)).searchParams.get('code')!;
    const req = {
      tokenUrl: `${peer.issuer}/oauth/token`,
      clientId: peer.clientId,
      redirectUri: peer.redirectUri,
      code,
      verifier,
    };
    await exchangeCode(req);
    const err = await caught(exchangeCode(req));
    expect(err.code).toBe('invalid_grant');
  });

  it('names a state that matches no pending sign-in: state_mismatch', async () => {
    const storage = createMemoryStorage();
    const { url } = await startSignIn(config(storage));
    const callback = new URL(await followLoginToCallback(url, peer.redirectUri));
    callback.searchParams.set('state', 'forged-state');
    const before = peer.tokenRequests();
    const err = await caught(completeSignIn(callback.href, config(storage)));
    expect(err.code).toBe('state_mismatch');
    expect(peer.tokenRequests()).toBe(before); // the code was never sent
  });

  it('names a lost verifier (new tab, cleared storage): transaction_missing', async () => {
    const { url } = await startSignIn(config(createMemoryStorage()));
    const callback = await followLoginToCallback(url, peer.redirectUri);
    const err = await caught(completeSignIn(callback, config(createMemoryStorage())));
    expect(err.code).toBe('transaction_missing');
  });

  it('names an expired transaction: transaction_expired', async () => {
    const storage = createMemoryStorage();
    let clock = Date.now();
    const { url } = await startSignIn(config(storage, { now: () => clock }));
    const callback = await followLoginToCallback(url, peer.redirectUri);
    clock += 11 * 60_000;
    const err = await caught(completeSignIn(callback, config(storage, { now: () => clock })));
    expect(err.code).toBe('transaction_expired');
  });

  it('reports an error callback from the server as authorization_denied with the server error', async () => {
    const storage = createMemoryStorage();
    const { url } = await startSignIn(config(storage));
    const bad = new URL(url);
    // The redirect URI is valid, so the server reports the error to it (RFC 6749 §4.1.2.1).
    bad.searchParams.set('code_challenge_method', 'plain');
    const res = await fetch(bad, { redirect: 'manual' });
    const callback = res.headers.get('location')!;
    expect(callback).toContain('error=');
    const err = await caught(completeSignIn(new URL(callback, peer.issuer).href, config(storage)));
    expect(err.code).toBe('authorization_denied');
    expect(err.error).toBe('invalid_request');
    expect(storage.length).toBe(0); // the failed transaction is dropped
  });
});
