/** Stable codes a caller can `switch` on. Server errors keep the server's own `error` in `details.error`. */
export type OAuthErrorCode =
  | 'invalid_verifier'
  | 'unsupported_challenge_method'
  | 'invalid_config'
  | 'unknown_region'
  | 'storage_unavailable'
  | 'insecure_storage'
  | 'state_mismatch'
  | 'transaction_missing'
  | 'transaction_expired'
  | 'callback_missing_code'
  | 'authorization_denied'
  | 'invalid_grant'
  | 'token_request_failed'
  | 'invalid_token_response'
  | 'network_error'
  | 'reauth_required'
  | 'popup_blocked'
  | 'popup_closed'
  | 'invalid_input';

export interface OAuthErrorDetails {
  /** HTTP status of the server response, when there was one. */
  status?: number;
  /** The server's `error` field (RFC 6749 §5.2), verbatim. */
  error?: string;
  /** The server's `error_description`, verbatim. */
  errorDescription?: string;
  /** What to do about it, in plain words. */
  hint?: string;
  cause?: unknown;
}

export class OAuthError extends Error {
  declare readonly status?: number;
  declare readonly error?: string;
  declare readonly errorDescription?: string;
  declare readonly hint?: string;

  constructor(
    readonly code: OAuthErrorCode,
    message: string,
    details: OAuthErrorDetails = {},
  ) {
    super(message, details);
    // `declare` fields plus one assign keep this class small in every browser bundle that signs in;
    // `cause` is set by Error itself (ES2022) from the same object.
    Object.assign(this, details, { name: 'OAuthError', cause: details.cause });
  }
}
