import { describe, expect, it } from 'vitest';
import { createMemoryStorage, diagnose, startSignIn, type ExchangeRecord, type FindingCode } from '@adhere/oauth';
import { followLoginToCallback, startOidcPeer } from '@adhere/testing/oidc-peer';
import { readFixture } from '@adhere/testing/fixtures';
import { REDIRECT, VERIFIER, authorizeUrl as authorize, tokenForm as body } from '@adhere/testing/exchange';

const fixture = readFixture;
const errorCodes = (d: { findings: { code: FindingCode; severity: string }[] }) =>
  d.findings
    .filter((f) => f.severity === 'error')
    .map((f) => f.code)
    .sort();

function record(
  over: {
    authorize?: string;
    url?: string;
    method?: string;
    headers?: Record<string, string>;
    body?: string;
    response?: ExchangeRecord['response'];
  } = {},
): ExchangeRecord {
  return {
    authorizeUrl: over.authorize ?? authorize(),
    tokenRequest: {
      url: over.url ?? 'https://login.mypurecloud.com/oauth/token',
      method: over.method ?? 'POST',
      headers: over.headers ?? { 'Content-Type': 'application/x-www-form-urlencoded' },
      body: over.body ?? body(),
    },
    response: over.response ?? {
      status: 400,
      body: { error: 'invalid_grant', error_description: 'Bad verification code' },
    },
  };
}

