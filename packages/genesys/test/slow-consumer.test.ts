// Issue 25, item 1: the live core recovers when the server cuts its socket for reading too slowly (a tab in
// the background, a frozen main thread): it connects again, resyncs and ends equal to the truth.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import { startEmulator, type Emulator } from '@adhere/emulator';
import { createGenesysClient, createLiveAdherence, type WebSocketFactory } from '@adhere/genesys';
import { ManualClock, tokenFor } from '@adhere/emulator/testing';

const START = Date.UTC(2026, 10, 24, 6);
const clock = new ManualClock(START);
let emulator: Emulator;
beforeAll(async () => {
  emulator = await startEmulator({
    agents: 2000,
    clock: 'manual',
    wallClock: clock,
    startTime: START,
    maxSocketBacklogBytes: 64 * 1024,
  });
}, 60_000);
afterAll(() => emulator.close());

const until = async (test: () => boolean, ms = 20_000) => {
  const end = Date.now() + ms;
  while (!test()) {
    if (Date.now() > end) throw new Error('timed out waiting');
    await new Promise((r) => setTimeout(r, 20));
  }
};

describe('a socket cut for reading too slowly', () => {
  it('is followed by a new connection and a resync; every agent then equals the truth', async () => {
    const token = await tokenFor(emulator);
    const client = createGenesysClient({ apiBaseUrl: emulator.apiUrl, getAccessToken: () => token });
    const mus = emulator.centre.topology.managementUnits.map((m) => m.id);
    // The first socket stops reading once open, as a frozen tab would; later ones read normally.
    const sockets: WebSocket[] = [];
    class FirstOneStalls extends WebSocket {
      constructor(url: string) {
        super(url);
        sockets.push(this);
        if (sockets.length === 1)
          this.once('open', () => (this as unknown as { _socket: { pause(): void } })._socket.pause());
      }
    }
    const live = createLiveAdherence(client, {
      managementUnitIds: mus,
      WebSocket: FirstOneStalls as unknown as WebSocketFactory,
      clock,
    });
    await live.start();
    // Simulated minutes pass until the emulator has cut the stalled socket (bounded: a day at most).
    for (let minute = 0; emulator.context.hub.slowConsumersClosed === 0 && minute < 24 * 60; minute++) {
      emulator.centre.advanceBy(60_000);
      await new Promise((r) => setImmediate(r));
    }
    expect(emulator.context.hub.slowConsumersClosed).toBe(1);
    expect(emulator.context.hub.peakBacklogBytes).toBeLessThanOrEqual(64 * 1024);
    // The tab wakes: it reads what its kernel held, then learns the connection is gone.
    (sockets[0] as unknown as { _socket: { resume(): void } })._socket.resume();
    await until(() => sockets.length >= 2 && live.getSnapshot().status === 'live');
    const agents = emulator.centre.topology.agents;
    await until(() =>
      agents.every((a) => {
        const v = live.view.get(a.id);
        const t = emulator.centre.statusOf(a.index);
        return v?.adherenceState === t.verdict.state && v.systemPresence === t.span.presence;
      }),
    );
    expect(live.view.size).toBe(agents.length);
    live.close();
  }, 90_000);
});
