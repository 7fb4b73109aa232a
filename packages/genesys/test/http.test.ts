import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { startEmulator, type Emulator } from '@adhere/emulator';
import {
  GenesysApiError,
  GenesysClientError,
  NotificationStream,
  createGenesysClient,
  download,
  getMe,
  isGenesysError,
  retryAfterMs,
  searchUsers,
  type GenesysClientOptions,
} from '@adhere/genesys';
import { OAuthError } from '@adhere/oauth';
import { tokenFor } from '@adhere/emulator/testing';

let emulator: Emulator;
let token: string;
beforeAll(async () => {
  emulator = await startEmulator({ agents: 20, clock: 'manual' });
  token = await tokenFor(emulator);
});
afterAll(() => emulator.close());
beforeEach(() => emulator.context.faults.set({ rate429: 0, rate5xx: 0, latencyMs: 0, retryAfterMs: 1000 }));

function instrumented(extra: Partial<GenesysClientOptions> = {}) {
  const waits: number[] = [];
  let attempts = 0;
  const client = createGenesysClient({
    apiBaseUrl: emulator.apiUrl,
    getAccessToken: () => token,
    fetch: (i, init) => (attempts++, fetch(i, init)),
    sleep: (ms) => (waits.push(ms), new Promise((r) => setTimeout(r, ms))),
    maxRetries: 8,
    backoffBaseMs: 20,
    ...extra,
  });
  return { client, waits, attempts: () => attempts };
}

describe('HTTP core against injected faults', () => {
  it('a 429 storm: every wait is exactly what Retry-After said, and the calls succeed', async () => {
    emulator.context.faults.set({ rate429: 0.5, retryAfterMs: 1000 });
    const { client, waits } = instrumented();
    const started = performance.now();
    for (let i = 0; i < 6; i++) expect((await getMe(client)).email).toBe('supervisor@adhere.local');
    expect(waits.length).toBeGreaterThan(0);
    expect(waits.every((w) => w === 1000)).toBe(true);
    expect(performance.now() - started).toBeGreaterThanOrEqual(waits.length * 1000 - 5);
  });

  it("under 429s and 5xx together, what the client reads equals the emulator's truth", async () => {
    emulator.context.faults.set({ rate429: 0.3, rate5xx: 0.2, retryAfterMs: 0 });
    const { client, waits } = instrumented({ maxRetries: 10 });
    const { getManagementUnitAdherence } = await import('@adhere/genesys');
    const mu = emulator.centre.topology.managementUnits[0]!;
    for (let round = 0; round < 3; round++) {
      const rows = await getManagementUnitAdherence(client, mu.id);
      for (const r of rows) {
        const truth = emulator.centre.statusOf(emulator.centre.topology.agentsById.get(r.user!.id)!.index);
        expect([r.adherenceState, r.systemPresence, r.routingStatus]).toEqual([
          truth.verdict.state,
          truth.span.presence,
          truth.span.routing,
        ]);
      }
      expect(rows.length).toBe(emulator.centre.topology.agents.length);
      emulator.centre.advanceBy(5 * 60_000);
    }
    expect(waits.length).toBeGreaterThan(0);
  });

  it('a Retry-After above the cap fails at once with the 429, instead of waiting', async () => {
    emulator.context.faults.set({ rate429: 1, retryAfterMs: 120000 });
    const { client, waits } = instrumented({ maxRetryAfterMs: 5000 });
    const err = await getMe(client).catch((e: unknown) => e);
    expect(err).toMatchObject({
      name: 'GenesysApiError',
      code: 'api_error',
      status: 429,
      errorCode: 'too.many.requests.retry.after',
      retryAfterSeconds: 120,
    });
    expect(waits).toEqual([]);
  });

  it('5xx bursts: idempotent GETs retry with jittered backoff; a POST is not retried', async () => {
    emulator.context.faults.set({ rate5xx: 0.3 });
    const get = instrumented({ maxRetries: 12 });
    for (let i = 0; i < 6; i++) await getMe(get.client);
    expect(get.waits.length).toBeGreaterThan(0);
    expect(get.waits.every((w) => w >= 0 && w <= 20 * 2 ** 12)).toBe(true);
    emulator.context.faults.set({ rate5xx: 1 });
    const post = instrumented();
    const err = await searchUsers(post.client, 'a').catch((e: unknown) => e);
    expect(err).toBeInstanceOf(GenesysApiError);
    expect((err as GenesysApiError).status).toBe(503);
    expect(post.attempts()).toBe(1);
  });

  it('a 401 gets one refresh; still refused → onReauthRequired and a typed 401', async () => {
    const asked: boolean[] = [];
    const refreshing = createGenesysClient({
      apiBaseUrl: emulator.apiUrl,
      getAccessToken: ({ refresh }) => (asked.push(refresh), refresh ? token : 'stale'),
    });
    expect((await getMe(refreshing)).email).toBe('supervisor@adhere.local');
    expect(asked).toEqual([false, true]);
    let reauth = 0;
    const dead = createGenesysClient({
      apiBaseUrl: emulator.apiUrl,
      getAccessToken: () => 'revoked',
      onReauthRequired: () => reauth++,
    });
    const err = await getMe(dead).catch((e: unknown) => e);
    expect(err).toMatchObject({ status: 401, code: 'api_error', errorCode: 'bad.credentials' });
    expect(reauth).toBe(1);
  });

  it("times out a slow attempt and says so; cancels on the caller's signal", async () => {
    emulator.context.faults.set({ latencyMs: 400 });
    const { client } = instrumented({ timeoutMs: 100, maxRetries: 1 });
    const err = await getMe(client).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(GenesysClientError);
    expect((err as GenesysClientError).code).toBe('timeout');
    const ac = new AbortController();
    const pending = getMe(instrumented().client, { signal: ac.signal });
    ac.abort();
    expect(await pending.catch((e: GenesysClientError) => e.code)).toBe('aborted');
  });

  it('an unreachable API is a network_error after the retries', async () => {
    const { client, attempts } = instrumented({ apiBaseUrl: 'http://127.0.0.1:9', maxRetries: 2 });
    const err = await getMe(client).catch((e: unknown) => e);
    expect((err as GenesysClientError).code).toBe('network_error');
    expect(attempts()).toBe(3);
  });

  it('parses Retry-After as seconds or an HTTP date', () => {
    expect(retryAfterMs('7')).toBe(7000);
    expect(retryAfterMs('Wed, 25 Nov 2026 12:00:10 GMT', Date.UTC(2026, 10, 25, 12, 0, 0))).toBe(10_000);
    expect(retryAfterMs('soon')).toBeUndefined();
    expect(retryAfterMs(null)).toBeUndefined();
  });

  it('refuses bad configuration with typed errors', () => {
    expect(() => createGenesysClient({ getAccessToken: () => '' })).toThrow(/region or apiBaseUrl/);
    expect(() => createGenesysClient({ apiBaseUrl: 'nope', getAccessToken: () => '' })).toThrow(/not a URL/);
    expect(createGenesysClient({ region: 'eu_west_1', getAccessToken: () => '' }).apiBaseUrl).toBe(
      'https://api.mypurecloud.ie',
    );
  });
});

