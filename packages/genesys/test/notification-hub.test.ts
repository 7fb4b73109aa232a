import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import { startEmulator, type Emulator } from '@adhere/emulator';
import {
  createGenesysClient,
  createLiveAdherence,
  createNotificationHub,
  GenesysApiError,
  agentExplanationsTopic,
  reviewExplanation,
  type GenesysClient,
  type NotificationEvent,
  type WebSocketFactory,
} from '@adhere/genesys';
import { ManualClock, tokenFor } from '@adhere/emulator/testing';

const WS = WebSocket as unknown as WebSocketFactory;
const clock = new ManualClock(Date.UTC(2026, 10, 24, 14));
let emulator: Emulator;

beforeAll(async () => {
  emulator = await startEmulator({
    agents: 600,
    clock: 'manual',
    wallClock: clock,
    startTime: Date.UTC(2026, 10, 24, 14),
    agentsPerManagementUnit: 200,
  });
});
afterAll(() => emulator.close());

const until = async (test: () => boolean, ms = 15_000) => {
  const end = Date.now() + ms;
  while (!test()) {
    if (Date.now() > end) throw new Error('timed out waiting');
    await new Promise((r) => setTimeout(r, 20));
  }
};

/** A client whose every request is written down as "METHOD /path". */
async function countedClient(email?: string): Promise<{ client: GenesysClient; calls: string[] }> {
  const token = email ? await tokenFor(emulator, email, 'supervisor') : await tokenFor(emulator);
  const calls: string[] = [];
  const client = createGenesysClient({
    apiBaseUrl: emulator.apiUrl,
    getAccessToken: () => token,
    sleep: async () => {},
    fetch: (input, init) => {
      calls.push(`${init?.method ?? 'GET'} ${new URL(String(input)).pathname}`);
      return fetch(input, init);
    },
  });
  return { client, calls };
}

const channelsMade = (calls: string[]) => calls.filter((c) => c === 'POST /api/v2/notifications/channels').length;
const topicsOn = (id: string) => [...(emulator.context.hub.get(id)?.topics ?? [])].sort();

describe("NotificationHub: the tab's one channel", () => {
  it('carries every listener on one channel, gives each only its topics, and takes a closed listener’s topics off', async () => {
    const { client, calls } = await countedClient();
    const hub = createNotificationHub(client, { WebSocket: WS, clock });
    try {
      const now = emulator.centre.now();
      const [agent, explanation] = emulator.centre.topology.agents
        .map((a) => [a, emulator.context.explanations.forAgent(a, now - 86_400_000, now + 86_400_000)[0]] as const)
        .find(([, e]) => e !== undefined)!;
      // The board watches another unit than the agent's.
      const mu0 = emulator.centre.topology.managementUnits.find((m) => m.id !== agent.managementUnitId);
      const live = createLiveAdherence(client, { managementUnitIds: [mu0!.id], notifications: hub });
      await live.start();
      const heard: NotificationEvent[] = [];
      const day = hub.listen({ optionalTopics: [agentExplanationsTopic(agent.id)], onEvent: (e) => heard.push(e) });
      await day.ready;
      const [channel] = hub.channelIds;
      expect(topicsOn(channel!)).toEqual(
        [`v2.workforcemanagement.managementunits.${mu0!.id}.adherence`, agentExplanationsTopic(agent.id)].sort(),
      );

      // The board hears its unit; the day view hears only its agent's explanations.
      emulator.centre.advanceBy(10 * 60_000);
      await until(() => live.view.size > 0 && live.getSnapshot().version > 3);
      await reviewExplanation(
        client,
        agent.id,
        explanation!.id,
        explanation!.status === 'Denied' ? 'Approved' : 'Denied',
      );
      await until(() => heard.some((e) => e.kind === 'explanation'));
      expect(heard.every((e) => e.topicName === agentExplanationsTopic(agent.id))).toBe(true);

      // Closing the day view takes its topic off; the board's stays, on the same channel.
      day.close();
      await until(() => topicsOn(channel!).length === 1);
      expect(hub.channelIds).toEqual([channel]);
      live.close();
      expect(channelsMade(calls)).toBe(1);
    } finally {
      hub.close();
    }
  });

  it('a listener whose topic is refused gets Genesys’s error; the others keep the channel', async () => {
    const { client, calls } = await countedClient('rta@adhere.local');
    const hub = createNotificationHub(client, { WebSocket: WS, clock });
    try {
      const mu = emulator.centre.topology.managementUnits[0]!;
      const live = createLiveAdherence(client, { managementUnitIds: [mu.id], notifications: hub });
      await live.start();
      const bu = emulator.centre.topology.businessUnits[0]!;
      const refused = hub.listen({
        topics: [`v2.workforcemanagement.businessunits.${bu.id}.adherence.explanations`],
        onEvent: () => {},
      });
      const err = await refused.ready.catch((e: unknown) => e);
      expect(err).toBeInstanceOf(GenesysApiError);
      expect((err as GenesysApiError).status).toBe(403);
      expect(live.getSnapshot().status).toBe('live');
      expect(topicsOn(hub.channelIds[0]!)).toEqual([`v2.workforcemanagement.managementunits.${mu.id}.adherence`]);
      live.close();
      expect(channelsMade(calls)).toBe(1);
    } finally {
      hub.close();
    }
  });

  it('a permission removed mid-session: the reconnect drops the refused listener with a 403, the rest resubscribe', async () => {
    const { client } = await countedClient('rta@adhere.local');
    const account = emulator.context.directory.findByEmail('rta@adhere.local')!;
    const held = account.permissions;
    const hub = createNotificationHub(client, { WebSocket: WS, clock, reconnectBaseMs: 10 });
    try {
      const mu = emulator.centre.topology.managementUnits[0]!;
      const live = createLiveAdherence(client, { managementUnitIds: [mu.id], notifications: hub });
      await live.start();
      const other: NotificationEvent[] = [];
      const me = await hub.userId();
      const mine = hub.listen({
        optionalTopics: [`v2.users.${me}.workforcemanagement.adherence.historical.bulk`],
        onEvent: (e) => other.push(e),
      });
      await mine.ready;
      const before = hub.channelIds[0]!;
      // An admin takes real-time adherence away; the next channel cannot carry the unit's topic.
      account.permissions = held.filter((p) => p !== 'wfm:realtimeAdherence:view');
      emulator.context.hub.dropAllSockets();
      await until(() => live.getSnapshot().error instanceof GenesysApiError);
      expect((live.getSnapshot().error as GenesysApiError).status).toBe(403);
      await until(() => hub.status === 'live' && hub.channelIds[0] !== before);
      // The listener that may still listen is on the new channel; the refused topic is not.
      expect(topicsOn(hub.channelIds[0]!)).toEqual([`v2.users.${me}.workforcemanagement.adherence.historical.bulk`]);
      live.close();
    } finally {
      account.permissions = held;
      hub.close();
    }
  });

  it('reads users/me once for every caller', async () => {
    const { client, calls } = await countedClient();
    const hub = createNotificationHub(client, { WebSocket: WS, clock });
    const ids = await Promise.all([hub.userId(), hub.userId(), hub.userId()]);
    expect(new Set(ids).size).toBe(1);
    expect(await hub.userId()).toBe(ids[0]);
    expect(calls.filter((c) => c === 'GET /api/v2/users/me')).toHaveLength(1);
    hub.close();
  });
});
