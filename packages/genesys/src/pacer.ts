/**
 * @module A client's own budget of API requests per minute, kept below Genesys's per-token limit
 * (`token.rate.per.minute`, 300 in the org limits table) so that a long report or a large board waits a little
 * instead of being answered 429. No more than `perMinute` requests leave in any 60 s: then no minute the server
 * counts, however it aligns its windows, holds more.
 */
import type { GenesysClient } from './client.js';

const WINDOW_MS = 60_000;
const sentBy = new WeakMap<GenesysClient, number[]>();

function sentOf(client: GenesysClient): number[] {
  let sent = sentBy.get(client);
  if (!sent) sentBy.set(client, (sent = []));
  return sent;
}

/**
 * Counts a request another client sent on the same token (another tab of the app) against this client's budget:
 * tabs share the token's limit, so together they keep under it.
 */
export function noteRequestSentElsewhere(client: GenesysClient, at: number): void {
  if (!(client.options.requestsPerMinute > 0) || !Number.isFinite(at)) return;
  const sent = sentOf(client);
  // Kept in time order: the others' slots arrive about now, so the place is found from the end.
  let i = sent.length;
  while (i > 0 && sent[i - 1]! > at) i--;
  sent.splice(i, 0, at);
}

/** Waits, if the client's budget for the last minute is spent, until a request may leave; then counts it. */
export async function pace(client: GenesysClient, signal: AbortSignal | undefined): Promise<void> {
  const { requestsPerMinute: perMinute, now, sleep, onRequestSent } = client.options;
  if (!(perMinute > 0)) return;
  const sent = sentOf(client);
  const t = now();
  while (sent.length > 0 && t - sent[0]! >= WINDOW_MS) sent.shift();
  if (sent.length >= perMinute) {
    // A slot frees when the request `perMinute` back leaves the window (there may be more than `perMinute`
    // when other tabs' requests were counted in); the slot is counted taken as of that moment (one wait only:
    // an injected sleep that does not pass time must not loop).
    const at = sent[sent.length - perMinute]! + WINDOW_MS;
    sent.splice(0, sent.length - perMinute + 1);
    sent.push(at);
    onRequestSent?.(at);
    await sleep(at - t, signal);
    return;
  }
  sent.push(t);
  onRequestSent?.(t);
}
