// Genesys's per-token rate limit (token.rate.per.minute, 300 by default): the 429 body and Retry-After the API
// sends, per token, on the emulator's wall clock; and a client that honours Retry-After gets every answer.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startEmulator, type Emulator } from '@adhere/emulator';
import { ManualClock, tokenFor } from '@adhere/emulator/testing';
import { createGenesysClient, listBusinessUnits, noteRequestSentElsewhere, type GenesysClient } from '@adhere/genesys';

const clock = new ManualClock(Date.UTC(2026, 10, 24, 14));
let emulator: Emulator;
beforeAll(async () => {
  // The default limit: nothing passed.
  emulator = await startEmulator({ agents: 50, clock: 'manual', wallClock: clock });
});
afterAll(() => emulator.close());

const get = (token: string) =>
  fetch(`${emulator.apiUrl}/api/v2/workforcemanagement/businessunits`, {
    headers: { Authorization: `Bearer ${token}` },
  });

describe('the API rate limit per token', () => {
  it('answers the 301st request of a minute 429 with Genesys’s body and Retry-After; other tokens are not counted with it', async () => {
    const token = await tokenFor(emulator);
    const other = await tokenFor(emulator);
    clock.advance(60_000); // a window of its own for this test
    for (let i = 0; i < 300; i++) expect((await get(token)).status).toBe(200);
    clock.advance(20_000);
    const refused = await get(token);
    expect(refused.status).toBe(429);
    expect(refused.headers.get('retry-after')).toBe('40');
    const body = (await refused.json()) as Record<string, unknown>;
    expect(body).toMatchObject({
      status: 429,
      code: 'too.many.requests.retry.after',
      message: 'Rate limit exceeded the maximum. Retry the request in [40] seconds',
      messageParams: { '0': '40' },
    });
    expect(typeof body.contextId).toBe('string');
    expect((await get(other)).status).toBe(200);
    // The minute over, the token may ask again.
    clock.advance(40_000);
    expect((await get(token)).status).toBe(200);
  });

  it('a client that honours Retry-After gets every answer, waiting as long as it was told', async () => {
    const limited = await startEmulator({ agents: 50, clock: 'manual', wallClock: clock, rateLimitPerMinute: 5 });
    try {
      const token = await tokenFor(limited);
      const waits: number[] = [];
      const client = createGenesysClient({
        apiBaseUrl: limited.apiUrl,
        getAccessToken: () => token,
        random: () => 0.5,
        // Waiting is moving the emulator's clock: no real time passes.
        sleep: async (ms) => {
          waits.push(ms);
          clock.advance(ms);
        },
      });
      for (let i = 0; i < 12; i++) expect((await listBusinessUnits(client)).length).toBeGreaterThan(0);
      expect(waits.length).toBeGreaterThanOrEqual(2);
      expect(waits.every((ms) => ms >= 1000)).toBe(true);
      expect(limited.context.rateLimit.limited).toBe(waits.length);
    } finally {
      await limited.close();
    }
  });

  it('a client with its own budget under the limit waits its turn and is never answered 429', async () => {
    const limited = await startEmulator({ agents: 50, clock: 'manual', wallClock: clock, rateLimitPerMinute: 5 });
    try {
      const token = await tokenFor(limited);
      const waits: number[] = [];
      const client = createGenesysClient({
        apiBaseUrl: limited.apiUrl,
        getAccessToken: () => token,
        requestsPerMinute: 5,
        now: () => clock.now(),
        sleep: async (ms) => {
          waits.push(ms);
          clock.advance(ms);
        },
      });
      // 12 in a row: the first 5 leave now, the next 5 a minute later, the last 2 a minute after that.
      for (let i = 0; i < 12; i++) expect((await listBusinessUnits(client)).length).toBeGreaterThan(0);
      expect(limited.context.rateLimit.limited).toBe(0);
      expect(waits).toEqual([60_000, 60_000]);
    } finally {
      await limited.close();
    }
  });

  it('two clients on one token (two tabs) count each other’s requests and are never answered 429', async () => {
    const limited = await startEmulator({ agents: 50, clock: 'manual', wallClock: clock, rateLimitPerMinute: 6 });
    try {
      const token = await tokenFor(limited);
      const waits: number[] = [];
      // Each tells the other what it sent, as the app's tabs do over a BroadcastChannel.
      const tabs: GenesysClient[] = [];
      const tab = (other: () => GenesysClient | undefined) =>
        createGenesysClient({
          apiBaseUrl: limited.apiUrl,
          getAccessToken: () => token,
          requestsPerMinute: 6,
          onRequestSent: (at) => {
            const o = other();
            if (o) noteRequestSentElsewhere(o, at);
          },
          now: () => clock.now(),
          sleep: async (ms) => {
            waits.push(ms);
            clock.advance(ms);
          },
        });
      tabs.push(
        tab(() => tabs[1]),
        tab(() => tabs[0]),
      );
      for (let i = 0; i < 4; i++) await listBusinessUnits(tabs[0]!);
      for (let i = 0; i < 2; i++) await listBusinessUnits(tabs[1]!);
      expect(waits).toEqual([]);
      // The token's six of this minute are spent between them: either tab's next waits for the minute to pass.
      await listBusinessUnits(tabs[0]!);
      await listBusinessUnits(tabs[1]!);
      expect(waits).toEqual([60_000]);
      expect(limited.context.rateLimit.limited).toBe(0);
      // Without telling each other, the same seven requests meet a 429.
      const alone = [tab(() => undefined), tab(() => undefined)];
      clock.advance(60_000);
      for (let i = 0; i < 4; i++) await listBusinessUnits(alone[0]!);
      for (let i = 0; i < 3; i++) await listBusinessUnits(alone[1]!);
      expect(limited.context.rateLimit.limited).toBeGreaterThan(0);
    } finally {
      await limited.close();
    }
  });

  it('is off with rateLimitPerMinute: 0, and a bad value is refused', async () => {
    await expect(startEmulator({ agents: 10, rateLimitPerMinute: -1 })).rejects.toThrow(/rateLimitPerMinute/);
    const open = await startEmulator({ agents: 10, clock: 'manual', wallClock: clock, rateLimitPerMinute: 0 });
    try {
      const token = await tokenFor(open);
      const answers = await Promise.all(
        Array.from({ length: 320 }, () =>
          fetch(`${open.apiUrl}/api/v2/workforcemanagement/businessunits`, {
            headers: { Authorization: `Bearer ${token}` },
          }).then((r) => r.status),
        ),
      );
      expect(answers.every((s) => s === 200)).toBe(true);
    } finally {
      await open.close();
    }
  });
});
