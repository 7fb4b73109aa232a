// Issue 22, item 3: what an agent is doing now and setting their presence, as Genesys serves them — the User
// model's routingStatus, presence and conversationSummary expansions, and GET/PATCH …/presences/purecloud (the
// official SDK's UsersApi and PresenceApi docs, models checked against its index.d.ts).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startEmulator, type Emulator } from '../src/index.js';
import { modelMismatches } from '@adhere/testing/sdk-models';
import { tokenFor } from '@adhere/emulator/testing';
import WebSocket from 'ws';
import { callApi } from './helpers/api.js';

const T0 = Date.UTC(2026, 10, 24, 14, 0);
let emulator: Emulator;
let token: string;

beforeAll(async () => {
  emulator = await startEmulator({ agents: 100, clock: 'manual', startTime: T0 });
  token = await tokenFor(emulator);
});
afterAll(() => emulator.close());

const api = (method: string, path: string, body?: unknown, t = token) =>
  callApi(emulator.apiUrl, t, method, path, body);
const agents = () => emulator.centre.topology.agents;
const EXPAND = 'expand=routingStatus,presence,conversationSummary';
const MEDIA = ['call', 'callback', 'email', 'message', 'chat', 'socialExpression', 'video'];
const active = (summary: any) => MEDIA.filter((m) => summary[m].contactCenter.active > 0);

describe('what the agent is doing now', () => {
  it('the users list carries routing status since when, presence and the interaction, as the SDK models them', async () => {
    const ids = agents().map((a) => a.id);
    const res = await api('GET', `/api/v2/users?id=${ids.join(',')}&pageSize=100&${EXPAND}`);
    expect(res.status).toBe(200);
    let interacting = 0;
    for (const u of res.body.entities) {
      expect(modelMismatches(u, 'User')).toEqual([]);
      const status = emulator.centre.statusOf(agents().find((a) => a.id === u.id)!.index);
      expect(u.routingStatus).toEqual({
        userId: u.id,
        status: status.span.routing,
        startTime: new Date(status.routingStatusTime).toISOString(),
      });
      expect(u.presence.presenceDefinition.systemPresence).toBe(status.span.presence);
      // One interaction while interacting, of one media type; none otherwise.
      expect(active(u.conversationSummary)).toHaveLength(status.span.routing === 'INTERACTING' ? 1 : 0);
      if (status.span.routing === 'INTERACTING') interacting++;
    }
    expect(interacting).toBeGreaterThan(5);
    // Without expand, none of it (the board's name lookups stay small).
    const plain = await api('GET', `/api/v2/users?id=${ids[0]}`);
    expect(plain.body.entities[0].routingStatus).toBeUndefined();
  });

  it('an interaction keeps its media and start while it lasts, and the next one starts afresh', async () => {
    const a = agents().find((x) => emulator.centre.statusOf(x.index).span.routing === 'INTERACTING')!;
    const read = async () => (await api('GET', `/api/v2/users/${a.id}?${EXPAND}`)).body;
    const first = await read();
    const since = first.routingStatus.startTime;
    emulator.centre.advanceBy(30_000);
    const later = await read();
    if (later.routingStatus.status === 'INTERACTING' && later.routingStatus.startTime === since)
      expect(active(later.conversationSummary)).toEqual(active(first.conversationSummary));
    // Until it ends: then idle, with no interaction, since the moment it ended.
    for (let i = 0; i < 40 && emulator.centre.statusOf(a.index).span.routing === 'INTERACTING'; i++)
      emulator.centre.advanceBy(30_000);
    const after = await read();
    expect(after.routingStatus.startTime).not.toBe(since);
    if (after.routingStatus.status !== 'INTERACTING') expect(active(after.conversationSummary)).toEqual([]);
  });
});

