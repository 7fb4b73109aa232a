// Malformed and hostile OAuth requests: each must be rejected exactly (status, error, internal reason),
// and the same token requests sent to oidc-provider (a certified server configured alike) must be
// accepted or rejected the same way wherever the two are meant to agree.
import { createHash, randomBytes } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startEmulator, type Emulator, type RejectionReason } from '../src/index.js';
import { ManualClock } from '@adhere/emulator/testing';
import { followLoginToCallback, PEER_SCOPE, startOidcPeer, type OidcPeer } from '@adhere/testing/oidc-peer';
import { signInAt } from '@adhere/emulator/testing';

const REDIRECT = 'http://localhost:3000/callback';
const OTHER = { id: 'other-spa', redirect: 'http://localhost:3001/callback' };
const SERVICE = { id: 'wfm-service', secret: 'service-secret-value' };

const challengeOf = (v: string) => createHash('sha256').update(v).digest('base64url');
const newVerifier = () => randomBytes(32).toString('base64url');

let emulator: Emulator;
let shortCodes: Emulator;
const shortClock = new ManualClock(Date.now());
let peer: OidcPeer;
let shortPeer: OidcPeer;

beforeAll(async () => {
  const clients = [
    {
      id: OTHER.id,
      name: 'Other SPA',
      type: 'public' as const,
      redirectUris: [OTHER.redirect],
      grantTypes: ['authorization_code' as const],
      scopes: ['user-basic-info'],
      accessTokenLifetimeSeconds: 3600,
    },
    {
      id: SERVICE.id,
      name: 'Service',
      type: 'confidential' as const,
      secret: SERVICE.secret,
      redirectUris: [],
      grantTypes: ['client_credentials' as const],
      scopes: ['workforce-management:readonly'],
      accessTokenLifetimeSeconds: 3600,
    },
  ];
  emulator = await startEmulator({ agents: 20, clock: 'manual', clients });
  shortCodes = await startEmulator({ agents: 20, clock: 'manual', codeLifetimeMs: 1000, wallClock: shortClock });
  shortPeer = await startOidcPeer({ codeTtlSeconds: 1 });
  peer = await startOidcPeer({
    extraClients: [
      {
        client_id: OTHER.id,
        token_endpoint_auth_method: 'none',
        redirect_uris: [OTHER.redirect],
        grant_types: ['authorization_code'],
        response_types: ['code'],
      },
      {
        client_id: SERVICE.id,
        client_secret: SERVICE.secret,
        token_endpoint_auth_method: 'client_secret_basic',
        redirect_uris: [],
        grant_types: ['client_credentials'],
        response_types: [],
      },
    ],
  });
});
afterAll(async () => {
  await emulator.close();
  await shortCodes.close();
  await peer.close();
  await shortPeer.close();
});

// ---- a target the same requests can be sent to ----
interface Target {
  tokenUrl: string;
  code(verifier: string, clientId?: string, redirectUri?: string): Promise<string>;
}
const emulatorTarget = (e: () => Emulator): Target => ({
  get tokenUrl() {
    return `${e().loginUrl}/oauth/token`;
  },
  async code(verifier, clientId = 'adhere-local', redirectUri = REDIRECT) {
    const q = new URLSearchParams({
      response_type: 'code',
      client_id: clientId,
      redirect_uri: redirectUri,
      code_challenge: challengeOf(verifier),
      code_challenge_method: 'S256',
      state: 's',
    });
    return new URL(await signInAt(`${e().loginUrl}/oauth/authorize?${q}`)).searchParams.get('code')!;
  },
});
const peerTarget = (p: () => OidcPeer = () => peer): Target => ({
  get tokenUrl() {
    return `${p().issuer}/oauth/token`;
  },
  async code(verifier, clientId = 'adhere-local', redirectUri = REDIRECT) {
    const q = new URLSearchParams({
      response_type: 'code',
      client_id: clientId,
      redirect_uri: redirectUri,
      code_challenge: challengeOf(verifier),
      code_challenge_method: 'S256',
      state: 's',
      scope: PEER_SCOPE,
    });
    return new URL(await followLoginToCallback(`${p().issuer}/oauth/authorize?${q}`, redirectUri)).searchParams.get(
      'code',
    )!;
  },
});

interface Sent {
  status: number;
  error: string | undefined;
}
type Fields = Record<string, string | undefined>;
interface TokenCase {
  name: string;
  /** Builds and sends the request to a target. */
  send: (t: Target) => Promise<Sent>;
  expected: { status: number; error?: string; reason?: RejectionReason };
  /** oidc-provider's answer where it is meant to differ ('same' = must agree on status and error). */
  peer: 'same' | 'skip' | { status: number; error?: string; why: string };
}

