// oidc-provider (a certified OpenID/OAuth authorization server, not ours) configured like a Genesys
// public PKCE client: routes /oauth/authorize and /oauth/token, S256 required, no client authentication,
// plain OAuth 2.0 (no openid scope). Logins are completed programmatically for one fixed user.
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import Provider from 'oidc-provider';

export interface OidcPeer {
  issuer: string;
  clientId: string;
  redirectUri: string;
  scope: string;
  /** Token requests the server has received, for asserting how many exchanges happened. */
  tokenRequests: () => number;
  close(): Promise<void>;
}

export const PEER_CLIENT_ID = 'adhere-local';
export const PEER_REDIRECT_URI = 'http://localhost:3000/callback';
/** oidc-provider refuses a grant with no scope at all; Genesys-like scope names keep it plain OAuth (no openid). */
export const PEER_SCOPE = 'workforce-management';

export async function startOidcPeer(
  opts: { codeTtlSeconds?: number; extraClients?: Array<{ client_id: string } & Record<string, unknown>> } = {},
): Promise<OidcPeer> {
  const server: Server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const issuer = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  const provider = new Provider(issuer, {
    clients: [
      {
        client_id: PEER_CLIENT_ID,
        token_endpoint_auth_method: 'none',
        redirect_uris: [PEER_REDIRECT_URI],
        grant_types: ['authorization_code'],
        response_types: ['code'],
      },
      ...(opts.extraClients ?? []),
    ],
    routes: { authorization: '/oauth/authorize', token: '/oauth/token' },
    pkce: { required: () => true, methods: ['S256'] },
    scopes: [PEER_SCOPE],
    cookies: { keys: ['adhere-test-cookie-key'] },
    features: { devInteractions: { enabled: false }, clientCredentials: { enabled: true } },
    interactions: { url: (_ctx: unknown, interaction: { uid: string }) => `/interaction/${interaction.uid}` },
    findAccount: async (_ctx: unknown, id: string) => ({ accountId: id, claims: async () => ({ sub: id }) }),
    ttl: { AuthorizationCode: opts.codeTtlSeconds ?? 60 },
  });
  let tokenRequests = 0;
  if (process.env.PEER_DEBUG)
    for (const ev of ['authorization.error', 'grant.error', 'server_error'])
      provider.on(ev, (...a: unknown[]) => console.error(ev, a[1] ?? a[0]));
  provider.use(async (ctx, next) => {
    if (ctx.path === '/oauth/token') tokenRequests++;
    if (ctx.path.startsWith('/interaction/')) {
      const details = await provider.interactionDetails(ctx.req, ctx.res);
      const grant = new provider.Grant({ accountId: 'supervisor', clientId: String(details.params.client_id) });
      grant.addOIDCScope(typeof details.params.scope === 'string' ? details.params.scope : PEER_SCOPE);
      const grantId = await grant.save();
      const to = await provider.interactionResult(
        ctx.req,
        ctx.res,
        { login: { accountId: 'supervisor' }, consent: { grantId } },
        { mergeWithLastSubmission: false },
      );
      ctx.redirect(to);
      return;
    }
    await next();
  });
  server.on('request', provider.callback());
  return {
    issuer,
    clientId: PEER_CLIENT_ID,
    redirectUri: PEER_REDIRECT_URI,
    scope: PEER_SCOPE,
    tokenRequests: () => tokenRequests,
    close: () =>
      new Promise((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

/** Follows the login redirects like a browser would (with cookies) until the redirect to the app. */
export async function followLoginToCallback(authorizeUrl: string, redirectUri: string): Promise<string> {
  const cookies = new Map<string, string>();
  let url = authorizeUrl;
  for (let hop = 0; hop < 10; hop++) {
    const res = await fetch(url, {
      redirect: 'manual',
      headers: { cookie: [...cookies].map(([k, v]) => `${k}=${v}`).join('; ') },
    });
    for (const c of res.headers.getSetCookie()) {
      const [pair] = c.split(';');
      const eq = pair!.indexOf('=');
      cookies.set(pair!.slice(0, eq), pair!.slice(eq + 1));
    }
    const location = res.headers.get('location');
    if (location === null)
      throw new Error(`login stopped at ${res.status} ${url}: ${(await res.text()).slice(0, 300)}`);
    url = new URL(location, url).href;
    if (url.startsWith(redirectUri)) return url;
  }
  throw new Error('too many redirects');
}
