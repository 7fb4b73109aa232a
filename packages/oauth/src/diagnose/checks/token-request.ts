/** @module The token request: host, method, content type, grant, client id, secrets, verifier present. */
import { classifyGenesysHost } from '../../regions.js';
import { displayValue, isUnknownValue, type NormalizedTokenRequest } from '../exchange-record.js';
import { redact, type Finding } from '../finding.js';
import { checkVerifier } from './verifier.js';
import { editDistance } from './text-utils.js';

export function checkTokenRequest(req: NormalizedTokenRequest, add: (f: Finding) => void): void {
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
        values: { host: req.url.hostname, environment: host.environment },
      });
    }
    if (!req.url.pathname.replace(/\/+$/, '').endsWith('/oauth/token')) {
      add({
        code: 'token_path_wrong',
        severity: 'error',
        message: `The token request path is ${req.url.pathname}, not /oauth/token.`,
        evidence: `${req.url.origin}${req.url.pathname}`,
        fix: 'POST to /oauth/token on the login host.',
        values: { path: req.url.pathname },
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
        values: { params: leaked.join(', ') },
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
      values: { method: req.method },
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
      values: {
        contentType: ct ?? '',
        given: ct ? 'yes' : 'no',
        json: req.bodyEncoding === 'json' ? 'yes' : 'no',
      },
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
    const typo = editDistance(grantType, 'authorization_code') <= 3;
    add({
      code: 'grant_type_invalid',
      severity: 'error',
      message:
        `grant_type is ${JSON.stringify(grantType)}; the PKCE exchange uses ` +
        `"authorization_code"${typo ? ' (a typo?)' : ''}.`,
      evidence: `grant_type=${grantType}`,
      fix: 'Set grant_type=authorization_code.',
      values: { grantType: JSON.stringify(grantType), typo: typo ? 'yes' : 'no' },
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
      values: { via: 'body' },
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
      values: { scheme: basic ? 'basic' : 'other' },
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
