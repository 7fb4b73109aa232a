// Issue 21, item 2: diagnose()'s findings and config.json's refusals in the page's language. Every finding code, in
// each of its wordings, is produced from real input; the catalogue's English must be the library's sentence, word
// for word (so the values carry everything the sentence says), and every language must say it without a gap.
import { createHash } from 'node:crypto';
import { afterAll, describe, expect, it } from 'vitest';
import { checkConfigText, diagnose, type ExchangeRecord, type Finding } from '@adhere/oauth';
import { readFixture } from '@adhere/testing/fixtures';
import { CHALLENGE, REDIRECT, VERIFIER, authorizeUrl as authorize, tokenForm as form } from '@adhere/testing/exchange';
import { findingMessages } from '../src/diagnostics/finding-words.js';
import { EVIDENCE_NOTATION, evidenceWords } from '../src/diagnostics/evidence-words.js';
import { said, switchLocale } from '../src/i18n/i18n.js';
import { en } from '../src/i18n/messages/en.js';
import { LOCALES } from '../src/i18n/locales.js';

const LOGIN = 'https://login.mypurecloud.com/oauth/token';
const FORM_TYPE = { 'Content-Type': 'application/x-www-form-urlencoded' };
function record(
  over: {
    authorize?: string | null;
    url?: string;
    method?: string;
    headers?: Record<string, string>;
    body?: string;
  } & Omit<ExchangeRecord, 'authorizeUrl' | 'tokenRequest'> = {},
): ExchangeRecord {
  const { authorize: a, url, method, headers, body, ...rest } = over;
  return {
    ...(a === null ? {} : { authorizeUrl: a ?? authorize() }),
    tokenRequest: { url: url ?? LOGIN, method: method ?? 'POST', headers: headers ?? FORM_TYPE, body: body ?? form() },
    response: { status: 400, body: { error: 'invalid_grant' } },
    ...rest,
  };
}
/** Each error the login server may send back (RFC 6749 §4.1.2.1), and one it does not define. */
const AUTHORIZE_ERRORS = [
  'invalid_scope',
  'unauthorized_client',
  'unsupported_response_type',
  'access_denied',
  'invalid_request',
  'server_error',
  'temporarily_unavailable',
  'weird_error',
] as const;
const standardB64 = CHALLENGE.replace(/-/g, '+').replace(/_/g, '/') + '=';

