/** @module The HTTP core: one exchange with Genesys's rules for tokens, rate limits, retries and timeouts. */
import { pace } from './pacer.js';
import { backoffMs, type GenesysClient } from './client.js';
import { GenesysApiError, GenesysClientError, fromTokenError } from './errors.js';

type Method = 'GET' | 'POST' | 'PUT' | 'DELETE' | 'HEAD' | 'PATCH';

export interface RequestOptions {
  method?: Method;
  /** Path under the API base (`/api/v2/…`), or an absolute URL on the same origin. */
  path: string;
  query?: Record<string, string | number | boolean | Array<string | number> | undefined>;
  body?: unknown;
  signal?: AbortSignal | undefined;
  priority?: RequestPriority | undefined;
}

/** What every API function takes besides its own parameters. */
export interface CallOptions {
  signal?: AbortSignal | undefined;
  /**
   * The browser's fetch priority. Over HTTP/1.1 a browser opens six connections to a host and hands a free
   * one to the most urgent request waiting: a page asks for what fills the screen at the default and for
   * the rest at 'low'. Ignored where fetch has no priorities.
   */
  priority?: RequestPriority | undefined;
}

/** Fetch's priority hint (RequestInit.priority). */
export type RequestPriority = 'high' | 'low' | 'auto';

const IDEMPOTENT = new Set(['GET', 'HEAD', 'PUT', 'DELETE']);
const RETRYABLE_STATUS = new Set([500, 502, 503, 504]);

export function buildUrl(client: GenesysClient, path: string, query: RequestOptions['query'] = {}): string {
  const url = checkedApiUrl(client, path);
  for (const [k, v] of Object.entries(query)) {
    if (v === undefined) continue;
    for (const item of Array.isArray(v) ? v : [v]) url.searchParams.append(k, String(item));
  }
  return url.href;
}

/**
 * The URL of a path under the API, refused unless it stays in `/api/v2/` on the API's origin exactly as written:
 * a path is ours (built by apiPath) or a server's `nextUri`, and neither may use dot segments, backslashes or
 * another host to carry the token somewhere else.
 */
