import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import { startEmulator, type Emulator } from '../src/index.js';
import { modelMismatches } from '@adhere/testing/sdk-models';
import { tokenFor } from '@adhere/emulator/testing';
import { callApi } from './helpers/api.js';

let emulator: Emulator;
let token: string;
beforeAll(async () => {
  emulator = await startEmulator({
    agents: 300,
    clock: 'manual',
    startTime: Date.UTC(2026, 10, 24, 15, 0),
    heartbeatMs: 1000,
    maxTopicsPerChannel: 5,
  });
  token = await tokenFor(emulator);
});
afterAll(() => emulator.close());

const api = (method: string, path: string, body?: unknown) => callApi(emulator.apiUrl, token, method, path, body);

interface Frame {
  topicName?: string;
  eventBody?: any;
  version?: string;
  metadata?: Record<string, string>;
  result?: string;
  status?: string;
}
function connect(
  uri: string,
): Promise<{ ws: WebSocket; frames: Frame[]; next: (test: (f: Frame) => boolean, ms?: number) => Promise<Frame> }> {
  return new Promise((resolve, reject) => {
    const ws = new WebSocket(uri);
    const frames: Frame[] = [];
    const waiters: Array<{ test: (f: Frame) => boolean; done: (f: Frame) => void }> = [];
    ws.on('message', (d) => {
      const f = JSON.parse(String(d)) as Frame;
      frames.push(f);
      for (const w of [...waiters]) {
        if (!w.test(f)) continue;
        waiters.splice(waiters.indexOf(w), 1);
        w.done(f);
      }
    });
    ws.on('error', reject);
    ws.on('open', () =>
      resolve({
        ws,
        frames,
        next: (test, ms = 5000) =>
          new Promise((res, rej) => {
            const seen = frames.find(test);
            if (seen) return res(seen);
            const t = setTimeout(() => rej(new Error('no matching frame')), ms);
            waiters.push({ test, done: (f) => (clearTimeout(t), res(f)) });
          }),
      }),
    );
  });
}

