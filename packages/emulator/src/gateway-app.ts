/**
 * @module The gateway origin: login and API paths on one origin, the layout the official SDK's
 * `setGateway({ host, protocol, port, path_params_login, path_params_api })` expects. The separate login
 * and API origins keep behaving as Genesys's do (the API origin has no /oauth/token).
 */

type Fetch = (req: Request, env?: unknown) => Response | Promise<Response>;

export interface GatewayRoute {
  to: 'login' | 'api';
  path: string;
}

/** Login paths the SDK and browsers use when no path prefix is configured. */
const LOGIN_PATHS = /^\/(oauth\/|logout$|__emulator\/|$)/;

/**
 * Where a gateway path goes: `/login/…` (path_params_login "login") and `/api/api/v2/…` (path_params_api
 * "api") lose their prefix; unprefixed OAuth paths go to the login origin, everything else to the API.
 */
export function gatewayRoute(pathname: string): GatewayRoute {
  if (pathname === '/login' || pathname.startsWith('/login/')) return { to: 'login', path: pathname.slice(6) || '/' };
  if (pathname.startsWith('/api/api/') || pathname.startsWith('/api/downloads/'))
    return { to: 'api', path: pathname.slice(4) };
  return { to: LOGIN_PATHS.test(pathname) ? 'login' : 'api', path: pathname };
}

export function gatewayFetch(login: Fetch, api: Fetch): Fetch {
  return (req, env) => {
    // Which origin a request is for is read from its Host: two Host headers (RFC 9112 §3.2: a server
    // MUST answer 400) could be read one way here and another way by a proxy in front.
    if (hostHeaders(req, env) !== 1)
      return new Response(JSON.stringify({ error: 'a request must carry exactly one Host header' }), {
        status: 400,
        headers: { 'Content-Type': 'application/json' },
      });
    const url = new URL(req.url);
    const route = gatewayRoute(url.pathname);
    url.pathname = route.path;
    const hasBody = req.method !== 'GET' && req.method !== 'HEAD';
    const forwarded = new Request(url.href, {
      method: req.method,
      headers: req.headers,
      redirect: 'manual',
      ...(hasBody ? { body: req.body, duplex: 'half' } : {}),
    } as RequestInit);
    // The Node bindings go along: the login throttle keys on the peer's address.
    return (route.to === 'login' ? login : api)(forwarded, env);
  };
}

/** How many Host headers the request came with: Node's raw header list where there is one. */
function hostHeaders(req: Request, env: unknown): number {
  const raw = (env as { incoming?: { rawHeaders?: string[] } } | undefined)?.incoming?.rawHeaders;
  if (raw) return raw.filter((name, i) => i % 2 === 0 && name.toLowerCase() === 'host').length;
  return req.headers.get('host')?.includes(',') ? 2 : 1;
}
