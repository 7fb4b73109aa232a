// What people actually paste into `adhere doctor` and the Doctor page: JavaScript (fetch, axios, jQuery, XHR,
// the official SDK), DevTools' "Copy as fetch / fetch (Node.js) / cURL (bash) / cURL (cmd) / PowerShell",
// Chrome's and Firefox's HAR, raw HTTP as Fiddler or Burp show it, and several of these pasted together.
// Each case asserts the exact set of errors found.
import { describe, expect, it } from 'vitest';
import { diagnose } from '@adhere/oauth';
import { readFixture } from '@adhere/testing/fixtures';

const V = 'dBjftJeZ4CVP-mB92K27uhbUJU1p1r_wW1gFWFOEjXk'; // RFC 7636 Appendix B
const CHALLENGE = 'E9Melhoa2OwvFrEMTJguCHaoeK1t8URWbuGJSstw-cM';
const API = 'https://api.mypurecloud.com/oauth/token';
const LOGIN = 'https://login.mypurecloud.com/oauth/token';
const REDIRECT = 'http://localhost:3000/callback';
const FORM = `grant_type=authorization_code&code=abc123&client_id=c1&redirect_uri=${encodeURIComponent(REDIRECT)}&code_verifier=${V}`;
const FORM_NO_CLIENT = `grant_type=authorization_code&code=abc123&redirect_uri=${encodeURIComponent(REDIRECT)}&code_verifier=${V}`;
const AUTHORIZE = (host: string, extra = '') =>
  `https://${host}/oauth/authorize?response_type=code&client_id=c1&redirect_uri=${encodeURIComponent(REDIRECT)}&code_challenge=${CHALLENGE}&code_challenge_method=S256&state=s${extra}`;
const RESPONSE = '{"error":"invalid_grant","error_description":"Bad verification code"}';

const errors = async (input: string | object) =>
  (await diagnose(input)).findings
    .filter((f) => f.severity === 'error')
    .map((f) => f.code)
    .sort();

const har = (entries: object[]) => ({ log: { version: '1.2', creator: { name: 'Firefox', version: '133' }, entries } });
const harEntry = (url: string, headers: Array<[string, string]>, body: string, params?: Array<[string, string]>) => ({
  request: {
    method: 'POST',
    url,
    headers: headers.map(([name, value]) => ({ name, value })),
    postData: {
      mimeType: 'application/x-www-form-urlencoded',
      text: body,
      ...(params ? { params: params.map(([name, value]) => ({ name, value })) } : {}),
    },
  },
  response: { status: 400, headers: [], content: { mimeType: 'application/json', text: RESPONSE } },
});

