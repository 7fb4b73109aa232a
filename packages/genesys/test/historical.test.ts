import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import { startEmulator, type Emulator } from '@adhere/emulator';
import {
  GenesysClientError,
  createGenesysClient,
  createNotificationHub,
  historicalAdherence,
  parseHistoricalFile,
  parseHistoricalText,
  type GenesysClient,
  type HistoricalProgress,
  type WebSocketFactory,
} from '@adhere/genesys';
import { tokenFor } from '@adhere/emulator/testing';

const T0 = Date.UTC(2026, 10, 24, 0, 0);
let emulator: Emulator;
let client: GenesysClient;
beforeAll(async () => {
  emulator = await startEmulator({
    agents: 1200,
    clock: 'manual',
    startTime: T0 + 3 * 86_400_000,
    historicalDelayMs: 300,
  });
  const token = await tokenFor(emulator);
  client = createGenesysClient({ apiBaseUrl: emulator.apiUrl, getAccessToken: () => token });
});
afterAll(() => emulator.close());

const request = (muId: string) => ({
  managementUnitId: muId,
  startDate: new Date(T0).toISOString(),
  endDate: new Date(T0 + 2 * 86_400_000).toISOString(),
  timeZone: 'Europe/London',
  includeExceptions: true,
  includeActuals: true,
});

async function truthFor(userIds: string[], muId: string) {
  // What the emulator serves for the same query, read directly from its download file via the REST job.
  const token = await tokenFor(emulator);
  const h = { Authorization: `Bearer ${token}`, 'Content-Type': 'application/json' };
  const req = request(muId);
  const started = (await (
    await fetch(`${emulator.apiUrl}/api/v2/workforcemanagement/adherence/historical/bulk`, {
      method: 'POST',
      headers: h,
      body: JSON.stringify({ timeZone: req.timeZone, items: [{ ...req, userIds }] }),
    })
  ).json()) as { job: { id: string } };
  for (;;) {
    const job = (await (
      await fetch(`${emulator.apiUrl}/api/v2/workforcemanagement/adherence/historical/bulk/jobs/${started.job.id}`, {
        headers: h,
      })
    ).json()) as { job: { status: string }; downloadUrls?: string[] };
    if (job.job.status === 'Complete')
      return (await (await fetch(job.downloadUrls![0]!)).json()) as {
        userResults: Array<{
          userId: string;
          adherencePercentage: number;
          conformancePercentage: number;
          dayMetrics: Array<{ exceptionDurationSeconds: number }>;
        }>;
      };
    await new Promise((r) => setTimeout(r, 50));
  }
}

