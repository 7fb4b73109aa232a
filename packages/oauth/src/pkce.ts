import { base64urlEncode } from './base64url.js';
import { OAuthError } from './errors.js';

// RFC 7636 §4.1: code_verifier = 43*128unreserved, unreserved = ALPHA / DIGIT / "-" / "." / "_" / "~".
export const VERIFIER_PATTERN = /^[A-Za-z0-9\-._~]{43,128}$/;

/** n random octets, base64url-encoded. */
export function randomBase64url(n: number): string {
  return base64urlEncode(crypto.getRandomValues(new Uint8Array(n)));
}

/** RFC 7636 §4.1: 32 random octets -> 43 base64url chars, no padding. */
export function createVerifier(): string {
  return randomBase64url(32);
}

/** Throws a typed error naming what is wrong with a caller-supplied verifier. */
export function assertValidVerifier(verifier: string): void {
  if (VERIFIER_PATTERN.test(verifier)) return;
  const bad = verifier.replace(/[A-Za-z0-9\-._~]/g, '');
  throw new OAuthError(
    'invalid_verifier',
    'code_verifier must be 43–128 of A-Z a-z 0-9 -._~ (RFC 7636 §4.1), ' +
      `not ${verifier.length} chars${bad ? ` with ${JSON.stringify(bad)}` : ''}: use createVerifier()`,
  );
}

/** RFC 7636 §4.2: code_challenge = BASE64URL(SHA256(ASCII(code_verifier))). */
export async function challengeS256(verifier: string): Promise<string> {
  assertValidVerifier(verifier);
  // The verifier is ASCII by the check above, so UTF-8 encoding is ASCII encoding.
  const digest = await crypto.subtle.digest('SHA-256', new TextEncoder().encode(verifier));
  return base64urlEncode(new Uint8Array(digest));
}
