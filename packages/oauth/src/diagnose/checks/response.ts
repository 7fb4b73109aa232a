/** @module The server's answer: what an error from the token endpoint means, beside what was found. */
import { parseJsonObject, type ExchangeRecord } from '../exchange-record.js';
import { type Finding } from '../finding.js';

export function checkResponse(
  response: ExchangeRecord['response'],
  findings: Finding[],
  add: (f: Finding) => void,
): void {
  if (!response) return;
  const body = typeof response.body === 'string' ? (parseJsonObject(response.body) ?? {}) : (response.body ?? {});
  const error = typeof body.error === 'string' ? body.error : undefined;
  const desc = [body.error_description, body.description].find((d): d is string => typeof d === 'string');
  const said = `HTTP ${response.status ?? '?'} ${error ?? ''}${desc ? ` "${desc}"` : ''}`.trim();
  const errorsSoFar = findings.filter((f) => f.severity === 'error').length;
  if (error === 'invalid_grant' && errorsSoFar === 0) {
    const authorizeGiven = !findings.some((f) => f.code === 'authorize_missing');
    add({
      code: 'code_reused_or_expired',
      severity: 'warning',
      message: !authorizeGiven
        ? 'The request itself is well formed. invalid_grant then means: the code was already used (callback ' +
          'ran twice), the code expired, or the verifier is from another sign-in (give the authorize URL to ' +
          'check this).'
        : 'The request is well formed and the verifier matches the challenge. invalid_grant then means the ' +
          'code was already used (the callback ran twice, or the page was reloaded) or expired.',
      evidence: said,
      fix: 'Exchange each code once, right after the redirect; make the callback idempotent (completeSignIn does).',
      values: { authorizeGiven: authorizeGiven ? 'yes' : 'no' },
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
