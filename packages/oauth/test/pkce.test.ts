import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  OAuthError,
  VERIFIER_PATTERN,
  assertValidVerifier,
  base64urlEncode,
  challengeS256,
  createVerifier,
} from '@adhere/oauth';

describe('PKCE (RFC 7636)', () => {
  it('matches the RFC 7636 Appendix B vector', async () => {
    expect(await challengeS256('dBjftJeZ4CVP-mB92K27uhbUJU1p1r_wW1gFWFOEjXk')).toBe(
      'E9Melhoa2OwvFrEMTJguCHaoeK1t8URWbuGJSstw-cM',
    );
  });

  it('encodes the Appendix B octets to the Appendix B verifier', () => {
    const octets = [
      116, 24, 223, 180, 151, 153, 224, 37, 79, 250, 96, 125, 216, 173, 187, 186, 22, 212, 37, 77, 105, 214, 191, 240,
      91, 88, 5, 88, 83, 132, 141, 121,
    ];
    expect(base64urlEncode(new Uint8Array(octets))).toBe('dBjftJeZ4CVP-mB92K27uhbUJU1p1r_wW1gFWFOEjXk');
  });

  it('base64url agrees with Node for any bytes, and never has + / =', () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 200 }), (bytes) => {
        const ours = base64urlEncode(bytes);
        expect(ours).toBe(Buffer.from(bytes).toString('base64url'));
        expect(ours).not.toMatch(/[+/=]/);
      }),
      { numRuns: 2000 },
    );
  });

  it('every generated verifier is a valid 43-char RFC 7636 verifier', () => {
    const seen = new Set<string>();
    for (let i = 0; i < 5000; i++) {
      const v = createVerifier();
      expect(v).toMatch(VERIFIER_PATTERN);
      expect(v).toHaveLength(43);
      seen.add(v);
    }
    expect(seen.size).toBe(5000);
  });

  it('challenge of any valid verifier is 43 base64url chars and equals Node SHA-256', async () => {
    const { createHash } = await import('node:crypto');
    await fc.assert(
      fc.asyncProperty(fc.stringMatching(/^[A-Za-z0-9\-._~]{43,128}$/), async (v) => {
        const c = await challengeS256(v);
        expect(c).toMatch(/^[A-Za-z0-9_-]{43}$/);
        expect(c).toBe(createHash('sha256').update(v, 'ascii').digest('base64url'));
      }),
      { numRuns: 300 },
    );
  });

  it.each([
    ['too short', 'a'.repeat(42), /not 42 chars/],
    ['too long', 'a'.repeat(129), /not 129 chars/],
    ['padded', `${'a'.repeat(43)}=`, /with "="/],
    ['standard base64', `${'a'.repeat(42)}+/`, /with "\+\/"/],
    ['space', `${'a'.repeat(43)} `, /with " "/],
    ['non-ASCII', `${'a'.repeat(43)}é`, /with "é"/],
  ])('refuses a %s verifier with a typed error naming the problem', async (_name, verifier, message) => {
    expect(() => assertValidVerifier(verifier)).toThrowError(message);
    const err = await challengeS256(verifier).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(OAuthError);
    expect((err as OAuthError).code).toBe('invalid_verifier');
  });
});
