// Issue 25, item 1: a notification socket whose reader stops reading costs the emulator a bounded backlog and
// is then cut, as a server that cannot serve a consumer does; a reader that keeps up is never cut.
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import { startEmulator, type Emulator } from '../src/index.js';
import { tokenFor } from '@adhere/emulator/testing';
import { callApi } from './helpers/api.js';

const LIMIT = 1024 * 1024;
let emulator: Emulator;
let token: string;
beforeAll(async () => {
  emulator = await startEmulator({
    agents: 20_000,
    clock: 'manual',
    startTime: Date.UTC(2026, 10, 24, 7, 0),
    maxSocketBacklogBytes: LIMIT,
  });
  token = await tokenFor(emulator);
}, 60_000);
afterAll(() => emulator.close());

/** A channel subscribed to every unit's adherence topic (at most 20), and its socket, open. */
async function socketOnEveryUnit(): Promise<{ ws: WebSocket; channelId: string; received: () => number }> {
  const channel = await callApi(emulator.apiUrl, token, 'POST', '/api/v2/notifications/channels');
  const topics = emulator.centre.topology.managementUnits
    .slice(0, 20)
    .map((m) => ({ id: `v2.workforcemanagement.managementunits.${m.id}.adherence` }));
  const sub = await callApi(
    emulator.apiUrl,
    token,
    'PUT',
    `/api/v2/notifications/channels/${channel.body.id}/subscriptions`,
    topics,
  );
  expect(sub.status).toBe(200);
  const ws = new WebSocket(channel.body.connectUri);
  let received = 0;
  ws.on('message', () => received++);
  await new Promise((resolve, reject) => (ws.once('open', resolve), ws.once('error', reject)));
  return { ws, channelId: channel.body.id, received: () => received };
}

const mb = (bytes: number) => Math.round(bytes / 1024 / 1024);

/** V8's collector, run on demand (the test runner does not start Node with --expose-gc). */
function collector(): () => void {
  setFlagsFromString('--expose-gc');
  return runInNewContext('gc') as () => void;
}
const collect = collector();

describe('a slow notification consumer', () => {
  it('is cut once its backlog passes the bound; the emulator never holds more; a reader that keeps up stays', async () => {
    const slow = await socketOnEveryUnit();
    const fast = await socketOnEveryUnit();
    /** A simulated hour in 5-second steps: 60 s of wall time at --speed 60. */
    const hour = async () => {
      for (let step = 0; step < 720; step++) {
        emulator.centre.advanceBy(5_000);
        // Let the sockets write what they can (and the readers read) before the next step.
        await new Promise((r) => setImmediate(r));
      }
    };
    // A first hour with both reading: the process's heap reaches its working size; a second one is the
    // baseline of what an hour costs with no slow reader.
    await hour();
    const rss = () => (collect(), process.memoryUsage().rss);
    const rss0 = rss();
    await hour();
    const rss1 = rss();
    expect(emulator.context.hub.slowConsumersClosed).toBe(0);
    // Then the slow reader stops reading: its kernel buffers fill, then frames wait in the emulator's memory.
    (slow.ws as unknown as { _socket: { pause(): void } })._socket.pause();
    const closed = new Promise<number>((resolve) => slow.ws.once('close', (code) => resolve(code)));
    await hour();
    const rss2 = rss();
    const maxBacklog = emulator.context.hub.peakBacklogBytes;
    console.log(
      `slow consumer: ${emulator.context.hub.delivered} frames delivered; largest backlog ${mb(maxBacklog)} MB ` +
        `(limit ${mb(LIMIT)} MB); process RSS after a collection: an hour with both reading ${mb(rss0)} → ` +
        `${mb(rss1)} MB (${mb(rss1 - rss0)} MB), the hour one reader stopped ${mb(rss1)} → ${mb(rss2)} MB ` +
        `(${mb(rss2 - rss1)} MB)`,
    );
    expect(emulator.context.hub.slowConsumersClosed).toBe(1);
    // What the emulator held for a socket never passed the bound.
    expect(maxBacklog).toBeLessThanOrEqual(LIMIT);
    expect(emulator.context.hub.backlogBytes()).toBeLessThanOrEqual(LIMIT);
    // The channel survives the cut: the client may connect again (and resync).
    expect(emulator.context.hub.get(slow.channelId)?.socket).toBeUndefined();
    expect(emulator.context.hub.get(fast.channelId)?.socket).toBeDefined();
    expect(fast.received()).toBeGreaterThan(1000);
    // On reading again, the reader gets what its kernel held, then the end of the connection.
    (slow.ws as unknown as { _socket: { resume(): void } })._socket.resume();
    expect(await closed).toBe(1006);
    expect(slow.received()).toBeLessThan(fast.received());
    fast.ws.close();
  }, 120_000);
});
