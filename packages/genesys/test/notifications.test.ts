import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import WebSocket from 'ws';
import { startEmulator, type Emulator } from '@adhere/emulator';
import {
  AdherenceView,
  NotificationStream,
  createGenesysClient,
  createLiveAdherence,
  fetchAdherenceSnapshot,
  GenesysApiError,
  type LiveAdherence,
  recordTime,
  fromRest,
  fromTopic,
  getManagementUnitAdherence,
  managementUnitAdherenceTopic,
  reviewExplanation,
  revokeToken,
  type AdherenceExplanation,
  type GenesysClient,
  type WebSocketFactory,
} from '@adhere/genesys';
import { ManualClock, tokenFor } from '@adhere/emulator/testing';

let emulator: Emulator;
let client: GenesysClient;
let stream: NotificationStream | undefined;
// One wall clock for the emulator and the client: channel expiry, heartbeats, the watchdog and renewal all
// move only when a test advances it, so no outcome depends on how busy the machine is.
const clock = new ManualClock(Date.UTC(2026, 10, 24, 14));
beforeAll(async () => {
  emulator = await startEmulator({
    agents: 600,
    clock: 'manual',
    wallClock: clock,
    startTime: Date.UTC(2026, 10, 24, 14),
    heartbeatMs: 1000,
    socketClosingGraceMs: 1000,
  });
  const token = await tokenFor(emulator);
  client = createGenesysClient({ apiBaseUrl: emulator.apiUrl, getAccessToken: () => token });
});
afterAll(() => emulator.close());
afterEach(() => {
  stream?.close();
  stream = undefined;
  emulator.context.hub.silent = false;
});

const until = async (test: () => boolean, ms = 15_000) => {
  const end = Date.now() + ms;
  while (!test()) {
    if (Date.now() > end) throw new Error('timed out waiting');
    await new Promise((r) => setTimeout(r, 20));
  }
};

/** A live board of one MU: snapshot on start and on every resync, events in between. */
async function liveView(muIds: string[], extra: { heartbeatTimeoutMs?: number; maxTopicsPerChannel?: number } = {}) {
  const view = new AdherenceView();
  const resyncs: string[] = [];
  let events = 0;
  const snapshot = async () =>
    view.replaceAll(
      (await Promise.all(muIds.map((id) => getManagementUnitAdherence(client, id)))).flat().map(fromRest),
    );
  stream = new NotificationStream(client, {
    topics: muIds.map(managementUnitAdherenceTopic),
    WebSocket: WebSocket as unknown as WebSocketFactory,
    heartbeatTimeoutMs: extra.heartbeatTimeoutMs ?? 5000,
    ...(extra.maxTopicsPerChannel ? { maxTopicsPerChannel: extra.maxTopicsPerChannel } : {}),
    reconnectBaseMs: 50,
    clock,
    onEvent: (e) => {
      if (e.kind !== 'adherence') return;
      events++;
      view.apply(fromTopic(e.body));
    },
    onResync: (reason) => {
      resyncs.push(reason);
      void snapshot();
    },
  });
  await stream.start();
  await snapshot();
  return { view, resyncs, events: () => events };
}

/** Every agent of the MUs: the client's view equals the emulator's truth. */
async function expectTruth(view: AdherenceView, muIds: string[]) {
  const agents = emulator.centre.topology.agents.filter((a) => muIds.includes(a.managementUnitId));
  await until(() =>
    agents.every((a) => {
      const v = view.get(a.id);
      const t = emulator.centre.statusOf(a.index);
      return (
        v?.adherenceState === t.verdict.state &&
        v.systemPresence === t.span.presence &&
        v.routingStatus === t.span.routing
      );
    }),
  );
  expect(view.size).toBe(agents.length);
}

