/** @module GET /logout (the official SDK's) and /oauth/logout: ends the session, returns to a registered origin. */
import type { Context } from 'hono';
import { deleteCookie, getCookie } from 'hono/cookie';
import { SESSION_COOKIE } from './login-sessions.js';
import type { EmulatorContext } from '../context.js';

export function handleLogout(ctx: EmulatorContext, c: Context): Response {
  // The browser's session on the login origin ends: the next sign-in asks for the password.
  ctx.loginSessions.end(getCookie(c, SESSION_COOKIE));
  deleteCookie(c, SESSION_COOKIE, { path: '/' });
  const to = c.req.query('redirect_uri');
  const client = ctx.clients.get(c.req.query('client_id') ?? '');
  // Only back to an origin the client registered: an open redirect on the login host would lend it trust.
  // A custom-scheme URI has the opaque origin "null", shared by every such URI: those must match exactly.
  const origin = to === undefined ? undefined : originOf(to);
  if (to && client?.redirectUris.some((r) => r === to || (origin !== 'null' && originOf(r) === origin)))
    return c.redirect(to, 302);
  return c.html(
    '<!doctype html><title>Signed out</title><p role="status">You are signed out of the Genesys Cloud emulator.</p>',
  );
}

function originOf(url: string): string | undefined {
  try {
    return new URL(url).origin;
  } catch {
    return undefined;
  }
}
