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
export async function exchangeCode(req: ExchangeCodeRequest, fetchImpl: typeof fetch = fetch, now: () => number = Date.now): Promise<TokenSet> {
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
      headers: { 'Content-Type': 'application/x-www-form-urlencoded', Accept: 'application/json' },
      body,
    });
  } catch (cause) {
    throw new OAuthError('network_error', `Token request to ${new URL(req.tokenUrl).origin} failed before a response`, {
      cause,
      hint: 'Check the network and that the login host allows this origin (CORS: add it to the OAuth client\'s allowed origins).',
    });
  }
  const json = await readJson(res);
  if (!res.ok) throw tokenErrorFrom(res.status, json);
  return tokenSetFrom(json, now());
}

async function readJson(res: Response): Promise<Record<string, unknown>> {
  try {
    const v: unknown = await res.json();
    return typeof v === 'object' && v !== null ? (v as Record<string, unknown>) : {};
  } catch {
    return {};
  }
}

function tokenErrorFrom(status: number, json: Record<string, unknown>): OAuthError {
  const error = typeof json.error === 'string' ? json.error : undefined;
  // Genesys sends `description` beside (or instead of) the RFC's `error_description`.
  const desc = [json.error_description, json.description].find((d): d is string => typeof d === 'string');
  const details = { status, error, errorDescription: desc };
  if (error === 'invalid_grant') {
    return new OAuthError('invalid_grant', `Token exchange rejected: invalid_grant${desc ? ` (${desc})` : ''}`, {
      ...details,
      hint: 'The code was refused: its verifier does not match the challenge, redirect_uri differs from the authorize request, or the code was already used or expired. Run diagnose() on the request.',
    });
  }
  return new OAuthError('token_request_failed', `Token exchange failed with HTTP ${status}${error ? `: ${error}` : ''}${desc ? ` (${desc})` : ''}`, details);
}

export function tokenSetFrom(json: Record<string, unknown>, now: number): TokenSet {
  const { access_token, token_type, expires_in, scope } = json;
  if (typeof access_token !== 'string' || access_token === '' || typeof token_type !== 'string') {
    throw new OAuthError('invalid_token_response', 'Token response lacks access_token or token_type');
  }
  const lifetime = typeof expires_in === 'number' ? expires_in : Number(expires_in);
  if (!Number.isFinite(lifetime) || lifetime <= 0) {
    throw new OAuthError('invalid_token_response', 'Token response has no usable expires_in');
  }
  const tokens: TokenSet = { accessToken: access_token, tokenType: token_type, expiresAt: now + lifetime * 1000 };
  if (typeof scope === 'string') tokens.scope = scope;
  return tokens;
}
