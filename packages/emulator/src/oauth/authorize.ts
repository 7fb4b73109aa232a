/** @module GET /oauth/authorize and POST /oauth/login: the sign-in page and its form. */
import type { Context } from 'hono';
import type { EmulatorContext } from '../context.js';
import { SUPERVISOR_PASSWORD, AGENT_PASSWORD } from '../directory.js';
import { getCookie, setCookie } from 'hono/cookie';
import { errorPage, loginPage } from './login-page.js';
import { LOGIN_WORDS, loginLanguage, waitWords, type LoginLanguage } from './login-words.js';
import { SESSION_COOKIE } from './login-sessions.js';
import { MAX_PARAM_LENGTH, parameterProblem } from './params.js';
import type { RejectionReason } from './rejections.js';

const CHALLENGE_S256 = /^[A-Za-z0-9_-]{43}$/;

/** GET /oauth/authorize: validates like RFC 6749 §4.1.2.1 and RFC 7636 §4.4, then shows the sign-in page. */
export function handleAuthorize(ctx: EmulatorContext, c: Context): Response {
  const url = new URL(c.req.url);
  const q = url.searchParams;
  const one = (name: string) => q.get(name) ?? undefined;
  const clientId = one('client_id');
  const client = clientId ? ctx.clients.get(clientId) : undefined;
  const page = (status: number, reason: RejectionReason, title: string, detail: string) => {
    ctx.rejections.record({
      endpoint: 'authorize',
      status,
      error: 'invalid_request',
      reason,
      ...(clientId ? { clientId } : {}),
    });
    return c.html(errorPage(title, detail), status as 400);
  };
  // Until the client and redirect URI are known good, errors are shown here, never redirected (§4.1.2.1).
  // A repeated client_id or redirect_uri is not known good either: which one would the error go to?
  for (const name of ['client_id', 'redirect_uri']) {
    if (q.getAll(name).length > 1)
      return page(400, 'parameter_repeated', `Repeated ${name}`, `The authorize request names ${name} more than once.`);
  }
  if (!client)
    return page(
      400,
      'unknown_client',
      'Unknown client',
      `No OAuth client with id ${JSON.stringify(clientId ?? '')} is registered.`,
    );
  const redirectUri = one('redirect_uri');
  if (!redirectUri)
    return page(400, 'redirect_uri_missing', 'Missing redirect_uri', 'The authorize request must name a redirect_uri.');
  if (!client.redirectUris.includes(redirectUri)) {
    return page(
      400,
      'redirect_uri_not_registered',
      'redirect_uri not registered',
      `${redirectUri} is not one of this client's registered redirect URIs (they must match exactly).`,
    );
  }

  const state = one('state');
  const fail = (error: string, reason: RejectionReason, description: string, detail?: string) => {
    ctx.rejections.record({
      endpoint: 'authorize',
      status: 302,
      error,
      reason,
      clientId: client.id,
      ...(detail ? { detail } : {}),
    });
    const to = new URL(redirectUri);
    to.searchParams.set('error', error);
    to.searchParams.set('error_description', description);
    if (state !== undefined && state.length <= MAX_PARAM_LENGTH) to.searchParams.set('state', state);
    return c.redirect(to.href, 302);
  };
  const problem = parameterProblem(q);
  if (problem)
    return fail(
      'invalid_request',
      problem.reason,
      `parameter ${problem.name} is ${problem.reason === 'parameter_repeated' ? 'repeated' : 'too long'}`,
      problem.name,
    );
  if (one('response_type') !== 'code')
    return fail('unsupported_response_type', 'response_type_unsupported', 'response_type must be code');
  if (!client.grantTypes.includes('authorization_code'))
    return fail('unauthorized_client', 'grant_type_not_allowed', 'client is not allowed the authorization code grant');
  const challenge = one('code_challenge');
  const method = one('code_challenge_method');
  if (!challenge) return fail('invalid_request', 'challenge_missing', 'code_challenge is required');
  if (method === undefined)
    return fail('invalid_request', 'challenge_method_missing', 'code_challenge_method is required (S256)');
  if (method !== 'S256')
    return fail(
      'invalid_request',
      'challenge_method_unsupported',
      `code_challenge_method ${method} is not supported; use S256`,
    );
  if (!CHALLENGE_S256.test(challenge))
    return fail(
      'invalid_request',
      'challenge_malformed',
      'code_challenge must be 43 base64url characters (BASE64URL(SHA256(verifier)))',
    );
  const requested = one('scope')?.split(' ').filter(Boolean);
  const notAllowed = requested?.filter((s) => !client.scopes.includes(s)) ?? [];
  if (notAllowed.length > 0)
    return fail('invalid_scope', 'scope_invalid', `scope not allowed for this client: ${notAllowed.join(' ')}`);

  const login = ctx.grants.startLogin({
    clientId: client.id,
    redirectUri,
    state,
    codeChallenge: challenge,
    scopes: requested?.length ? requested : client.scopes,
  });
  // Signed in on this browser already: back to the client with a code, no form (Genesys re-authenticates by itself).
  const signedIn = ctx.loginSessions.accountOf(getCookie(c, SESSION_COOKIE));
  if (signedIn && ctx.directory.findById(signedIn)) {
    ctx.grants.takeLogin(login.id);
    return c.redirect(withCode(login, ctx.grants.issueCode(login, signedIn).code), 302);
  }
  const language = loginLanguage(c.req.header('accept-language'));
  return c.html(
    loginPage({ loginId: login.id, clientName: client.name, seeded: seededAccounts(ctx, language), language }),
  );
}

