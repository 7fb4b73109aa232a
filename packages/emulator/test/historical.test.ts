import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import { startEmulator, type AgentStatus, type Emulator } from '../src/index.js';
import { modelMismatches } from '@adhere/testing/sdk-models';
import { tokenFor } from '@adhere/emulator/testing';

const T0 = Date.UTC(2026, 10, 24, 12, 0);
const HOURS = 6;
let emulator: Emulator;
let token: string;
/** Seconds each agent spent out of adherence during scheduled time, integrated from the live change stream. */
const liveOutOfAdherence = new Map<string, number>();

beforeAll(async () => {
  emulator = await startEmulator({
    agents: 150,
    clock: 'manual',
    startTime: T0,
    historicalDelayMs: 20,
    settings: { adherenceExceptionThresholdSeconds: 0 },
  });
  token = await tokenFor(emulator);
  const centre = emulator.centre;
  const since = new Map<string, { at: number; status: AgentStatus }>();
  for (const s of centre.allStatuses()) since.set(s.agent.id, { at: T0, status: s });
  const add = (s: AgentStatus, from: number, to: number) => {
    if (s.verdict.state === 'OutOfAdherence' && s.span.scheduled)
      liveOutOfAdherence.set(s.agent.id, (liveOutOfAdherence.get(s.agent.id) ?? 0) + (to - from) / 1000);
  };
  centre.onChange((next) => {
    const prev = since.get(next.agent.id)!;
    add(prev.status, prev.at, next.span.start);
    since.set(next.agent.id, { at: next.span.start, status: next });
  });
  centre.advanceBy(HOURS * 3600_000);
  for (const { at, status } of since.values()) add(status, at, T0 + HOURS * 3600_000);
});
afterAll(() => emulator.close());

const api = async (method: string, path: string, body?: unknown, t = token) => {
  const res = await fetch(`${emulator.apiUrl}${path}`, {
    method,
    headers: { Authorization: `Bearer ${t}`, 'Content-Type': 'application/json' },
    ...(body === undefined ? {} : { body: JSON.stringify(body) }),
  });
  return { status: res.status, body: (await res.json()) as any };
};

