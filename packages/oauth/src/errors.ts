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
  | 'reauth_required';

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
  override readonly name = 'OAuthError';
  readonly status: number | undefined;
  readonly error: string | undefined;
  readonly errorDescription: string | undefined;
  readonly hint: string | undefined;

  constructor(readonly code: OAuthErrorCode, message: string, details: OAuthErrorDetails = {}) {
    super(message, details.cause === undefined ? undefined : { cause: details.cause });
    this.status = details.status;
    this.error = details.error;
    this.errorDescription = details.errorDescription;
    this.hint = details.hint;
  }
}