function checkedApiUrl(client: GenesysClient, path: string): URL {
  const url = URL.canParse(path, `${client.apiBaseUrl}/`) ? new URL(path, `${client.apiBaseUrl}/`) : undefined;
  // What the path says before the browser normalises it: the part before any query or fragment.
  const written = path.replace(/^[a-z][a-z0-9+.-]*:\/\/[^/?#]*/i, '').split(/[?#]/)[0]!;
  const base = new URL(client.apiBaseUrl);
  if (
    url === undefined ||
    url.origin !== base.origin ||
    written !== url.pathname ||
    !url.pathname.startsWith('/api/v2/') ||
    /(^|\/)(\.|%2e){1,2}(\/|$)/i.test(written) ||
    /%2f|%5c/i.test(written)
  ) {
    const shown = path.length > 80 ? `${path.slice(0, 80)}… (${path.length} characters)` : path;
    throw new GenesysClientError(
      'invalid_path',
      `Refused to call ${JSON.stringify(shown)}: not a path under /api/v2/ on the API's host`,
    );
  }
  return url;
}

/** One API call answered with JSON (or nothing, for 204 and HEAD). */
export async function request<T>(client: GenesysClient, req: RequestOptions): Promise<T> {
  const method = req.method ?? 'GET';
  const res = await send(client, {
    method,
    url: buildUrl(client, req.path, req.query),
    label: `${method} ${req.path}`,
    body: req.body,
    signal: req.signal,
    priority: req.priority,
    bearer: true,
  });
  if (res.status === 204 || method === 'HEAD') return undefined as T;
  try {
    return (await res.json()) as T;
  } catch (cause) {
    throw new GenesysClientError(
      'invalid_response',
      `${method} ${req.path} answered ${res.status} with a body that is not JSON`,
      { cause },
    );
  }
}

export interface SendOptions {
  method: Method;
  url: string;
  /** How the call is named in errors (never the URL: a pre-signed URL is a credential). */
  label: string;
  body?: unknown;
  signal?: AbortSignal | undefined;
  priority?: RequestPriority | undefined;
  /** Send the access token. Pre-signed download URLs must not get it: the token would leak to the storage host. */
  bearer: boolean;
}

/**
 * One exchange with Genesys's rules: a 401 gets one token refresh, a 429 waits what Retry-After says
 * (any method: the request was not processed), 5xx and network errors are retried with jittered backoff
 * for idempotent methods only, and every attempt has a timeout and honours the caller's signal.
 * Resolves with an ok Response; every failure is a GenesysError.
 */
export async function send(client: GenesysClient, s: SendOptions): Promise<Response> {
  const o = client.options;
  let refreshed = false;
  for (let attempt = 0; ; attempt++) {
    if (s.signal?.aborted) throw new GenesysClientError('aborted', `${s.label} cancelled`);
    if (s.bearer) await pace(client, s.signal);
    const headers: Record<string, string> = { Accept: 'application/json' };
    if (s.bearer) headers.Authorization = `Bearer ${await accessToken(client, refreshed)}`;
    if (s.body !== undefined) headers['Content-Type'] = 'application/json';
    const timeout = AbortSignal.timeout(o.timeoutMs);
    const signal = s.signal ? AbortSignal.any([s.signal, timeout]) : timeout;
    let res: Response;
    try {
      res = await o.fetch(s.url, {
        method: s.method,
        headers,
        signal,
        ...(s.priority === undefined ? {} : { priority: s.priority }),
        ...(s.body === undefined ? {} : { body: JSON.stringify(s.body) }),
      });
    } catch (cause) {
      if (s.signal?.aborted) throw new GenesysClientError('aborted', `${s.label} cancelled`, { cause });
      const timedOut = timeout.aborted;
      if (IDEMPOTENT.has(s.method) && attempt < o.maxRetries) {
        await o.sleep(backoffMs(client, attempt), s.signal);
        continue;
      }
      throw new GenesysClientError(
        timedOut ? 'timeout' : 'network_error',
        `${s.label} ${timedOut ? `timed out after ${o.timeoutMs} ms` : 'failed before a response'}`,
        { cause },
      );
    }
    if (res.status === 401 && s.bearer && !refreshed) {
      refreshed = true;
      await res.body?.cancel();
      continue;
    }
    if (res.status === 401 && s.bearer) {
      o.onReauthRequired?.();
      throw await apiError(res);
    }
    if (res.status === 429 && attempt < o.maxRetries) {
      const wait = retryAfterMs(res.headers.get('retry-after')) ?? backoffMs(client, attempt);
      if (wait > o.maxRetryAfterMs) throw await apiError(res);
      await res.body?.cancel();
      await o.sleep(wait, s.signal);
      continue;
    }
    if (RETRYABLE_STATUS.has(res.status) && IDEMPOTENT.has(s.method) && attempt < o.maxRetries) {
      await res.body?.cancel();
      await o.sleep(backoffMs(client, attempt), s.signal);
      continue;
    }
    if (!res.ok) throw await apiError(res);
    return res;
  }
}

/** The caller's token; an OAuthError (e.g. reauth_required) from getAccessToken becomes this package's error. */
async function accessToken(client: GenesysClient, refresh: boolean): Promise<string> {
  try {
    return await client.options.getAccessToken({ refresh });
  } catch (err) {
    const wrapped = fromTokenError(err as Error);
    if (wrapped.code === 'reauth_required') client.options.onReauthRequired?.();
    throw wrapped;
  }
}

/** Retry-After is seconds (what Genesys sends) or an HTTP date (RFC 9110 §10.2.3). */
export function retryAfterMs(value: string | null, now = Date.now()): number | undefined {
  if (value === null || value.trim() === '') return undefined;
  if (/^\d+$/.test(value.trim())) return Number(value.trim()) * 1000;
  const at = Date.parse(value);
  return Number.isNaN(at) ? undefined : Math.max(0, at - now);
}

async function apiError(res: Response): Promise<GenesysApiError> {
  const body = (await res.json().catch(() => ({}))) as { message?: unknown; code?: unknown; contextId?: unknown };
  const retry = retryAfterMs(res.headers.get('retry-after'));
  return new GenesysApiError({
    status: res.status,
    errorCode: typeof body.code === 'string' ? body.code : `http.${res.status}`,
    message: typeof body.message === 'string' ? body.message : `HTTP ${res.status}`,
    contextId: typeof body.contextId === 'string' ? body.contextId : undefined,
    retryAfterSeconds: retry === undefined ? undefined : retry / 1000,
  });
}
