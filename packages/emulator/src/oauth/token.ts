/** @module POST /oauth/token: authorization_code with strict PKCE (RFC 7636 §4.6) and client_credentials. */
import type { Context } from 'hono';
import type { OAuthClient } from '../clients.js';
import type { EmulatorContext } from '../context.js';
import { VERIFIER, verifierMatches } from './pkce-verify.js';
import { parameterProblem } from './params.js';
import type { RejectionReason } from './rejections.js';

/** Largest token request body read; the login origin's body limit refuses larger ones before they are read. */
export const MAX_TOKEN_BODY_BYTES = 16 * 1024;

/** POST /oauth/token: authorization_code with strict PKCE (RFC 7636 §4.6) and client_credentials. */
export async function handleToken(ctx: EmulatorContext, c: Context): Promise<Response> {
  let clientId: string | undefined;
  const reject = (status: 400 | 401, error: string, reason: RejectionReason, description: string, detail?: string) =>
    tokenError(ctx, c, {
      status,
      error,
      reason,
      description,
      ...(clientId ? { clientId } : {}),
      ...(detail ? { detail } : {}),
    });

  const type = (c.req.header('content-type') ?? '').split(';')[0]!.trim().toLowerCase();
  if (type !== 'application/x-www-form-urlencoded') {
    return reject(
      400,
      'invalid_request',
      'wrong_content_type',
      'Content-Type must be application/x-www-form-urlencoded',
      `content-type=${type || '(none)'}`,
    );
  }
  const raw = await c.req.text();
  const body = new URLSearchParams(raw);
  const problem = parameterProblem(body);
  if (problem)
    return reject(
      400,
      'invalid_request',
      problem.reason,
      `parameter ${problem.name} is ${problem.reason === 'parameter_repeated' ? 'repeated' : 'too long'}`,
      problem.name,
    );
  const get = (name: string) => body.get(name) ?? undefined;

  // Client authentication: HTTP Basic (RFC 6749 §2.3.1) or client_secret in the body.
  const basic = parseBasic(c.req.header('authorization'));
  const bodySecret = get('client_secret');
  clientId = basic?.id ?? get('client_id');
  const secret = basic?.secret ?? bodySecret;
  if (basic && get('client_id') && get('client_id') !== basic.id)
    return reject(
      400,
      'invalid_request',
      'client_authentication_failed',
      'client_id in the body differs from the Authorization header',
    );

  const grantType = get('grant_type');
  if (!grantType) return reject(400, 'invalid_request', 'grant_type_missing', 'grant_type is required');
  if (grantType !== 'authorization_code' && grantType !== 'client_credentials')
    return reject(400, 'unsupported_grant_type', 'grant_type_unsupported', `grant_type ${grantType} is not supported`);
  if (!clientId) return reject(401, 'invalid_client', 'client_id_missing', 'client_id is required');
  const client = ctx.clients.get(clientId);
  if (!client) return reject(401, 'invalid_client', 'unknown_client', 'client not found');
  if (client.type === 'public' && (basic || bodySecret !== undefined)) {
    // A browser app cannot keep a secret; a public client authenticating is a leaked or misplaced secret.
    return reject(
      401,
      'invalid_client',
      'public_client_authenticated',
      'a public client must not authenticate: send client_id without a secret or Authorization header',
    );
  }
  if (client.type === 'confidential' && !secretMatches(client, secret))
    return reject(401, 'invalid_client', 'client_authentication_failed', 'client authentication failed');
  if (!client.grantTypes.includes(grantType))
    return reject(400, 'unauthorized_client', 'grant_type_not_allowed', `client is not allowed the ${grantType} grant`);

  if (grantType === 'client_credentials') {
    const token = ctx.grants.issueToken(client.id, undefined, client.scopes, client.accessTokenLifetimeSeconds);
    return tokenResponse(c, token.token, client.accessTokenLifetimeSeconds);
  }

  const codeValue = get('code');
  if (!codeValue) return reject(400, 'invalid_request', 'code_missing', 'code is required');
  const code = ctx.grants.findCode(codeValue);
  if (!code) return reject(400, 'invalid_grant', 'code_unknown', 'authorization code is invalid');
  if (code.used) {
    // RFC 6749 §4.1.2: a code used twice revokes what it issued.
    for (const t of code.issued) ctx.grants.revokeToken(t);
    return reject(
      400,
      'invalid_grant',
      'code_replayed',
      'authorization code has already been used',
      `revoked=${code.issued.length}`,
    );
  }
  if (code.clientId !== client.id)
    return reject(400, 'invalid_grant', 'code_client_mismatch', 'authorization code was issued to another client');
  if (ctx.grants.isExpired(code)) return reject(400, 'invalid_grant', 'code_expired', 'authorization code has expired');
  const redirectUri = get('redirect_uri');
  if (redirectUri !== code.redirectUri) {
    return reject(
      400,
      'invalid_grant',
      'redirect_uri_mismatch',
      'redirect_uri does not match the authorization request',
      redirectUri === undefined ? 'redirect_uri missing' : undefined,
    );
  }
  const verifier = get('code_verifier');
  if (!verifier) return reject(400, 'invalid_grant', 'verifier_missing', 'code_verifier is required');
  // A verifier outside RFC 7636 §4.1's syntax is a malformed parameter (invalid_request), as oidc-provider
  // answers; a well-formed one that does not hash to the challenge is invalid_grant (§4.6).
  if (!VERIFIER.test(verifier))
    return reject(
      400,
      'invalid_request',
      'verifier_malformed',
      'code_verifier must be 43-128 characters of A-Z a-z 0-9 - . _ ~',
      `length=${verifier.length}`,
    );
  if (!verifierMatches(verifier, code.codeChallenge))
    return reject(400, 'invalid_grant', 'pkce_mismatch', 'code_verifier does not match code_challenge');

  code.used = true;
  const token = ctx.grants.issueToken(client.id, code.userId, code.scopes, client.accessTokenLifetimeSeconds);
  code.issued.push(token.token);
  return tokenResponse(c, token.token, client.accessTokenLifetimeSeconds);
}

