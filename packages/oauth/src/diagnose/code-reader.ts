/**
 * @module The token request that JavaScript code would send: `fetch`, axios, jQuery `$.ajax`/`$.post`,
 * `XMLHttpRequest`, and the official SDK's `loginPKCEGrant`/`authorizePKCEGrant`/`setEnvironment`. Read
 * statically (js-values.ts), never run. Values from variables are recorded as unknown, so no check judges them;
 * what the code does (a Basic header built from a secret, the api. host, a missing client_id, a verifier made
 * with btoa and no replace) is named.
 */
import type { ExchangeRecord } from './exchange-record.js';
import { displayValue, unknownValue } from './exchange-record.js';
import type { Finding } from './finding.js';
import { JsReader, literalPrefix, namesIn, tokenize, type JsValue } from './js-values.js';

export interface CodeReading {
  tokenRequest?: NonNullable<ExchangeRecord['tokenRequest']>;
  findings: Finding[];
  /** What was recognised, for the "found instead" message. */
  seen: string[];
  /** The SDK's environment, when the code sets one. */
  region?: string;
}

interface Candidate {
  via: string;
  url: JsValue | undefined;
  method: JsValue | undefined;
  headers: Array<[string, JsValue]>;
  body: JsValue | undefined;
  /** How the library encodes a plain object body. */
  objectBody: 'json' | 'form' | 'invalid';
}

const str = (v: JsValue | undefined): string | undefined => (v?.kind === 'string' ? v.value : undefined);

/** Text for a record field: the literal, or an unknown marker naming the code it came from. */
function fieldText(v: JsValue): string {
  if (v.kind === 'string') return v.value;
  const prefix = literalPrefix(v);
  const names = [...new Set(namesIn(v))];
  return `${prefix}${unknownValue(names.length ? names.join(', ') : v.kind === 'call' ? v.text : 'an expression')}`;
}

function mentions(v: JsValue | undefined, needle: string): boolean {
  if (!v) return false;
  if (v.kind === 'string') return v.value.includes(needle);
  if (v.kind === 'unknown') return v.text.includes(needle) || v.parts.some((p) => mentions(p, needle));
  return false;
}

/** The calls worth reading; every other call is stepped over without reading its arguments. */
const INTERESTING = new RegExp(
  [
    '^(window\\.)?fetch$',
    '^axios(\\.(post|put|request))?$',
    '^(\\$|jQuery)\\.(ajax|post)$',
    '\\.(open|setRequestHeader|send|setEnvironment|loginPKCEGrant|authorizePKCEGrant|loginClientCredentialsGrant)$',
    '^btoa$',
  ].join('|'),
);

