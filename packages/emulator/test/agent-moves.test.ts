// Issue 20's bad input "an agent moved between units mid-day", on the emulator's side: Genesys's move route and
// its answers, the two units' adherence topics, and each unit's history counting the agent only while a member
// ("schedule and adherence information remains with the original management unit").
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import { startEmulator, type Emulator } from '../src/index.js';
import { modelMismatches } from '@adhere/testing/sdk-models';
import { historicalTruth, tokenFor, unitTruth } from '@adhere/emulator/testing';
import { callApi } from './helpers/api.js';

const T0 = Date.UTC(2026, 10, 24, 6, 0);
const HOUR = 3_600_000;
let emulator: Emulator;
let token: string;

beforeAll(async () => {
  emulator = await startEmulator({
    agents: 40,
    agentsPerManagementUnit: 20,
    clock: 'manual',
    startTime: T0,
    historicalDelayMs: 0,
    jobRouteDownloadUrls: true,
    // Every out-of-adherence second counts: a spell cut by the move then adds up exactly across the two units.
    settings: { adherenceExceptionThresholdSeconds: 0 },
  });
  token = await tokenFor(emulator);
});
afterAll(() => emulator.close());

const api = (method: string, path: string, body?: unknown, t = token) =>
  callApi(emulator.apiUrl, t, method, path, body);
const units = () => emulator.centre.topology.managementUnits;
const move = (userIds: unknown, destinationManagementUnitId?: unknown, t = token) =>
  api('POST', '/api/v2/workforcemanagement/agents', { userIds, destinationManagementUnitId }, t);

interface Frame {
  topicName?: string;
  eventBody?: any;
}
async function listen(topics: string[]) {
  const channel = (await api('POST', '/api/v2/notifications/channels')).body;
  await api(
    'PUT',
    `/api/v2/notifications/channels/${channel.id}/subscriptions`,
    topics.map((id) => ({ id })),
  );
  const ws = new WebSocket(channel.connectUri);
  const frames: Frame[] = [];
  ws.on('message', (d) => frames.push(JSON.parse(String(d)) as Frame));
  await new Promise((r) => ws.once('open', r));
  return { ws, frames };
}

/** A bulk query's user results for one unit over [from, to), waited for by polling the job until it is done. */
async function bulk(managementUnitId: string, from: number, to: number, timeZone: string) {
  const started = await api('POST', '/api/v2/workforcemanagement/adherence/historical/bulk', {
    timeZone,
    items: [{ managementUnitId, startDate: new Date(from).toISOString(), endDate: new Date(to).toISOString() }],
  });
  expect(started.status).toBe(202);
  let job = started.body;
  while (job.job.status !== 'Complete') {
    await new Promise((r) => setImmediate(r));
    job = (await api('GET', `/api/v2/workforcemanagement/adherence/historical/bulk/jobs/${started.body.job.id}`)).body;
  }
  const rows = new Map<string, any>();
  for (const url of job.downloadUrls as string[])
    for (const r of ((await (await fetch(url)).json()) as { userResults: any[] }).userResults) rows.set(r.userId, r);
  return rows;
}