describe('NotificationStream against the emulator', () => {
  it('applies live changes: the view tracks the truth as simulated time passes', async () => {
    const mu = emulator.centre.topology.managementUnits[0]!.id;
    const { view, events } = await liveView([mu]);
    expect(stream!.status).toBe('live');
    emulator.centre.advanceBy(20 * 60_000);
    await until(() => events() > 50);
    await expectTruth(view, [mu]);
  });

  it('a socket dropped mid-stream reconnects, resyncs, and converges to the truth', async () => {
    const mu = emulator.centre.topology.managementUnits[0]!.id;
    const { view, resyncs } = await liveView([mu]);
    emulator.context.hub.dropAllSockets();
    emulator.centre.advanceBy(15 * 60_000); // changes while disconnected are lost on the wire
    await until(() => resyncs.length > 0);
    expect(resyncs).toContain('socket closed');
    await expectTruth(view, [mu]);
  });

  it('early channel expiry: warned by socket_closing, moves to a new channel, resyncs', async () => {
    const mu = emulator.centre.topology.managementUnits[0]!.id;
    const { view, resyncs } = await liveView([mu]);
    const before = stream!.channelIds[0];
    emulator.context.hub.expireSoon(800);
    await until(() => resyncs.length > 0);
    expect(resyncs[0]).toBe('socket closing');
    expect(stream!.channelIds[0]).not.toBe(before);
    emulator.centre.advanceBy(10 * 60_000);
    await expectTruth(view, [mu]);
  });

  it('a socket that keeps talking (heartbeats only) is never taken for dead, however long it runs', async () => {
    const mu = emulator.centre.topology.managementUnits[0]!.id;
    let heard = 0;
    class Counting extends WebSocket {
      constructor(url: string) {
        super(url);
        this.addEventListener('message', () => heard++);
      }
    }
    const reasons: string[] = [];
    stream = new NotificationStream(client, {
      topics: [managementUnitAdherenceTopic(mu)],
      WebSocket: Counting as unknown as WebSocketFactory,
      heartbeatTimeoutMs: 1500,
      clock,
      onEvent: () => {},
      onResync: (reason) => reasons.push(reason),
    });
    await stream.start();
    // Heartbeats every second (the emulator's), the watchdog at 1.5 s: eight seconds, each heartbeat heard
    // before the clock moves on.
    for (let i = 0; i < 8; i++) {
      const before = heard;
      clock.advance(1000);
      await until(() => heard > before);
    }
    expect(reasons.filter((r) => r === 'heartbeat missed')).toEqual([]);
    expect(stream.status).toBe('live');
  });

  it('a silent socket (no heartbeats, no events) is detected by the watchdog and replaced', async () => {
    const mu = emulator.centre.topology.managementUnits[0]!.id;
    const { view, resyncs } = await liveView([mu], { heartbeatTimeoutMs: 1500 });
    emulator.context.hub.silent = true;
    emulator.centre.advanceBy(10 * 60_000); // nothing reaches the client
    clock.advance(1500);
    await until(() => resyncs.includes('heartbeat missed'));
    emulator.context.hub.silent = false;
    await until(() => stream!.status === 'live');
    emulator.centre.advanceBy(5 * 60_000);
    await expectTruth(view, [mu]);
  });

  it('moves to a new channel before the current one expires', async () => {
    const short = await startEmulator({
      agents: 20,
      clock: 'manual',
      wallClock: clock,
      channelLifetimeMs: 4000,
      socketClosingGraceMs: 1000,
    });
    try {
      const t = await tokenFor(short);
      const c = createGenesysClient({ apiBaseUrl: short.apiUrl, getAccessToken: () => t });
      const resyncs: string[] = [];
      stream = new NotificationStream(c, {
        topics: [managementUnitAdherenceTopic(short.centre.topology.managementUnits[0]!.id)],
        WebSocket: WebSocket as unknown as WebSocketFactory,
        renewBeforeExpiryMs: 3000,
        clock,
        onEvent: () => {},
        onResync: (r) => resyncs.push(r),
      });
      await stream.start();
      const first = stream.channelIds[0];
      clock.advance(1000); // renewal is due 3 s before the 4 s channel expires
      await until(() => resyncs.includes('channel renewed'));
      expect(stream.channelIds[0]).not.toBe(first);
      expect(stream.status).toBe('live');
    } finally {
      stream?.close();
      stream = undefined;
      await short.close();
    }
  });

  it('shards topics over channels at the per-channel limit', async () => {
    const mus = emulator.centre.topology.managementUnits.map((m) => m.id);
    expect(mus.length).toBe(1);
    const teams = emulator.centre.topology.teams
      .slice(0, 5)
      .map((t) => `v2.workforcemanagement.teams.${t.id}.adherence`);
    stream = new NotificationStream(client, {
      topics: teams,
      WebSocket: WebSocket as unknown as WebSocketFactory,
      maxTopicsPerChannel: 2,
      clock,
      onEvent: () => {},
    });
    await stream.start();
    expect(stream.channelIds).toHaveLength(3);
    const subs = emulator.context.hub
      .allChannels()
      .filter((c) => stream!.channelIds.includes(c.id))
      .map((c) => c.topics.size)
      .sort();
    expect(subs).toEqual([1, 2, 2]);
  });
});

