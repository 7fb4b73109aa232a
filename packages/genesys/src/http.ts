import { backoffMs, type GenesysClient } from './client.js';
import { GenesysApiError, GenesysClientError } from './errors.js';

export interface RequestOptions {
  method?: 'GET' | 'POST' | 'PUT' | 'DELETE' | 'HEAD';
  /** Path under the API base (`/api/v2/…`), or an absolute URL on the same origin. */
  path: string;
  query?: Record<string, string | number | boolean | Array<string | number> | undefined>;
  body?: unknown;
  signal?: AbortSignal;
}

const IDEMPOTENT = new Set(['GET', 'HEAD', 'PUT', 'DELETE']);
const RETRYABLE_STATUS = new Set([500, 502, 503, 504]);

export function buildUrl(client: GenesysClient, path: string, query: RequestOptions['query'] = {}): string {
  const url = new URL(path, `${client.apiBaseUrl}/`);
  for (const [k, v] of Object.entries(query)) {
    if (v === undefined) continue;
    for (const item of Array.isArray(v) ? v : [v]) url.searchParams.append(k, String(item));
  }
  return url.href;
}

/**
 * One API call with Genesys's rules: a 401 gets one token refresh, a 429 waits what Retry-After says
 * (any method: the request was not processed), 5xx and network errors are retried with jittered
 * backoff for idempotent methods only, and every attempt has a timeout and honours the caller's signal.
 */
export async function request<T>(client: GenesysClient, req: RequestOptions): Promise<T> {
  const o = client.options;
  const method = req.method ?? 'GET';
  const url = buildUrl(client, req.path, req.query);
  let refreshed = false;
  for (let attempt = 0; ; attempt++) {
    if (req.signal?.aborted) throw new GenesysClientError('aborted', `${method} ${req.path} cancelled`);
    const token = await o.getAccessToken({ refresh: refreshed });
    const timeout = AbortSignal.timeout(o.timeoutMs);
    const signal = req.signal ? AbortSignal.any([req.signal, timeout]) : timeout;
    const headers: Record<string, string> = { Authorization: `Bearer ${token}`, Accept: 'application/json' };
    if (req.body !== undefined) headers['Content-Type'] = 'application/json';
    let res: Response;
    try {
      res = await o.fetch(url, { method, headers, signal, ...(req.body === undefined ? {} : { body: JSON.stringify(req.body) }) });
    } catch (cause) {
      if (req.signal?.aborted) throw new GenesysClientError('aborted', `${method} ${req.path} cancelled`, { cause });
      const timedOut = timeout.aborted;
      if (IDEMPOTENT.has(method) && attempt < o.maxRetries) {
        await o.sleep(backoffMs(client, attempt), req.signal);
        continue;
      }
      throw new GenesysClientError(timedOut ? 'timeout' : 'network_error', `${method} ${req.path} ${timedOut ? `timed out after ${o.timeoutMs} ms` : 'failed before a response'}`, { cause });
    }
    if (res.status === 401 && !refreshed) {
      refreshed = true;
      await res.body?.cancel();
      continue;
    }
    if (res.status === 401) {
      o.onReauthRequired?.();
      throw await apiError(res);
    }
    if (res.status === 429 && attempt < o.maxRetries) {
      const wait = retryAfterMs(res.headers.get('retry-after')) ?? backoffMs(client, attempt);
      if (wait > o.maxRetryAfterMs) throw await apiError(res);
      await res.body?.cancel();
      await o.sleep(wait, req.signal);
      continue;
    }
    if (RETRYABLE_STATUS.has(res.status) && IDEMPOTENT.has(method) && attempt < o.maxRetries) {
      await res.body?.cancel();
      await o.sleep(backoffMs(client, attempt), req.signal);
      continue;
    }
    if (!res.ok) throw await apiError(res);
    if (res.status === 204 || method === 'HEAD') return undefined as T;
    try {
      return (await res.json()) as T;
    } catch (cause) {
      throw new GenesysClientError('invalid_response', `${method} ${req.path} answered ${res.status} with a body that is not JSON`, { cause });
    }
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
  const body = (await res.json().catch(() => ({}))) as { message?: string; code?: string; contextId?: string };
  const retry = retryAfterMs(res.headers.get('retry-after'));
  return new GenesysApiError(res.status, body.code ?? `http.${res.status}`, body.message ?? `HTTP ${res.status}`, body.contextId, retry === undefined ? undefined : retry / 1000);
}
