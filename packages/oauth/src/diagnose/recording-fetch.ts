/** @module A fetch that writes the token exchange into an ExchangeRecord, so a failure can be given to diagnose(). */
import type { ExchangeRecord } from './exchange-record.js';

export interface RecordingOptions {
  /** Also keep the response status and body (default false: an app keeps nothing of a response it does not need). */
  response?: boolean;
  fetch?: typeof fetch;
}

/**
 * Pass as `fetch` to completeSignIn/exchangeCode: the request (URL, method, headers, form body) lands in
 * `record.tokenRequest`, and with `response: true` the answer in `record.response`.
 */
export function recordingFetch(record: ExchangeRecord, options: RecordingOptions = {}): typeof fetch {
  const send = options.fetch ?? ((input, init) => fetch(input, init));
  return async (input, init) => {
    const headers: Record<string, string> = {};
    new Headers(init?.headers).forEach((v, k) => (headers[k] = v));
    record.tokenRequest = {
      url: String(input),
      method: init?.method ?? 'GET',
      headers,
      body: String(init?.body ?? ''),
    };
    const res = await send(input, init);
    if (options.response) record.response = { status: res.status, body: await res.clone().text() };
    return res;
  };
}
