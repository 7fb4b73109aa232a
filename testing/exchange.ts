/**
 * @module A correct Authorization Code + PKCE exchange (RFC 7636 Appendix B's verifier and challenge), to mutate one
 * thing at a time: the diagnose() tests and the app's tests of findings in other languages start from it.
 */

/** RFC 7636 Appendix B: the verifier and BASE64URL(SHA256(verifier)). */
export const VERIFIER = 'dBjftJeZ4CVP-mB92K27uhbUJU1p1r_wW1gFWFOEjXk';
export const CHALLENGE = 'E9Melhoa2OwvFrEMTJguCHaoeK1t8URWbuGJSstw-cM';
export const REDIRECT = 'http://localhost:3000/callback';

/** The authorize URL, with parameters replaced (a string) or removed (null). */
export function authorizeUrl(params: Record<string, string | null> = {}, host = 'login.mypurecloud.com'): string {
  const p = new URLSearchParams({
    response_type: 'code',
    client_id: 'cid',
    redirect_uri: REDIRECT,
    code_challenge: CHALLENGE,
    code_challenge_method: 'S256',
    state: 's1',
  });
  for (const [k, v] of Object.entries(params)) v === null ? p.delete(k) : p.set(k, v);
  return `https://${host}/oauth/authorize?${p}`;
}

/** The token request's form body, with fields replaced (a string) or removed (null). */
export function tokenForm(fields: Record<string, string | null> = {}): string {
  const p = new URLSearchParams({
    grant_type: 'authorization_code',
    code: 'the-code',
    client_id: 'cid',
    redirect_uri: REDIRECT,
    code_verifier: VERIFIER,
  });
  for (const [k, v] of Object.entries(fields)) v === null ? p.delete(k) : p.set(k, v);
  return p.toString();
}
