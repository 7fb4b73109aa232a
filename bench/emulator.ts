// Emulator benchmarks: token-exchange throughput beside oidc-provider, and simulated agents per core.
import { createHash, randomBytes } from 'node:crypto';
import { startEmulator } from '@adhere/emulator';
import WebSocket from 'ws';
import { followLoginToCallback, PEER_SCOPE, startOidcPeer } from '../testing/peers/oidc-provider-server.js';
import { signInAt, tokenFor } from '@adhere/emulator/testing';

const REDIRECT = 'http://localhost:3000/callback';
const EXCHANGES = 400;
const CONCURRENCY = 8;

async function throughput(tokenUrl: string, codes: Array<{ code: string; verifier: string }>): Promise<number> {
  let next = 0;
  const start = performance.now();
  await Promise.all(
    Array.from({ length: CONCURRENCY }, async () => {
      while (next < codes.length) {
        const { code, verifier } = codes[next++]!;
        const res = await fetch(tokenUrl, {
          method: 'POST',
          body: new URLSearchParams({
            grant_type: 'authorization_code',
            code,
            client_id: 'adhere-local',
            redirect_uri: REDIRECT,
            code_verifier: verifier,
          }),
        });
        if (res.status !== 200) throw new Error(`exchange failed: ${res.status} ${await res.text()}`);
        await res.arrayBuffer();
      }
    }),
  );
  return codes.length / ((performance.now() - start) / 1000);
}

// oidc-provider's development store is an LRU of 1,000 entries, so codes are made and spent in batches.
const BATCH = 50;

async function measure(tokenUrl: string, authorize: (q: URLSearchParams) => Promise<string>): Promise<number> {
  let seconds = 0;
  for (let done = 0; done < EXCHANGES; done += BATCH) {
    const codes = await codesFor(authorize, BATCH);
    const rate = await throughput(tokenUrl, codes);
    seconds += codes.length / rate;
  }
  return EXCHANGES / seconds;
}

async function codesFor(
  authorize: (q: URLSearchParams) => Promise<string>,
  n: number,
): Promise<Array<{ code: string; verifier: string }>> {
  const out = [];
  for (let i = 0; i < n; i++) {
    const verifier = randomBytes(32).toString('base64url');
    const q = new URLSearchParams({
      response_type: 'code',
      client_id: 'adhere-local',
      redirect_uri: REDIRECT,
      code_challenge: createHash('sha256').update(verifier).digest('base64url'),
      code_challenge_method: 'S256',
      state: 's',
    });
    out.push({ code: new URL(await authorize(q)).searchParams.get('code')!, verifier });
  }
  return out;
}

export async function benchEmulator(): Promise<void> {
  console.log(
    '\n== emulator: token exchange (authorization_code + PKCE S256), 400 exchanges, 8 concurrent, loopback ==',
  );
  const emulator = await startEmulator({ agents: 10, clock: 'manual', codeLifetimeMs: 600000 });
  const peer = await startOidcPeer({ codeTtlSeconds: 600 });
  try {
    const ours = await measure(`${emulator.loginUrl}/oauth/token`, (q) =>
      signInAt(`${emulator.loginUrl}/oauth/authorize?${q}`),
    );
    const theirs = await measure(
      `${peer.issuer}/oauth/token`,
      (q) => (q.set('scope', PEER_SCOPE), followLoginToCallback(`${peer.issuer}/oauth/authorize?${q}`, REDIRECT)),
    );
    console.log(`  emulator        ${ours.toFixed(0)} exchanges/s`);
    console.log(`  oidc-provider   ${theirs.toFixed(0)} exchanges/s`);
    console.log(`  ratio emulator/oidc-provider: ${(ours / theirs).toFixed(2)}`);
  } finally {
    await emulator.close();
    await peer.close();
  }

  console.log(
    '\n== emulator: simulated agents one core sustains at --speed 1, events flowing to a subscribed socket ==',
  );
  for (const agents of [2000, 20000]) {
    const e = await startEmulator({ agents, clock: 'manual', startTime: Date.UTC(2026, 10, 24, 14, 0) });
    try {
      const token = await tokenFor(e);
      const h = { Authorization: `Bearer ${token}`, 'Content-Type': 'application/json' };
      const channel = (await (
        await fetch(`${e.apiUrl}/api/v2/notifications/channels`, { method: 'POST', headers: h })
      ).json()) as { id: string; connectUri: string };
      const topics = e.centre.topology.managementUnits
        .slice(0, 20)
        .map((m) => ({ id: `v2.workforcemanagement.managementunits.${m.id}.adherence` }));
      await fetch(`${e.apiUrl}/api/v2/notifications/channels/${channel.id}/subscriptions`, {
        method: 'PUT',
        headers: h,
        body: JSON.stringify(topics),
      });
      const ws = new WebSocket(channel.connectUri);
      let received = 0;
      ws.on('message', () => received++);
      await new Promise((r) => ws.once('open', r));
      const simulatedSeconds = 3600;
      const cpu0 = process.cpuUsage();
      const wall0 = performance.now();
      for (let s = 0; s < simulatedSeconds; s += 10) e.centre.advanceBy(10_000);
      const cpu = process.cpuUsage(cpu0);
      const cpuSeconds = (cpu.user + cpu.system) / 1e6;
      // Wait until the socket has every frame the hub sent (the client shares this process).
      for (let i = 0; i < 400 && received < e.context.hub.delivered; i++) await new Promise((r) => setTimeout(r, 50));
      ws.close();
      const capacity = agents * (simulatedSeconds / cpuSeconds);
      console.log(
        `  ${agents} agents: 1 simulated hour in ${cpuSeconds.toFixed(2)} CPU s ` +
          `(${(performance.now() - wall0).toFixed(0)} ms wall), ${e.centre.changes} changes, ` +
          `${e.context.hub.delivered} frames sent, ${received} received → ≈ ` +
          `${Math.round(capacity).toLocaleString('en')} agents per core at --speed 1`,
      );
    } finally {
      await e.close();
    }
  }
}