const cases: Array<[string, string | object, string[]]> = [
  // ---- JavaScript and TypeScript ----
  ['the forum post, pasted whole', 'FORUM', ['basic_auth_sent', 'client_id_missing', 'token_on_api_host']],
  [
    'fetch with URLSearchParams from variables, to the login host: nothing wrong',
    `const body = new URLSearchParams({ grant_type: 'authorization_code', code, client_id: clientId, redirect_uri: redirectUri, code_verifier: verifier });
     await fetch('${LOGIN}', { method: 'POST', body });`,
    [],
  ],
  [
    'fetch with a JSON body',
    `fetch('${LOGIN}', { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify({ grant_type: 'authorization_code', code, client_id: id, redirect_uri: r, code_verifier: v }) })`,
    ['content_type_wrong'],
  ],
  [
    'fetch to a const base URL on the api. host',
    `const base = 'https://api.mypurecloud.ie';\nconst tokenUrl = base + '/oauth/token';\nfetch(tokenUrl, { method: 'POST', body: new URLSearchParams({ grant_type: 'authorization_code', code, client_id, redirect_uri, code_verifier }) });`,
    ['token_on_api_host'],
  ],
  [
    'fetch whose URL is a variable it cannot see: the URL is not judged',
    `fetch(config.tokenUrl, { method: 'POST', body: new URLSearchParams({ grant_type: 'authorization_code', code, client_id, redirect_uri, code_verifier }) })`,
    [],
  ],
  [
    'fetch with a template URL on an unknown environment',
    'fetch(`https://login.${env}/oauth/token`, { method: "POST", body: new URLSearchParams({ grant_type: "authorization_code", code, client_id, redirect_uri, code_verifier }) })',
    [],
  ],
  [
    'fetch with a grant_type typo',
    `fetch('${LOGIN}', { method: 'POST', body: new URLSearchParams({ grant_type: 'authorisation_code', code, client_id, redirect_uri, code_verifier }) })`,
    ['grant_type_invalid'],
  ],
  [
    'fetch with GET',
    `fetch('${LOGIN}', { method: 'GET', body: new URLSearchParams({ grant_type: 'authorization_code', code, client_id, redirect_uri, code_verifier }) })`,
    ['token_method_not_post'],
  ],
  [
    'axios.post with auth (a Basic header) and no client_id',
    `axios.post('${LOGIN}', new URLSearchParams({ grant_type: 'authorization_code', code, redirect_uri, code_verifier }), { auth: { username: clientId, password: clientSecret } })`,
    ['basic_auth_sent', 'client_id_missing'],
  ],
  [
    'axios.post with a plain object (axios sends JSON)',
    `axios.post('${LOGIN}', { grant_type: 'authorization_code', code, client_id, redirect_uri, code_verifier })`,
    ['content_type_wrong'],
  ],
  [
    'axios({ … }) with qs.stringify and a form content type: nothing wrong',
    `axios({ method: 'post', url: '${LOGIN}', data: qs.stringify({ grant_type: 'authorization_code', code, client_id, redirect_uri, code_verifier }), headers: { 'Content-Type': 'application/x-www-form-urlencoded' } })`,
    [],
  ],
  [
    'jQuery $.ajax with a Basic header built from the secret',
    `$.ajax({ url: '${LOGIN}', type: 'POST', data: { grant_type: 'authorization_code', code: code, client_id: id, redirect_uri: uri, code_verifier: v }, headers: { Authorization: 'Basic ' + btoa(id + ':' + secret) } })`,
    ['basic_auth_sent'],
  ],
  [
    'jQuery $.post with client_secret in the body',
    `$.post('${LOGIN}', { grant_type: 'authorization_code', code, client_id, client_secret: clientSecret, redirect_uri, code_verifier })`,
    ['client_secret_sent'],
  ],
  [
    'XMLHttpRequest to the api. host',
    `const xhr = new XMLHttpRequest();\nxhr.open('POST', '${API}');\nxhr.setRequestHeader('Content-Type', 'application/x-www-form-urlencoded');\nxhr.send('${FORM}');`,
    ['token_on_api_host'],
  ],
  [
    'the official SDK with loginPKCEGrant: nothing wrong',
    `const client = platformClient.ApiClient.instance;\nclient.setEnvironment(platformClient.PureCloudRegionHosts.eu_west_1);\nclient.loginPKCEGrant(clientId, redirectUri).then(() => {});`,
    [],
  ],
  [
    'the SDK with the client-credentials grant in a browser',
    `client.setEnvironment('mypurecloud.ie');\nclient.loginClientCredentialsGrant(clientId, clientSecret);`,
    ['client_secret_sent'],
  ],
  [
    'a verifier made with btoa and no replace',
    `const codeVerifier = btoa(String.fromCharCode(...crypto.getRandomValues(new Uint8Array(32))));\nfetch('${LOGIN}', { method: 'POST', body: new URLSearchParams({ grant_type: 'authorization_code', code, client_id, redirect_uri, code_verifier: codeVerifier }) })`,
    ['verifier_not_base64url'],
  ],
  [
    'a verifier made with btoa and the base64url replaces: nothing wrong',
    `function generateCodeVerifier() {\n const array = new Uint8Array(32);\n crypto.getRandomValues(array);\n return btoa(String.fromCharCode(...array)).replace(/\\+/g, '-').replace(/\\//g, '_').replace(/=+$/, '');\n}\nfetch('${LOGIN}', { method: 'POST', body: new URLSearchParams({ grant_type: 'authorization_code', code, client_id, redirect_uri, code_verifier }) })`,
    [],
  ],
  // ---- DevTools exports ----
  [
    'Chrome "Copy as fetch"',
    `fetch("${API}", {\n  "headers": {\n    "accept": "*/*",\n    "authorization": "Basic Y2xpZW50OnNlY3JldA==",\n    "content-type": "application/x-www-form-urlencoded"\n  },\n  "referrerPolicy": "strict-origin-when-cross-origin",\n  "body": "${FORM_NO_CLIENT}",\n  "method": "POST",\n  "mode": "cors",\n  "credentials": "omit"\n});`,
    ['basic_auth_sent', 'client_id_missing', 'token_on_api_host'],
  ],
  [
    'Chrome "Copy as fetch (Node.js)"',
    `fetch("${LOGIN}", {\n  "headers": {\n    "accept": "*/*",\n    "content-type": "application/json",\n    "Referer": "http://localhost:3000/"\n  },\n  "body": "{\\"grant_type\\":\\"authorization_code\\",\\"code\\":\\"abc\\",\\"client_id\\":\\"c1\\",\\"redirect_uri\\":\\"${REDIRECT}\\",\\"code_verifier\\":\\"${V}\\"}",\n  "method": "POST"\n});`,
    ['content_type_wrong'],
  ],
  [
    '"Copy as cURL (bash)" with a padded verifier',
    `curl '${LOGIN}' \\\n  -H 'content-type: application/x-www-form-urlencoded' \\\n  --data-raw 'grant_type=authorization_code&code=abc&client_id=c1&redirect_uri=${encodeURIComponent(REDIRECT)}&code_verifier=${V}%3D'`,
    ['verifier_padded'],
  ],
  [
    '"Copy as cURL (cmd)" with ^ escapes, to the api. host',
    `curl ^"${API}^" ^\n  -H ^"content-type: application/x-www-form-urlencoded^" ^\n  --data-raw ^"${FORM.replace(/&/g, '^&').replace(/%/g, '^%')}^"`,
    ['token_on_api_host'],
  ],
  [
    '"Copy as PowerShell" with a Basic header and no client_id',
    `$session = New-Object Microsoft.PowerShell.Commands.WebRequestSession\nInvoke-WebRequest -UseBasicParsing -Uri "${API}" \`\n-Method "POST" \`\n-WebSession $session \`\n-Headers @{\n"authorization"="Basic Y2xpZW50OnNlY3JldA=="\n  "accept"="*/*"\n} \`\n-ContentType "application/x-www-form-urlencoded" \`\n-Body "${FORM_NO_CLIENT}"`,
    ['basic_auth_sent', 'client_id_missing', 'token_on_api_host'],
  ],
  [
    '"Copy as PowerShell", a good request',
    `Invoke-WebRequest -UseBasicParsing -Uri "${LOGIN}" -Method "POST" -ContentType "application/x-www-form-urlencoded" -Body "${FORM}"`,
    [],
  ],
  [
    "Firefox's HAR with client_secret in the form params",
    har([
      harEntry(LOGIN, [['Content-Type', 'application/x-www-form-urlencoded']], `${FORM}&client_secret=s3cret`, [
        ['grant_type', 'authorization_code'],
        ['client_secret', 's3cret'],
      ]),
    ]),
    ['client_secret_sent'],
  ],
  [
    "Chrome's HAR, a good request answered invalid_grant",
    har([harEntry(LOGIN, [['content-type', 'application/x-www-form-urlencoded']], FORM)]),
    [],
  ],
  // ---- raw HTTP ----
  [
    'a raw request and response as Fiddler shows them',
    `POST /oauth/token HTTP/1.1\nHost: api.mypurecloud.com\nContent-Type: application/x-www-form-urlencoded\nAuthorization: Basic Y2xpZW50OnNlY3JldA==\n\n${FORM_NO_CLIENT}\n\nHTTP/1.1 400 Bad Request\nContent-Type: application/json\n\n${RESPONSE}`,
    ['basic_auth_sent', 'client_id_missing', 'token_on_api_host'],
  ],
  [
    'a raw request as Burp shows it, a good one',
    `POST /oauth/token HTTP/2\r\nHost: login.mypurecloud.com\r\nContent-Type: application/x-www-form-urlencoded\r\n\r\n${FORM}`,
    [],
  ],
  // ---- several pasted together, in any order ----
  [
    'response, then curl, then an authorize URL on the api. host',
    `${RESPONSE}\n\ncurl '${LOGIN}' -H 'Content-Type: application/x-www-form-urlencoded' --data-raw '${FORM}'\n\nauthorize: ${AUTHORIZE('api.mypurecloud.com')}`,
    ['authorize_on_api_host'],
  ],
  [
    'authorize URL and fetch code whose verifier is not the one the challenge came from',
    `// authorize: ${AUTHORIZE('login.mypurecloud.com')}\nfetch('${LOGIN}', { method: 'POST', body: new URLSearchParams({ grant_type: 'authorization_code', code: 'abc', client_id: 'c1', redirect_uri: '${REDIRECT}', code_verifier: '${V.replace('d', 'e')}' }) })\n${RESPONSE}`,
    ['challenge_mismatch'],
  ],
  [
    'raw HTTP, then an authorize URL with a plain challenge',
    `POST /oauth/token HTTP/1.1\nHost: login.mypurecloud.com\nContent-Type: application/x-www-form-urlencoded\n\n${FORM}\n\n${AUTHORIZE('login.mypurecloud.com').replace('S256', 'plain')}`,
    ['challenge_method_plain'],
  ],
  // ---- a paste that starts with JSON and goes on with a HAR, curl or code (issue 19, item 4) ----
  [
    'the error JSON, then curl to the api. host',
    `${RESPONSE}\ncurl '${API}' \\\n  -H 'content-type: application/x-www-form-urlencoded' \\\n  --data-raw '${FORM}'`,
    ['token_on_api_host'],
  ],
  [
    'the error JSON, then a HAR with client_secret in the body',
    `${RESPONSE}\n${JSON.stringify(har([harEntry(LOGIN, [['Content-Type', 'application/x-www-form-urlencoded']], `${FORM}&client_secret=s3cret`)]), null, 2)}`,
    ['client_secret_sent'],
  ],
  [
    'the error JSON (pretty-printed), then fetch code with a Basic header and no client_id',
    `{\n  "error": "invalid_grant",\n  "description": "Bad verification code"\n}\n\nfetch('${API}', { method: 'POST', headers: { Authorization: 'Basic ' + btoa(id + ':' + secret) }, body: new URLSearchParams({ grant_type: 'authorization_code', code, redirect_uri, code_verifier }) })`,
    ['basic_auth_sent', 'client_id_missing', 'token_on_api_host'],
  ],
  [
    'a HAR, then the code that made its verifier with btoa and no replace',
    `${JSON.stringify(har([harEntry(LOGIN, [['content-type', 'application/x-www-form-urlencoded']], FORM)]))}\nconst codeVerifier = btoa(String.fromCharCode(...crypto.getRandomValues(new Uint8Array(32))));`,
    ['verifier_not_base64url'],
  ],
  [
    'code that mentions curl in a comment is still read as code',
    `// this works with curl but not in the browser\nfetch('${API}', { method: 'POST', body: new URLSearchParams({ grant_type: 'authorization_code', code, client_id, redirect_uri, code_verifier }) })`,
    ['token_on_api_host'],
  ],
];

