// The login origin's browser session: signed in once, the next authorize answers with a code and no form, as
// Genesys re-authenticates a non-HIPAA org's users by itself; until the session lapses or the person signs out.
// `loginSessionMs: 0` is a HIPAA org: every sign-in asks for the password.
import { createHash, randomBytes } from 'node:crypto';
import { afterEach, describe, expect, it } from 'vitest';
import { startEmulator, type Emulator } from '../src/index.js';
import { ManualClock, SUPERVISOR } from '@adhere/emulator/testing';

let emulator: Emulator | undefined;
afterEach(() => emulator?.close());

const REDIRECT = 'http://localhost:3000/callback';

function authorizeUrl(e: Emulator): { url: string; verifier: string } {
  const verifier = randomBytes(32).toString('base64url');
  const q = new URLSearchParams({
    response_type: 'code',
    client_id: 'adhere-local',
    redirect_uri: REDIRECT,
    code_challenge: createHash('sha256').update(verifier).digest('base64url'),
    code_challenge_method: 'S256',
    state: 'st',
  });
  return { url: `${e.loginUrl}/oauth/authorize?${q}`, verifier };
}

/** Signs in through the form; returns the session cookie the login origin set (or undefined). */
async function signInWithForm(e: Emulator): Promise<{ cookie: string | undefined; setCookie: string | null }> {
  const page = await fetch(authorizeUrl(e).url, { redirect: 'manual' });
  expect(page.status).toBe(200);
  const login = /name="login" value="([^"]+)"/.exec(await page.text())![1]!;
  const res = await fetch(`${e.loginUrl}/oauth/login`, {
    method: 'POST',
    redirect: 'manual',
    headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams({ login, email: SUPERVISOR.email, password: SUPERVISOR.password }),
  });
  expect(res.status).toBe(302);
  const setCookie = res.headers.get('set-cookie');
  return { cookie: setCookie?.split(';')[0], setCookie };
}

/** Authorize with the cookie: the code it redirects with, or the status of a page (the form). */
async function authorizeWith(e: Emulator, cookie: string | undefined) {
  const { url, verifier } = authorizeUrl(e);
  const res = await fetch(url, { redirect: 'manual', headers: cookie ? { cookie } : {} });
  const location = res.headers.get('location');
  return { status: res.status, code: location ? new URL(location).searchParams.get('code') : null, verifier, location };
}

describe('the login session', () => {
  it('signed in once: authorize answers with a code, no form, for the same person, until it lapses', async () => {
    const clock = new ManualClock();
    emulator = await startEmulator({ agents: 5, clock: 'manual', wallClock: clock, loginSessionMs: 60 * 60_000 });
    const { cookie, setCookie } = await signInWithForm(emulator);
    expect(setCookie).toMatch(/HttpOnly/i);
    expect(setCookie).toMatch(/SameSite=Lax/i);
    const again = await authorizeWith(emulator, cookie);
    expect(again.status).toBe(302);
    expect(new URL(again.location!).origin + new URL(again.location!).pathname).toBe(REDIRECT);
    expect(new URL(again.location!).searchParams.get('state')).toBe('st');
    // The code is a real one, for the person who signed in.
    const token = await fetch(`${emulator.loginUrl}/oauth/token`, {
      method: 'POST',
      body: new URLSearchParams({
        grant_type: 'authorization_code',
        code: again.code!,
        client_id: 'adhere-local',
        redirect_uri: REDIRECT,
        code_verifier: again.verifier,
      }),
    });
    const { access_token } = (await token.json()) as { access_token: string };
    const me = await fetch(`${emulator.apiUrl}/api/v2/users/me`, {
      headers: { authorization: `Bearer ${access_token}` },
    });
    expect(((await me.json()) as { email: string }).email).toBe(SUPERVISOR.email);
    // No cookie, or a made-up one: the form.
    expect((await authorizeWith(emulator, undefined)).status).toBe(200);
    expect((await authorizeWith(emulator, 'adhere_emulator_session=made-up')).status).toBe(200);
    // An hour on, the session has lapsed: the form again.
    clock.advance(60 * 60_000);
    expect((await authorizeWith(emulator, cookie)).status).toBe(200);
  });

  it('sign-out ends it; with sessions off (a HIPAA org) every sign-in asks for the password', async () => {
    emulator = await startEmulator({ agents: 5, clock: 'manual' });
    const { cookie } = await signInWithForm(emulator);
    expect((await authorizeWith(emulator, cookie)).status).toBe(302);
    const out = await fetch(`${emulator.loginUrl}/logout`, { redirect: 'manual', headers: { cookie: cookie! } });
    expect(out.headers.get('set-cookie')).toMatch(/adhere_emulator_session=;/);
    expect((await authorizeWith(emulator, cookie)).status).toBe(200);
    await emulator.close();
    emulator = await startEmulator({ agents: 5, clock: 'manual', loginSessionMs: 0 });
    const off = await signInWithForm(emulator);
    expect(off.setCookie).toBeNull();
    expect((await authorizeWith(emulator, 'adhere_emulator_session=x')).status).toBe(200);
    await expect(startEmulator({ agents: 5, clock: 'manual', loginSessionMs: -1 })).rejects.toMatchObject({
      code: 'invalid_option',
    });
  });
});
