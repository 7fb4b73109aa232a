/** @module The authorize request: host, client id, redirect URI, PKCE challenge and method, scopes. */
import { classifyGenesysHost } from '../../regions.js';
import { type Finding } from '../finding.js';

export function checkAuthorize(url: URL, add: (f: Finding) => void): void {
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
      values: { host: url.hostname, environment: host.environment },
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
      values: { responseType: JSON.stringify(responseType), implicit: responseType === 'token' ? 'yes' : 'no' },
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
      values: { method: JSON.stringify(method) },
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
      ...(standard ? {} : { values: { length: challenge.length } }),
    });
  }
}

// What each authorize error (RFC 6749 §4.1.2.1) usually means for a Genesys OAuth client, and the fix.