async function post(
  t: Target,
  fields: Fields,
  headers: Record<string, string> = { 'Content-Type': 'application/x-www-form-urlencoded' },
  raw?: string,
): Promise<Sent> {
  const body =
    raw ??
    new URLSearchParams(Object.entries(fields).filter((e): e is [string, string] => e[1] !== undefined)).toString();
  const res = await fetch(t.tokenUrl, { method: 'POST', headers, body });
  const json = (await res.json().catch(() => ({}))) as { error?: string };
  return { status: res.status, error: json.error };
}
const form = (code: string, verifier: string | undefined, extra: Fields = {}): Fields => ({
  grant_type: 'authorization_code',
  code,
  client_id: 'adhere-local',
  redirect_uri: REDIRECT,
  code_verifier: verifier,
  ...extra,
});
/** A fresh code for a fresh verifier, then the request built from it. */
const withCode =
  (build: (code: string, verifier: string) => Fields, headers?: Record<string, string>) => async (t: Target) => {
    const v = newVerifier();
    return post(t, build(await t.code(v), v), headers);
  };

const tokenCases: TokenCase[] = [
  {
    name: 'a correct exchange is accepted',
    send: withCode((c, v) => form(c, v)),
    expected: { status: 200 },
    peer: 'same',
  },
  {
    name: 'verifier of another sign-in',
    send: withCode((c) => form(c, newVerifier())),
    expected: { status: 400, error: 'invalid_grant', reason: 'pkce_mismatch' },
    peer: 'same',
  },
  {
    name: 'padded verifier',
    send: withCode((c, v) => form(c, `${v}=`)),
    expected: { status: 400, error: 'invalid_request', reason: 'verifier_malformed' },
    peer: 'same',
  },
  {
    name: 'standard-base64 verifier (+ and /)',
    send: withCode((c, v) => form(c, `${v.slice(0, 41)}+/`)),
    expected: { status: 400, error: 'invalid_request', reason: 'verifier_malformed' },
    peer: 'same',
  },
  {
    name: 'verifier of 42 characters',
    send: withCode((c, v) => form(c, v.slice(0, 42))),
    expected: { status: 400, error: 'invalid_request', reason: 'verifier_malformed' },
    peer: 'same',
  },
  {
    name: 'verifier of 129 characters',
    send: withCode((c, v) => form(c, (v + v + v + v).slice(0, 129))),
    expected: { status: 400, error: 'invalid_request', reason: 'verifier_malformed' },
    peer: 'same',
  },
  {
    name: 'the challenge sent as verifier ("plain")',
    send: withCode((c, v) => form(c, challengeOf(v))),
    expected: { status: 400, error: 'invalid_grant', reason: 'pkce_mismatch' },
    peer: 'same',
  },
  {
    name: 'missing verifier',
    send: withCode((c) => form(c, undefined)),
    expected: { status: 400, error: 'invalid_grant', reason: 'verifier_missing' },
    peer: 'same',
  },
  {
    name: 'empty verifier',
    send: withCode((c) => form(c, '')),
    expected: { status: 400, error: 'invalid_grant', reason: 'verifier_missing' },
    peer: 'same',
  },
  {
    name: 'replayed code',
    send: async (t) => {
      const v = newVerifier();
      const f = form(await t.code(v), v);
      await post(t, f);
      return post(t, f);
    },
    expected: { status: 400, error: 'invalid_grant', reason: 'code_replayed' },
    peer: 'same',
  },
  {
    name: 'unknown code',
    send: (t) => post(t, form('not-a-code', newVerifier())),
    expected: { status: 400, error: 'invalid_grant', reason: 'code_unknown' },
    peer: 'same',
  },
  {
    name: 'missing code',
    send: (t) => post(t, form('', newVerifier(), { code: undefined })),
    expected: { status: 400, error: 'invalid_request', reason: 'code_missing' },
    peer: 'same',
  },
  {
    name: 'redirect_uri with a trailing slash',
    send: withCode((c, v) => form(c, v, { redirect_uri: `${REDIRECT}/` })),
    expected: { status: 400, error: 'invalid_grant', reason: 'redirect_uri_mismatch' },
    peer: 'same',
  },
  {
    name: 'redirect_uri of another registered client',
    send: withCode((c, v) => form(c, v, { redirect_uri: OTHER.redirect })),
    expected: { status: 400, error: 'invalid_grant', reason: 'redirect_uri_mismatch' },
    peer: 'same',
  },
  {
    name: 'redirect_uri missing',
    send: withCode((c, v) => form(c, v, { redirect_uri: undefined })),
    expected: { status: 400, error: 'invalid_grant', reason: 'redirect_uri_mismatch' },
    peer: {
      status: 200,
      why:
        'oidc-provider lets a client with one registered redirect_uri omit it; RFC 6749 §4.1.3 makes it ' +
        'REQUIRED when the authorize request had one, so the emulator refuses',
    },
  },
  {
    name: 'client_secret from a public client',
    send: withCode((c, v) => form(c, v, { client_secret: 'leaked' })),
    expected: { status: 401, error: 'invalid_client', reason: 'public_client_authenticated' },
    peer: 'same',
  },
  {
    name: 'Authorization: Basic from a public client',
    send: withCode((c, v) => form(c, v, { client_id: undefined }), {
      'Content-Type': 'application/x-www-form-urlencoded',
      Authorization: `Basic ${btoa('adhere-local:leaked')}`,
    }),
    expected: { status: 401, error: 'invalid_client', reason: 'public_client_authenticated' },
    peer: 'same',
  },
  {
    name: 'unknown client',
    send: withCode((c, v) => form(c, v, { client_id: 'nobody' })),
    expected: { status: 401, error: 'invalid_client', reason: 'unknown_client' },
    peer: 'same',
  },
  {
    name: 'client_id missing',
    send: withCode((c, v) => form(c, v, { client_id: undefined })),
    expected: { status: 401, error: 'invalid_client', reason: 'client_id_missing' },
    peer: {
      status: 400,
      error: 'invalid_request',
      why: 'oidc-provider says invalid_request when no client authentication is present at all',
    },
  },
  {
    name: 'code issued to another client',
    send: async (t) => {
      const v = newVerifier();
      return post(t, form(await t.code(v, OTHER.id, OTHER.redirect), v, { redirect_uri: OTHER.redirect }));
    },
    expected: { status: 400, error: 'invalid_grant', reason: 'code_client_mismatch' },
    peer: 'same',
  },
  {
    name: 'JSON body',
    send: async (t) => post(t, {}, { 'Content-Type': 'application/json' }, JSON.stringify(form('x', newVerifier()))),
    expected: { status: 400, error: 'invalid_request', reason: 'wrong_content_type' },
    peer: 'skip',
  },
  {
    name: 'no content type',
    send: async (t) =>
      post(t, {}, {}, new URLSearchParams(form('x', newVerifier()) as Record<string, string>).toString()),
    expected: { status: 400, error: 'invalid_request', reason: 'wrong_content_type' },
    peer: 'skip',
  },
  {
    name: 'grant_type missing',
    send: withCode((c, v) => form(c, v, { grant_type: undefined })),
    expected: { status: 400, error: 'invalid_request', reason: 'grant_type_missing' },
    peer: 'same',
  },
  {
    name: 'grant_type typo',
    send: withCode((c, v) => form(c, v, { grant_type: 'authorisation_code' })),
    expected: { status: 400, error: 'unsupported_grant_type', reason: 'grant_type_unsupported' },
    peer: 'same',
  },
  {
    name: 'grant_type password',
    send: (t) => post(t, { grant_type: 'password', username: 'a', password: 'b', client_id: 'adhere-local' }),
    expected: { status: 400, error: 'unsupported_grant_type', reason: 'grant_type_unsupported' },
    peer: 'same',
  },
  {
    name: 'repeated code parameter',
    send: async (t) => {
      const v = newVerifier();
      const code = await t.code(v);
      return post(t, {}, undefined, `${new URLSearchParams(form(code, v) as Record<string, string>)}&code=${code}`);
    },
    expected: { status: 400, error: 'invalid_request', reason: 'parameter_repeated' },
    peer: 'same',
  },
  {
    name: 'oversize verifier (3,000 chars)',
    send: withCode((c) => form(c, 'a'.repeat(3000))),
    expected: { status: 400, error: 'invalid_request', reason: 'parameter_too_long' },
    peer: 'same',
  },
  {
    name: 'oversize body (20 KB)',
    send: withCode((c, v) => form(c, v, { padding: 'x'.repeat(20_000) })),
    expected: { status: 400, error: 'invalid_request', reason: 'body_too_large' },
    peer: 'skip',
  },
  {
    name: 'client_credentials from a public client',
    send: (t) => post(t, { grant_type: 'client_credentials', client_id: 'adhere-local' }),
    expected: { status: 400, error: 'unauthorized_client', reason: 'grant_type_not_allowed' },
    peer: {
      status: 400,
      error: 'invalid_request',
      why:
        'oidc-provider reports the missing client authentication first; the emulator names the grant the ' +
        'client is not allowed (RFC 6749 §5.2 unauthorized_client). Both refuse',
    },
  },
  {
    name: 'client_credentials with a wrong secret',
    send: (t) =>
      post(
        t,
        { grant_type: 'client_credentials' },
        { 'Content-Type': 'application/x-www-form-urlencoded', Authorization: `Basic ${btoa(`${SERVICE.id}:wrong`)}` },
      ),
    expected: { status: 401, error: 'invalid_client', reason: 'client_authentication_failed' },
    peer: 'same',
  },
  {
    name: 'client_credentials with the right secret',
    send: (t) =>
      post(
        t,
        { grant_type: 'client_credentials' },
        {
          'Content-Type': 'application/x-www-form-urlencoded',
          Authorization: `Basic ${btoa(`${SERVICE.id}:${SERVICE.secret}`)}`,
        },
      ),
    expected: { status: 200 },
    peer: 'same',
  },
  {
    name: 'body client_id differs from the Basic header',
    send: (t) =>
      post(
        t,
        { grant_type: 'client_credentials', client_id: 'adhere-local' },
        {
          'Content-Type': 'application/x-www-form-urlencoded',
          Authorization: `Basic ${btoa(`${SERVICE.id}:${SERVICE.secret}`)}`,
        },
      ),
    expected: { status: 400, error: 'invalid_request', reason: 'client_authentication_failed' },
    peer: 'same',
  },
];