interface TokenRejection {
  status: 400 | 401;
  error: string;
  reason: RejectionReason;
  description: string;
  clientId?: string;
  detail?: string;
}

/** Records the rejection and answers as RFC 6749 §5.2 says, with Genesys's `description` beside `error_description`. */
function tokenError(ctx: EmulatorContext, c: Context, r: TokenRejection): Response {
  ctx.rejections.record({
    endpoint: 'token',
    status: r.status,
    error: r.error,
    reason: r.reason,
    ...(r.clientId ? { clientId: r.clientId } : {}),
    ...(r.detail ? { detail: r.detail } : {}),
  });
  const headers: Record<string, string> = { 'Cache-Control': 'no-store' };
  if (r.status === 401) headers['WWW-Authenticate'] = 'Basic realm="oauth"';
  return c.json({ error: r.error, description: r.description, error_description: r.description }, r.status, headers);
}

/** The token endpoint's answer to a body over MAX_TOKEN_BODY_BYTES, refused before it is read. */
export function tokenBodyTooLarge(ctx: EmulatorContext, c: Context): Response {
  return tokenError(ctx, c, {
    status: 400,
    error: 'invalid_request',
    reason: 'body_too_large',
    description: 'request body is too large',
  });
}

function tokenResponse(c: Context, accessToken: string, expiresIn: number): Response {
  return c.json({ access_token: accessToken, token_type: 'bearer', expires_in: expiresIn }, 200, {
    'Cache-Control': 'no-store',
    Pragma: 'no-cache',
  });
}

function parseBasic(header: string | undefined): { id: string; secret: string } | undefined {
  const m = /^Basic\s+(\S+)$/i.exec(header ?? '');
  if (!m) return undefined;
  const decoded = Buffer.from(m[1]!, 'base64').toString('utf8');
  const colon = decoded.indexOf(':');
  // RFC 6749 §2.3.1: id and secret are form-urlencoded before base64.
  const unescape = (s: string) => {
    try {
      return decodeURIComponent(s.replace(/\+/g, ' '));
    } catch {
      return s;
    }
  };
  return colon === -1
    ? { id: unescape(decoded), secret: '' }
    : { id: unescape(decoded.slice(0, colon)), secret: unescape(decoded.slice(colon + 1)) };
}

function secretMatches(client: OAuthClient, secret: string | undefined): boolean {
  return client.secret !== undefined && secret === client.secret;
}
