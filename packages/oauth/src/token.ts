import { OAuthError } from './errors.js';

/** A token set with an absolute expiry, so its age does not depend on when it is read. */
export interface TokenSet {
  accessToken: string;
  tokenType: string;
  /** Epoch milliseconds. */
  expiresAt: number;
  scope?: string;
}

export interface ExchangeCodeRequest {
  tokenUrl: string;
  clientId: string;
  redirectUri: string;
  code: string;
  verifier: string;
}

// Deliberately no clientSecret field: a browser is a public client (RFC 6749 §2.1), and a secret shipped
// in a SPA is a leaked secret. The request carries no Authorization header either.
export async function exchangeCode(
  req: ExchangeCodeRequest,
  fetchImpl: typeof fetch = fetch,
  now: () => number = Date.now,
): Promise<TokenSet> {
  const body = new URLSearchParams({
    grant_type: 'authorization_code',
    code: req.code,
    redirect_uri: req.redirectUri,
    client_id: req.clientId,
    code_verifier: req.verifier,
  });
  let res: Response;
  try {
    res = await fetchImpl(req.tokenUrl, {
      method: 'POST',
      headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
      body,
    });
  } catch (cause) {
    throw new OAuthError('network_error', `No response from ${req.tokenUrl}`, {
      cause,
      hint: 'Network, or CORS: allow this origin on the OAuth client',
    });
  }
  const json = await readJson(res);
  if (!res.ok) throw tokenErrorFrom(res.status, json);
  return tokenSetFrom(json, now());
}

async function readJson(res: Response): Promise<Record<string, unknown>> {
  const v: unknown = await res.json().catch(() => undefined);
  return typeof v === 'object' && v !== null ? (v as Record<string, unknown>) : {};
}

function tokenErrorFrom(status: number, json: Record<string, unknown>): OAuthError {
  const error = typeof json.error === 'string' ? json.error : undefined;
  // Genesys sends `description` beside (or instead of) the RFC's `error_description`.
  const desc = [json.error_description, json.description].find((d): d is string => typeof d === 'string');
  const grant = error === 'invalid_grant';
  return new OAuthError(
    grant ? 'invalid_grant' : 'token_request_failed',
    `Token request failed: HTTP ${status} ${error ?? ''}${desc ? ` (${desc})` : ''}`,
    {
      status,
      error,
      errorDescription: desc,
      hint: grant ? 'Wrong verifier, changed redirect_uri, or a used/expired code: run diagnose()' : undefined,
    },
  );
}

export function tokenSetFrom(json: Record<string, unknown>, now: number): TokenSet {
  const { access_token, token_type, expires_in, scope } = json;
  if (typeof access_token !== 'string' || access_token === '' || typeof token_type !== 'string') {
    throw new OAuthError('invalid_token_response', 'Token response: no access_token/token_type');
  }
  const lifetime = Number(expires_in);
  if (!(lifetime > 0 && lifetime < Infinity)) {
    throw new OAuthError('invalid_token_response', 'Token response: no expires_in');
  }
  return {
    accessToken: access_token,
    tokenType: token_type,
    expiresAt: now + lifetime * 1000,
    scope: typeof scope === 'string' ? scope : undefined,
  };
}
