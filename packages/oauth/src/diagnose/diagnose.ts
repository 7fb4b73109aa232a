import { base64urlEncode } from '../base64url.js';
import { classifyGenesysHost, environmentOf } from '../regions.js';
import { curlToTokenRequest } from './curl.js';
import {
  displayValue,
  isUnknownValue,
  normalizeTokenRequest,
  parseJsonObject,
  type ExchangeRecord,
  type NormalizedTokenRequest,
} from './exchange-record.js';
import { redact, type Finding } from './finding.js';
import { readCode } from './code-reader.js';
import { harToExchange, isHar } from './har.js';
import {
  cmdToBash,
  findErrorResponse,
  looksLikeCmdCurl,
  powershellToTokenRequest,
  rawHttpToExchange,
} from './text-readers.js';
import { OAuthError } from '../errors.js';
import { MAX_DIAGNOSE_INPUT_CHARS, assertExchangeRecord } from './input.js';
import { redactFindings, secretValues } from './secrets.js';

export interface Diagnosis {
  /** Every finding, errors first. */
  findings: Finding[];
  /** True when no finding is an error. */
  ok: boolean;
}

/**
 * Names the causes of a failed Authorization Code + PKCE exchange. Accepts an ExchangeRecord, a HAR
 * object, or text (JSON of either, or a `curl` command, optionally with the authorize URL and the
 * response JSON pasted beside it).
 */
export async function diagnose(
  input: ExchangeRecord | object | string,
  overrides: Partial<ExchangeRecord> = {},
): Promise<Diagnosis> {
  return diagnoseReading(readInput(input), overrides);
}

/** `diagnose` of input already read (the CLI reads once, says what it found, then diagnoses that). */
export async function diagnoseReading(
  reading: InputReading,
  overrides: Partial<ExchangeRecord> = {},
): Promise<Diagnosis> {
  const record: ExchangeRecord = { ...reading.record, ...overrides };
  assertExchangeRecord(record);
  const findings: Finding[] = [...reading.findings];
  const add = (f: Finding) => findings.push(f);

  const authorize = record.authorizeUrl === undefined ? undefined : safeUrl(record.authorizeUrl);
  const token = record.tokenRequest ? normalizeTokenRequest(record.tokenRequest) : undefined;

  if (authorize) checkAuthorize(authorize, add);
  else
    add({
      code: 'authorize_missing',
      severity: 'info',
      message: 'No authorize URL given, so the challenge could not be checked against the verifier.',
      evidence: 'authorizeUrl: (none)',
      fix: 'Include the /oauth/authorize URL the browser was sent to.',
    });

  if (token) checkTokenRequest(token, add);
  else
    add({
      code: 'token_request_missing',
      severity: 'info',
      message: 'No token request given.',
      evidence: `looked for ${READABLE_FORMS}; found ${reading.seen.length ? reading.seen.join(', ') : 'none of these'}`,
      fix: 'Include the POST /oauth/token request (HAR, "Copy as cURL", or URL + headers + body).',
    });

  if (record.callbackUrl) checkCallback(record.callbackUrl, add);
  if (authorize && token) await checkPair(authorize, token, add);
  checkRegion(record.region, authorize, token, add);
  checkResponse(record.response, findings, add);

  const rank = { error: 0, warning: 1, info: 2 } as const;
  findings.sort((a, b) => rank[a.severity] - rank[b.severity]);
  return {
    findings: redactFindings(findings, secretValues(authorize, token, record.callbackUrl)).map((f) => ({
      ...f,
      message: displayValue(f.message),
      evidence: displayValue(f.evidence),
    })),
    ok: !findings.some((f) => f.severity === 'error'),
  };
}

/** What reading the input gave: the record, findings about the code itself, and what was recognised. */
export interface InputReading {
  record: ExchangeRecord;
  findings: Finding[];
  seen: string[];
}

/** The forms the text reader looks for, named in the "nothing found" answer. */
export const READABLE_FORMS =
  'a HAR (Chrome or Firefox), a JSON record, "Copy as cURL" (bash or cmd), "Copy as PowerShell", "Copy as fetch", ' +
  "a raw HTTP request (Fiddler, Burp), fetch/axios/jQuery/XMLHttpRequest code or the SDK's loginPKCEGrant, " +
  'an authorize URL, and the JSON error response';