describe('token endpoint rejections', () => {
  it.each(tokenCases.map((c) => [c.name, c] as const))('%s', async (_name, tc) => {
    const before = emulator.context.rejections.list().length;
    const got = await tc.send(emulatorTarget(() => emulator));
    expect({ status: got.status, error: got.error }).toEqual({ status: tc.expected.status, error: tc.expected.error });
    const events = emulator.context.rejections.list();
    if (tc.expected.reason) expect(events.at(-1)?.reason).toBe(tc.expected.reason);
    else expect(events.length).toBe(before);
  });

  it('an expired code is refused (code_expired)', async () => {
    const t = emulatorTarget(() => shortCodes);
    const v = newVerifier();
    const code = await t.code(v);
    shortClock.advance(1001);
    expect(await post(t, form(code, v))).toEqual({ status: 400, error: 'invalid_grant' });
    expect(shortCodes.context.rejections.list().at(-1)?.reason).toBe('code_expired');
  });

  it('a replayed code revokes the token it issued', async () => {
    const t = emulatorTarget(() => emulator);
    const v = newVerifier();
    const f = new URLSearchParams(form(await t.code(v), v) as Record<string, string>);
    const first = (await (await fetch(t.tokenUrl, { method: 'POST', body: f })).json()) as { access_token: string };
    const me = () =>
      fetch(`${emulator.apiUrl}/api/v2/users/me`, { headers: { Authorization: `Bearer ${first.access_token}` } }).then(
        (r) => r.status,
      );
    expect(await me()).toBe(200);
    await fetch(t.tokenUrl, { method: 'POST', body: f });
    expect(await me()).toBe(401);
  });

  it('never records or logs a secret, verifier or code', async () => {
    const lines: string[] = [];
    const e = await startEmulator({ agents: 5, clock: 'manual', log: (l) => lines.push(l) });
    try {
      const t = emulatorTarget(() => e);
      const v = newVerifier();
      const code = await t.code(v);
      await post(t, form(code, `${v}=`, { client_secret: 'top-secret-value' }));
      await post(t, form(code, newVerifier()));
      const all = JSON.stringify(e.context.rejections.list()) + lines.join('\n');
      expect(lines.length).toBeGreaterThan(0);
      for (const secret of ['top-secret-value', v, code]) expect(all).not.toContain(secret);
    } finally {
      await e.close();
    }
  });
});