describe('moving an agent between management units mid-day', () => {
  it('moves the agent: Genesys’s answer, both units’ topics, their real-time lists, and each unit’s share of the day', async () => {
    const [a, b] = units();
    const zone = a!.timeZone;
    const dayStart = Date.UTC(2026, 10, 24); // London, in November: UTC
    const dayEnd = dayStart + 24 * HOUR;
    const scheduledBy = (id: string, at: number) =>
      (historicalTruth(emulator, id, new Date(dayStart).toISOString(), new Date(dayEnd).toISOString(), zone, at) as any)
        .dayMetrics[0].adherenceScheduleSeconds as number;
    // One with scheduled time both before the move and after it, so each unit has a share.
    const agent = emulator.centre.topology.agents.find(
      (x) =>
        x.managementUnitId === a!.id &&
        scheduledBy(x.id, T0 + 3 * HOUR) > 0 &&
        scheduledBy(x.id, T0 + 7 * HOUR) > scheduledBy(x.id, T0 + 3 * HOUR),
    )!;
    const oldTeam = agent.teamId;
    const { ws, frames } = await listen([
      `v2.workforcemanagement.managementunits.${a!.id}.adherence`,
      `v2.workforcemanagement.managementunits.${b!.id}.adherence`,
    ]);
    emulator.centre.advanceBy(3 * HOUR);
    const movedAt = emulator.centre.now();
    const res = await move([agent.id], b!.id);
    expect(res.status).toBe(200);
    expect(modelMismatches(res.body, 'MoveAgentsResponse')).toEqual([]);
    expect(res.body.results).toEqual([
      { user: { id: agent.id, selfUri: `/api/v2/users/${agent.id}` }, result: 'MoveSuccessful' },
    ]);
    expect(res.body.destinationManagementUnit.id).toBe(b!.id);
    expect(agent.teamId).not.toBe(oldTeam);
    expect(emulator.centre.topology.teamsById.get(oldTeam)!.memberIds).not.toContain(agent.id);

    // The unit left hears the removal, the unit joined the agent's state, on their own topics.
    const about = (unit: string) => (f: Frame) =>
      f.topicName === `v2.workforcemanagement.managementunits.${unit}.adherence` && f.eventBody?.user?.id === agent.id;
    const removal = (f: Frame) => about(a!.id)(f) && f.eventBody.removedFromManagementUnit === true;
    await expect.poll(() => frames.some(removal) && frames.some(about(b!.id))).toBe(true);
    expect(frames.find(removal)!.eventBody.managementUnitId).toBe(a!.id);
    // Before the move the agent was never on the new unit's topic: its first word of the agent is the join.
    expect(frames.find(about(b!.id))!.eventBody).toMatchObject({
      removedFromManagementUnit: false,
      managementUnitId: b!.id,
    });
    ws.close();
    const listed = async (unit: string) =>
      ((await api('GET', `/api/v2/workforcemanagement/managementunits/${unit}/adherence`)).body.entities as any[]).map(
        (r) => r.user.id,
      );
    expect(await listed(a!.id)).not.toContain(agent.id);
    expect(await listed(b!.id)).toContain(agent.id);

    // The day goes on; each unit's history of today holds the agent for its part only, and the parts add up to
    // the agent's own day (the agent's route does not care about units).
    emulator.centre.advanceBy(4 * HOUR);
    const [inA, inB] = [await bulk(a!.id, dayStart, dayEnd, zone), await bulk(b!.id, dayStart, dayEnd, zone)];
    const whole = historicalTruth(
      emulator,
      agent.id,
      new Date(dayStart).toISOString(),
      new Date(dayEnd).toISOString(),
      zone,
    ) as any;
    const partA = inA.get(agent.id).dayMetrics[0];
    const partB = inB.get(agent.id).dayMetrics[0];
    const day = whole.dayMetrics[0];
    expect(partA.adherenceScheduleSeconds + partB.adherenceScheduleSeconds).toBe(day.adherenceScheduleSeconds);
    expect(partA.exceptionDurationSeconds + partB.exceptionDurationSeconds).toBe(day.exceptionDurationSeconds);
    expect(partA.adherenceScheduleSeconds).toBeGreaterThan(0);
    expect(partB.adherenceScheduleSeconds).toBeGreaterThan(0);
    // Nothing of the agent's after the move in the old unit, nothing before it in the new one.
    const exceptionsOf = async (unit: string) => {
      const started = await api(
        'POST',
        `/api/v2/workforcemanagement/managementunits/${unit}/historicaladherencequery`,
        {
          startDate: new Date(dayStart).toISOString(),
          endDate: new Date(dayEnd).toISOString(),
          timeZone: zone,
          userIds: [agent.id],
          includeExceptions: true,
        },
      );
      let job = started.body;
      while (job.queryState !== 'Complete') {
        await new Promise((r) => setImmediate(r));
        job = (await api('GET', `/api/v2/workforcemanagement/adherence/historical/jobs/${started.body.id}`)).body;
      }
      const file = (await (await fetch(job.downloadUrls[0])).json()) as { data: any[] };
      expect(file.data[0].managementUnitId).toBe(unit);
      return file.data[0].exceptionInfo as Array<{ startOffsetSeconds: number; endOffsetSeconds: number }>;
    };
    const moveOffset = (movedAt - dayStart) / 1000;
    for (const x of await exceptionsOf(a!.id)) expect(x.endOffsetSeconds).toBeLessThanOrEqual(moveOffset);
    for (const x of await exceptionsOf(b!.id)) expect(x.startOffsetSeconds).toBeGreaterThanOrEqual(moveOffset);
    // The testing truth agrees with the routes, so e2e tests can check a board against it.
    expect(
      (
        unitTruth(emulator, a!.id, new Date(dayStart).toISOString(), new Date(dayEnd).toISOString(), zone).get(
          agent.id,
        ) as any
      ).dayMetrics[0],
    ).toEqual(partA);
  });

  it.each([
    ['no users', [], 'u', 400, 'wfm.validation.failure'],
    ['a user ID that is not a UUID', ['x'], 'u', 400, 'wfm.validation.failure'],
    ['no destination', ['a'], undefined, 400, 'wfm.validation.failure'],
    ['a destination that is not a UUID', ['a'], 'nope', 400, 'wfm.validation.failure'],
  ])('refuses %s with Genesys’s error, moving nothing', async (_, users, dest, status, code) => {
    const agent = emulator.centre.topology.agents[25]!;
    const before = agent.managementUnitId;
    const ids = (users as string[]).map((u) => (u === 'a' ? agent.id : u));
    const res = await move(ids, dest === 'u' ? units()[0]!.id : dest);
    expect(res.status).toBe(status);
    expect(res.body.code).toBe(code);
    expect(agent.managementUnitId).toBe(before);
  });

  it('answers per user: an unknown unit, the unit the agent is already in; and a role without Agent > Edit is refused', async () => {
    const agent = emulator.centre.topology.agents[30]!;
    const unknown = '00000000-0000-4000-8000-000000000000';
    expect((await move([agent.id], unknown)).body.results[0].result).toBe('DestinationManagementUnitDoesNotExist');
    expect((await move([agent.id], agent.managementUnitId)).body.results[0].result).toBe('NothingToDo');
    const rta = await tokenFor(emulator, 'rta@adhere.local', 'supervisor');
    const refused = await move([agent.id], units()[0]!.id, rta);
    expect(refused.status).toBe(403);
    expect(refused.body.message).toContain('wfm:agent:edit');
    expect(agent.managementUnitId).toBe(units()[1]!.id);
  });
});
