/**
 * @module The client's one error family. Every failure a call can end in is a GenesysError with a stable
 * `code` to switch on; the original failure rides in `cause`. `isGenesysError` works across realms.
 */
import type { OAuthError } from '@adhere/oauth';

export type GenesysErrorCode =
  /** The API answered with an error status: see `status` and Genesys's own `errorCode`. */
  | 'api_error'
  | 'aborted'
  | 'timeout'
  | 'network_error'
  /** No valid token could be had, or a fresh one was refused: the user must sign in again. */
  | 'reauth_required'
  | 'invalid_argument'
  /** An id that is not a Genesys id (a UUID) was to become part of an API path: nothing was sent. */
  | 'invalid_id'
  /** A path or a server's `nextUri` that would leave `/api/v2/` on the API's origin: nothing was sent. */
  | 'invalid_path'
  | 'invalid_response'
  | 'query_failed';

export class GenesysError extends Error {
  override name = 'GenesysError';
  constructor(
    readonly code: GenesysErrorCode,
    message: string,
    options?: { cause?: unknown },
  ) {
    super(message, options);
  }
}

export interface GenesysApiErrorDetails {
  status: number;
  /** Genesys's ErrorBody `code`, e.g. `missing.any.permissions`, `too.many.requests.retry.after`. */
  errorCode: string;
  message: string;
  contextId?: string | undefined;
  /** Seconds the server asked to wait (429), when it said. */
  retryAfterSeconds?: number | undefined;
}

/** An error response from the Genesys API, with the fields of its ErrorBody. */
export class GenesysApiError extends GenesysError {
  override name = 'GenesysApiError';
  readonly status: number;
  readonly errorCode: string;
  readonly contextId: string | undefined;
  readonly retryAfterSeconds: number | undefined;
  constructor(details: GenesysApiErrorDetails) {
    super('api_error', details.message);
    this.status = details.status;
    this.errorCode = details.errorCode;
    this.contextId = details.contextId;
    this.retryAfterSeconds = details.retryAfterSeconds;
  }
}

/** A failure on our side of the wire: cancelled, timed out, unreachable, bad input, or a sign-in needed. */
export class GenesysClientError extends GenesysError {
  override name = 'GenesysClientError';
}

const NAMES = new Set(['GenesysError', 'GenesysApiError', 'GenesysClientError']);

export function isGenesysError(value: unknown): value is GenesysError {
  return value instanceof Error && NAMES.has(value.name) && typeof (value as { code?: unknown }).code === 'string';
}

/** An OAuthError from getAccessToken (e.g. `reauth_required`) as this package's error, the original in `cause`. */
export function fromTokenError(err: OAuthError | Error): GenesysClientError {
  const reauth = (err as { code?: string }).code === 'reauth_required';
  return new GenesysClientError(
    reauth ? 'reauth_required' : 'invalid_argument',
    reauth ? 'sign-in required: no valid access token' : `getAccessToken failed: ${err.message}`,
    { cause: err },
  );
}
