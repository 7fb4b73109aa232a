import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import { startEmulator, type Emulator } from '../src/index.js';
import { modelMismatches } from '@adhere/testing/sdk-models';
import { tokenFor } from '@adhere/emulator/testing';
import { callApi } from './helpers/api.js';

let emulator: Emulator;
let token: string;
const start = Date.UTC(2026, 10, 24, 6, 0);
beforeAll(async () => {
  emulator = await startEmulator({ agents: 300, clock: 'manual', startTime: start });
  token = await tokenFor(emulator);
});
afterAll(() => emulator.close());

const api = (method: string, path: string, body?: unknown) => callApi(emulator.apiUrl, token, method, path, body);

/** Frames from a channel's socket, and a way to wait for one (on the frame's arrival, never a timer). */
async function listen(topics: string[]) {
  const channel = await api('POST', '/api/v2/notifications/channels');
  const sub = await api(
    'PUT',
    `/api/v2/notifications/channels/${channel.body.id}/subscriptions`,
    topics.map((id) => ({ id })),
  );
  expect(sub.body.entities.map((e: { state: string }) => e.state)).toEqual(topics.map(() => 'Permitted'));
  const ws = new WebSocket(channel.body.connectUri);
  const frames: any[] = [];
  const waiters: Array<{ test: (f: any) => boolean; done: (f: any) => void }> = [];
  ws.on('message', (d) => {
    const f = JSON.parse(String(d));
    frames.push(f);
    for (const w of [...waiters]) {
      if (!w.test(f)) continue;
      waiters.splice(waiters.indexOf(w), 1);
      w.done(f);
    }
  });
  await new Promise((r) => ws.once('open', r));
  const next = (test: (f: any) => boolean) =>
    new Promise<any>((resolve) => {
      const seen = frames.find(test);
      if (seen) resolve(seen);
      else waiters.push({ test, done: resolve });
    });
  return { ws, next };
}

describe('explanations on the live record', () => {
  it('an explanation covering now rides on the record; approving it makes the agent Explained, live', async () => {
    const centre = emulator.centre;
    const topo = centre.topology;
    // An agent with an explanation later today, and the first one of the day.
    const [agent, explanation] = topo.agents
      .map((a) => [a, emulator.context.explanations.forAgent(a, start, start + 18 * 3600_000)[0]] as const)
      .find(([, e]) => e !== undefined)!;
    expect(explanation).toBeDefined();
    const window = { start: explanation!.start, end: explanation!.start + explanation!.lengthMinutes * 60_000 };

    const record = async () =>
      (await api('GET', `/api/v2/workforcemanagement/adherence?userId=${agent.id}`)).body[0] as Record<string, any>;
    centre.advanceTo(window.start - 60_000);
    expect((await record()).adherenceExplanation).toBeUndefined();

    // Inside the window, signed out by an outage: out of adherence, with the explanation on the record.
    centre.advanceTo(window.start + 60_000);
    centre.forceOutage(agent.managementUnitId, 1, 30 * 60_000);
    await api('PATCH', `/api/v2/workforcemanagement/agents/${agent.id}/adherence/explanations/${explanation!.id}`, {
      status: 'Pending',
    });
    const pending = await record();
    expect(modelMismatches(pending, 'UserScheduleAdherence')).toEqual([]);
    expect(pending.adherenceExplanation).toEqual({
      id: explanation!.id,
      startDate: new Date(window.start).toISOString(),
      lengthMinutes: 20,
      status: 'Pending',
      selfUri: `/api/v2/workforcemanagement/agents/${agent.id}/adherence/explanations/${explanation!.id}`,
    });
    expect(pending.adherenceState).toBe('OutOfAdherence');

    // Approved: both explanation topics say so, and the MU topic carries the agent as Explained.
    const muTopic = `v2.workforcemanagement.managementunits.${agent.managementUnitId}.adherence`;
    const buTopic = `v2.workforcemanagement.businessunits.${agent.businessUnitId}.adherence.explanations`;
    const agentTopic = `v2.workforcemanagement.agents.${agent.id}.adherence.explanations`;
    const { ws, next } = await listen([muTopic, buTopic, agentTopic]);
    const approved = await api(
      'PATCH',
      `/api/v2/workforcemanagement/agents/${agent.id}/adherence/explanations/${explanation!.id}`,
      { status: 'Approved' },
    );
    expect(approved.status).toBe(200);
    const changed = await next((f) => f.topicName === buTopic);
    expect(
      modelMismatches(
        changed.eventBody,
        'WfmAgentAdherenceExplanationChangedBusinessUnitTopicAdherenceExplanationChangedNotification',
      ),
    ).toEqual([]);
    expect(changed.eventBody).toMatchObject({ id: explanation!.id, agent: { id: agent.id }, status: 'Approved' });
    expect((await next((f) => f.topicName === agentTopic)).eventBody.status).toBe('Approved');
    const update = await next((f) => f.topicName === muTopic && f.eventBody.user.id === agent.id);
    expect(
      modelMismatches(update.eventBody, 'WfmUserScheduleAdherenceUpdatedMuTopicUserScheduleAdherenceUpdate'),
    ).toEqual([]);
    expect(update.eventBody.adherenceState).toBe('Explained');
    expect(update.eventBody.adherenceExplanation).toEqual({
      id: explanation!.id,
      startDate: new Date(window.start).toISOString(),
      lengthMinutes: 20,
      status: 'Approved',
    });
    const explained = await record();
    expect(explained.adherenceState).toBe('Explained');
    // A review changes the adherence, not the presence: its time stays when the agent went offline.
    expect(explained.presenceUpdateTime).toBe(pending.presenceUpdateTime);

    // When the window closes, the outage still on: out of adherence again, and no explanation on the record.
    centre.advanceTo(window.end + 60_000);
    const after = await record();
    expect(after.adherenceExplanation).toBeUndefined();
    expect(after.adherenceState).toBe('OutOfAdherence');
    ws.close();
  });
});
