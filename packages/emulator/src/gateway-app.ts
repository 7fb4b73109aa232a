/**
 * @module The gateway origin: login and API paths on one origin, the layout the official SDK's
 * `setGateway({ host, protocol, port, path_params_login, path_params_api })` expects. The separate login
 * and API origins keep behaving as Genesys's do (the API origin has no /oauth/token).
 */

type Fetch = (req: Request) => Response | Promise<Response>;

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
  return (req) => {
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
    return (route.to === 'login' ? login : api)(forwarded);
  };
}
