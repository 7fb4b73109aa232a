import { resolveEndpoints } from '@adhere/oauth';
import { GenesysClientError } from './errors.js';

export interface GenesysClientOptions {
  /** A Genesys region (`eu_west_1` or `mypurecloud.ie`), or apiBaseUrl for a proxy or the emulator. */
  region?: string;
  apiBaseUrl?: string;
  /** A valid access token; `refresh: true` after a 401 asks for a new one (or the same, if there is none). */
  getAccessToken: (options: { refresh: boolean }) => string | Promise<string>;
  /** Called when a refreshed token is still refused: the user must sign in again. */
  onReauthRequired?: () => void;
  fetch?: typeof fetch;
  /** Per-attempt timeout (default 30 s). */
  timeoutMs?: number;
  /** Retries after the first attempt, for 429, 5xx and network errors (default 3). */
  maxRetries?: number;
  /** A Retry-After longer than this fails the call instead of waiting (default 60 s). */
  maxRetryAfterMs?: number;
  /** First backoff step for 5xx and network errors (default 500 ms), doubled each retry, with full jitter. */
  backoffBaseMs?: number;
  /**
   * Most API requests to send in any minute (default 0: no budget). An app passes a little under Genesys's
   * per-token limit (300 a minute; an org reads its own from organizations/limits): requests past it wait
   * their turn instead of being answered 429. Pre-signed downloads are not counted.
   */
  requestsPerMinute?: number;
  /**
   * Hears each request the budget counts, with the time its slot was taken: an app tells its other tabs (they
   * share the token, so its limit), and each counts the others' with `noteRequestSentElsewhere`.
   */
  onRequestSent?: (at: number) => void;
  /** Injected for tests. */
  now?: () => number;
  sleep?: (ms: number, signal?: AbortSignal) => Promise<void>;
  random?: () => number;
}

export interface GenesysClient {
  readonly apiBaseUrl: string;
  readonly options: Readonly<
    Required<Omit<GenesysClientOptions, 'region' | 'apiBaseUrl' | 'onReauthRequired' | 'onRequestSent'>>
  > &
    Pick<GenesysClientOptions, 'onReauthRequired' | 'onRequestSent'>;
}

/** A client value holding configuration only: every API call is a function taking it (tree-shakeable). */
export function createGenesysClient(options: GenesysClientOptions): GenesysClient {
  if (typeof options.getAccessToken !== 'function')
    throw new GenesysClientError('invalid_argument', 'getAccessToken is required');
  let apiBaseUrl: string;
  if (options.apiBaseUrl !== undefined) {
    try {
      apiBaseUrl = new URL(options.apiBaseUrl).href.replace(/\/+$/, '');
    } catch {
      throw new GenesysClientError(
        'invalid_argument',
        `apiBaseUrl is not a URL: ${JSON.stringify(options.apiBaseUrl)}`,
      );
    }
  } else if (options.region !== undefined) {
    apiBaseUrl = resolveEndpoints({ region: options.region }).apiBaseUrl!;
  } else {
    throw new GenesysClientError('invalid_argument', 'region or apiBaseUrl is required');
  }
  return {
    apiBaseUrl,
    options: {
      getAccessToken: options.getAccessToken,
      onReauthRequired: options.onReauthRequired,
      onRequestSent: options.onRequestSent,
      fetch: options.fetch ?? ((input, init) => fetch(input, init)),
      timeoutMs: options.timeoutMs ?? 30_000,
      maxRetries: options.maxRetries ?? 3,
      maxRetryAfterMs: options.maxRetryAfterMs ?? 60_000,
      backoffBaseMs: options.backoffBaseMs ?? 500,
      requestsPerMinute: options.requestsPerMinute ?? 0,
      now: options.now ?? (() => Date.now()),
      sleep: options.sleep ?? sleep,
      random: options.random ?? Math.random,
    },
  };
}

export function sleep(ms: number, signal?: AbortSignal): Promise<void> {
  return new Promise((resolve, reject) => {
    if (signal?.aborted) return reject(new GenesysClientError('aborted', 'cancelled'));
    const t = setTimeout(() => {
      signal?.removeEventListener('abort', onAbort);
      resolve();
    }, ms);
    const onAbort = () => {
      clearTimeout(t);
      reject(new GenesysClientError('aborted', 'cancelled'));
    };
    signal?.addEventListener('abort', onAbort, { once: true });
  });
}

/** Full jitter (AWS architecture blog): uniform in [0, base·2^attempt]. */
export function backoffMs(client: GenesysClient, attempt: number): number {
  return Math.round(client.options.random() * client.options.backoffBaseMs * 2 ** attempt);
}
