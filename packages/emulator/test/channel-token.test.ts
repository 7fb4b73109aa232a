// A notification channel lives no longer than the sign-in behind it: revoking the token (sign-out) closes the
// channels it made, and with closeChannelsOnTokenExpiry so does the token's expiry.
import { afterEach, describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import { startEmulator, type Emulator } from '@adhere/emulator';
import { ManualClock, appClient, tokenFor } from '@adhere/emulator/testing';

let emulator: Emulator | undefined;
afterEach(() => emulator?.close());

async function openChannel(e: Emulator, token: string) {
  const res = await fetch(`${e.apiUrl}/api/v2/notifications/channels`, {
    method: 'POST',
    headers: { Authorization: `Bearer ${token}` },
  });
  const channel = (await res.json()) as { id: string; connectUri: string };
  const ws = new WebSocket(channel.connectUri);
  const closed = new Promise<number>((resolve) => ws.on('close', (code) => resolve(code)));
  await new Promise((resolve, reject) => (ws.on('open', resolve), ws.on('error', reject)));
  return { id: channel.id, closed };
}

describe('channels and the token that made them', () => {
  it('sign-out (DELETE /api/v2/tokens/me) closes the token’s channels, and no other’s', async () => {
    emulator = await startEmulator({ agents: 20, clock: 'manual' });
    const [mine, other] = [await tokenFor(emulator), await tokenFor(emulator)];
    const a = await openChannel(emulator, mine);
    const b = await openChannel(emulator, other);
    const out = await fetch(`${emulator.apiUrl}/api/v2/tokens/me`, {
      method: 'DELETE',
      headers: { Authorization: `Bearer ${mine}` },
    });
    expect(out.status).toBe(204);
    expect(await a.closed).toBe(1000);
    expect(emulator.context.hub.get(a.id)).toBeUndefined();
    expect(emulator.context.hub.get(b.id)?.socket).toBeDefined();
  });

  it('with closeChannelsOnTokenExpiry, a channel closes when its token expires (kept by default)', async () => {
    for (const strict of [true, false]) {
      const clock = new ManualClock(Date.UTC(2026, 10, 24, 14));
      emulator = await startEmulator({
        agents: 20,
        clock: 'manual',
        wallClock: clock,
        clients: [appClient('short-lived', 'http://localhost:3999', 60)],
        ...(strict ? { closeChannelsOnTokenExpiry: true } : {}),
      });
      const token = await tokenFor(emulator, undefined, undefined, undefined, 'short-lived');
      const channel = await openChannel(emulator, token);
      clock.advance(59_000);
      expect(emulator.context.hub.get(channel.id)).toBeDefined();
      clock.advance(2_000);
      if (strict) {
        expect(await channel.closed).toBe(1000);
        expect(emulator.context.hub.get(channel.id)).toBeUndefined();
      } else expect(emulator.context.hub.get(channel.id)?.socket).toBeDefined();
      await emulator.close();
      emulator = undefined;
    }
  });

  it('HEAD on a channel says whether it still exists, for its owner only; GET is not a route', async () => {
    emulator = await startEmulator({ agents: 20, clock: 'manual' });
    const [mine, other] = [await tokenFor(emulator), await tokenFor(emulator, 'rta@adhere.local', 'supervisor')];
    const a = await openChannel(emulator, mine);
    const ask = (method: string, token: string, id = a.id) =>
      fetch(`${emulator!.apiUrl}/api/v2/notifications/channels/${id}`, {
        method,
        headers: { Authorization: `Bearer ${token}` },
      }).then((r) => r.status);
    expect(await ask('HEAD', mine)).toBe(200);
    expect(await ask('HEAD', other)).toBe(404);
    expect(await ask('HEAD', mine, crypto.randomUUID())).toBe(404);
    expect(await ask('GET', mine)).toBe(404);
  });
});