const EXCHANGES: Array<ExchangeRecord | string> = [
  record(),
  record({ authorize: null }),
  {},
  record({
    authorize: authorize(
      { response_type: 'token', client_id: null, state: null, code_challenge: null, code_challenge_method: null },
      'api.mypurecloud.com',
    ),
  }),
  record({
    authorize: authorize({ response_type: 'id_token', code_challenge_method: 'plain', code_challenge: 'abc' }),
  }),
  record({ authorize: authorize({ code_challenge: standardB64 }) }),
  record({ authorize: authorize({ code_challenge: VERIFIER }) }),
  record({
    authorize: authorize({
      code_challenge: createHash('sha256').update(VERIFIER).digest('hex'),
    }),
  }),
  record({ body: form({ code_verifier: 'A'.repeat(43) }) }),
  record({ url: 'not a url' }),
  record({ url: 'https://api.mypurecloud.com/oauth/tokens?code=x&code_verifier=y' }),
  record({ url: 'https://login.mypurecloud.ie/oauth/token' }),
  record({ region: 'eu_west_1' }),
  record({ method: 'GET' }),
  record({
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify({ grant_type: 'authorization_code' }),
  }),
  record({ headers: {} }),
  record({ body: form({ grant_type: null }) }),
  record({ body: form({ grant_type: 'authorisation_code' }) }),
  record({ body: form({ grant_type: 'password' }) }),
  record({
    body: form({ code: null, client_id: null, redirect_uri: null, code_verifier: null, client_secret: 'hunter22' }),
  }),
  record({ headers: { ...FORM_TYPE, Authorization: `Basic ${btoa('cid:hunter22')}` } }),
  record({ headers: { ...FORM_TYPE, Authorization: 'Bearer abcdef' } }),
  record({ body: form({ client_id: 'other' }) }),
  ...[`${REDIRECT}/`, REDIRECT.toUpperCase(), REDIRECT.replace(':3000/', '%3A3000/'), 'https://localhost:3000/callback']
    .concat(['http://localhost:4000/callback', 'http://localhost:3000/elsewhere'])
    .map((redirect_uri) => record({ body: form({ redirect_uri }) })),
  record({ body: form({ code_verifier: `${VERIFIER}=` }) }),
  record({ body: form({ code_verifier: `${VERIFIER.slice(0, 40)}+/!` }) }),
  record({ body: form({ code_verifier: 'short' }) }),
  { ...record(), response: { status: 401, body: { error: 'invalid_client' } } },
  { ...record(), response: { status: 400, body: { error: 'unauthorized_client' } } },
  ...AUTHORIZE_ERRORS.map((error, i) => ({
    callbackUrl: `${REDIRECT}?error=${error}${i % 2 ? '&error_description=Nope' : ''}&state=s1`,
  })),
  `client.setEnvironment('mypurecloud.ie');\nclient.loginClientCredentialsGrant(clientId, clientSecret);`,
  `$.post('${LOGIN}', { grant_type: 'authorization_code', code, client_id, client_secret: clientSecret, redirect_uri, code_verifier })`,
  `const codeVerifier = btoa(String.fromCharCode(...crypto.getRandomValues(new Uint8Array(32))));\nfetch('${LOGIN}', { method: 'POST', body: new URLSearchParams({ grant_type: 'authorization_code', code, client_id, redirect_uri, code_verifier: codeVerifier }) })`,
];

const GOOD = {
  region: 'eu_west_1',
  clientId: '0b4e3d52-9c5a-4c53-9d0e-2a7f0d6f1c11',
  redirectUri: 'https://a.example/callback',
};
const CONFIGS: string[] = [
  ' '.repeat(70_000),
  '{"region": ',
  '[]',
  '{}',
  JSON.stringify({ ...GOOD, region: 'mars' }),
  JSON.stringify({ ...GOOD, region: undefined, loginBaseUrl: 'https://api.mypurecloud.com' }),
  JSON.stringify({ ...GOOD, clientId: 'my-client' }),
  JSON.stringify({ ...GOOD, auth: { clientSecret: 'x' }, colour: 'blue' }),
  JSON.stringify({ ...GOOD, embeddable: 'yes' }),
  JSON.stringify({ ...GOOD, region: 'eusc_de_east_1', embeddable: true }),
  JSON.stringify({ ...GOOD, region: undefined, loginBaseUrl: 'http://localhost:4010', embeddable: true }),
  JSON.stringify({ ...GOOD, redirectUri: 'https://u:p@a.example/callback' }),
  JSON.stringify({ ...GOOD, redirectUri: 'callback#x' }),
  JSON.stringify({ ...GOOD, redirectUri: 'http://a.example/callback' }),
  JSON.stringify({ ...GOOD, scope: 5 }),
  JSON.stringify({ ...GOOD, scope: 'workforce-management wfm:all' }),
];

async function allFindings(): Promise<Finding[]> {
  const out: Finding[] = [];
  // The forum post's own code too: values from variables ("<from clientSecret>"), a Basic header's user.
  for (const e of [...EXCHANGES, await readFixture('forum-post.txt'), await readFixture('forum-post.curl.txt')])
    out.push(...(await diagnose(e)).findings);
  for (const c of CONFIGS) out.push(...checkConfigText(c).findings);
  return out;
}

afterAll(() => switchLocale('en'));

