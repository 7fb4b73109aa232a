/** @module The code verifier: RFC 7636 §4.1's alphabet and length, and the base64url mistakes made making it. */
import { redact, type Finding } from '../finding.js';

export function checkVerifier(verifier: string | undefined, add: (f: Finding) => void): void {
  if (verifier === undefined || verifier === '') {
    add({
      code: 'verifier_missing',
      severity: 'error',
      message:
        'The body has no code_verifier, so the server cannot check the PKCE challenge (often: the verifier ' +
        'was lost across the redirect).',
      evidence: 'code_verifier: (missing)',
      fix: 'Keep the verifier in sessionStorage under the state, and send it as code_verifier.',
    });
    return;
  }
  if (verifier.endsWith('=')) {
    add({
      code: 'verifier_padded',
      severity: 'error',
      message: 'The code_verifier ends in "=" padding; "=" is not an allowed verifier character (RFC 7636 §4.1).',
      evidence: `code_verifier=${redact(verifier)}, ends with "="`,
      fix: 'base64url-encode without padding: drop trailing "=".',
    });
  }
  if (/[+/]/.test(verifier)) {
    add({
      code: 'verifier_not_base64url',
      severity: 'error',
      message:
        'The code_verifier contains "+" or "/": it is standard base64, not base64url. In a form body an ' +
        'unencoded "+" also turns into a space.',
      evidence:
        `code_verifier=${redact(verifier)}, has ` +
        `${[...new Set(verifier.match(/[+/]/g))].map((c) => `"${c}"`).join(' ')}`,
      fix: 'Replace "+" with "-" and "/" with "_" (base64url, RFC 4648 §5).',
      values: { via: 'value' },
    });
  }
  const other = [...new Set(verifier.replace(/[A-Za-z0-9\-._~+/=]/g, ''))];
  if (other.length > 0) {
    add({
      code: 'verifier_bad_charset',
      severity: 'error',
      message: 'The code_verifier has characters RFC 7636 §4.1 does not allow (only A–Z a–z 0–9 - . _ ~).',
      evidence: `characters: ${other.map((c) => JSON.stringify(c)).join(' ')}`,
      fix: 'Generate the verifier as base64url of 32 random bytes.',
    });
  }
  if (verifier.length < 43 || verifier.length > 128) {
    add({
      code: 'verifier_length',
      severity: 'error',
      message: `The code_verifier is ${verifier.length} characters; RFC 7636 §4.1 requires 43 to 128.`,
      evidence: `code_verifier=${redact(verifier)}`,
      fix: 'Use 32 random bytes, base64url-encoded: 43 characters.',
      values: { length: verifier.length },
    });
  }
}
