// Issue 20, item 4: an agent's own historical adherence through Genesys's agent route: the job, its notice or its
// job route, the download, each figure against the emulator's truth; the permission and range checks Genesys
// documents; and no way to another user's job.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import { startEmulator, type Emulator } from '@adhere/emulator';
import { historicalTruth, tokenFor } from '@adhere/emulator/testing';
import {
  GenesysClientError,
  createGenesysClient,
  createNotificationHub,
  localDate,
  myHistoricalAdherence,
  parseMyResult,
  startOfDay,
  type GenesysClient,
  type WebSocketFactory,
} from '@adhere/genesys';
import { refusal } from './refusal.js';

// A moment agent0001 is at work (the my-day e2e test uses it too).
const NOW = Date.UTC(2026, 10, 26, 14, 0);
const DAY = 86_400_000;
let emulator: Emulator;
let agent: GenesysClient;
let supervisor: GenesysClient;
const iso = (t: number) => new Date(t).toISOString();
const me = () => emulator.centre.topology.agents[0]!;

beforeAll(async () => {
  emulator = await startEmulator({ agents: 40, clock: 'manual', startTime: NOW, historicalDelayMs: 20 });
  const client = (token: string) => createGenesysClient({ apiBaseUrl: emulator.apiUrl, getAccessToken: () => token });
  agent = client(await tokenFor(emulator, 'agent0001@adhere.local', 'agent'));
  supervisor = client(await tokenFor(emulator));
});
afterAll(() => emulator.close());

