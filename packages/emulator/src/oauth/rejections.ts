/** Why the emulator refused an OAuth request, precisely: what `adhere doctor` and the app infer is compared with this. */
export type RejectionReason =
  | 'unknown_client'
  | 'redirect_uri_missing'
  | 'redirect_uri_not_registered'
  | 'response_type_unsupported'
  | 'grant_type_not_allowed'
  | 'challenge_missing'
  | 'challenge_method_missing'
  | 'challenge_method_unsupported'
  | 'challenge_malformed'
  | 'scope_invalid'
  | 'parameter_too_long'
  | 'parameter_repeated'
  | 'wrong_content_type'
  | 'body_too_large'
  | 'grant_type_missing'
  | 'grant_type_unsupported'
  | 'client_id_missing'
  | 'public_client_authenticated'
  | 'client_authentication_failed'
  | 'code_missing'
  | 'code_unknown'
  | 'code_expired'
  | 'code_replayed'
  | 'code_client_mismatch'
  | 'redirect_uri_mismatch'
  | 'verifier_missing'
  | 'verifier_malformed'
  | 'pkce_mismatch'
  | 'login_failed'
  | 'login_throttled';

export interface RejectionEvent {
  at: string;
  endpoint: 'authorize' | 'token' | 'login';
  status: number;
  error: string;
  reason: RejectionReason;
  clientId?: string;
  /** Non-secret detail, e.g. which parameter; never a secret, verifier, code or token value. */
  detail?: string;
}

export class RejectionLog {
  private readonly events: RejectionEvent[] = [];
  constructor(
    private readonly log: (line: string) => void,
    private readonly now: () => number = Date.now,
    private readonly max = 500,
  ) {}

  record(event: Omit<RejectionEvent, 'at'>): RejectionEvent {
    const full = { at: new Date(this.now()).toISOString(), ...event };
    this.events.push(full);
    if (this.events.length > this.max) this.events.shift();
    // client_id and detail come from the request: quoted, so a newline in them cannot forge a log line.
    const clientId = event.clientId ? ` client=${JSON.stringify(event.clientId)}` : '';
    const detail = event.detail ? ` ${JSON.stringify(event.detail)}` : '';
    this.log(`[emulator] ${event.endpoint} rejected: ${event.error} (${event.reason})${clientId}${detail}`);
    return full;
  }

  list(): readonly RejectionEvent[] {
    return this.events;
  }

  clear(): void {
    this.events.length = 0;
  }
}