describe('one error family: every public failure path is a GenesysError', () => {
  it('an OAuthError from getAccessToken (reauth_required) is wrapped, with the original as cause', async () => {
    let reauth = 0;
    const signedOut = new OAuthError('reauth_required', 'no token');
    const c = createGenesysClient({
      apiBaseUrl: emulator.apiUrl,
      getAccessToken: () => Promise.reject(signedOut),
      onReauthRequired: () => reauth++,
    });
    const err = await getMe(c).catch((e: unknown) => e);
    expect(isGenesysError(err)).toBe(true);
    expect(err).toMatchObject({ name: 'GenesysClientError', code: 'reauth_required', cause: signedOut });
    expect(reauth).toBe(1);
  });

  it('a failed download is a GenesysApiError that does not show the pre-signed URL', async () => {
    const url = `${emulator.apiUrl}/downloads/secret-signature`;
    const err = await download(
      createGenesysClient({ apiBaseUrl: emulator.apiUrl, getAccessToken: () => token }),
      url,
    ).catch((e: unknown) => e);
    expect(err).toMatchObject({ name: 'GenesysApiError', code: 'api_error', status: 404 });
    expect((err as Error).message).not.toContain('secret-signature');
  });

  it('bad arguments and a missing WebSocket are GenesysClientError invalid_argument', async () => {
    const c = createGenesysClient({ apiBaseUrl: emulator.apiUrl, getAccessToken: () => token });
    const errors = [
      (() => {
        try {
          createGenesysClient({ getAccessToken: () => token });
        } catch (e) {
          return e;
        }
      })(),
      (() => {
        try {
          new NotificationStream(c, { topics: [], onEvent: () => {}, WebSocket: undefined as never });
        } catch (e) {
          return e;
        }
      })(),
      await searchUsers(c, '  ').catch((e: unknown) => e),
    ];
    for (const e of errors) expect(e).toMatchObject({ name: 'GenesysClientError', code: 'invalid_argument' });
    expect(errors.every(isGenesysError)).toBe(true);
  });
});
