/**
 * The live-adherence soak: the emulator's contact centre for simulated hours as fast as the machine runs,
 * with 429s (5 %), 5xx (2 %), a socket drop every 5 simulated minutes and early channel expiry every
 * simulated hour, watched by @adhere/genesys's live core. At the end the client's view must equal the
 * emulator's truth for every agent; heap is sampled every simulated hour.
 */
import WebSocket from 'ws';
import { startEmulator } from '@adhere/emulator';
import { ManualClock, tokenFor } from '@adhere/emulator/testing';
import { AdherenceView, createGenesysClient, createLiveAdherence, type WebSocketFactory } from '@adhere/genesys';

export interface SoakResult {
  agents: number;
  hours: number;
  changes: number;
  resyncs: number;
  /** Agents whose view differs from the emulator's truth at the end. */
  mismatches: number;
  /** Heap used after each simulated hour, in MB. */
  heapMb: number[];
  seconds: number;
}

const MINUTE = 60_000;

/** Runs the soak; `log` hears progress once a simulated hour. */
export async function soak(
  options: { agents?: number; hours?: number; log?: (line: string) => void } = {},
): Promise<SoakResult> {
  const agents = options.agents ?? 20_000;
  const hours = options.hours ?? 24;
  const log = options.log ?? (() => {});
  const start = Date.UTC(2026, 10, 26, 0, 0);
  const clock = new ManualClock(start);
  const emulator = await startEmulator({
    agents,
    clock: 'manual',
    startTime: start,
    wallClock: clock,
    faults: { rate429: 0.05, rate5xx: 0.02, retryAfterMs: 1000 },
    heartbeatMs: 30_000,
  });
  const began = performance.now();
  try {
    // Tokens live 24 hours on the emulator's clock, which this run moves through a whole day: when one is
    // refused, the supervisor signs in again (a new token), as the app does.
    let token = await tokenFor(emulator);
    // Time is injected: retries wait on nothing, so a day runs as fast as the machine allows.
    const client = createGenesysClient({
      apiBaseUrl: emulator.apiUrl,
      getAccessToken: async ({ refresh }) => (refresh ? (token = await tokenFor(emulator)) : token),
      sleep: async () => {},
    });
    let resyncs = 0;
    class Counting extends AdherenceView {
      override mergeSnapshot(...args: Parameters<AdherenceView['mergeSnapshot']>) {
        resyncs++;
        super.mergeSnapshot(...args);
      }
    }
    const live = createLiveAdherence(client, {
      managementUnitIds: emulator.centre.topology.managementUnits.map((m) => m.id),
      view: new Counting(),
      WebSocket: WebSocket as unknown as WebSocketFactory,
      clock,
    });
    await live.start();
    const heapMb: number[] = [];
    const settle = async () => {
      // Let sockets, retries and resyncs run: until the stream is live and nothing is in flight for a while.
      // A reconnect backs off on the injected clock: while the stream is not live, a second of that clock
      // passes every 50 turns, so a retry is never waited for forever.
      for (let quiet = 0, idle = 0, last = -1; quiet < 5;) {
        await new Promise((r) => setImmediate(r));
        const v = live.getSnapshot().version;
        const isLive = live.getSnapshot().status === 'live';
        quiet = v === last && isLive ? quiet + 1 : 0;
        idle = isLive ? 0 : idle + 1;
        if (idle >= 50) {
          clock.advance(1000);
          idle = 0;
        }
        last = v;
      }
    };
    for (let minute = 1; minute <= hours * 60; minute++) {
      emulator.centre.advanceBy(MINUTE);
      clock.advance(MINUTE);
      if (minute % 5 === 0) emulator.context.hub.dropAllSockets();
      if (minute % 60 === 30) emulator.context.hub.expireSoon(5 * MINUTE);
      await settle();
      if (minute % 60 === 0) {
        (globalThis as { gc?: () => void }).gc?.();
        heapMb.push(process.memoryUsage().heapUsed / 1e6);
        log(
          `  hour ${minute / 60}: ${emulator.centre.changes} changes, ${resyncs} snapshots, heap ${heapMb.at(-1)!.toFixed(0)} MB`,
        );
      }
    }
    // The end: no forced snapshot; the view must have converged on its own (events, plus the resyncs its
    // stream ran after each drop). A few more quiet moments for what is still on the wire.
    const count = () => {
      let n = 0;
      for (const a of emulator.centre.topology.agents) {
        const v = live.view.get(a.id);
        const t = emulator.centre.statusOf(a.index);
        if (
          v?.adherenceState !== t.verdict.state ||
          v.systemPresence !== t.span.presence ||
          v.routingStatus !== t.span.routing
        )
          n++;
      }
      return n;
    };
    let mismatches = count();
    for (let round = 0; round < 50 && mismatches > 0; round++) {
      await settle();
      mismatches = count();
    }
    live.close();
    return {
      agents,
      hours,
      changes: emulator.centre.changes,
      resyncs,
      mismatches,
      heapMb,
      seconds: (performance.now() - began) / 1000,
    };
  } finally {
    await emulator.close();
  }
}