describe('findings in the page’s language', () => {
  it('the corpus produces every finding code the catalogue has, and each wording of it', async () => {
    const findings = await allFindings();
    const codes = new Set(findings.map((f) => f.code));
    const catalogued = Object.keys(en)
      .filter((k) => k.startsWith('oauth.') && !k.endsWith('.fix'))
      .map((k) => k.slice('oauth.'.length));
    expect([...codes].sort()).toEqual(catalogued.sort());
    // Each choice a message makes is made every way somewhere in the corpus.
    for (const [code, key, choices] of [
      ['region_mismatch', 'kind', ['requests', 'configured']],
      ['client_secret_sent', 'via', ['body', 'client_credentials']],
      ['verifier_not_base64url', 'via', ['value', 'btoa']],
      ['basic_auth_sent', 'scheme', ['basic', 'other']],
      [
        'redirect_uri_mismatch',
        'difference',
        ['trailing_slash', 'letter_case', 'percent_encoding', 'scheme', 'host', 'other'],
      ],
      ['response_type_not_code', 'implicit', ['yes', 'no']],
      ['grant_type_invalid', 'typo', ['yes', 'no']],
      ['content_type_wrong', 'given', ['yes', 'no']],
      ['content_type_wrong', 'json', ['yes', 'no']],
      ['code_reused_or_expired', 'authorizeGiven', ['yes', 'no']],
      ['authorize_refused', 'described', ['yes', 'no']],
      ['authorize_refused', 'error', AUTHORIZE_ERRORS],
      ['config_embeddable_invalid', 'kind', ['not_boolean', 'no_apps_host', 'no_region']],
      ['config_redirect_invalid', 'kind', ['credentials', 'not_absolute']],
    ] as const) {
      const seen = new Set(findings.filter((f) => f.code === code).map((f) => f.values?.[key]));
      expect([code, key, [...seen].sort()]).toEqual([code, key, [...choices].sort()]);
    }
  });

  it('in English, the catalogue says exactly what the library says', async () => {
    await switchLocale('en');
    for (const f of await allFindings()) {
      const { message, fix } = findingMessages(f);
      expect([f.code, said(message)]).toEqual([f.code, f.message]);
      expect([f.code, said(fix)]).toEqual([f.code, f.fix]);
    }
  });

  it.each(LOCALES.filter((l) => l !== 'en'))(
    'in %s, every finding is said in full and differs from English',
    async (locale) => {
      const findings = await allFindings();
      await switchLocale(locale);
      for (const f of findings) {
        const { message, fix } = findingMessages(f);
        for (const [text, english] of [
          [said(message), f.message],
          [said(fix), f.fix],
        ] as const) {
          // No argument left unsaid (a literal brace only where the English has one: a JSON example).
          expect(text, f.code).not.toMatch(/[{}]/.test(english) ? /\{[a-zA-Z]+\}/ : /[{}]/);
          expect(text.length, f.code).toBeGreaterThan(0);
        }
        expect(said(message), `${locale} ${f.code} is English`).not.toBe(f.message);
        // Values reach the sentence: a host, path or length the English names is named in the translation too.
        for (const v of Object.values(f.values ?? {}))
          if (typeof v === 'string' && v.length > 3 && !/^[a-z_]+$/.test(v) && f.message.includes(v))
            expect(said(message), `${locale} ${f.code} drops ${v}`).toContain(v);
      }
    },
  );

  // The evidence is the request's own text, kept as it was; only the library's notation around it is said.
  const ENGLISH_NOTATION =
    /\((missing|none)\)|<redacted|<from |\bchars\b|ends with|, has "|^characters:|hex chars|^configured:|; used:|looked for/;

  it('what was seen: as it was in English, its notation in each language, no English word of it left', async () => {
    const findings = await allFindings();
    for (const pattern of EVIDENCE_NOTATION)
      expect(
        findings.some((f) => new RegExp(pattern.source).test(f.evidence)),
        `${pattern} is met`,
      ).toBe(true);
    await switchLocale('en');
    for (const f of findings)
      if (f.code !== 'token_request_missing') expect([f.code, evidenceWords(f)]).toEqual([f.code, f.evidence]);
    for (const locale of LOCALES.filter((l) => l !== 'en')) {
      await switchLocale(locale);
      for (const f of findings) expect(evidenceWords(f), `${locale} ${f.code}`).not.toMatch(ENGLISH_NOTATION);
    }
  });
});