describe('historical adherence', () => {
  it('an MU query completes by notification, and its result agrees with what the live view showed', async () => {
    const me = (await api('GET', '/api/v2/users/me')).body;
    const mu = emulator.centre.topology.managementUnits[0]!;
    const channel = (await api('POST', '/api/v2/notifications/channels')).body;
    const topic = `v2.users.${me.id}.workforcemanagement.historicaladherencequery`;
    await api('PUT', `/api/v2/notifications/channels/${channel.id}/subscriptions`, [{ id: topic }]);
    const ws = new WebSocket(channel.connectUri);
    await new Promise((r) => ws.once('open', r));
    const notice = new Promise<any>((resolve) =>
      ws.on('message', (d) => {
        const f = JSON.parse(String(d));
        if (f.topicName === topic) resolve(f.eventBody);
      }),
    );

    const started = await api('POST', `/api/v2/workforcemanagement/managementunits/${mu.id}/historicaladherencequery`, {
      startDate: new Date(T0).toISOString(),
      endDate: new Date(T0 + HOURS * 3600_000).toISOString(),
      timeZone: 'Europe/London',
      includeExceptions: true,
    });
    expect(started.status).toBe(202);
    expect(modelMismatches(started.body, 'WfmHistoricalAdherenceResponse')).toEqual([]);
    expect(started.body.queryState).toBe('Processing');
    const done = await notice;
    ws.close();
    expect(
      modelMismatches(
        done,
        'WfmHistoricalAdherenceCalculationsCompleteTopicWfmHistoricalAdherenceCalculationsCompleteNotice',
      ),
    ).toEqual([]);
    expect(done).toMatchObject({ id: started.body.id, queryState: 'Complete' });
    expect(done.downloadUrls.length).toBeGreaterThan(0);

    // The job route answers for the creator, without download URLs ("for notification purposes only").
    const job = await api('GET', `/api/v2/workforcemanagement/adherence/historical/jobs/${started.body.id}`);
    expect(job.body).toEqual({ id: started.body.id, queryState: 'Complete', downloadUrls: [] });

    const results: any[] = [];
    for (const url of done.downloadUrls) {
      const file = await (await fetch(url)).json();
      expect(modelMismatches(file, 'WfmHistoricalAdherenceResultWrapper')).toEqual([]);
      results.push(...file.data);
    }
    const members = emulator.centre.topology.agents.filter((a) => a.managementUnitId === mu.id);
    expect(results.map((r) => r.userId).sort()).toEqual(members.map((a) => a.id).sort());
    let compared = 0;
    for (const r of results) {
      const exceptionSecs = r.dayMetrics.reduce((n: number, d: any) => n + d.exceptionDurationSecs, 0);
      const live = liveOutOfAdherence.get(r.userId) ?? 0;
      expect(Math.abs(exceptionSecs - live)).toBeLessThanOrEqual(2); // rounding to whole seconds per day
      const sched = r.dayMetrics.reduce((n: number, d: any) => n + d.adherenceScheduleSecs, 0);
      if (sched > 0) {
        expect(r.adherencePercentage).toBeCloseTo((1 - exceptionSecs / sched) * 100, 1);
        compared++;
      }
      const exceptionSum = (r.exceptionInfo ?? []).reduce(
        (n: number, e: any) => n + e.endOffsetSeconds - e.startOffsetSeconds,
        0,
      );
      expect(Math.abs(exceptionSum - exceptionSecs)).toBeLessThanOrEqual(2 + r.exceptionInfo.length);
    }
    expect(compared).toBeGreaterThan(10);
    expect([...liveOutOfAdherence.values()].some((v) => v > 0)).toBe(true);
  });

  it('a bulk job is pollable and its files use the …Seconds names', async () => {
    const mu = emulator.centre.topology.managementUnits[0]!;
    const started = await api('POST', '/api/v2/workforcemanagement/adherence/historical/bulk', {
      timeZone: 'America/New_York',
      items: [
        {
          managementUnitId: mu.id,
          startDate: new Date(T0 - 2 * 86_400_000).toISOString(),
          endDate: new Date(T0).toISOString(),
          includeExceptions: true,
          includeActuals: true,
        },
      ],
    });
    expect(started.status).toBe(202);
    expect(modelMismatches(started.body, 'WfmHistoricalAdherenceBulkResponse')).toEqual([]);
    let job = started.body;
    for (let i = 0; i < 50 && job.job.status !== 'Complete'; i++) {
      await new Promise((r) => setTimeout(r, 50));
      job = (await api('GET', `/api/v2/workforcemanagement/adherence/historical/bulk/jobs/${started.body.job.id}`))
        .body;
    }
    expect(job.job.status).toBe('Complete');
    const file = await (await fetch(job.downloadUrls[0])).json();
    expect(modelMismatches(file, 'WfmHistoricalAdherenceBulkResult')).toEqual([]);
    const day = file.userResults[0].dayMetrics[0];
    expect(day.adherenceScheduleSeconds).toBeTypeOf('number');
    expect(day.adherenceScheduleSecs).toBeUndefined();
    // Two days in New York time, cut at local midnight: three day buckets at most.
    expect(file.userResults[0].dayMetrics.length).toBeGreaterThanOrEqual(2);
  });

  it.each([
    [
      'a range over 31 days',
      { startDate: '2026-09-01T00:00:00Z', endDate: '2026-10-15T00:00:00Z' },
      400,
      'wfm.validation.failure',
    ],
    [
      '8 days with exceptions',
      { startDate: '2026-11-01T00:00:00Z', endDate: '2026-11-09T00:00:00Z', includeExceptions: true },
      400,
      'wfm.validation.failure',
    ],
    [
      'teams and users together',
      { startDate: '2026-11-01T00:00:00Z', endDate: '2026-11-02T00:00:00Z', teamIds: ['a'], userIds: ['b'] },
      400,
      'wfm.requested.teams.and.users',
    ],
    [
      'eleven teams',
      {
        startDate: '2026-11-01T00:00:00Z',
        endDate: '2026-11-02T00:00:00Z',
        teamIds: Array.from({ length: 11 }, (_, i) => `t${i}`),
      },
      400,
      'wfm.too.many.teams.requested',
    ],
    ['a date that is not ISO-8601', { startDate: '24/11/2026' }, 400, 'invalid.date'],
    [
      'an unknown time zone',
      { startDate: '2026-11-01T00:00:00Z', endDate: '2026-11-02T00:00:00Z', timeZone: 'Mars/Olympus' },
      400,
      'wfm.validation.failure',
    ],
  ])('refuses %s', async (_name, body, status, code) => {
    const mu = emulator.centre.topology.managementUnits[0]!;
    const res = await api(
      'POST',
      `/api/v2/workforcemanagement/managementunits/${mu.id}/historicaladherencequery`,
      body,
    );
    expect(res.status).toBe(status);
    expect(res.body.code).toBe(code);
  });

  it('the MU query needs the full workforce-management scope; another user cannot read the job', async () => {
    const mu = emulator.centre.topology.managementUnits[0]!;
    const readonly = await tokenFor(emulator, undefined, undefined, 'workforce-management:readonly user-basic-info');
    const res = await api(
      'POST',
      `/api/v2/workforcemanagement/managementunits/${mu.id}/historicaladherencequery`,
      { startDate: '2026-11-01T00:00:00Z' },
      readonly,
    );
    expect(res.status).toBe(403);
    const agent = await tokenFor(emulator, 'agent0001@adhere.local', 'agent');
    const started = await api('POST', `/api/v2/workforcemanagement/managementunits/${mu.id}/historicaladherencequery`, {
      startDate: new Date(T0).toISOString(),
      endDate: new Date(T0 + 3600_000).toISOString(),
    });
    expect(
      (await api('GET', `/api/v2/workforcemanagement/adherence/historical/jobs/${started.body.id}`, undefined, agent))
        .status,
    ).toBe(403);
  });
});

