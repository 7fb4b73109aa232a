/** @module The last step of every diagnosis: no finding shows a secret, whatever check wrote it. */
import type { NormalizedTokenRequest } from './exchange-record.js';
import type { Finding, FindingValues } from './finding.js';

/** Parameters whose values are credentials wherever they appear: in a URL, a body or pasted text. */
const SECRET_PARAMS = [
  'code',
  'code_verifier',
  'client_secret',
  'access_token',
  'refresh_token',
  'id_token',
  'password',
];
// A value already shown as a placeholder (`<redacted>`, `<from clientSecret>`, `<43 chars>`) is left as it is.
const SECRET_IN_TEXT = new RegExp(`([?&#\\s"']|^)(${SECRET_PARAMS.join('|')})=(?!<)[^&#\\s"']*`, 'g');

/** Secret values known from the exchange itself (shorter ones would match ordinary words). */
export function secretValues(
  authorize: URL | undefined,
  token: NormalizedTokenRequest | undefined,
  callbackUrl: string | undefined,
): string[] {
  const values: Array<string | undefined> = [];
  for (const name of SECRET_PARAMS)
    values.push(token?.fields.get(name), token?.url?.searchParams.get(name) ?? undefined);
  const auth = token?.headers.get('authorization');
  if (auth) values.push(auth, auth.replace(/^\S+\s+/, ''));
  // A `plain` challenge is the verifier itself.
  const verifier = token?.fields.get('code_verifier');
  if (verifier && authorize?.searchParams.get('code_challenge') === verifier) values.push(verifier);
  if (callbackUrl) {
    try {
      values.push(new URL(callbackUrl).searchParams.get('code') ?? undefined);
    } catch {
      // not a URL: nothing to take from it
    }
  }
  return [...new Set(values.filter((v): v is string => v !== undefined && v.length >= 6))].sort(
    (a, b) => b.length - a.length,
  );
}

/** Replaces known secret values and any `secret_param=value` in a finding's text and values with `<redacted>`. */
export function redactFindings(findings: Finding[], secrets: string[]): Finding[] {
  const scrub = (text: string) => {
    let out = text;
    for (const s of secrets) out = out.split(s).join('<redacted>');
    return out.replace(SECRET_IN_TEXT, (_m, lead: string, name: string) => `${lead}${name}=<redacted>`);
  };
  return findings.map((f) => ({
    ...f,
    message: scrub(f.message),
    evidence: scrub(f.evidence),
    ...(f.values ? { values: mapText(f.values, scrub) } : {}),
  }));
}

/** The values with each text passed through `fn` (numbers are counts and lengths, never secrets). */
export function mapText(values: FindingValues, fn: (text: string) => string): FindingValues {
  return Object.fromEntries(Object.entries(values).map(([k, v]) => [k, typeof v === 'string' ? fn(v) : v]));
}
