/** @module The callback URL: an error Genesys sent back instead of a code. */
import { type Finding } from '../finding.js';
import { safeUrl } from './text-utils.js';

export const AUTHORIZE_ERRORS: Record<string, string> = {
  invalid_scope:
    'Request only scopes the OAuth client has been given (Admin > OAuth > the client > Scope), or add them there.',
  unauthorized_client: "Set the OAuth client's grant type to Code Authorization (with PKCE).",
  unsupported_response_type: 'Send response_type=code.',
  access_denied: "The user or an administrator declined; sign in again, or check the user's roles.",
  invalid_request:
    'Check the authorize parameters: client_id, redirect_uri, code_challenge (43 base64url chars) and ' +
    'code_challenge_method=S256.',
  server_error: 'The login service failed; try again later.',
  temporarily_unavailable: 'The login service is busy; try again shortly.',
};

export function checkCallback(url: string, add: (f: Finding) => void): void {
  const p = safeUrl(url)?.searchParams;
  const error = p?.get('error');
  if (!p || !error) return;
  const description = p.get('error_description');
  add({
    code: 'authorize_refused',
    severity: 'error',
    message:
      `The login server refused the authorize request with ` +
      `${error}${description ? `: ${description}` : ''}. No code was issued, so no token request was made.`,
    evidence: `callback: error=${error}${description ? ` error_description=${description}` : ''}`,
    fix: AUTHORIZE_ERRORS[error] ?? 'Read the error_description and correct the authorize request.',
    // `error` chooses the fix (one of AUTHORIZE_ERRORS' keys, else the general one).
    values: { error, description: description ?? '', described: description ? 'yes' : 'no' },
  });
}
