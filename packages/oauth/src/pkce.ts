import { base64urlEncode } from './base64url.js';
import { OAuthError } from './errors.js';

// RFC 7636 §4.1: code_verifier = 43*128unreserved, unreserved = ALPHA / DIGIT / "-" / "." / "_" / "~".
export const VERIFIER_PATTERN = /^[A-Za-z0-9\-._~]{43,128}$/;

/** RFC 7636 §4.1: 32 random octets -> 43 base64url chars, no padding. */
export function createVerifier(): string {
  const bytes = new Uint8Array(32);
  crypto.getRandomValues(bytes);
  return base64urlEncode(bytes);
}

/** Throws a typed error naming what is wrong with a caller-supplied verifier. */
export function assertValidVerifier(verifier: string): void {
  if (VERIFIER_PATTERN.test(verifier)) return;
  const problems: string[] = [];
  if (verifier.length < 43 || verifier.length > 128) problems.push(`length ${verifier.length} is outside 43–128`);
  const bad = [...new Set(verifier.replace(/[A-Za-z0-9\-._~]/g, ''))];
  if (bad.length > 0) problems.push(`characters not allowed: ${bad.map((c) => JSON.stringify(c)).join(' ')}`);
  throw new OAuthError('invalid_verifier', `code_verifier is not valid per RFC 7636 §4.1: ${problems.join('; ')}`, {
    hint: 'Use createVerifier(), or base64url-encode 32 random bytes without "=" padding ("+"→"-", "/"→"_").',
  });
}

/** RFC 7636 §4.2: code_challenge = BASE64URL(SHA256(ASCII(code_verifier))). */
export async function challengeS256(verifier: string): Promise<string> {
  assertValidVerifier(verifier);
  // The verifier is ASCII by the check above, so UTF-8 encoding is ASCII encoding.
  const digest = await crypto.subtle.digest('SHA-256', new TextEncoder().encode(verifier));
  return base64urlEncode(new Uint8Array(digest));
}
