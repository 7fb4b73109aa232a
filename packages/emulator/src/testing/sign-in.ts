/** @module Signs in to a running emulator the way a browser would, for tests and benchmarks of other packages. */
import { createHash, randomBytes } from 'node:crypto';
import { DEFAULT_CLIENT } from '../clients.js';
import { SUPERVISOR_PASSWORD } from '../directory.js';
import { EmulatorError } from '../errors.js';
import type { Emulator } from '../server.js';

/** The seeded supervisor: sees every business unit. Agents are `agentNNNN@adhere.local` / `agent`. */
export const SUPERVISOR = { email: 'supervisor@adhere.local', password: SUPERVISOR_PASSWORD } as const;

/** Posts the emulator's real HTML login form for `authorizeUrl`; returns the redirect (callback) URL. */
export async function signInAt(
  authorizeUrl: string,
  email: string = SUPERVISOR.email,
  password: string = SUPERVISOR.password,
): Promise<string> {
  const page = await fetch(authorizeUrl, { redirect: 'manual' });
  if (page.status !== 200)
    throw new EmulatorError(
      'sign_in_failed',
      `authorize answered ${page.status} ${page.headers.get('location') ?? ''}`,
    );
  const html = await page.text();
  const login = /name="login" value="([^"]+)"/.exec(html)?.[1];
  if (!login) throw new EmulatorError('sign_in_failed', 'no login form on the authorize page');
  const res = await fetch(new URL('/oauth/login', authorizeUrl), {
    method: 'POST',
    redirect: 'manual',
    headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams({ login, email, password }),
  });
  const location = res.headers.get('location');
  if (res.status !== 302 || !location) throw new EmulatorError('sign_in_failed', `login answered ${res.status}`);
  return location;
}

/** An access token for a seeded account (the supervisor by default), through the login page and a PKCE exchange. */
export async function tokenFor(
  e: Emulator,
  email: string = SUPERVISOR.email,
  password: string = SUPERVISOR.password,
  scope?: string,
  clientId: string = DEFAULT_CLIENT.id,
): Promise<string> {
  const verifier = randomBytes(32).toString('base64url');
  const client = e.context.clients.get(clientId);
  if (!client) throw new EmulatorError('sign_in_failed', `no client ${clientId} is registered`);
  const redirectUri = client.redirectUris[0]!;
  const q = new URLSearchParams({
    response_type: 'code',
    client_id: clientId,
    redirect_uri: redirectUri,
    code_challenge: createHash('sha256').update(verifier).digest('base64url'),
    code_challenge_method: 'S256',
    state: 's',
    ...(scope ? { scope } : {}),
  });
  const code = new URL(await signInAt(`${e.loginUrl}/oauth/authorize?${q}`, email, password)).searchParams.get('code');
  if (!code) throw new EmulatorError('sign_in_failed', 'the login redirect carried no code');
  const res = await fetch(`${e.loginUrl}/oauth/token`, {
    method: 'POST',
    body: new URLSearchParams({
      grant_type: 'authorization_code',
      code,
      client_id: clientId,
      redirect_uri: redirectUri,
      code_verifier: verifier,
    }),
  });
  const json = (await res.json()) as { access_token?: string; error?: string };
  if (!res.ok || !json.access_token)
    throw new EmulatorError('sign_in_failed', `token exchange answered ${res.status} ${json.error ?? ''}`);
  return json.access_token;
}