describe('notifications', () => {
  it('delivers adherence changes on the MU topic in the Genesys envelope, with the topic (not REST) model', async () => {
    const mu = emulator.centre.topology.managementUnits[0]!;
    const channel = await api('POST', '/api/v2/notifications/channels');
    expect(modelMismatches(channel.body, 'Channel')).toEqual([]);
    expect(Date.parse(channel.body.expires) - Date.now()).toBeGreaterThan(23 * 3600_000);
    const topic = `v2.workforcemanagement.managementunits.${mu.id}.adherence`;
    const sub = await api('PUT', `/api/v2/notifications/channels/${channel.body.id}/subscriptions`, [{ id: topic }]);
    expect(sub.body.entities).toEqual([expect.objectContaining({ id: topic, state: 'Permitted' })]);
    const { ws, next, frames } = await connect(channel.body.connectUri);
    emulator.centre.advanceBy(10 * 60_000);
    const frame = await next((f) => f.topicName === topic);
    expect(frame.version).toBe('2');
    expect(typeof frame.metadata?.CorrelationId).toBe('string');
    expect(
      modelMismatches(frame.eventBody, 'WfmUserScheduleAdherenceUpdatedMuTopicUserScheduleAdherenceUpdate'),
    ).toEqual([]);
    expect(frame.eventBody.adherenceChangeTime).toBeDefined();
    expect(frame.eventBody.timeOfAdherenceChange).toBeUndefined();
    expect(frame.eventBody.managementUnitId).toBe(mu.id);
    // After the burst, each agent's last event equals the emulator's truth for that agent.
    await new Promise((r) => setTimeout(r, 300));
    const last = new Map<string, Frame>();
    for (const f of frames) if (f.topicName === topic) last.set(f.eventBody.user.id, f);
    expect(last.size).toBeGreaterThan(10);
    for (const [id, f] of last) {
      const truth = emulator.centre.statusOf(emulator.centre.topology.agentsById.get(id)!.index);
      expect(f.eventBody.adherenceState).toBe(truth.verdict.state);
      expect(f.eventBody.systemPresence).toBe(truth.span.presence);
    }
    ws.close();
  });

  it('sends heartbeats, answers ping with pong, and warns with v2.system.socket_closing', async () => {
    const channel = await api('POST', '/api/v2/notifications/channels');
    const { ws, next } = await connect(channel.body.connectUri);
    const hb = await next(
      (f) => f.topicName === 'channel.metadata' && f.eventBody?.message === 'WebSocket Heartbeat',
      3000,
    );
    expect(hb.eventBody).toEqual({ message: 'WebSocket Heartbeat' });
    ws.send(JSON.stringify({ message: 'ping' }));
    expect((await next((f) => f.eventBody?.message === 'pong')).topicName).toBe('channel.metadata');
    emulator.context.hub.announceClosing(emulator.context.hub.get(channel.body.id)!, 200);
    await next((f) => f.topicName === 'v2.system.socket_closing');
    await new Promise<void>((resolve) => ws.on('close', () => resolve()));
  });

  it('warns a connected client with v2.system.socket_closing before its channel expires, then closes it', async () => {
    const channel = await api('POST', '/api/v2/notifications/channels');
    const { ws, next } = await connect(channel.body.connectUri);
    const head = () =>
      fetch(`${emulator.apiUrl}/api/v2/notifications/channels/${channel.body.id}`, {
        method: 'HEAD',
        headers: { Authorization: `Bearer ${token}` },
      }).then((r) => r.status);
    expect(await head()).toBe(200);
    const closed = new Promise<void>((resolve) => ws.on('close', () => resolve()));
    emulator.context.hub.expireSoon(1500);
    await next((f) => f.topicName === 'v2.system.socket_closing', 4000);
    await closed;
    // The socket goes at the end of the warning; the channel at its expiry, which the hub checks each second.
    const end = Date.now() + 10_000;
    while (emulator.context.hub.get(channel.body.id) && Date.now() < end) await new Promise((r) => setTimeout(r, 50));
    expect(await head()).toBe(404);
  });

  it('cuts sockets at a set interval when asked to (fault injection)', async () => {
    const faulty = await startEmulator({ agents: 10, clock: 'manual', dropSocketsEveryMs: 1000 });
    try {
      const t = await tokenFor(faulty);
      const channel = (await (
        await fetch(`${faulty.apiUrl}/api/v2/notifications/channels`, {
          method: 'POST',
          headers: { Authorization: `Bearer ${t}` },
        })
      ).json()) as { connectUri: string };
      const { ws } = await connect(channel.connectUri);
      const code = await new Promise<number>((resolve) => ws.on('close', (c) => resolve(c)));
      expect(code).toBe(1006); // abnormal closure: no close frame, as a network cut looks
    } finally {
      await faulty.close();
    }
  });

  it('subscribes over the socket too, with Genesys replies', async () => {
    const me = (await api('GET', '/api/v2/users/me')).body;
    const channel = await api('POST', '/api/v2/notifications/channels');
    const { ws, next } = await connect(channel.body.connectUri);
    ws.send(
      JSON.stringify({
        message: 'subscribe',
        topics: [`v2.users.${me.id}.workforcemanagement.historicaladherencequery`],
        correlationId: 'c1',
      }),
    );
    expect(await next((f) => f.result !== undefined)).toMatchObject({ result: '200', status: 'subscribed' });
    ws.send(JSON.stringify({ message: 'subscribe', correlationId: 'c2' }));
    expect(await next((f) => f.result === '400')).toMatchObject({ status: 'failure' });
    ws.close();
  });

  it('enforces topic validity, permissions and the per-channel topic limit', async () => {
    const topo = emulator.centre.topology;
    const channel = (await api('POST', '/api/v2/notifications/channels')).body;
    const path = `/api/v2/notifications/channels/${channel.id}/subscriptions`;
    expect((await api('POST', path, [{ id: 'v2.nonsense' }])).body.code).toBe('notification.invalid.topic');
    const other = `v2.users.${topo.agents[0]!.id}.workforcemanagement.historicaladherencequery`;
    const forbidden = await api('POST', path, [{ id: other }]);
    expect(forbidden.status).toBe(403);
    expect(forbidden.body.code).toBe('notification.unauthorized.topic');
    const lenient = await api('POST', `${path}?ignoreErrors=true`, [
      { id: other },
      { id: `v2.workforcemanagement.teams.${topo.teams[0]!.id}.adherence` },
    ]);
    expect(lenient.body.entities.map((e: { state: string }) => e.state).sort()).toEqual(['Permitted', 'Rejected']);
    const six = topo.teams.slice(0, 6).map((t) => ({ id: `v2.workforcemanagement.teams.${t.id}.adherence` }));
    const tooMany = await api('PUT', path, six);
    expect(tooMany.status).toBe(400);
    expect(tooMany.body.code).toBe('notification.subscription.too.many.subscriptions');
  });

  it('keeps at most 20 channels per user and client: the 21st evicts the oldest idle one', async () => {
    const first = (await api('POST', '/api/v2/notifications/channels')).body;
    for (let i = 0; i < 20; i++) await api('POST', '/api/v2/notifications/channels');
    const list = (await api('GET', '/api/v2/notifications/channels')).body.entities as Array<{ id: string }>;
    expect(list.length).toBeLessThanOrEqual(20);
    expect(list.some((c) => c.id === first.id)).toBe(false);
    const head = await fetch(`${emulator.apiUrl}/api/v2/notifications/channels/${first.id}`, {
      method: 'HEAD',
      headers: { Authorization: `Bearer ${token}` },
    });
    expect(head.status).toBe(404);
  });
});
