/** An error response from the Genesys API, with the fields of its ErrorBody. */
export class GenesysApiError extends Error {
  override readonly name = 'GenesysApiError';
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly contextId: string | undefined,
    /** Seconds the server asked to wait (429), when it said. */
    readonly retryAfterSeconds?: number,
  ) {
    super(message);
  }
}

export type GenesysClientErrorCode =
  | 'aborted'
  | 'timeout'
  | 'network_error'
  | 'reauth_required'
  | 'invalid_argument'
  | 'invalid_response'
  | 'query_failed';

/** A failure on our side of the wire: cancelled, timed out, unreachable, or bad input. */
export class GenesysClientError extends Error {
  override readonly name = 'GenesysClientError';
  constructor(readonly code: GenesysClientErrorCode, message: string, options?: { cause?: unknown }) {
    super(message, options);
  }
}