describe('diagnose: one cause at a time', () => {
  it('a correct exchange that still got invalid_grant has no errors and points at reuse/expiry', async () => {
    const d = await diagnose(record());
    expect(errorCodes(d)).toEqual([]);
    expect(d.ok).toBe(true);
    expect(d.findings.map((f) => f.code)).toEqual(['code_reused_or_expired']);
  });

  const cases: Array<[string, Parameters<typeof record>[0], FindingCode[]]> = [
    ['padded verifier', { body: body({ code_verifier: `${VERIFIER}=` }) }, ['challenge_mismatch', 'verifier_padded']],
    [
      'standard base64 verifier',
      { body: body({ code_verifier: 'dBjftJeZ4CVP+mB92K27uhbUJU1p1r/wW1gFWFOEjXk' }) },
      ['challenge_mismatch', 'verifier_not_base64url'],
    ],
    ['short verifier', { body: body({ code_verifier: 'abc' }) }, ['challenge_mismatch', 'verifier_length']],
    [
      'verifier with spaces',
      { body: body({ code_verifier: `${VERIFIER.slice(0, 40)} x y` }) },
      ['challenge_mismatch', 'verifier_bad_charset'],
    ],
    ['missing verifier', { body: body({ code_verifier: null }) }, ['verifier_missing']],
    ['verifier from another sign-in', { body: body({ code_verifier: 'A'.repeat(43) }) }, ['challenge_mismatch']],
    [
      'plain challenge',
      { authorize: authorize({ code_challenge: VERIFIER, code_challenge_method: 'plain' }) },
      ['challenge_is_verifier', 'challenge_method_plain'],
    ],
    [
      'missing challenge method',
      { authorize: authorize({ code_challenge_method: null }) },
      ['challenge_method_missing'],
    ],
    ['missing challenge', { authorize: authorize({ code_challenge: null }) }, ['challenge_missing']],
    [
      'challenge in standard base64',
      { authorize: authorize({ code_challenge: 'E9Melhoa2OwvFrEMTJguCHaoeK1t8URWbuGJSstw+cM=' }) },
      ['challenge_not_base64url'],
    ],
    [
      'challenge as hex',
      { authorize: authorize({ code_challenge: '13d31e961a1ad8ec2f16b10c4c982e0876a878ad6df144566ee1894acb70f9c3' }) },
      ['challenge_hex_encoded', 'challenge_malformed'],
    ],
    ['token request to the API host', { url: 'https://api.mypurecloud.com/oauth/token' }, ['token_on_api_host']],
    ['authorize on the API host', { authorize: authorize({}, 'api.mypurecloud.com') }, ['authorize_on_api_host']],
    ['token request to another region', { url: 'https://login.mypurecloud.ie/oauth/token' }, ['region_mismatch']],
    ['client secret in the body', { body: body({ client_secret: 'shh-secret' }) }, ['client_secret_sent']],
    [
      'Basic auth header',
      {
        headers: {
          'Content-Type': 'application/x-www-form-urlencoded',
          Authorization: `Basic ${btoa('cid:shh-secret')}`,
        },
      },
      ['basic_auth_sent'],
    ],
    ['client_id missing', { body: body({ client_id: null }) }, ['client_id_missing']],
    ['client_id differs', { body: body({ client_id: 'other' }) }, ['client_id_mismatch']],
    ['redirect_uri with a trailing slash', { body: body({ redirect_uri: `${REDIRECT}/` }) }, ['redirect_uri_mismatch']],
    ['redirect_uri missing', { body: body({ redirect_uri: null }) }, ['redirect_uri_missing']],
    [
      'JSON content type',
      {
        headers: { 'Content-Type': 'application/json' },
        body: JSON.stringify(Object.fromEntries(new URLSearchParams(body()))),
      },
      ['content_type_wrong'],
    ],
    ['grant_type typo', { body: body({ grant_type: 'authorisation_code' }) }, ['grant_type_invalid']],
    ['grant_type missing', { body: body({ grant_type: null }) }, ['grant_type_missing']],
    ['code missing', { body: body({ code: null }) }, ['code_missing']],
    ['GET instead of POST', { method: 'GET' }, ['token_method_not_post']],
    [
      'parameters in the token URL',
      { url: `https://login.mypurecloud.com/oauth/token?code=x&code_verifier=${VERIFIER}` },
      ['params_in_url'],
    ],
    ['wrong token path', { url: 'https://login.mypurecloud.com/oauth/tokens' }, ['token_path_wrong']],
    ['implicit grant response_type', { authorize: authorize({ response_type: 'token' }) }, ['response_type_not_code']],
  ];
  it.each(cases)('%s', async (_name, over, expected) => {
    const d = await diagnose(record(over));
    expect(errorCodes(d)).toEqual([...expected].sort());
    expect(d.ok).toBe(false);
    for (const f of d.findings) {
      expect(f.message.length).toBeGreaterThan(10);
      expect(f.fix.length).toBeGreaterThan(5);
    }
  });

  it('warns about a missing state, and says what it could not check', async () => {
    const d = await diagnose({ tokenRequest: record().tokenRequest! });
    expect(d.findings.map((f) => f.code)).toContain('authorize_missing');
    const noState = await diagnose(record({ authorize: authorize({ state: null }) }));
    expect(noState.findings.find((f) => f.code === 'state_missing')?.severity).toBe('warning');
  });

  it('names an authorize error from the callback URL, with a fix per error', async () => {
    const d = await diagnose({
      authorizeUrl: authorize({ scope: 'admin' }),
      callbackUrl: `${REDIRECT}?error=invalid_scope&error_description=scope+not+allowed&state=s1`,
    });
    const f = d.findings.find((x) => x.code === 'authorize_refused')!;
    expect(f.severity).toBe('error');
    expect(f.message).toContain('invalid_scope: scope not allowed');
    expect(f.fix).toContain('Admin > OAuth');
  });

  it('names invalid_client and the configured region', async () => {
    const d = await diagnose({
      ...record({ response: { status: 400, body: '{"error":"invalid_client","description":"client not found"}' } }),
      region: 'eu_west_1',
    });
    expect(errorCodes(d)).toEqual(['invalid_client', 'region_mismatch']);
  });

  it('never puts the secret, the full verifier or the code in its output', async () => {
    const d = await diagnose(
      record({
        headers: {
          'Content-Type': 'application/x-www-form-urlencoded',
          Authorization: `Basic ${btoa('cid:shh-secret')}`,
        },
        body: body({ client_secret: 'shh-secret-2', code_verifier: `${VERIFIER}=` }),
      }),
    );
    const text = JSON.stringify(d);
    expect(text).not.toContain('shh-secret');
    expect(text).not.toContain(btoa('cid:shh-secret'));
    expect(text).not.toContain(VERIFIER);
    expect(text).not.toContain('the-code');
  });

  it('redacts the values a finding carries for other languages as it redacts its text', async () => {
    const d = await diagnose(
      record({
        url: 'https://login.mypurecloud.com/oauth/token/the-code',
        body: body({ client_secret: 'shh-secret-2', grant_type: 'shh-secret-2' }),
      }),
    );
    const values = (code: string) => d.findings.find((f) => f.code === code)?.values;
    expect(values('token_path_wrong')).toEqual({ path: '/oauth/token/<redacted>' });
    expect(values('grant_type_invalid')).toEqual({ grantType: '"<redacted>"', typo: 'no' });
    expect(JSON.stringify(d)).not.toContain('shh-secret');
  });
});

