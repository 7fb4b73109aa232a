import { createHash, randomBytes } from 'node:crypto';
import type { Emulator } from '../../src/index.js';

// Signs in through the emulator's real HTML login page, as a browser form post would.
export async function signInAt(authorizeUrl: string, email = 'supervisor@adhere.local', password = 'supervisor'): Promise<string> {
  const page = await fetch(authorizeUrl, { redirect: 'manual' });
  if (page.status !== 200) throw new Error(`authorize answered ${page.status} ${page.headers.get('location') ?? ''}`);
  const html = await page.text();
  const login = /name="login" value="([^"]+)"/.exec(html)?.[1];
  if (!login) throw new Error('no login form on the page');
  const res = await fetch(new URL('/oauth/login', authorizeUrl), {
    method: 'POST',
    redirect: 'manual',
    headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams({ login, email, password }),
  });
  const location = res.headers.get('location');
  if (res.status !== 302 || !location) throw new Error(`login answered ${res.status}`);
  return location;
}

/** A supervisor (or the given user's) access token, through the real login page and PKCE exchange. */
export async function tokenFor(e: Emulator, email = 'supervisor@adhere.local', password = 'supervisor', scope?: string): Promise<string> {
  const verifier = randomBytes(32).toString('base64url');
  const q = new URLSearchParams({ response_type: 'code', client_id: 'adhere-local', redirect_uri: 'http://localhost:3000/callback', code_challenge: createHash('sha256').update(verifier).digest('base64url'), code_challenge_method: 'S256', state: 's', ...(scope ? { scope } : {}) });
  const code = new URL(await signInAt(`${e.loginUrl}/oauth/authorize?${q}`, email, password)).searchParams.get('code')!;
  const res = await fetch(`${e.loginUrl}/oauth/token`, { method: 'POST', body: new URLSearchParams({ grant_type: 'authorization_code', code, client_id: 'adhere-local', redirect_uri: 'http://localhost:3000/callback', code_verifier: verifier }) });
  return ((await res.json()) as { access_token: string }).access_token;
}

