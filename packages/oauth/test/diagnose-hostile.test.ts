// Regression tests for the red-team findings against diagnose() and `adhere doctor` (issue 11, items 6–8).
import { describe, expect, it } from 'vitest';
import { OAuthError, diagnose } from '@adhere/oauth';
import { VERIFIER } from '@adhere/testing/exchange';
import { runCli } from '../src/cli/doctor.js';

const SECRET = 'super-secret-value-123';
const CODE = 'AuthCode-abcdef-987654';
const AUTHORIZE = 'https://login.mypurecloud.com/oauth/authorize';

async function cli(input: string, json = false) {
  let out = '';
  let err = '';
  const code = await runCli(['doctor', '-', ...(json ? ['--json'] : [])], {
    stdout: (t) => void (out += t),
    stderr: (t) => void (err += t),
    readStdin: async () => input,
  });
  return { code, out, err };
}

describe('6. no finding, in any output, shows a secret', () => {
  const cases: Array<[string, object, string[]]> = [
    [
      'a token URL without scheme carrying client_secret, code and code_verifier',
      {
        tokenRequest: {
          url: `login.mypurecloud.com/oauth/token?client_secret=${SECRET}&code=${CODE}&code_verifier=${VERIFIER}`,
          method: 'POST',
          body: 'grant_type=authorization_code',
        },
      },
      [SECRET, CODE, VERIFIER],
    ],
    [
      'a plain challenge equal to the verifier',
      {
        authorizeUrl: `${AUTHORIZE}?response_type=code&client_id=c&code_challenge=${VERIFIER}x&code_challenge_method=plain&state=s`,
        tokenRequest: {
          url: 'https://login.mypurecloud.com/oauth/token',
          headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
          body: `grant_type=authorization_code&code=${CODE}&client_id=c&redirect_uri=https://app/cb&code_verifier=${VERIFIER}x`,
        },
      },
      [`${VERIFIER}x`, CODE],
    ],
    [
      'a redirect_uri carrying ?code=',
      {
        authorizeUrl: `${AUTHORIZE}?${new URLSearchParams({
          response_type: 'code',
          client_id: 'c',
          redirect_uri: `https://app/cb?code=${CODE}`,
          code_challenge: 'E9Melhoa2OwvFrEMTJguCHaoeK1t8URWbuGJSstw-cM',
          code_challenge_method: 'S256',
          state: 's',
        })}`,
        tokenRequest: {
          url: 'https://login.mypurecloud.com/oauth/token',
          headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
          body: new URLSearchParams({
            grant_type: 'authorization_code',
            code: 'x1',
            client_id: 'c',
            redirect_uri: `https://app/cb?code=${CODE}&z`,
            code_verifier: VERIFIER,
          }).toString(),
        },
      },
      [CODE],
    ],
  ];
  it.each(cases)('%s', async (_name, record, secrets) => {
    const result = await diagnose(record);
    expect(result.findings.length).toBeGreaterThan(0);
    const text = await cli(JSON.stringify(record));
    const json = await cli(JSON.stringify(record), true);
    for (const output of [JSON.stringify(result), text.out, json.out])
      for (const s of secrets) expect(output).not.toContain(s);
    expect(text.out).toContain('<redacted>');
  });
});

describe('7. linear time for any input', () => {
  // Before the fix: "http://" × 40,000 took 10.5 s and 1 MB did not finish in 40 s; a padded 98 KB verifier 7.1 s.
  // Each must now complete well inside the test timeout.
  it.each([
    ['"http://" repeated to 1 MB', 'http://'.repeat(150_000)],
    [
      'a 1 MB verifier of "="',
      `curl https://login.mypurecloud.com/oauth/token -d 'code_verifier=${'='.repeat(1_000_000)}x'`,
    ],
    ['"/oauth/authorize?" repeated', '/oauth/authorize?'.repeat(60_000)],
    ['secret parameters repeated', `curl https://x/oauth/token -d '${'code=a&'.repeat(150_000)}'`],
  ])('%s', async (_name, input) => {
    await expect(diagnose(input)).resolves.toHaveProperty('findings');
  });

  it('input over 10 MB is refused with a typed error, not read', async () => {
    await expect(diagnose('x'.repeat(10 * 1024 * 1024 + 1))).rejects.toMatchObject({
      name: 'OAuthError',
      code: 'invalid_input',
    });
  });
});

describe('8. wrong-shaped input: a clear error and exit code 2, never a stack trace', () => {
  it.each([
    [
      'method: 5',
      { tokenRequest: { url: 'https://login.mypurecloud.com/oauth/token', method: 5 } },
      /tokenRequest\.method must be text/,
    ],
    [
      'headers: [1]',
      { tokenRequest: { url: 'https://login.mypurecloud.com/oauth/token', headers: [1] } },
      /headers must be/,
    ],
    [
      'region: 5',
      { region: 5, authorizeUrl: 'https://login.mypurecloud.com/oauth/authorize?x=1' },
      /region must be text/,
    ],
    ['url missing', { tokenRequest: { method: 'POST' } }, /tokenRequest\.url must be text/],
    [
      'a body field that is a nested object',
      {
        tokenRequest: {
          url: 'https://login.mypurecloud.com/oauth/token',
          body: { a: JSON.parse('['.repeat(500) + ']'.repeat(500)) },
        },
      },
      /body must be text or an object of text fields/,
    ],
  ])('%s', async (_name, record, message) => {
    await expect(diagnose(record)).rejects.toBeInstanceOf(OAuthError);
    const r = await cli(JSON.stringify(record));
    expect(r.code).toBe(2);
    expect(r.err).toMatch(message);
    expect(r.err).not.toMatch(/\n\s+at /);
  });

  it('a JSON body nested 200,000 deep is diagnosed, not serialised', async () => {
    const deep = '{"code_verifier":' + '['.repeat(200_000) + ']'.repeat(200_000) + '}';
    const r = await cli(
      JSON.stringify({
        tokenRequest: {
          url: 'https://login.mypurecloud.com/oauth/token',
          headers: { 'Content-Type': 'application/json' },
          body: deep,
        },
      }),
    );
    expect([0, 1]).toContain(r.code);
    expect(r.out).toContain('content_type_wrong');
  });

  const har = (entries: unknown[]) => JSON.stringify({ log: { version: '1.2', entries } });
  const tokenEntry = (postData: object, content: object = { text: '{"error":"invalid_grant"}' }) => ({
    request: {
      method: 'POST',
      url: 'https://login.mypurecloud.com/oauth/token',
      headers: [{ name: 'Content-Type', value: 'application/x-www-form-urlencoded' }],
      postData,
    },
    response: { status: 400, headers: [], content },
  });
  it.each([
    [
      'a "%" parameter name',
      har([
        tokenEntry({
          mimeType: 'application/x-www-form-urlencoded',
          params: [
            { name: '%', value: '%E0%A4%A' },
            { name: 'code_verifier', value: 'short' },
          ],
        }),
      ]),
    ],
    [
      'bad base64 content',
      har([
        tokenEntry(
          { text: 'grant_type=authorization_code&code_verifier=short' },
          { text: '!!not base64!!', encoding: 'base64' },
        ),
      ]),
    ],
    [
      'null entries',
      har([null, 5, { request: null }, tokenEntry({ text: 'grant_type=authorization_code&code_verifier=short' })]),
    ],
  ])('a valid HAR with %s is diagnosed', async (_name, input) => {
    const r = await cli(input);
    expect(r.err).toBe('');
    expect(r.code).toBe(1);
    expect(r.out).toContain('verifier_length');
  });
});