export function readCode(text: string): CodeReading {
  const tokens = tokenize(text);
  const js = new JsReader(text, tokens);
  const seen: string[] = [];
  const findings: Finding[] = [];
  const candidates: Candidate[] = [];
  let region: string | undefined;
  let xhr: Candidate | undefined;

  for (let i = 0; i < tokens.length; i++) {
    const t = tokens[i]!;
    if (t.type !== 'name') continue;
    // Dotted callee ending here: fetch, axios.post, $.ajax, jQuery.post, xhr.open, client.loginPKCEGrant…
    let j = i;
    let callee = t.value;
    while (tokens[j + 1]?.value === '.' && tokens[j + 2]?.type === 'name') {
      callee += `.${tokens[j + 2]!.value}`;
      j += 2;
    }
    if (tokens[j + 1]?.value !== '(') {
      i = j;
      continue;
    }
    const last = callee.split('.').pop()!;
    if (!INTERESTING.test(callee)) {
      i = j;
      continue;
    }
    if (callee === 'btoa') {
      checkBtoa(js, i, text, findings);
      i = j;
      continue;
    }
    const { args } = js.args(j + 2, 0);
    if (callee === 'fetch' || callee === 'window.fetch') {
      const init = objectOf(args[1]);
      candidates.push({
        via: 'fetch(…)',
        url: args[0],
        method: init.get('method'),
        headers: headersOf(init.get('headers')),
        body: init.get('body'),
        objectBody: 'invalid',
      });
    } else if (/^axios\.(post|put)$/.test(callee)) {
      candidates.push(
        axiosCandidate(`${callee}(…)`, args[0], { kind: 'string', value: last.toUpperCase() }, args[1], args[2]),
      );
    } else if (callee === 'axios' || callee === 'axios.request') {
      const config = objectOf(args[0]);
      candidates.push(
        axiosCandidate(`${callee}({…})`, config.get('url'), config.get('method'), config.get('data'), args[0]),
      );
    } else if (/^(\$|jQuery)\.ajax$/.test(callee)) {
      const o = objectOf(args[0]);
      const headers = headersOf(o.get('headers'));
      const ct = o.get('contentType');
      if (ct) headers.push(['Content-Type', ct]);
      // jQuery's default: an object `data` is form-encoded, and so is its default content type.
      if (!ct && !headers.some(([k]) => k.toLowerCase() === 'content-type'))
        headers.push(['Content-Type', { kind: 'string', value: 'application/x-www-form-urlencoded' }]);
      candidates.push({
        via: `${callee}({…})`,
        url: o.get('url'),
        method: o.get('method') ?? o.get('type') ?? { kind: 'string', value: 'GET' },
        headers,
        body: o.get('data'),
        objectBody: 'form',
      });
    } else if (/^(\$|jQuery)\.post$/.test(callee)) {
      candidates.push({
        via: `${callee}(…)`,
        url: args[0],
        method: { kind: 'string', value: 'POST' },
        headers: [['Content-Type', { kind: 'string', value: 'application/x-www-form-urlencoded' }]],
        body: args[1],
        objectBody: 'form',
      });
    } else if (last === 'open' && args.length >= 2 && /^(GET|POST|PUT)$/i.test(str(args[0]) ?? '')) {
      xhr = {
        via: 'XMLHttpRequest',
        url: args[1],
        method: args[0],
        headers: [],
        body: undefined,
        objectBody: 'invalid',
      };
      candidates.push(xhr);
    } else if (last === 'setRequestHeader' && xhr && args.length >= 2) {
      xhr.headers.push([str(args[0]) ?? '?', args[1]!]);
    } else if (last === 'send' && xhr && xhr.body === undefined && args[0]) {
      xhr.body = args[0];
    } else if (last === 'setEnvironment') {
      const env = args[0];
      region = str(env) ?? (env?.kind === 'unknown' ? env.text.split('.').pop() : undefined);
      seen.push(`the SDK's setEnvironment(${str(env) ?? (env?.kind === 'unknown' ? env.text : '…')})`);
    } else if (last === 'loginPKCEGrant' || last === 'authorizePKCEGrant') {
      seen.push(`the SDK's ${last}(…)`);
    } else if (last === 'loginClientCredentialsGrant') {
      findings.push({
        code: 'client_secret_sent',
        severity: 'error',
        message:
          'The code signs in with the client-credentials grant, which needs the client secret: a browser app is a public client and must use loginPKCEGrant.',
        evidence: `${callee}(…)`,
        fix: 'Use loginPKCEGrant(clientId, redirectUri) with a Code Authorization client, and rotate the secret.',
        values: { via: 'client_credentials' },
      });
    }
    i = j;
  }

  const token =
    candidates.find((c) => mentions(c.url, '/oauth/token')) ??
    candidates.find((c) => bodyMentions(c.body, 'grant_type'));
  for (const c of candidates) seen.push(`${c.via} to ${c.url ? displayValue(fieldText(c.url)) : '(no URL)'}`);
  const reading: CodeReading = { findings, seen, ...(region ? { region } : {}) };
  if (token) reading.tokenRequest = toTokenRequest(token);
  return reading;
}

const objectOf = (v: JsValue | undefined) => (v?.kind === 'object' ? v.entries : new Map<string, JsValue>());
const headersOf = (v: JsValue | undefined): Array<[string, JsValue]> => [...objectOf(v)];