describe('the user topics for routing status and interactions', () => {
  it('tell of each change of routing status and interaction, in the SDK’s topic models; a users scope is needed', async () => {
    const a = agents().find((x) => emulator.centre.statusOf(x.index).span.routing === 'INTERACTING')!;
    const topics = [`v2.users.${a.id}.routingStatus`, `v2.users.${a.id}.conversationsummary`];
    const channel = (await api('POST', '/api/v2/notifications/channels')).body;
    const sub = await api(
      'PUT',
      `/api/v2/notifications/channels/${channel.id}/subscriptions`,
      topics.map((id) => ({ id })),
    );
    expect(sub.status).toBe(200);
    const ws = new WebSocket(channel.connectUri);
    const frames: Array<{ topicName: string; eventBody: any }> = [];
    ws.on('message', (d) => frames.push(JSON.parse(String(d))));
    await new Promise((r) => ws.once('open', r));
    // Until the interaction ends.
    for (let i = 0; i < 40 && emulator.centre.statusOf(a.index).span.routing === 'INTERACTING'; i++)
      emulator.centre.advanceBy(30_000);
    const status = emulator.centre.statusOf(a.index);
    const last = (topic: string) => frames.filter((f) => f.topicName === topic).at(-1)?.eventBody;
    await expect
      .poll(() => last(topics[1]!) !== undefined && last(topics[0]!)?.routingStatus.status === status.span.routing)
      .toBe(true);
    expect(modelMismatches(last(topics[0]!), 'UserRoutingStatusUserRoutingStatus')).toEqual([]);
    expect(last(topics[0]!)).toEqual({
      id: a.id,
      routingStatus: { status: status.span.routing, startTime: new Date(status.routingStatusTime).toISOString() },
    });
    expect(modelMismatches(last(topics[1]!), 'UserConversationsEventUserConversationSummary')).toEqual([]);
    expect(active(last(topics[1]!))).toHaveLength(status.span.routing === 'INTERACTING' ? 1 : 0);
    ws.close();
    // A token with no users scope may not subscribe: REST would not give it the same data.
    const noUsers = await tokenFor(emulator, undefined, undefined, 'notifications workforce-management');
    const other = (await api('POST', '/api/v2/notifications/channels', undefined, noUsers)).body;
    const refused = await api(
      'PUT',
      `/api/v2/notifications/channels/${other.id}/subscriptions`,
      [{ id: topics[0] }],
      noUsers,
    );
    expect(refused.status).toBe(403);
  });
});

describe("setting an agent's presence", () => {
  const definitions = async () =>
    (await api('GET', '/api/v2/presence/definitions')).body.entities as Array<{
      id: string;
      systemPresence: string;
      languageLabels: { en_US: string };
    }>;

  it('sets it at once: the adherence record says so, it holds, and the agent’s next change of presence ends it', async () => {
    const a = agents().find((x) => emulator.centre.statusOf(x.index).span.presence === 'OnQueue')!;
    const brk = (await definitions()).find((d) => d.systemPresence === 'Break')!;
    const changes: string[] = [];
    const stop = emulator.centre.onChange((s) => {
      if (s.agent.id === a.id) changes.push(s.span.presence);
    });
    const res = await api('PATCH', `/api/v2/users/${a.id}/presences/purecloud`, { presenceDefinition: { id: brk.id } });
    expect(res.status).toBe(200);
    expect(modelMismatches(res.body, 'UserPresence')).toEqual([]);
    expect(res.body.presenceDefinition).toMatchObject({ id: brk.id, systemPresence: 'Break' });
    expect(changes).toEqual(['Break']);
    const record = (await api('GET', `/api/v2/workforcemanagement/adherence?userId=${a.id}`)).body[0];
    expect(record).toMatchObject({
      systemPresence: 'Break',
      routingStatus: 'OFF_QUEUE',
      organizationSecondaryPresenceId: brk.id,
    });
    expect(record.presenceUpdateTime).toBe(new Date(emulator.centre.now()).toISOString());
    const read = (await api('GET', `/api/v2/users/${a.id}/presences/purecloud`)).body;
    expect(read.presenceDefinition.id).toBe(brk.id);
    // Routing changes on the timeline do not undo it; the agent's own next change of presence does.
    for (let i = 0; i < 24 * 60 && emulator.centre.statusOf(a.index).span.presence === 'Break'; i++)
      emulator.centre.advanceBy(60_000);
    stop();
    expect(emulator.centre.statusOf(a.index).span.presence).not.toBe('Break');
    expect(emulator.centre.statusOf(a.index).presenceDefinitionId).toBeUndefined();
  });

  it.each([
    ['no presence definition', {}, 400],
    ['a definition the org does not have', { presenceDefinition: { id: '00000000-0000-4000-8000-000000000000' } }, 400],
  ])('refuses %s, changing nothing', async (_, body, status) => {
    const a = agents()[3]!;
    const before = emulator.centre.statusOf(a.index).span.presence;
    const res = await api('PATCH', `/api/v2/users/${a.id}/presences/purecloud`, body);
    expect(res.status).toBe(status);
    expect(res.body.message).toMatch(/presence definition/i);
    expect(emulator.centre.statusOf(a.index).span.presence).toBe(before);
  });

  it('an unknown user is 404; a token without the presence scope is refused with the scope named', async () => {
    const id = (await definitions())[0]!.id;
    const missing = await api('PATCH', '/api/v2/users/00000000-0000-4000-8000-000000000001/presences/purecloud', {
      presenceDefinition: { id },
    });
    expect(missing.status).toBe(404);
    const readOnly = await tokenFor(emulator, undefined, undefined, 'presence:readonly users:readonly');
    const refused = await api(
      'PATCH',
      `/api/v2/users/${agents()[4]!.id}/presences/purecloud`,
      { presenceDefinition: { id } },
      readOnly,
    );
    expect(refused.status).toBe(403);
    expect(refused.body.message).toContain('presence');
    // Reading needs only the read-only scope.
    expect((await api('GET', `/api/v2/users/${agents()[4]!.id}/presences/purecloud`, undefined, readOnly)).status).toBe(
      200,
    );
  });
});