describe('createLiveAdherence: the stream, the snapshot and resyncs in one unit', () => {
  let live: LiveAdherence | undefined;
  afterEach(() => {
    live?.close();
    live = undefined;
  });

  // Issue 22, item 6: a normal sign-in flashed a red "Resyncing…" (the planned second snapshot) and could say
  // "Reconnecting…" before the socket had ever opened.
  it('a normal start says connecting, then live: never resyncing or reconnecting on the way', async () => {
    const mu = emulator.centre.topology.managementUnits[0]!.id;
    live = createLiveAdherence(client, {
      managementUnitIds: [mu],
      WebSocket: WebSocket as unknown as WebSocketFactory,
      clock,
    });
    const said: string[] = [];
    live.subscribe(() => said.push(live!.getSnapshot().status));
    await live.start();
    await new Promise((r) => setTimeout(r, 0)); // the last change's listeners run a microtask later
    expect(said.at(-1)).toBe('live');
    expect(said.filter((s) => s !== 'connecting' && s !== 'live')).toEqual([]);
    // A real gap still says so.
    const before = said.length;
    await live.resync();
    await new Promise((r) => setTimeout(r, 0));
    expect(said.slice(before)).toContain('resyncing');
    expect(said.at(-1)).toBe('live');
  });

  it('events that arrive while the first snapshot is in flight survive it; the view equals the truth', async () => {
    const mu = emulator.centre.topology.managementUnits[0]!.id;
    const token = await tokenFor(emulator);
    // The snapshot's answer is held back until events newer than it have reached the client.
    let release!: () => void;
    const gate = new Promise<void>((r) => (release = r));
    let snapshotTaken = false;
    const gated = createGenesysClient({
      apiBaseUrl: emulator.apiUrl,
      getAccessToken: () => token,
      fetch: async (input, init) => {
        const res = await fetch(input, init);
        if (String(input).includes(`/managementunits/${mu}/adherence`)) {
          snapshotTaken = true;
          await gate;
        }
        return res;
      },
    });
    const seen: number[] = [];
    live = createLiveAdherence(gated, {
      managementUnitIds: [mu],
      WebSocket: WebSocket as unknown as WebSocketFactory,
      clock,
    });
    live.subscribe(() => seen.push(live!.getSnapshot().version));
    const started = live.start();
    const delivered = emulator.context.hub.delivered;
    await until(() => snapshotTaken && emulator.context.hub.hasSubscribers(managementUnitAdherenceTopic(mu)));
    await until(() => {
      if (emulator.context.hub.delivered - delivered > 20) return true;
      emulator.centre.advanceBy(60_000);
      return false;
    });
    await until(() => live!.view.size > 0); // events alone have filled some of the view
    const fromEvents = new Map(live.view.all().map((r) => [r.userId, r]));
    release();
    await started;
    expect(live.getSnapshot().status).toBe('live');
    // Nothing the events brought was rolled back by the older snapshot.
    for (const [id, r] of fromEvents) expect(recordTime(live.view.get(id)!)).toBeGreaterThanOrEqual(recordTime(r));
    await expectTruth(live.view, [mu]);
    expect(seen.length).toBeGreaterThan(0);
    expect([...seen].sort((a, b) => a - b)).toEqual(seen);
  });

  it('a dropped socket resyncs on its own and converges; a second resync supersedes one in flight', async () => {
    const mu = emulator.centre.topology.managementUnits[0]!.id;
    live = createLiveAdherence(client, {
      managementUnitIds: [mu],
      WebSocket: WebSocket as unknown as WebSocketFactory,
      clock,
    });
    await live.start();
    const before = live.getSnapshot().version;
    emulator.context.hub.dropAllSockets();
    emulator.centre.advanceBy(5 * 60_000);
    await until(() => live!.getSnapshot().status === 'live' && live!.getSnapshot().version > before);
    await expectTruth(live.view, [mu]);
    const first = live.resync();
    const second = live.resync();
    await Promise.all([first, second]);
    await expectTruth(live.view, [mu]);
  });

  it('explanations: a review is heard live and lands on the record; a user who may not see them keeps a live board', async () => {
    const centre = emulator.centre;
    const now = centre.now();
    const [agent, explanation] = centre.topology.agents
      .map((a) => [a, emulator.context.explanations.forAgent(a, now, now + 12 * 3600_000)[0]] as const)
      .find(([, e]) => e !== undefined)!;
    const heard: AdherenceExplanation[] = [];
    live = createLiveAdherence(client, {
      managementUnitIds: [agent.managementUnitId],
      WebSocket: WebSocket as unknown as WebSocketFactory,
      clock,
      explanations: { businessUnitIds: [agent.businessUnitId], onChange: (e) => heard.push(e) },
    });
    await live.start();
    // The window opens: the agent's record carries the explanation, by event.
    centre.advanceTo(explanation!.start + 60_000);
    await until(() => live!.view.get(agent.id)?.explanation?.id === explanation!.id);
    const next = explanation!.status === 'Denied' ? 'Approved' : 'Denied';
    await reviewExplanation(client, agent.id, explanation!.id, next);
    await until(() => heard.some((e) => e.id === explanation!.id && e.status === next));
    await until(() => live!.view.get(agent.id)?.explanation?.status === next);
    await expectTruth(live.view, [agent.managementUnitId]);
    live.close();

    // Real-time adherence without wfm:adherenceExplanation:view: the explanation topic is refused, the rest runs.
    const rtaToken = await tokenFor(emulator, 'rta@adhere.local', 'supervisor');
    const rta = createGenesysClient({ apiBaseUrl: emulator.apiUrl, getAccessToken: () => rtaToken });
    live = createLiveAdherence(rta, {
      managementUnitIds: [agent.managementUnitId],
      WebSocket: WebSocket as unknown as WebSocketFactory,
      clock,
      explanations: { businessUnitIds: [agent.businessUnitId], onChange: (e) => heard.push(e) },
    });
    await live.start();
    expect(live.getSnapshot().status).toBe('live');
    centre.advanceBy(10 * 60_000);
    await expectTruth(live.view, [agent.managementUnitId]);
  });

  it('a token no longer accepted: the 401 shows in the state while it retries; a new token resumes the stream', async () => {
    const mu = emulator.centre.topology.managementUnits[0]!.id;
    let token = await tokenFor(emulator);
    let reauth = 0;
    const expiring = createGenesysClient({
      apiBaseUrl: emulator.apiUrl,
      getAccessToken: () => token,
      onReauthRequired: () => reauth++,
      sleep: async () => {},
    });
    live = createLiveAdherence(expiring, {
      managementUnitIds: [mu],
      WebSocket: WebSocket as unknown as WebSocketFactory,
      clock,
    });
    await live.start();
    await revokeToken(expiring);
    emulator.context.hub.dropAllSockets();
    await until(() => {
      if (live!.getSnapshot().error instanceof GenesysApiError) return true;
      clock.advance(1000); // the reconnect's backoff runs on the injected clock
      return false;
    });
    expect((live.getSnapshot().error as GenesysApiError).status).toBe(401);
    expect(live.getSnapshot().status).toBe('reconnecting');
    expect(reauth).toBeGreaterThan(0);
    token = await tokenFor(emulator); // signed in again
    await until(() => {
      if (live!.getSnapshot().status === 'live' && live!.getSnapshot().error === undefined) return true;
      clock.advance(1000);
      return false;
    });
    await expectTruth(live.view, [mu]);
  });

  it('a preloaded first snapshot: start() merges it without asking again, events during it survive, later resyncs ask afresh', async () => {
    const mu = emulator.centre.topology.managementUnits[0]!.id;
    const token = await tokenFor(emulator);
    const asked: string[] = [];
    const counting = createGenesysClient({
      apiBaseUrl: emulator.apiUrl,
      getAccessToken: () => token,
      fetch: (input, init) => {
        if (String(input).includes('/adherence')) asked.push(String(input));
        return fetch(input, init);
      },
    });
    // The preload (as the app starts it when sign-in completes), held back until events newer than it arrived.
    let release!: () => void;
    const gate = new Promise<void>((r) => (release = r));
    const firstSnapshot = fetchAdherenceSnapshot(client, { managementUnitIds: [mu] }).then(async (r) => {
      await gate;
      return r;
    });
    live = createLiveAdherence(counting, {
      managementUnitIds: [mu],
      firstSnapshot,
      WebSocket: WebSocket as unknown as WebSocketFactory,
      clock,
    });
    const started = live.start();
    const delivered = emulator.context.hub.delivered;
    await until(() => emulator.context.hub.hasSubscribers(managementUnitAdherenceTopic(mu)));
    // Ten simulated minutes a step: earlier tests may have left the centre's clock at night, when a minute
    // brings few changes.
    await until(() => {
      if (emulator.context.hub.delivered - delivered > 20) return true;
      emulator.centre.advanceBy(10 * 60_000);
      return false;
    });
    await until(() => live!.view.size > 0);
    const fromEvents = new Map(live.view.all().map((r) => [r.userId, r]));
    // The preloaded snapshot stood in for the first ask: nothing asked yet.
    expect(asked).toHaveLength(0);
    release();
    await started;
    for (const [id, r] of fromEvents) expect(recordTime(live.view.get(id)!)).toBeGreaterThanOrEqual(recordTime(r));
    // Then the one snapshot taken once the socket is open; and every later resync asks afresh.
    expect(asked).toHaveLength(1);
    await expectTruth(live.view, [mu]);
    await live.resync();
    expect(asked).toHaveLength(2);
  });

  it('a preloaded first snapshot that failed: its typed error is in the state, and start() rejects', async () => {
    const firstSnapshot = fetchAdherenceSnapshot(client, {
      managementUnitIds: ['00000000-0000-4000-8000-000000000000'],
    });
    firstSnapshot.catch(() => {});
    live = createLiveAdherence(client, {
      managementUnitIds: [emulator.centre.topology.managementUnits[0]!.id],
      firstSnapshot,
      WebSocket: WebSocket as unknown as WebSocketFactory,
      clock,
    });
    await expect(live.start()).rejects.toBeInstanceOf(GenesysApiError);
    expect(live.getSnapshot().error).toBeInstanceOf(GenesysApiError);
  });

  it('lets the preloaded snapshot go once it is merged (at 20,000 agents it is 28 MB of JSON)', async () => {
    const gc = collector();
    // Made in a function of its own, so that nothing in this test's scope holds the records or their promise.
    const weak = ((): { records: WeakRef<object> | undefined } => {
      const held: { records: WeakRef<object> | undefined } = { records: undefined };
      const mu = emulator.centre.topology.managementUnits[0]!.id;
      live = createLiveAdherence(client, {
        managementUnitIds: [mu],
        firstSnapshot: fetchAdherenceSnapshot(client, { managementUnitIds: [mu] }).then((r) => {
          held.records = new WeakRef(r);
          return r;
        }),
        WebSocket: WebSocket as unknown as WebSocketFactory,
        clock,
      });
      return held;
    })();
    await live.start();
    expect(live.view.size).toBeGreaterThan(0);
    // A WeakRef's target lives to the end of the job that made it: collect in a later task.
    await new Promise((r) => setTimeout(r, 0));
    gc();
    expect(weak.records).toBeDefined();
    expect(weak.records!.deref()).toBeUndefined();
  });

  it('a unit that does not exist: a typed error in the state, and start() rejects', async () => {
    live = createLiveAdherence(client, {
      managementUnitIds: ['00000000-0000-4000-8000-000000000000'],
      WebSocket: WebSocket as unknown as WebSocketFactory,
      clock,
    });
    await expect(live.start()).rejects.toBeInstanceOf(GenesysApiError);
    expect(live.getSnapshot().error).toBeInstanceOf(GenesysApiError);
    expect(() => createLiveAdherence(client, {})).toThrow(/managementUnitIds or a teamId/);
  });
});

/** V8's collector, run on demand (the test runner does not start Node with --expose-gc). */
function collector(): () => void {
  setFlagsFromString('--expose-gc');
  return runInNewContext('gc') as () => void;
}
