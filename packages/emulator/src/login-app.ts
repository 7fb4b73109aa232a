/** @module The login origin (login.<env>): OAuth authorize, sign-in form, token, logout, and the `/__emulator` controls. */
import { Hono, type MiddlewareHandler } from 'hono';
import { bodyLimit } from 'hono/body-limit';
import type { EmulatorContext } from './context.js';
import { CLOSE } from './api/request-body.js';
import { controlRoutes } from './control.js';
import { handleAuthorize, handleLogin } from './oauth/authorize.js';
import { handleLogout } from './oauth/logout.js';
import { MAX_TOKEN_BODY_BYTES, handleToken, tokenBodyTooLarge } from './oauth/token.js';
import { errorPage } from './oauth/login-page.js';

/** Largest sign-in form or control request read. */
const MAX_FORM_BYTES = 16 * 1024;

export function loginApp(ctx: EmulatorContext, cors: MiddlewareHandler): Hono {
  const app = new Hono();
  app.use('*', cors);
  // RFC 9700 §4.16: the authorization server MUST prevent clickjacking of its pages.
  app.use('*', async (c, next) => {
    await next();
    c.header('X-Frame-Options', 'DENY');
    c.header('Content-Security-Policy', "frame-ancestors 'none'");
    c.header('X-Content-Type-Options', 'nosniff');
    c.header('Referrer-Policy', 'no-referrer');
  });
  const formLimit = bodyLimit({
    maxSize: MAX_FORM_BYTES,
    onError: (c) =>
      c.html(errorPage('Request too large', 'The sign-in form sent more than the server reads.'), 413, CLOSE),
  });
  app.get('/oauth/authorize', (c) => handleAuthorize(ctx, c));
  app.post('/oauth/login', formLimit, (c) => handleLogin(ctx, c));
  app.post(
    '/oauth/token',
    bodyLimit({
      maxSize: MAX_TOKEN_BODY_BYTES,
      onError: (c) => (c.header('Connection', 'close'), tokenBodyTooLarge(ctx, c)),
    }),
    (c) => handleToken(ctx, c),
  );
  app.get('/logout', (c) => handleLogout(ctx, c));
  app.get('/oauth/logout', (c) => handleLogout(ctx, c));
  app.use(
    '/__emulator/*',
    bodyLimit({ maxSize: MAX_FORM_BYTES, onError: (c) => c.json({ error: 'request too large' }, 413, CLOSE) }),
  );
  app.route('/', controlRoutes(ctx));
  app.get('/', (c) => c.text('Genesys Cloud emulator: login origin. OAuth at /oauth/authorize and /oauth/token.'));
  return app;
}