describe('diagnose: the forum post', () => {
  const forumCauses = ['authorize_on_api_host', 'basic_auth_sent', 'client_id_missing', 'token_on_api_host'];

  it('names the real causes in the request the post describes', async () => {
    const d = await diagnose(JSON.parse(await fixture('forum-post-exchange.json')) as ExchangeRecord);
    expect(errorCodes(d)).toEqual(forumCauses);
    const basic = d.findings.find((f) => f.code === 'basic_auth_sent')!;
    expect(basic.evidence).toContain('7de3af06'); // who: the client id, so the user recognises it
    expect(basic.evidence).not.toContain('s3cret');
    expect(d.findings.find((f) => f.code === 'token_on_api_host')!.fix).toContain(
      'https://login.mypurecloud.com/oauth/token',
    );
  });

  it('reads the same request as pasted curl text with the authorize URL and response beside it', async () => {
    const d = await diagnose(await fixture('forum-post.curl.txt'));
    expect(errorCodes(d)).toEqual(forumCauses);
  });

  it('reads a HAR export: padded, standard-base64 verifier and a trailing-slash redirect', async () => {
    const d = await diagnose(JSON.parse(await fixture('padded-verifier.har')) as object);
    expect(errorCodes(d)).toEqual(['redirect_uri_mismatch', 'verifier_not_base64url', 'verifier_padded']);
    expect(d.findings.find((f) => f.code === 'redirect_uri_mismatch')!.message).toContain('trailing slash');
  });
});

describe('diagnose: real failed exchanges against oidc-provider', () => {
  it('names challenge_mismatch for a tampered verifier and code_reused_or_expired for a replay', async () => {
    const peer = await startOidcPeer();
    try {
      const storage = createMemoryStorage();
      const { url } = await startSignIn({
        clientId: peer.clientId,
        redirectUri: peer.redirectUri,
        scope: peer.scope,
        loginBaseUrl: peer.issuer,
        storage,
        verifier: VERIFIER,
      });
      const code = new URL(await followLoginToCallback(url, peer.redirectUri)).searchParams.get('code')!;
      const send = async (verifier: string) => {
        const tokenRequest = {
          url: `${peer.issuer}/oauth/token`,
          method: 'POST',
          headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
          body: new URLSearchParams({
            grant_type: 'authorization_code',
            code,
            client_id: peer.clientId,
            redirect_uri: peer.redirectUri,
            code_verifier: verifier,
          }).toString(),
        };
        const res = await fetch(tokenRequest.url, {
          method: 'POST',
          headers: tokenRequest.headers,
          body: tokenRequest.body,
        });
        return { authorizeUrl: url, tokenRequest, response: { status: res.status, body: await res.text() } };
      };
      const tampered = await send('B'.repeat(43));
      expect(tampered.response.status).toBe(400);
      expect(errorCodes(await diagnose(tampered))).toEqual(['challenge_mismatch']);

      const good = await send(VERIFIER);
      expect(good.response.status).toBe(200);
      const replay = await send(VERIFIER);
      expect(replay.response.status).toBe(400);
      const d = await diagnose(replay);
      expect(errorCodes(d)).toEqual([]);
      expect(d.findings.map((f) => f.code)).toContain('code_reused_or_expired');
    } finally {
      await peer.close();
    }
  });
});