/** The client's redirect URI with the code and the state it sent. */
function withCode(login: { redirectUri: string; state?: string | undefined }, code: string): string {
  const to = new URL(login.redirectUri);
  to.searchParams.set('code', code);
  if (login.state !== undefined) to.searchParams.set('state', login.state);
  return to.href;
}

/** POST /oauth/login: the sign-in form; success redirects to the client with code and state. */
export async function handleLogin(ctx: EmulatorContext, c: Context): Promise<Response> {
  const form = await c.req.parseBody();
  const loginId = String(form.login ?? '');
  const email = String(form.email ?? '');
  const login = ctx.grants.peekLogin(loginId);
  const language = loginLanguage(c.req.header('accept-language'));
  const w = LOGIN_WORDS[language];
  if (!login) return c.html(errorPage(w.expiredTitle, w.expiredDetail, language), 400);
  const client = ctx.clients.get(login.clientId)!;
  const again = (status: 401 | 429, error: string) =>
    c.html(
      loginPage({ loginId, clientName: client.name, email, error, seeded: seededAccounts(ctx, language), language }),
      status,
    );
  const source = sourceAddress(c);
  const waitMs = ctx.loginThrottle.retryAfterMs(email, source);
  if (waitMs > 0) {
    ctx.rejections.record({
      endpoint: 'login',
      status: 429,
      error: 'access_denied',
      reason: 'login_throttled',
      clientId: client.id,
    });
    return again(
      429,
      w.throttled(
        waitMs < 60_000
          ? waitWords(language, Math.ceil(waitMs / 1000), 'second')
          : waitWords(language, Math.ceil(waitMs / 60_000), 'minute'),
      ),
    );
  }
  const account = ctx.directory.findByEmail(email);
  if (!account || account.password !== String(form.password ?? '')) {
    ctx.loginThrottle.fail(email, source);
    ctx.rejections.record({
      endpoint: 'login',
      status: 401,
      error: 'access_denied',
      reason: 'login_failed',
      clientId: client.id,
    });
    return again(401, w.wrong);
  }
  ctx.loginThrottle.succeed(email, source);
  ctx.grants.takeLogin(loginId);
  const code = ctx.grants.issueCode(login, account.id);
  const session = ctx.loginSessions.start(account.id);
  // HttpOnly and SameSite=Lax: the login origin's own, sent on the top-level redirect to authorize and to
  // nothing a page could read.
  if (session)
    setCookie(c, SESSION_COOKIE, session, {
      httpOnly: true,
      sameSite: 'Lax',
      path: '/',
      maxAge: Math.floor(ctx.loginSessions.lifetimeMs / 1000),
    });
  return c.redirect(withCode(login, code.code), 302);
}

/** The peer's address, as the login throttle keys it (the Node server's socket; 'unknown' without one). */
function sourceAddress(c: Context): string {
  const env = c.env as { incoming?: { socket?: { remoteAddress?: string } } } | undefined;
  return env?.incoming?.socket?.remoteAddress ?? 'unknown';
}

function seededAccounts(ctx: EmulatorContext, language: LoginLanguage) {
  const first = ctx.centre.topology.agents[0];
  const w = LOGIN_WORDS[language];
  return [
    { email: ctx.centre.topology.supervisor.email, password: SUPERVISOR_PASSWORD, role: w.roles.supervisor },
    { email: 'rta@adhere.local', password: SUPERVISOR_PASSWORD, role: w.roles.rta },
    { email: 'nowfm@adhere.local', password: SUPERVISOR_PASSWORD, role: w.roles.nowfm },
    { email: 'analyst@adhere.local', password: SUPERVISOR_PASSWORD, role: w.roles.analyst },
    ...(first
      ? [{ email: first.email, password: AGENT_PASSWORD, role: `${w.roles.agent} (${first.name}); ${w.everyAgent}` }]
      : []),
  ];
}
