/** @module The authorize request against the token request: challenge = S256(verifier), the same redirect URI and client. */
import { isUnknownValue, type NormalizedTokenRequest } from '../exchange-record.js';
import { redact, type Finding } from '../finding.js';
import { sha256, sha256Base64url, uriDifference, type UriDifference } from './text-utils.js';

const DIFFERENCE_WORDS: Record<UriDifference, string> = {
  trailing_slash: ' (a trailing slash)',
  letter_case: ' (letter case)',
  percent_encoding: ' (one is percent-encoded, the other not)',
  scheme: ' (http vs https)',
  host: ' (host or port)',
  other: '',
};

export async function checkPair(
  authorize: URL,
  token: NormalizedTokenRequest,
  add: (f: Finding) => void,
): Promise<void> {
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
    const difference = uriDifference(authRedirect, tokenRedirect);
    add({
      code: 'redirect_uri_mismatch',
      severity: 'error',
      message:
        `redirect_uri differs between the authorize and token ` +
        `requests${DIFFERENCE_WORDS[difference]}; it must match character for character.`,
      evidence: `authorize: ${authRedirect}; token: ${tokenRedirect}`,
      fix: "Send exactly the authorize request's redirect_uri in the token request.",
      values: { difference },
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