describe('diagnose reads what people paste', () => {
  it(`reads ${cases.length} forms`, () => {
    expect(cases.length).toBeGreaterThanOrEqual(30);
  });

  it.each(cases)('%s', async (_name, input, expected) => {
    const text = input === 'FORUM' ? await readFixture('forum-post.txt') : input;
    expect(await errors(text)).toEqual([...expected].sort());
  });

  it('names code values as their variables, never guessing them', async () => {
    const d = await diagnose(
      `$.post('${LOGIN}', { grant_type: 'authorization_code', code, client_id, client_secret: clientSecret, redirect_uri, code_verifier })`,
    );
    expect(d.findings.find((f) => f.code === 'client_secret_sent')!.evidence).toBe('client_secret=<from clientSecret>');
    const basic = await diagnose(
      `fetch('${LOGIN}', { method: 'POST', headers: { Authorization: 'Basic ' + btoa(clientId + ':' + clientSecret) }, body: new URLSearchParams({ grant_type: 'authorization_code', code, client_id, redirect_uri, code_verifier }) })`,
    );
    expect(basic.findings.find((f) => f.code === 'basic_auth_sent')).toBeDefined();
  });

  it('when it finds no token request it says what it looked for and what it found instead', async () => {
    const d = await diagnose(`const url = getUrl();\nfetch(url, { method: 'POST' });`);
    const missing = d.findings.find((f) => f.code === 'token_request_missing')!;
    expect(missing.evidence).toMatch(
      /^looked for a HAR .*"Copy as PowerShell".*; found fetch\(…\) to <from getUrl\(\)>$/,
    );
    const none = await diagnose('hello, nothing here');
    expect(none.findings.find((f) => f.code === 'token_request_missing')!.evidence).toMatch(/found none of these$/);
  });

  it('hostile code is answered in bounded time: deep nesting, unbalanced brackets, binary', async () => {
    for (const input of [
      '('.repeat(200_000),
      `fetch(${'{'.repeat(100_000)}`,
      'const a = a; fetch(a, { body: a })',
      '\u0000\u0001\u00ff'.repeat(100_000),
      `${'btoa('.repeat(50_000)}`,
    ]) {
      await expect(diagnose(input)).resolves.toHaveProperty('findings');
    }
  });

  it('text over 1 MB is not read as code, and says so', async () => {
    const d = await diagnose('btoa('.repeat(2_000_000));
    expect(d.findings.find((f) => f.code === 'token_request_missing')!.evidence).toMatch(
      /found text of 10000000 characters, too long to read as code/,
    );
  });
});