describe("an agent's own historical adherence", () => {
  it('today so far, with exceptions and actuals, equals the emulator’s truth; the target is the unit’s', async () => {
    const zone = me().timeZone;
    const start = iso(startOfDay(zone, localDate(zone, NOW)));
    const r = await myHistoricalAdherence(agent, {
      startDate: start,
      timeZone: zone,
      expand: ['exceptionInfo', 'actuals', 'scheduledActivities'],
      pollIntervalMs: 10,
    });
    const truth = historicalTruth(emulator, me().id, start, iso(NOW), zone) as {
      dayMetrics: Array<Record<string, number>>;
      exceptionInfo: Array<Record<string, unknown>>;
      actuals: unknown[];
    };
    expect(r.userId).toBe(me().id);
    expect(r.targetAdherencePercentage).toBe(emulator.centre.settings.adherenceTargetPercent);
    expect(r.days).toHaveLength(1);
    expect(r.days[0]!.adherenceScheduleSeconds).toBe(truth.dayMetrics[0]!.adherenceScheduleSeconds);
    expect(r.days[0]!.exceptionDurationSeconds).toBe(truth.dayMetrics[0]!.exceptionDurationSeconds);
    expect(r.days[0]!.adherenceScheduleSeconds).toBeGreaterThan(0);
    expect(r.exceptions.map((x) => [x.startOffsetSeconds, x.endOffsetSeconds])).toEqual(
      truth.exceptionInfo.map((x) => [x.startOffsetSeconds, x.endOffsetSeconds]),
    );
    expect(r.actuals).toHaveLength(truth.actuals.length);
    // endDate left out is now, as Genesys documents.
    expect(Date.parse(r.endDate)).toBe(NOW);
    // The whole day's schedule is listed (what is still to come too), and it lies inside the day.
    expect(r.scheduledActivities.length).toBeGreaterThan(0);
    for (const a of r.scheduledActivities) expect(a.endOffsetSeconds).toBeGreaterThan(a.startOffsetSeconds);
  });

  it('heard on the tab’s channel as well as polled: the same answer either way', async () => {
    const hub = createNotificationHub(agent, { WebSocket: WebSocket as unknown as WebSocketFactory });
    try {
      const start = iso(NOW - 3 * DAY);
      // A poll too slow to win: the answer comes from the notice.
      const r = await myHistoricalAdherence(agent, { startDate: start, notifications: hub, pollIntervalMs: 60_000 });
      expect(r.days.length).toBeGreaterThanOrEqual(3);
      const truth = historicalTruth(emulator, me().id, start, iso(NOW), me().timeZone) as {
        dayMetrics: Array<Record<string, number>>;
      };
      expect(r.days.map((d) => d.exceptionDurationSeconds)).toEqual(
        truth.dayMetrics.map((d) => d.exceptionDurationSeconds),
      );
    } finally {
      hub.close();
    }
  });

  it('refuses what Genesys refuses, by its codes', async () => {
    // A supervisor is not an agent, and lacks the agent's permission.
    expect((await refusal(myHistoricalAdherence(supervisor, { startDate: iso(NOW - DAY) }))).status).toBe(403);
    // 31 days at most; 7 with exceptions, actuals or scheduled activities.
    const long = await refusal(myHistoricalAdherence(agent, { startDate: iso(NOW - 32 * DAY), endDate: iso(NOW) }));
    expect([long.status, long.errorCode]).toEqual([400, 'wfm.validation.failure']);
    const detailed = await refusal(
      myHistoricalAdherence(agent, { startDate: iso(NOW - 8 * DAY), endDate: iso(NOW), expand: ['actuals'] }),
    );
    expect(detailed.message).toMatch(/7 days/);
    // Conformance needs its own permission, which the seeded agent has not.
    const conf = await refusal(
      myHistoricalAdherence(agent, { startDate: iso(NOW - DAY), endDate: iso(NOW), expand: ['conformance'] }),
    );
    expect([conf.status, conf.errorCode]).toEqual([403, 'missing.any.permissions']);
    expect(
      (await refusal(myHistoricalAdherence(agent, { startDate: iso(NOW), endDate: iso(NOW - DAY) }))).errorCode,
    ).toBe('wfm.validation.failure');
  });

  it('bad input to the route is a 400 naming it, and starts no job', async () => {
    const token = await tokenFor(emulator, 'agent0001@adhere.local', 'agent');
    const post = (query: string, body: string) =>
      fetch(`${emulator.apiUrl}/api/v2/workforcemanagement/agents/me/adherence/historical/jobs${query}`, {
        method: 'POST',
        headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
        body,
      });
    for (const [query, body, says] of [
      ['?expand=everything', JSON.stringify({ startDate: iso(NOW - DAY) }), /expand everything/],
      ['', JSON.stringify({}), /startDate/],
      ['', JSON.stringify({ startDate: 'yesterday' }), /startDate/],
      ['', JSON.stringify({ startDate: iso(NOW - DAY), timeZone: 'Mars/Olympus' }), /Mars\/Olympus/],
      // Not an object: read as {} (request-body.ts), so the missing startDate is what is named.
      ['', '[1, 2]', /ISO-8601/],
    ] as const) {
      const res = await post(query, body);
      expect(res.status).toBe(400);
      expect(((await res.json()) as { message: string }).message).toMatch(says);
    }
  });

  it('a job is its creator’s only: another user’s id is not found', async () => {
    const res = await fetch(`${emulator.apiUrl}/api/v2/workforcemanagement/agents/me/adherence/historical/jobs`, {
      method: 'POST',
      headers: {
        authorization: `Bearer ${await tokenFor(emulator, 'agent0001@adhere.local', 'agent')}`,
        'content-type': 'application/json',
      },
      body: JSON.stringify({ startDate: iso(NOW - DAY) }),
    });
    expect(res.status).toBe(202);
    const { job } = (await res.json()) as { job: { id: string; status: string } };
    expect(job.status).toBe('Processing');
    const other = await fetch(
      `${emulator.apiUrl}/api/v2/workforcemanagement/agents/me/adherence/historical/jobs/${job.id}`,
      { headers: { authorization: `Bearer ${await tokenFor(emulator)}` } },
    );
    expect(other.status).toBe(404);
    expect(((await other.json()) as { code: string }).code).toBe('job.not.found');
  });

  it('a result that is not one is a typed error naming what it lacks', () => {
    for (const [raw, says] of [
      ['text', /not a JSON object/],
      [{ user: { id: 'x' } }, /no dayMetrics/],
      [{ dayMetrics: [], targetAdherencePercentage: 250 }, /targetAdherencePercentage/],
    ] as const) {
      const e = (() => {
        try {
          parseMyResult(raw, iso(NOW));
        } catch (err) {
          return err;
        }
      })();
      expect(e).toBeInstanceOf(GenesysClientError);
      expect((e as Error).message).toMatch(says);
    }
  });
});
