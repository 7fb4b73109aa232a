// Issue 23, item 4: the emulator killed and restarted (same ports, a new process's state: its records can
// be older than what the board held). The live core reconnects, signs in again, resyncs, and every agent
// ends equal to the restarted emulator's truth; the mismatches after convergence are printed (goal 0).
import { createServer } from 'node:net';
import { afterAll, describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import { startEmulator, type Emulator } from '@adhere/emulator';
import { createGenesysClient, createLiveAdherence, type WebSocketFactory } from '@adhere/genesys';
import { ManualClock, tokenFor } from '@adhere/emulator/testing';

const START = Date.UTC(2026, 10, 24, 7);
const clock = new ManualClock(START);
let emulator: Emulator | undefined;
afterAll(() => emulator?.close());

/**
 * A port P with P + 1 free too (the emulator's login and API origins), below Linux's ephemeral range
 * (32768–60999): ports the system hands out (listen(0) in other test files, outgoing connections) never
 * land there, so none can take P between this check, the first start and the restart.
 */
async function freePortPair(): Promise<number> {
  const free = (port: number) =>
    new Promise<boolean>((resolve) => {
      const s = createServer();
      s.once('error', () => resolve(false));
      s.listen(port, '127.0.0.1', () => s.close(() => resolve(true)));
    });
  for (;;) {
    const p = 20_000 + 2 * Math.floor(Math.random() * 6000);
    if ((await free(p)) && (await free(p + 1))) return p;
  }
}

const until = async (test: () => boolean, ms = 30_000) => {
  const end = Date.now() + ms;
  while (!test()) {
    if (Date.now() > end) return false;
    // The client's reconnect backoff and the emulator's timers run on the manual clock.
    clock.advance(1000);
    await new Promise((r) => setTimeout(r, 20));
  }
  return true;
};

describe('the emulator killed and restarted under a live board', () => {
  it('every row ends equal to the restarted emulator’s truth', async () => {
    const port = await freePortPair();
    const options = { agents: 3000, clock: 'manual' as const, wallClock: clock, port, heartbeatMs: 30_000 };
    emulator = await startEmulator({ ...options, startTime: START });
    let token = await tokenFor(emulator);
    const client = createGenesysClient({
      apiBaseUrl: emulator.apiUrl,
      // A restarted emulator knows no earlier token: a 401 asks for a new one, as a token store would.
      getAccessToken: async ({ refresh }) => (refresh ? (token = await tokenFor(emulator!)) : token),
      sleep: async () => {},
    });
    const mus = emulator.centre.topology.managementUnits.map((m) => m.id);
    const live = createLiveAdherence(client, {
      managementUnitIds: mus,
      WebSocket: WebSocket as unknown as WebSocketFactory,
      clock,
    });
    await live.start();
    // Two busy hours: the board holds records as new as 09:00.
    for (let minute = 0; minute < 120; minute++) emulator.centre.advanceBy(60_000);
    const mismatches = () =>
      emulator!.centre.topology.agents.filter((a) => {
        const v = live.view.get(a.id);
        const t = emulator!.centre.statusOf(a.index);
        return !(
          v?.adherenceState === t.verdict.state &&
          v.systemPresence === t.span.presence &&
          v.routingStatus === t.span.routing
        );
      }).length;
    expect(await until(() => mismatches() === 0)).toBe(true);

    // Killed, and restarted on the same ports as a new process would be: its state is its own, and its
    // records are as of 08:00 (older than some the board holds).
    const before = live.getSnapshot().version;
    await emulator.close();
    emulator = await startEmulator({ ...options, startTime: START + 3600_000 });
    for (let minute = 0; minute < 5; minute++) emulator.centre.advanceBy(60_000);
    const converged = await until(
      () => live.getSnapshot().status === 'live' && live.getSnapshot().version > before && mismatches() === 0,
    );
    const left = mismatches();
    console.log(
      `restart: ${left} of ${emulator.centre.topology.agents.length} agents differ from the truth after convergence`,
    );
    expect(live.getSnapshot().status).toBe('live');
    expect(left).toBe(0);
    expect(converged).toBe(true);
    live.close();
  }, 90_000);
});
