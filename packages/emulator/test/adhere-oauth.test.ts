// Our PKCE client against our emulator, and diagnose() compared with what the emulator knew.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  OAuthError,
  completeSignIn,
  createMemoryStorage,
  diagnose,
  recordingFetch,
  startSignIn,
  type ExchangeRecord,
} from '@adhere/oauth';
import { startEmulator, type Emulator } from '../src/index.js';
import { signInAt } from '@adhere/emulator/testing';

let emulator: Emulator;
beforeAll(async () => {
  emulator = await startEmulator({ agents: 20, clock: 'manual' });
});
afterAll(() => emulator.close());

const config = (storage = createMemoryStorage()) => ({
  clientId: 'adhere-local',
  redirectUri: 'http://localhost:3000/callback',
  loginBaseUrl: emulator.loginUrl,
  storage,
});

describe('@adhere/oauth against the emulator', () => {
  it('signs in and the token works on the API origin', async () => {
    const c = config();
    const { url } = await startSignIn(c);
    const { tokens } = await completeSignIn(await signInAt(url), c);
    const me = await fetch(`${emulator.apiUrl}/api/v2/users/me`, {
      headers: { Authorization: `Bearer ${tokens.accessToken}` },
    });
    expect(me.status).toBe(200);
  });

  it("a tampered verifier: our error, diagnose()'s finding and the emulator's recorded reason agree", async () => {
    const storage = createMemoryStorage();
    const c = config(storage);
    const { url, state } = await startSignIn(c);
    const key = `adhere.pkce.${state}`;
    storage.setItem(key, JSON.stringify({ ...JSON.parse(storage.getItem(key)!), verifier: 'Z'.repeat(43) }));
    const record: ExchangeRecord = { authorizeUrl: url };
    const err = await completeSignIn(await signInAt(url), {
      ...c,
      fetch: recordingFetch(record, { response: true }),
    }).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(OAuthError);
    expect((err as OAuthError).code).toBe('invalid_grant');
    expect(emulator.context.rejections.list().at(-1)?.reason).toBe('pkce_mismatch');
    const d = await diagnose(record);
    expect(d.findings.filter((f) => f.severity === 'error').map((f) => f.code)).toEqual(['challenge_mismatch']);
  });

  it('a Basic header with a secret (the forum post): the emulator refuses it and diagnose() names it', async () => {
    const c = config();
    const { url } = await startSignIn(c);
    const code = new URL(await signInAt(url)).searchParams.get('code')!;
    const tokenRequest = {
      url: `${emulator.loginUrl}/oauth/token`,
      method: 'POST',
      headers: {
        'Content-Type': 'application/x-www-form-urlencoded',
        Authorization: `Basic ${btoa('adhere-local:copied-from-console')}`,
      },
      body: new URLSearchParams({
        grant_type: 'authorization_code',
        code,
        code_verifier: 'A'.repeat(43),
        redirect_uri: 'http://localhost:3000/callback',
      }).toString(),
    };
    const res = await fetch(tokenRequest.url, {
      method: 'POST',
      headers: tokenRequest.headers,
      body: tokenRequest.body,
    });
    expect(res.status).toBe(401);
    expect(emulator.context.rejections.list().at(-1)?.reason).toBe('public_client_authenticated');
    const d = await diagnose({
      authorizeUrl: url,
      tokenRequest,
      response: { status: res.status, body: await res.text() },
    });
    const codes = d.findings.filter((f) => f.severity === 'error').map((f) => f.code);
    expect(codes).toContain('basic_auth_sent');
    expect(codes).toContain('client_id_missing');
  });
});