describe('differential: the same token requests to oidc-provider', () => {
  it.each(tokenCases.filter((c) => c.peer !== 'skip').map((c) => [c.name, c] as const))('%s', async (_name, tc) => {
    const got = await tc.send(peerTarget());
    if (tc.peer === 'same') {
      expect({ status: got.status, error: got.error }).toEqual({
        status: tc.expected.status,
        error: tc.expected.error,
      });
    } else {
      // A documented, deliberate divergence: pin the peer's answer so a change on either side is noticed.
      const peerAnswer = tc.peer as { status: number; error?: string };
      expect({ status: got.status, error: got.error }).toEqual({ status: peerAnswer.status, error: peerAnswer.error });
    }
  });

  it('an expired code is refused by both', async () => {
    const v = newVerifier();
    const short = peerTarget(() => shortPeer);
    const code = await short.code(v);
    await new Promise((r) => setTimeout(r, 2100));
    expect(await post(short, form(code, v))).toEqual({ status: 400, error: 'invalid_grant' });
  });
});

describe('authorize endpoint rejections', () => {
  const good = () => ({
    response_type: 'code',
    client_id: 'adhere-local',
    redirect_uri: REDIRECT,
    code_challenge: challengeOf(newVerifier()),
    code_challenge_method: 'S256',
    state: 'st',
  });
  const get = (q: Record<string, string | undefined>, extra = '') =>
    fetch(
      `${emulator.loginUrl}/oauth/authorize?${new URLSearchParams(Object.entries(q).filter((e): e is [string, string] => e[1] !== undefined))}${extra}`,
      { redirect: 'manual' },
    );
  const cases: Array<
    [string, Record<string, string | undefined>, string, { page?: number; error?: string; reason: RejectionReason }]
  > = [
    ['unknown client', { client_id: 'nobody' }, '', { page: 400, reason: 'unknown_client' }],
    ['missing redirect_uri', { redirect_uri: undefined }, '', { page: 400, reason: 'redirect_uri_missing' }],
    [
      'unregistered redirect_uri',
      { redirect_uri: 'https://evil.example/callback' },
      '',
      { page: 400, reason: 'redirect_uri_not_registered' },
    ],
    [
      'redirect_uri with a trailing slash',
      { redirect_uri: `${REDIRECT}/` },
      '',
      { page: 400, reason: 'redirect_uri_not_registered' },
    ],
    [
      'implicit grant (response_type=token)',
      { response_type: 'token' },
      '',
      { error: 'unsupported_response_type', reason: 'response_type_unsupported' },
    ],
    [
      'missing code_challenge',
      { code_challenge: undefined },
      '',
      { error: 'invalid_request', reason: 'challenge_missing' },
    ],
    [
      'plain method',
      { code_challenge_method: 'plain' },
      '',
      { error: 'invalid_request', reason: 'challenge_method_unsupported' },
    ],
    [
      'missing method',
      { code_challenge_method: undefined },
      '',
      { error: 'invalid_request', reason: 'challenge_method_missing' },
    ],
    [
      'padded challenge',
      { code_challenge: `${challengeOf('x'.repeat(43))}=` },
      '',
      { error: 'invalid_request', reason: 'challenge_malformed' },
    ],
    ['scope the client lacks', { scope: 'admin' }, '', { error: 'invalid_scope', reason: 'scope_invalid' }],
    ['repeated state', {}, '&state=again', { error: 'invalid_request', reason: 'parameter_repeated' }],
    ['oversize state', { state: 's'.repeat(3000) }, '', { error: 'invalid_request', reason: 'parameter_too_long' }],
  ];
  it.each(cases)('%s', async (_name, override, extra, want) => {
    const res = await get({ ...good(), ...override }, extra);
    const last = emulator.context.rejections.list().at(-1)!;
    expect(last.reason).toBe(want.reason);
    if (want.page) {
      expect(res.status).toBe(want.page);
      expect(res.headers.get('location')).toBeNull(); // never redirect to an unverified URI (RFC 6749 §4.1.2.1)
    } else {
      expect(res.status).toBe(302);
      const to = new URL(res.headers.get('location')!);
      expect(to.origin + to.pathname).toBe(REDIRECT);
      expect(to.searchParams.get('error')).toBe(want.error);
      if (want.reason !== 'parameter_too_long' && want.reason !== 'parameter_repeated')
        expect(to.searchParams.get('state')).toBe('st');
    }
  });

  it('a valid request shows the sign-in form; a wrong password is refused with 401', async () => {
    const res = await get(good());
    expect(res.status).toBe(200);
    const html = await res.text();
    expect(html).toContain('<form method="post" action="/oauth/login">');
    const login = /name="login" value="([^"]+)"/.exec(html)![1]!;
    const bad = await fetch(`${emulator.loginUrl}/oauth/login`, {
      method: 'POST',
      redirect: 'manual',
      body: new URLSearchParams({ login, email: 'supervisor@adhere.local', password: 'nope' }),
    });
    expect(bad.status).toBe(401);
    expect(await bad.text()).toContain('Email or password is wrong');
    expect(emulator.context.rejections.list().at(-1)?.reason).toBe('login_failed');
  });
});