describe('historicalAdherence (bulk route)', () => {
  it('polls to completion, downloads every file, and returns typed per-user, per-day results', async () => {
    const mu = emulator.centre.topology.managementUnits[0]!;
    const progress: HistoricalProgress[] = [];
    const results = await historicalAdherence(client, {
      ...request(mu.id),
      pollIntervalMs: 100,
      onProgress: (p) => progress.push(p),
    });
    const members = emulator.centre.topology.agents.filter((a) => a.managementUnitId === mu.id);
    expect(results.map((r) => r.userId).sort()).toEqual(members.map((a) => a.id).sort());
    expect(results.length).toBeGreaterThan(500); // more than one download file
    expect(progress.at(-1)).toMatchObject({ phase: 'done', users: results.length });
    expect(progress.some((p) => p.phase === 'downloading' && p.filesTotal >= 2)).toBe(true);
    const sample = results.slice(0, 20);
    const truth = await truthFor(
      sample.map((r) => r.userId),
      mu.id,
    );
    for (const r of sample) {
      const t = truth.userResults.find((u) => u.userId === r.userId)!;
      expect(r.adherencePercentage).toBe(t.adherencePercentage);
      expect(r.conformancePercentage).toBe(t.conformancePercentage);
      expect(r.days.map((d) => d.exceptionDurationSeconds)).toEqual(
        t.dayMetrics.map((d) => d.exceptionDurationSeconds),
      );
    }
    expect(results.some((r) => r.exceptions.length > 0)).toBe(true);
    expect(results.every((r) => r.days.length >= 2)).toBe(true);
  });

  it("finishes on the completion notice heard on the tab's hub, before the first poll; chunks share its one channel", async () => {
    const mu = emulator.centre.topology.managementUnits[1]!;
    const token = await tokenFor(emulator);
    const calls: string[] = [];
    const counted = createGenesysClient({
      apiBaseUrl: emulator.apiUrl,
      getAccessToken: () => token,
      fetch: (input, init) => {
        calls.push(`${init?.method ?? 'GET'} ${new URL(String(input)).pathname}`);
        return fetch(input, init);
      },
      // A poll would have to wait an hour: only the notice can end these queries.
      sleep: (_ms, signal) =>
        new Promise((_, reject) => signal?.addEventListener('abort', () => reject(new Error('aborted')))),
    });
    const hub = createNotificationHub(counted, { WebSocket: WebSocket as unknown as WebSocketFactory });
    try {
      for (let chunk = 0; chunk < 3; chunk++) {
        const results = await historicalAdherence(counted, {
          ...request(mu.id),
          includeExceptions: false,
          pollIntervalMs: 3_600_000,
          notifications: hub,
        });
        expect(results.length).toBe(emulator.centre.topology.agents.filter((a) => a.managementUnitId === mu.id).length);
      }
      expect(calls.filter((c) => c === 'POST /api/v2/notifications/channels')).toHaveLength(1);
      expect(calls.filter((c) => c === 'GET /api/v2/users/me')).toHaveLength(1);
      expect(calls.filter((c) => c.includes('/bulk/jobs/'))).toHaveLength(0);
    } finally {
      hub.close();
    }
  });

  it('is cancellable', async () => {
    const ac = new AbortController();
    const pending = historicalAdherence(client, {
      ...request(emulator.centre.topology.managementUnits[0]!.id),
      pollIntervalMs: 100,
      signal: ac.signal,
    });
    setTimeout(() => ac.abort(), 50);
    const err = await pending.catch((e: unknown) => e);
    expect(err).toBeInstanceOf(GenesysClientError);
    expect((err as GenesysClientError).code).toBe('aborted');
  });

  it('parses both file shapes (MU …Secs and bulk …Seconds) to one model', async () => {
    async function* text(s: string) {
      for (let i = 0; i < s.length; i += 7) yield s.slice(i, i + 7);
    }
    const mu = JSON.stringify({
      entityId: 'j',
      data: [
        {
          userId: 'u1',
          managementUnitId: 'm',
          startDate: '2026-11-24T00:00:00Z',
          adherencePercentage: 90,
          conformancePercentage: 101,
          impact: 'Negative',
          dayMetrics: [
            {
              dayStartOffsetSecs: 0,
              adherenceScheduleSecs: 100,
              exceptionDurationSecs: 10,
              exceptionCount: 1,
              impactSeconds: -10,
            },
          ],
        },
      ],
    });
    const bulk = JSON.stringify({
      managementUnitId: 'm',
      startDate: '2026-11-24T00:00:00Z',
      userResults: [
        {
          userId: 'u1',
          adherencePercentage: 90,
          conformancePercentage: 101,
          impact: 'Negative',
          dayMetrics: [
            {
              dayStartOffsetSeconds: 0,
              adherenceScheduleSeconds: 100,
              exceptionDurationSeconds: 10,
              exceptionCount: 1,
              impactSeconds: -10,
            },
          ],
        },
      ],
    });
    const a = [];
    for await (const r of parseHistoricalFile(text(mu), '2026-11-24T00:00:00Z')) a.push(r);
    const b = [];
    for await (const r of parseHistoricalFile(text(bulk), '2026-11-24T00:00:00Z')) b.push(r);
    expect(a).toEqual(b);
    expect(a[0]!.days[0]).toMatchObject({ adherenceScheduleSeconds: 100, exceptionDurationSeconds: 10 });
    expect(a[0]!.managementUnitId).toBe('m');
    // The whole-text parser (what the client uses once a file is downloaded) reads both the same way.
    expect(parseHistoricalText(mu, '2026-11-24T00:00:00Z')).toEqual(a);
    expect(parseHistoricalText(bulk, '2026-11-24T00:00:00Z')).toEqual(b);
  });

  it('names what is wrong with a result file that is not one', () => {
    const bad = (text: string) => {
      try {
        parseHistoricalText(text, '2026-11-24T00:00:00Z');
      } catch (err) {
        return `${(err as GenesysClientError).code}: ${(err as Error).message}`;
      }
      return 'parsed';
    };
    expect(bad('{"userResults": [')).toMatch(/^invalid_response: a historical result file is not JSON/);
    expect(bad('[1]')).toBe('invalid_response: a historical result file is not a JSON object');
    expect(bad('{"userResults": 3}')).toBe(
      'invalid_response: a historical result file has no userResults or data array',
    );
    expect(bad('{"userResults": [{"userId": "u"}, null]}')).toBe(
      "invalid_response: a historical result file's user 2 is not an object",
    );
    expect(bad('{"startDate": "2026-11-24T00:00:00Z"}')).toBe('parsed');
  });
});