/** Turns any accepted input into an ExchangeRecord. */
export function toExchangeRecord(input: ExchangeRecord | object | string): ExchangeRecord {
  return readInput(input).record;
}

export function readInput(input: ExchangeRecord | object | string): InputReading {
  if (typeof input === 'string' && input.length > MAX_DIAGNOSE_INPUT_CHARS) {
    throw new OAuthError(
      'invalid_input',
      `The input is ${input.length} characters; diagnose() reads at most ${MAX_DIAGNOSE_INPUT_CHARS}`,
    );
  }
  if (typeof input === 'string') {
    const text = input.trim();
    const json = text.startsWith('{') ? parseJsonObject(text) : undefined;
    if (json) return readInput(json);
    return readText(text);
  }
  if (isHar(input)) return { record: harToExchange(input), findings: [], seen: ['a HAR'] };
  return { record: input as ExchangeRecord, findings: [], seen: ['a JSON record'] };
}

/**
 * The first `http(s)://…/oauth/authorize?…` in free text, looked for word by word: a regex scanning from
 * every "http" to the path backtracks quadratically on text like "http://" repeated.
 */
function findAuthorizeUrl(text: string): string | undefined {
  for (const word of text.split(/[\s'"]+/)) {
    const at = word.indexOf('/oauth/authorize?');
    if (at === -1) continue;
    const scheme = word.lastIndexOf('http', at);
    if (scheme !== -1 && /^https?:\/\/[^/]+$/.test(word.slice(scheme, at))) return word.slice(scheme);
  }
  return undefined;
}

/** Code is read up to this size: a pasted login function is a few kilobytes; a log dump is not code. */
const MAX_CODE_CHARS = 1024 * 1024;

/** Free text: an authorize URL, one token request in any form people paste, and the error response, in any order. */
function readText(text: string): InputReading {
  const record: ExchangeRecord = {};
  const seen: string[] = [];
  let findings: Finding[] = [];
  const authorize = findAuthorizeUrl(text);
  if (authorize) {
    record.authorizeUrl = authorize;
    seen.push('an authorize URL');
  }
  const raw = rawHttpToExchange(text);
  const shell = looksLikeCmdCurl(text) ? cmdToBash(text) : text;
  const curl = curlCommand(shell);
  const powershell = curl ? undefined : powershellToTokenRequest(text);
  if (curl) {
    record.tokenRequest = curl;
    seen.push(shell === text ? 'a curl command' : 'a curl command (cmd)');
  } else if (powershell) {
    record.tokenRequest = powershell;
    seen.push('a PowerShell Invoke-WebRequest');
  } else if (raw.request) {
    record.tokenRequest = raw.request;
    seen.push('a raw HTTP request');
  } else if (text.length > MAX_CODE_CHARS) {
    seen.push(`text of ${text.length} characters, too long to read as code (at most ${MAX_CODE_CHARS})`);
  } else {
    const code = readCode(text);
    if (code.tokenRequest) record.tokenRequest = code.tokenRequest;
    if (code.region) record.region = code.region;
    findings = code.findings;
    seen.push(...code.seen);
  }
  const response = raw.response
    ? { status: raw.response.status, body: parseJsonObject(raw.response.body) ?? raw.response.body }
    : findErrorResponse(text);
  if (response) {
    record.response = response;
    seen.push('an error response');
  }
  return { record, findings, seen };
}

/** The curl command in the text, up to the first line not continued with a backslash. */
function curlCommand(text: string): NonNullable<ExchangeRecord['tokenRequest']> | undefined {
  const curlMatch = /(^|\s)curl\s/.exec(text);
  if (!curlMatch) return undefined;
  const lines = text.slice(curlMatch.index + curlMatch[1]!.length).split('\n');
  let end = 0;
  while (end < lines.length - 1 && /\\\s*$/.test(lines[end]!)) end++;
  return curlToTokenRequest(lines.slice(0, end + 1).join('\n'));
}

function checkAuthorize(url: URL, add: (f: Finding) => void): void {
  const host = classifyGenesysHost(url.hostname);
  if (host?.kind === 'api') {
    add({
      code: 'authorize_on_api_host',
      severity: 'error',
      message:
        `The authorize request went to the API host ${url.hostname}; Genesys serves OAuth only on ` +
        `login.${host.environment}.`,
      evidence: `${url.origin}${url.pathname}`,
      fix: `Send the browser to https://login.${host.environment}/oauth/authorize.`,
    });
  }
  const p = url.searchParams;
  const responseType = p.get('response_type');
  if (responseType !== 'code') {
    add({
      code: 'response_type_not_code',
      severity: 'error',
      message:
        `response_type is ${JSON.stringify(responseType)}; the Code grant needs ` +
        `"code"${responseType === 'token' ? ' ("token" is the implicit grant being migrated away from)' : ''}.`,
      evidence: `response_type=${responseType ?? '(missing)'}`,
      fix: 'Set response_type=code.',
    });
  }
  if (!p.get('client_id'))
    add({
      code: 'authorize_client_id_missing',
      severity: 'error',
      message: 'The authorize URL has no client_id.',
      evidence: 'client_id: (missing)',
      fix: 'Add client_id=<your OAuth client id>.',
    });
  if (!p.get('state'))
    add({
      code: 'state_missing',
      severity: 'warning',
      message:
        'The authorize URL has no state, so the callback cannot be tied to this sign-in (CSRF, and two tabs ' +
        'can swap verifiers).',
      evidence: 'state: (missing)',
      fix: 'Send a random state and keep the verifier under it; check it on the callback.',
    });
  const challenge = p.get('code_challenge');
  const method = p.get('code_challenge_method');
  if (!challenge)
    add({
      code: 'challenge_missing',
      severity: 'error',
      message: 'The authorize URL has no code_challenge, so the server cannot verify any code_verifier.',
      evidence: 'code_challenge: (missing)',
      fix: 'Add code_challenge=BASE64URL(SHA256(verifier)) and code_challenge_method=S256.',
    });
  if (method === null)
    add({
      code: 'challenge_method_missing',
      severity: 'error',
      message:
        'code_challenge_method is missing; RFC 7636 §4.3 then means "plain", and the server compares the ' +
        'verifier to the challenge text itself.',
      evidence: 'code_challenge_method: (missing)',
      fix: 'Add code_challenge_method=S256.',
    });
  else if (method !== 'S256')
    add({
      code: 'challenge_method_plain',
      severity: 'error',
      message: `code_challenge_method is ${JSON.stringify(method)}; only S256 is safe and it is what Genesys expects.`,
      evidence: `code_challenge_method=${method}`,
      fix: 'Use code_challenge_method=S256 with challenge = BASE64URL(SHA256(verifier)).',
    });
  if (challenge && !/^[A-Za-z0-9_-]{43}$/.test(challenge)) {
    const standard = /[+/=]/.test(challenge);
    add({
      code: standard ? 'challenge_not_base64url' : 'challenge_malformed',
      severity: 'error',
      message: standard
        ? 'The code_challenge is standard base64 ("+", "/" or "=" padding), not base64url; the server ' +
          'compares against the base64url form.'
        : `An S256 code_challenge is exactly 43 base64url characters; this one is ${challenge.length} characters.`,
      evidence: `code_challenge=${challenge}`,
      fix: 'Encode the SHA-256 digest as base64url: replace "+" with "-", "/" with "_" and drop "=".',
    });
  }
}

// What each authorize error (RFC 6749 §4.1.2.1) usually means for a Genesys OAuth client, and the fix.
const AUTHORIZE_ERRORS: Record<string, string> = {
  invalid_scope:
    'Request only scopes the OAuth client has been given (Admin > OAuth > the client > Scope), or add them there.',
  unauthorized_client: "Set the OAuth client's grant type to Code Authorization (with PKCE).",
  unsupported_response_type: 'Send response_type=code.',
  access_denied: "The user or an administrator declined; sign in again, or check the user's roles.",
  invalid_request:
    'Check the authorize parameters: client_id, redirect_uri, code_challenge (43 base64url chars) and ' +
    'code_challenge_method=S256.',
  server_error: 'The login service failed; try again later.',
  temporarily_unavailable: 'The login service is busy; try again shortly.',
};

function checkCallback(url: string, add: (f: Finding) => void): void {
  const p = safeUrl(url)?.searchParams;
  const error = p?.get('error');
  if (!p || !error) return;
  const description = p.get('error_description');
  add({
    code: 'authorize_refused',
    severity: 'error',
    message:
      `The login server refused the authorize request with ` +
      `${error}${description ? `: ${description}` : ''}. No code was issued, so no token request was made.`,
    evidence: `callback: error=${error}${description ? ` error_description=${description}` : ''}`,
    fix: AUTHORIZE_ERRORS[error] ?? 'Read the error_description and correct the authorize request.',
  });
}

function checkTokenRequest(req: NormalizedTokenRequest, add: (f: Finding) => void): void {
  if (isUnknownValue(req.rawUrl)) {
    // The URL comes from a variable: nothing to judge about its host or path.
  } else if (req.url === undefined) {
    add({
      code: 'token_url_invalid',
      severity: 'error',
      message: 'The token request URL is not an absolute URL.',
      evidence: req.rawUrl,
      fix: 'POST to https://login.<environment>/oauth/token.',
    });
  } else {
    const host = classifyGenesysHost(req.url.hostname);
    if (host?.kind === 'api') {
      add({
        code: 'token_on_api_host',
        severity: 'error',
        message:
          `The token request went to the API host ${req.url.hostname}; the token endpoint is on ` +
          `login.${host.environment}. The API host does not run the PKCE exchange.`,
        evidence: `${req.method} ${req.url.origin}${req.url.pathname}`,
        fix: `POST to https://login.${host.environment}/oauth/token.`,
      });
    }
    if (!req.url.pathname.replace(/\/+$/, '').endsWith('/oauth/token')) {
      add({
        code: 'token_path_wrong',
        severity: 'error',
        message: `The token request path is ${req.url.pathname}, not /oauth/token.`,
        evidence: `${req.url.origin}${req.url.pathname}`,
        fix: 'POST to /oauth/token on the login host.',
      });
    }
    const leaked = ['code', 'code_verifier', 'client_secret', 'access_token'].filter((k) =>
      req.url!.searchParams.has(k),
    );
    if (leaked.length > 0) {
      add({
        code: 'params_in_url',
        severity: 'error',
        message:
          `The token request carries ${leaked.join(', ')} in the URL query, where proxies and logs ` +
          `keep it; the server reads the form body.`,
        evidence: `query: ${leaked.map((k) => `${k}=<redacted>`).join('&')}`,
        fix: 'Send every parameter in the application/x-www-form-urlencoded body.',
      });
    }
  }
  if (req.method !== 'POST' && !isUnknownValue(req.method))
    add({
      code: 'token_method_not_post',
      severity: 'error',
      message: `The token request uses ${req.method}; RFC 6749 §4.1.3 requires POST.`,
      evidence: `method: ${req.method}`,
      fix: 'Use POST.',
    });

  const ct = req.contentType?.split(';')[0]?.trim().toLowerCase();
  if (ct !== 'application/x-www-form-urlencoded' && !isUnknownValue(ct)) {
    add({
      code: 'content_type_wrong',
      severity: 'error',
      message:
        `The token request is sent as ${ct ?? 'no content type'}${req.bodyEncoding === 'json' ? ' with a JSON body' : ''}; ` +
        'the token endpoint reads only application/x-www-form-urlencoded (RFC 6749 §4.1.3).',
      evidence: `Content-Type: ${req.contentType ?? '(missing)'}`,
      fix: 'Send body: new URLSearchParams({...}) with Content-Type: application/x-www-form-urlencoded.',
    });
  }

  const f = req.fields;
  const grantType = f.get('grant_type');
  if (grantType === undefined)
    add({
      code: 'grant_type_missing',
      severity: 'error',
      message: 'grant_type is missing from the body.',
      evidence: 'grant_type: (missing)',
      fix: 'Add grant_type=authorization_code.',
    });
  else if (grantType !== 'authorization_code' && !isUnknownValue(grantType)) {
    add({
      code: 'grant_type_invalid',
      severity: 'error',
      message:
        `grant_type is ${JSON.stringify(grantType)}; the PKCE exchange uses ` +
        `"authorization_code"${editDistance(grantType, 'authorization_code') <= 3 ? ' (a typo?)' : ''}.`,
      evidence: `grant_type=${grantType}`,
      fix: 'Set grant_type=authorization_code.',
    });
  }
  if (!f.get('code'))
    add({
      code: 'code_missing',
      severity: 'error',
      message: 'The body has no code.',
      evidence: 'code: (missing)',
      fix: "Send the code from the callback URL's query.",
    });
  if (!f.get('client_id')) {
    add({
      code: 'client_id_missing',
      severity: 'error',
      message:
        'The body has no client_id. A public PKCE client identifies itself with client_id in the body (RFC ' +
        '6749 §3.2.1), not with a Basic header.',
      evidence: 'client_id: (missing)',
      fix: 'Add client_id=<your OAuth client id> to the body.',
    });
  }
  if (f.has('client_secret')) {
    add({
      code: 'client_secret_sent',
      severity: 'error',
      message:
        'A client_secret is in the body. A browser app is a public client: its secret is readable by anyone ' +
        'who opens the page, and a PKCE code exchange must not authenticate with it.',
      evidence: `client_secret=${isUnknownValue(f.get('client_secret')) ? displayValue(f.get('client_secret')!) : redact(f.get('client_secret')!)}`,
      fix: 'Remove client_secret from the browser, and rotate the secret: it has been exposed.',
    });
  }
  const auth = req.headers.get('authorization');
  if (auth !== undefined) {
    const basic = /^basic\s+(.+)$/i.exec(auth.trim());
    let who = '';
    if (basic) {
      try {
        who = `, user "${atob(basic[1]!).split(':')[0]}"`;
      } catch {
        who = '';
      }
    }
    add({
      code: 'basic_auth_sent',
      severity: 'error',
      message: basic
        ? 'The token request sends Authorization: Basic (client id and secret). A browser PKCE client is ' +
          'public: it must not hold or send a secret, and the server rejects client authentication on a PKCE code.'
        : 'The token request sends an Authorization header; the code exchange of a public client sends none.',
      evidence: `Authorization: ${basic ? `Basic <redacted${who}>` : '<redacted>'}`,
      fix: 'Remove the Authorization header; send client_id in the body. If a secret was in browser code, rotate it.',
    });
  }
  if (!f.get('redirect_uri'))
    add({
      code: 'redirect_uri_missing',
      severity: 'error',
      message:
        "redirect_uri is missing from the body; it must repeat the authorize request's redirect_uri (RFC 6749 §4.1.3).",
      evidence: 'redirect_uri: (missing)',
      fix: 'Send the same redirect_uri as the authorize request.',
    });
  if (!isUnknownValue(f.get('code_verifier'))) checkVerifier(f.get('code_verifier'), add);
}

function checkVerifier(verifier: string | undefined, add: (f: Finding) => void): void {
  if (verifier === undefined || verifier === '') {
    add({
      code: 'verifier_missing',
      severity: 'error',
      message:
        'The body has no code_verifier, so the server cannot check the PKCE challenge (often: the verifier ' +
        'was lost across the redirect).',
      evidence: 'code_verifier: (missing)',
      fix: 'Keep the verifier in sessionStorage under the state, and send it as code_verifier.',
    });
    return;
  }
  if (verifier.endsWith('=')) {
    add({
      code: 'verifier_padded',
      severity: 'error',
      message: 'The code_verifier ends in "=" padding; "=" is not an allowed verifier character (RFC 7636 §4.1).',
      evidence: `code_verifier=${redact(verifier)}, ends with "="`,
      fix: 'base64url-encode without padding: drop trailing "=".',
    });
  }
  if (/[+/]/.test(verifier)) {
    add({
      code: 'verifier_not_base64url',
      severity: 'error',
      message:
        'The code_verifier contains "+" or "/": it is standard base64, not base64url. In a form body an ' +
        'unencoded "+" also turns into a space.',
      evidence:
        `code_verifier=${redact(verifier)}, has ` +
        `${[...new Set(verifier.match(/[+/]/g))].map((c) => `"${c}"`).join(' ')}`,
      fix: 'Replace "+" with "-" and "/" with "_" (base64url, RFC 4648 §5).',
    });
  }
  const other = [...new Set(verifier.replace(/[A-Za-z0-9\-._~+/=]/g, ''))];
  if (other.length > 0) {
    add({
      code: 'verifier_bad_charset',
      severity: 'error',
      message: 'The code_verifier has characters RFC 7636 §4.1 does not allow (only A–Z a–z 0–9 - . _ ~).',
      evidence: `characters: ${other.map((c) => JSON.stringify(c)).join(' ')}`,
      fix: 'Generate the verifier as base64url of 32 random bytes.',
    });
  }
  if (verifier.length < 43 || verifier.length > 128) {
    add({
      code: 'verifier_length',
      severity: 'error',
      message: `The code_verifier is ${verifier.length} characters; RFC 7636 §4.1 requires 43 to 128.`,
      evidence: `code_verifier=${redact(verifier)}`,
      fix: 'Use 32 random bytes, base64url-encoded: 43 characters.',
    });
  }
}

async function checkPair(authorize: URL, token: NormalizedTokenRequest, add: (f: Finding) => void): Promise<void> {
  const a = authorize.searchParams;
  const f = token.fields;
  const authClient = a.get('client_id');
  const tokenClient = f.get('client_id');
  if (authClient && tokenClient && authClient !== tokenClient && !isUnknownValue(tokenClient)) {
    add({
      code: 'client_id_mismatch',
      severity: 'error',
      message: "The client_id of the token request differs from the authorize request's.",
      evidence: `authorize: ${authClient}; token: ${tokenClient}`,
      fix: 'Use one client id for both requests.',
    });
  }
  const authRedirect = a.get('redirect_uri');
  const tokenRedirect = f.get('redirect_uri');
  if (
    authRedirect !== null &&
    tokenRedirect !== undefined &&
    authRedirect !== tokenRedirect &&
    !isUnknownValue(tokenRedirect)
  ) {
    add({
      code: 'redirect_uri_mismatch',
      severity: 'error',
      message:
        `redirect_uri differs between the authorize and token ` +
        `requests${describeDifference(authRedirect, tokenRedirect)}; it must match character for character.`,
      evidence: `authorize: ${authRedirect}; token: ${tokenRedirect}`,
      fix: "Send exactly the authorize request's redirect_uri in the token request.",
    });
  }
  const challenge = a.get('code_challenge');
  const verifier = f.get('code_verifier');
  if (!challenge || !verifier || isUnknownValue(verifier)) return;
  const expected = await sha256Base64url(verifier);
  if (challenge === expected) return;
  if (challenge === verifier) {
    add({
      code: 'challenge_is_verifier',
      severity: 'error',
      message: 'The code_challenge is the verifier itself (the "plain" method), not its SHA-256.',
      evidence: `code_challenge = code_verifier = ${redact(verifier)}`,
      fix: 'Send code_challenge=BASE64URL(SHA256(verifier)) with code_challenge_method=S256.',
    });
    return;
  }
  const digest = await sha256(verifier);
  const hex = [...digest].map((b) => b.toString(16).padStart(2, '0')).join('');
  if (challenge.toLowerCase() === hex) {
    add({
      code: 'challenge_hex_encoded',
      severity: 'error',
      message: 'The code_challenge is the SHA-256 digest in hex; it must be base64url.',
      evidence: `code_challenge has 64 hex chars`,
      fix: 'Encode the raw digest bytes as base64url (43 chars).',
    });
    return;
  }
  const standard = btoa(String.fromCharCode(...digest));
  if (challenge === standard || challenge === standard.replace(/=+$/, '')) return; // already named by challenge_not_base64url
  add({
    code: 'challenge_mismatch',
    severity: 'error',
    message:
      'SHA-256 of this code_verifier is not the code_challenge sent to /oauth/authorize: the verifier is not ' +
      'the one the login started with (lost across the redirect, overwritten by a second login tab, or ' +
      'regenerated when the callback ran).',
    evidence: `BASE64URL(SHA256(verifier)) = ${expected}; code_challenge = ${challenge}`,
    fix: "Store the verifier under the state before redirecting, read it back by the callback's state, and never regenerate it on the callback page.",
  });
}

function checkRegion(
  region: string | undefined,
  authorize: URL | undefined,
  token: NormalizedTokenRequest | undefined,
  add: (f: Finding) => void,
): void {
  const authEnv = authorize ? classifyGenesysHost(authorize.hostname)?.environment : undefined;
  const tokenEnv = token?.url ? classifyGenesysHost(token.url.hostname)?.environment : undefined;
  if (authEnv && tokenEnv && authEnv !== tokenEnv) {
    add({
      code: 'region_mismatch',
      severity: 'error',
      message:
        `The authorize request went to ${authEnv} but the token request to ${tokenEnv}; a code is only ` +
        `valid in the region that issued it.`,
      evidence: `authorize: ${authorize!.hostname}; token: ${token!.url!.hostname}`,
      fix: `Use login.${authEnv} for both.`,
    });
    return;
  }
  const expected = region === undefined ? undefined : environmentOf(region);
  const seen = tokenEnv ?? authEnv;
  if (expected && seen && expected !== seen) {
    add({
      code: 'region_mismatch',
      severity: 'error',
      message:
        `The app is configured for ${expected} but the requests went to ${seen}; the OAuth client ` +
        `exists only in its own region.`,
      evidence: `configured: ${region}; used: ${seen}`,
      fix: `Use https://login.${expected}.`,
    });
  }
}

function checkResponse(response: ExchangeRecord['response'], findings: Finding[], add: (f: Finding) => void): void {
  if (!response) return;
  const body = typeof response.body === 'string' ? (parseJsonObject(response.body) ?? {}) : (response.body ?? {});
  const error = typeof body.error === 'string' ? body.error : undefined;
  const desc = [body.error_description, body.description].find((d): d is string => typeof d === 'string');
  const said = `HTTP ${response.status ?? '?'} ${error ?? ''}${desc ? ` "${desc}"` : ''}`.trim();
  const errorsSoFar = findings.filter((f) => f.severity === 'error').length;
  if (error === 'invalid_grant' && errorsSoFar === 0) {
    add({
      code: 'code_reused_or_expired',
      severity: 'warning',
      message: findings.some((f) => f.code === 'authorize_missing')
        ? 'The request itself is well formed. invalid_grant then means: the code was already used (callback ' +
          'ran twice), the code expired, or the verifier is from another sign-in (give the authorize URL to ' +
          'check this).'
        : 'The request is well formed and the verifier matches the challenge. invalid_grant then means the ' +
          'code was already used (the callback ran twice, or the page was reloaded) or expired.',
      evidence: said,
      fix: 'Exchange each code once, right after the redirect; make the callback idempotent (completeSignIn does).',
    });
  } else if (error === 'invalid_client') {
    add({
      code: 'invalid_client',
      severity: 'error',
      message:
        'The server does not accept this client: unknown client_id, a client of another region, or one not of ' +
        'the Code Authorization (PKCE) type.',
      evidence: said,
      fix:
        'Check the client id in Admin > OAuth of the same region, and that its grant type is Code ' +
        'Authorization with PKCE.',
    });
  } else if (error === 'unauthorized_client') {
    add({
      code: 'unauthorized_client',
      severity: 'error',
      message: 'The client is not allowed this grant type.',
      evidence: said,
      fix: "In Admin > OAuth, set the client's grant type to Code Authorization.",
    });
  }
}

function describeDifference(a: string, b: string): string {
  if (a.replace(/\/+$/, '') === b.replace(/\/+$/, '')) return ' (a trailing slash)';
  if (a.toLowerCase() === b.toLowerCase()) return ' (letter case)';
  if (safeDecode(a) === safeDecode(b)) return ' (one is percent-encoded, the other not)';
  const sa = safeUrl(a);
  const sb = safeUrl(b);
  if (sa && sb && sa.protocol !== sb.protocol) return ' (http vs https)';
  if (sa && sb && sa.host !== sb.host) return ' (host or port)';
  return '';
}

function safeDecode(s: string): string {
  try {
    return decodeURIComponent(s);
  } catch {
    return s;
  }
}

function safeUrl(s: string): URL | undefined {
  try {
    return new URL(s);
  } catch {
    return undefined;
  }
}

async function sha256(text: string): Promise<Uint8Array> {
  return new Uint8Array(await crypto.subtle.digest('SHA-256', new TextEncoder().encode(text)));
}

async function sha256Base64url(text: string): Promise<string> {
  return base64urlEncode(await sha256(text));
}

function editDistance(a: string, b: string): number {
  const row = Array.from({ length: b.length + 1 }, (_, i) => i);
  for (let i = 1; i <= a.length; i++) {
    let prev = row[0]!;
    row[0] = i;
    for (let j = 1; j <= b.length; j++) {
      const tmp = row[j]!;
      row[j] = Math.min(row[j]! + 1, row[j - 1]! + 1, prev + (a[i - 1] === b[j - 1] ? 0 : 1));
      prev = tmp;
    }
  }
  return row[b.length]!;
}