/** axios sends a plain object as JSON, and its `auth` option as a Basic header. */
function axiosCandidate(
  via: string,
  url: JsValue | undefined,
  method: JsValue | undefined,
  body: JsValue | undefined,
  config: JsValue | undefined,
): Candidate {
  const entries = objectOf(config);
  const headers = headersOf(entries.get('headers'));
  const auth = entries.get('auth');
  if (auth?.kind === 'object' && auth.entries.size > 0) {
    headers.push([
      'Authorization',
      { kind: 'unknown', text: 'auth', parts: [{ kind: 'string', value: 'Basic ' }, ...auth.entries.values()] },
    ]);
  }
  return { via, url, method, headers, body, objectBody: 'json' };
}

function bodyMentions(v: JsValue | undefined, needle: string): boolean {
  if (!v) return false;
  if (v.kind === 'new' || v.kind === 'call') return v.args.some((a) => bodyMentions(a, needle));
  if (v.kind === 'object') return v.entries.has(needle);
  return mentions(v, needle);
}

function toTokenRequest(c: Candidate): NonNullable<ExchangeRecord['tokenRequest']> {
  const headers: Array<[string, string]> = c.headers.map(([k, v]) => [k, fieldText(v)]);
  const hasType = () => headers.some(([k]) => k.toLowerCase() === 'content-type');
  const req: NonNullable<ExchangeRecord['tokenRequest']> = {
    url: c.url ? fieldText(c.url) : unknownValue('no URL'),
    method: c.method ? (str(c.method)?.toUpperCase() ?? fieldText(c.method)) : 'GET',
    headers,
  };
  const fieldsOf = (entries: Map<string, JsValue>) =>
    Object.fromEntries([...entries].map(([k, v]) => [k, fieldText(v)]));
  const b = c.body;
  if (b?.kind === 'new' && b.callee === 'URLSearchParams') {
    const arg = b.args[0];
    req.body = arg?.kind === 'object' ? fieldsOf(arg.entries) : arg?.kind === 'string' ? arg.value : '';
    // fetch, axios and XHR send a URLSearchParams body as a form, with that content type, unless told otherwise.
    if (!hasType()) headers.push(['Content-Type', 'application/x-www-form-urlencoded']);
  } else if (b?.kind === 'call' && b.callee === 'JSON.stringify' && b.args[0]?.kind === 'object') {
    req.body = JSON.stringify(fieldsOf(b.args[0].entries));
  } else if (b?.kind === 'call' && /(^|\.)stringify$/.test(b.callee) && b.args[0]?.kind === 'object') {
    // qs.stringify / querystring.stringify: a form body
    req.body = new URLSearchParams(fieldsOf(b.args[0].entries)).toString();
  } else if (b?.kind === 'object') {
    if (c.objectBody === 'json') {
      req.body = JSON.stringify(fieldsOf(b.entries));
      if (!hasType()) headers.push(['Content-Type', 'application/json']);
    } else if (c.objectBody === 'form') req.body = fieldsOf(b.entries);
    else req.body = '[object Object]';
  } else if (b) req.body = fieldText(b);
  return req;
}

/** A verifier or challenge made with btoa(…) and no .replace: standard base64, not base64url (RFC 7636 §4.1). */
function checkBtoa(js: JsReader, at: number, text: string, findings: Finding[]): void {
  const { value } = js.expression(at);
  if (value.kind === 'call' && value.callee === '.replace') return;
  // Is the surrounding statement about PKCE? Look back to the statement's start (bounded, so linear overall).
  const start = js.tokens[at]!.start;
  const before = text.slice(Math.max(0, start - 200), start);
  const statement = before.slice(Math.max(before.lastIndexOf(';'), before.lastIndexOf('}')) + 1);
  if (!/verifier|challenge|pkce/i.test(statement)) return;
  if (findings.some((f) => f.code === 'verifier_not_base64url')) return;
  findings.push({
    code: 'verifier_not_base64url',
    severity: 'error',
    message:
      'The code makes the PKCE verifier (or challenge) with btoa(…) and never replaces "+", "/" and "=": that is ' +
      'standard base64, not the base64url RFC 7636 requires, so the server computes a different challenge.',
    evidence: `${statement.trim().slice(-60)}btoa(…)`,
    fix: 'Add .replace(/\\+/g, "-").replace(/\\//g, "_").replace(/=+$/, "") after btoa, or use createVerifier()/challengeS256().',
    values: { via: 'btoa' },
  });
}