describe('fault injection', () => {
  it('answers 429 with Retry-After and the Genesys body, and 503 at the set rates', async () => {
    emulator.context.faults.set({ rate429: 1, retryAfterMs: 7000 });
    const res = await fetch(`${emulator.apiUrl}/api/v2/users/me`, { headers: { Authorization: `Bearer ${token}` } });
    expect(res.status).toBe(429);
    expect(res.headers.get('retry-after')).toBe('7');
    const body = (await res.json()) as any;
    expect(body.code).toBe('too.many.requests.retry.after');
    expect(body.message).toBe('Rate limit exceeded the maximum. Retry the request in [7] seconds');
    expect(modelMismatches(body, 'ErrorBody')).toEqual([]);
    emulator.context.faults.set({ rate429: 0, rate5xx: 1 });
    expect(
      (await fetch(`${emulator.apiUrl}/api/v2/users/me`, { headers: { Authorization: `Bearer ${token}` } })).status,
    ).toBe(503);
    emulator.context.faults.set({ rate429: 0.3, rate5xx: 0.2 });
    const statuses: number[] = [];
    for (let i = 0; i < 200; i++)
      statuses.push(
        (await fetch(`${emulator.apiUrl}/api/v2/users/me`, { headers: { Authorization: `Bearer ${token}` } })).status,
      );
    const share = (s: number) => statuses.filter((x) => x === s).length / statuses.length;
    expect(share(429)).toBeGreaterThan(0.18);
    expect(share(429)).toBeLessThan(0.42);
    expect(share(503)).toBeGreaterThan(0.1);
    expect(share(503)).toBeLessThan(0.3);
    emulator.context.faults.set({ rate429: 0, rate5xx: 0, latencyMs: 300 });
    const t0 = performance.now();
    expect(
      (await fetch(`${emulator.apiUrl}/api/v2/users/me`, { headers: { Authorization: `Bearer ${token}` } })).status,
    ).toBe(200);
    expect(performance.now() - t0).toBeGreaterThanOrEqual(295);
    emulator.context.faults.set({ latencyMs: 0 });
  });

  it('is switched at run time through POST /__emulator/faults on the login origin', async () => {
    const res = await fetch(`${emulator.loginUrl}/__emulator/faults`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ rate5xx: 1 }),
    });
    expect(((await res.json()) as { faults: { rate5xx: number } }).faults.rate5xx).toBe(1);
    expect(
      (await fetch(`${emulator.apiUrl}/api/v2/users/me`, { headers: { Authorization: `Bearer ${token}` } })).status,
    ).toBe(503);
    await fetch(`${emulator.loginUrl}/__emulator/faults`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ rate5xx: 0 }),
    });
    expect(
      (await fetch(`${emulator.apiUrl}/api/v2/users/me`, { headers: { Authorization: `Bearer ${token}` } })).status,
    ).toBe(200);
  });
});
