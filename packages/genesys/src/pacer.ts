/**
 * @module A client's own budget of API requests per minute, kept below Genesys's per-token limit
 * (`token.rate.per.minute`, 300 in the org limits table) so that a long report or a large board waits a little
 * instead of being answered 429. No more than `perMinute` requests leave in any 60 s: then no minute the server
 * counts, however it aligns its windows, holds more.
 */
import type { GenesysClient } from './client.js';

const WINDOW_MS = 60_000;
const sentBy = new WeakMap<GenesysClient, number[]>();

/** Waits, if the client's budget for the last minute is spent, until a request may leave; then counts it. */
export async function pace(client: GenesysClient, signal: AbortSignal | undefined): Promise<void> {
  const { requestsPerMinute: perMinute, now, sleep } = client.options;
  if (!(perMinute > 0)) return;
  let sent = sentBy.get(client);
  if (!sent) sentBy.set(client, (sent = []));
  const t = now();
  while (sent.length > 0 && t - sent[0]! >= WINDOW_MS) sent.shift();
  if (sent.length >= perMinute) {
    // The oldest request of the minute leaves the window then; the slot is counted taken as of that moment
    // (one wait only: an injected sleep that does not pass time must not loop).
    const at = sent[0]! + WINDOW_MS;
    sent.shift();
    sent.push(at);
    await sleep(at - t, signal);
    return;
  }
  sent.push(t);
}
