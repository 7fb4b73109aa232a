// Regression tests for the red-team findings against the emulator (issue 11, items 1, 3, 4, 5, 12, 13, 14
// and the CORS / repeated-parameter risks). Each case sends what an attacker would and checks the answer.
import { randomBytes } from 'node:crypto';
import { request as httpRequest } from 'node:http';
import { connect as tcpConnect, type Socket } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import { ManualClock, SUPERVISOR, signInAt, tokenFor } from '@adhere/emulator/testing';
import { startEmulator, type Emulator } from '../src/index.js';

const clock = new ManualClock(Date.UTC(2026, 10, 26, 9));
const logLines: string[] = [];
let emulator: Emulator;
let supervisor: string;
let agent: string;
beforeAll(async () => {
  emulator = await startEmulator({
    agents: 40,
    clock: 'manual',
    wallClock: clock,
    maxTopicsPerChannel: 5,
    log: (line) => logLines.push(line),
    clients: [
      {
        id: 'native-app',
        name: 'Native',
        type: 'public',
        redirectUris: ['com.example.app://callback'],
        grantTypes: ['authorization_code'],
        scopes: ['notifications'],
        accessTokenLifetimeSeconds: 3600,
      },
    ],
  });
  supervisor = await tokenFor(emulator);
  agent = await tokenFor(emulator, 'agent0001@adhere.local', 'agent');
});
afterAll(() => emulator.close());

const api = (path: string, token: string, init: RequestInit = {}) =>
  fetch(`${emulator.apiUrl}${path}`, {
    ...init,
    headers: { Authorization: `Bearer ${token}`, 'Content-Type': 'application/json', ...init.headers },
  });
const authorizeUrl = (extra: Record<string, string> = {}) =>
  `${emulator.loginUrl}/oauth/authorize?${new URLSearchParams({
    response_type: 'code',
    client_id: 'adhere-local',
    redirect_uri: 'http://localhost:3000/callback',
    code_challenge: 'E9Melhoa2OwvFrEMTJguCHaoeK1t8URWbuGJSstw-cM',
    code_challenge_method: 'S256',
    state: 's',
    ...extra,
  })}`;
/** Posts the login form from a given loopback source address; returns the status (302 signed in, 401, 429). */
async function loginFrom(source: string, email: string, password: string): Promise<number> {
  const html = await (await fetch(authorizeUrl())).text();
  const login = /name="login" value="([^"]+)"/.exec(html)![1]!;
  const body = new URLSearchParams({ login, email, password }).toString();
  return new Promise((resolve, reject) => {
    const req = httpRequest(
      `${emulator.loginUrl}/oauth/login`,
      {
        method: 'POST',
        localAddress: source,
        headers: { 'Content-Type': 'application/x-www-form-urlencoded', 'Content-Length': Buffer.byteLength(body) },
      },
      (res) => {
        res.resume();
        res.on('end', () => resolve(res.statusCode!));
      },
    );
    req.on('error', reject);
    req.end(body);
  });
}
const alive = async () => expect((await api('/api/v2/users/me', supervisor)).status).toBe(200);
const channel = async (token: string) =>
  (await (await api('/api/v2/notifications/channels', token, { method: 'POST' })).json()) as {
    id: string;
    connectUri: string;
  };

/** A WebSocket client that waits for the next frame matching `test` (event-driven, no polling). */
async function socket(uri: string) {
  const ws = new WebSocket(uri);
  const frames: Array<Record<string, unknown>> = [];
  const waiters: Array<(f: Record<string, unknown>) => boolean> = [];
  ws.on('message', (d) => {
    const f = JSON.parse(String(d)) as Record<string, unknown>;
    frames.push(f);
    for (const w of [...waiters]) if (w(f)) waiters.splice(waiters.indexOf(w), 1);
  });
  await new Promise((r, j) => (ws.once('open', r), ws.once('error', j)));
  const next = (test: (f: Record<string, unknown>) => boolean) =>
    new Promise<Record<string, unknown>>((resolve) => {
      const seen = frames.find(test);
      if (seen) return resolve(seen);
      waiters.push((f) => (test(f) ? (resolve(f), true) : false));
    });
  return { ws, next };
}

/** A raw TCP connection upgraded to a WebSocket, to send frames no well-behaved client would. */
async function rawSocket(uri: string): Promise<{ sock: Socket; closed: Promise<void> }> {
  const u = new URL(uri);
  const sock = tcpConnect(Number(u.port), u.hostname);
  await new Promise((r) => sock.once('connect', r));
  sock.write(
    `GET ${u.pathname} HTTP/1.1\r\nHost: ${u.host}\r\nUpgrade: websocket\r\nConnection: ` +
      `Upgrade\r\nSec-WebSocket-Key: ${randomBytes(16).toString('base64')}\r\nSec-WebSocket-Version: 13\r\n\r\n`,
  );
  await new Promise<void>((resolve) =>
    sock.once('data', (d) => (expect(String(d)).toMatch(/^HTTP\/1\.1 101/), resolve())),
  );
  const closed = new Promise<void>((r) => sock.once('close', () => r()));
  sock.on('error', () => {});
  return { sock, closed };
}
const masked = (first: number, payload: Buffer, lengthBytes?: Buffer) => {
  const mask = randomBytes(4);
  const body = Buffer.from(payload.map((b, i) => b ^ mask[i % 4]!));
  const len = lengthBytes ?? Buffer.from([0x80 | payload.length]);
  return Buffer.concat([Buffer.from([first]), len, mask, body]);
};

describe('1. one WebSocket frame cannot kill the emulator', () => {
  it('JSON that is not an object (null, 5, [], "x") is ignored; the socket keeps answering pings', async () => {
    const ch = await channel(agent);
    const s = await socket(ch.connectUri);
    for (const text of ['null', '5', '[]', '"x"', '{"message":null}', '{"message":"subscribe","topics":null}'])
      s.ws.send(text);
    s.ws.send(JSON.stringify({ message: 'ping' }));
    expect((await s.next((f) => (f.eventBody as { message?: string } | undefined)?.message === 'pong')).topicName).toBe(
      'channel.metadata',
    );
    s.ws.close();
    await alive();
  });

  const violations: Array<[string, Buffer]> = [
    ['an unmasked frame', Buffer.from([0x81, 0x04, ...Buffer.from('ping')])],
    ['opcode 3', masked(0x83, Buffer.from('x'))],
    ['bad UTF-8', masked(0x81, Buffer.from([0xff, 0xfe]))],
    ['close code 999', masked(0x88, Buffer.from([0x03, 0xe7]))],
    ['RSV1 without an extension', masked(0xc1, Buffer.from('x'))],
    ['a 2^62-byte length', masked(0x81, Buffer.alloc(0), Buffer.from([0xff, 0x40, 0, 0, 0, 0, 0, 0, 0]))],
  ];
  it.each(violations)('%s closes that socket only', async (_name, frame) => {
    const { sock, closed } = await rawSocket((await channel(agent)).connectUri);
    sock.write(frame);
    await closed;
    await alive();
  });

  it('a frame over the payload cap is refused (close 1009) instead of buffered', async () => {
    const s = await socket((await channel(agent)).connectUri);
    const code = new Promise<number>((r) => s.ws.once('close', (c) => r(c)));
    s.ws.send('x'.repeat(300 * 1024));
    expect(await code).toBe(1009);
    await alive();
  });
});

describe("3. the socket subscribe message has REST's authorization and topic limit", () => {
  const mu = () => emulator.centre.topology.managementUnits[0]!.id;
  it("an agent cannot subscribe to a unit's adherence or to another user's query notices over the socket", async () => {
    const s = await socket((await channel(agent)).connectUri);
    const supervisorId = emulator.centre.topology.supervisor.id;
    for (const [i, topic] of [
      `v2.workforcemanagement.managementunits.${mu()}.adherence`,
      `v2.users.${supervisorId}.workforcemanagement.historicaladherencequery`,
    ].entries()) {
      s.ws.send(JSON.stringify({ message: 'subscribe', topics: [topic], correlationId: `c${i}` }));
      const answer = await s.next((f) => f.correlationId === `c${i}`);
      expect(answer).toMatchObject({ result: '403', status: 'failure' });
    }
    s.ws.close();
  });

  it('more topics than a channel allows are refused whole', async () => {
    const ch = await channel(supervisor);
    const s = await socket(ch.connectUri);
    const teams = emulator.centre.topology.teams
      .slice(0, 2)
      .map((t) => `v2.workforcemanagement.teams.${t.id}.adherence`);
    const users = emulator.centre.topology.agents
      .slice(0, 4)
      .map((a) => `v2.users.${a.id}.workforcemanagement.adherence`);
    s.ws.send(JSON.stringify({ message: 'subscribe', topics: [...teams, ...users], correlationId: 'many' }));
    expect(await s.next((f) => f.correlationId === 'many')).toMatchObject({ result: '400', status: 'failure' });
    expect(emulator.context.hub.get(ch.id)!.topics.size).toBe(0);
    s.ws.send(JSON.stringify({ message: 'subscribe', topics: teams, correlationId: 'ok' }));
    expect(await s.next((f) => f.correlationId === 'ok')).toMatchObject({ result: '200', status: 'subscribed' });
    expect(emulator.context.hub.get(ch.id)!.topics.size).toBe(2);
    s.ws.close();
  });
});

describe('4. bodies are limited before they are read; userIds are bounded', () => {
  const muId = () => emulator.centre.topology.managementUnits[0]!.id;
  it('an API body over 1 MB is 413 request.entity.too.large', async () => {
    const res = await api(
      `/api/v2/workforcemanagement/managementunits/${muId()}/historicaladherencequery`,
      supervisor,
      { method: 'POST', body: JSON.stringify({ pad: 'x'.repeat(1_100_000) }) },
    );
    expect(res.status).toBe(413);
    expect(await res.json()).toMatchObject({ code: 'request.entity.too.large', status: 413 });
  });

  it('a chunked body (no Content-Length) is cut off at the limit too', async () => {
    const chunk = new TextEncoder().encode('x'.repeat(64 * 1024));
    let sent = 0;
    const body = new ReadableStream<Uint8Array>({
      pull(c) {
        if (sent++ < 40) c.enqueue(chunk);
        else c.close();
      },
    });
    const res = await fetch(`${emulator.loginUrl}/oauth/token`, {
      method: 'POST',
      body,
      headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
      duplex: 'half',
    } as RequestInit);
    expect(res.status).toBe(400);
    expect(emulator.context.rejections.list().at(-1)?.reason).toBe('body_too_large');
  });

  it('the sign-in form is limited (413)', async () => {
    const res = await fetch(`${emulator.loginUrl}/oauth/login`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
      body: `login=x&pad=${'x'.repeat(100_000)}`,
    });
    expect(res.status).toBe(413);
  });

  it('userIds beyond 5,000 are refused; non-string ids are refused', async () => {
    const path = `/api/v2/workforcemanagement/managementunits/${muId()}/historicaladherencequery`;
    const ids = Array.from({ length: 5001 }, (_, i) => `00000000-0000-4000-8000-${String(i).padStart(12, '0')}`);
    const base = { startDate: '2026-11-20T00:00:00Z', endDate: '2026-11-21T00:00:00Z' };
    expect(
      (await api(path, supervisor, { method: 'POST', body: JSON.stringify({ ...base, userIds: ids }) })).status,
    ).toBe(400);
    expect(
      (await api(path, supervisor, { method: 'POST', body: JSON.stringify({ ...base, userIds: [5] }) })).status,
    ).toBe(400);
    expect(
      (await api(path, supervisor, { method: 'POST', body: JSON.stringify({ ...base, userIds: ids.slice(0, 5000) }) }))
        .status,
    ).toBe(202);
  });
});

describe('5. the fault switches cannot be flipped cross-site, and take only valid values', () => {
  const post = (body: string, headers: Record<string, string>) =>
    fetch(`${emulator.loginUrl}/__emulator/faults`, { method: 'POST', headers, body });
  const json = { 'Content-Type': 'application/json' };
  it.each([
    ['a text/plain form post', '{"rate5xx":1}', { 'Content-Type': 'text/plain' }, 415],
    ['another Origin', '{"rate5xx":1}', { ...json, Origin: 'https://evil.example' }, 403],
    ['Sec-Fetch-Site: cross-site', '{"rate5xx":1}', { ...json, 'Sec-Fetch-Site': 'cross-site' }, 403],
    ['an unknown key', '{"rate5xx":0,"evil":1}', json, 400],
    ['a string value', '{"rate429":"1"}', json, 400],
    ['latencyMs 3e9', '{"latencyMs":3000000000}', json, 400],
    ['CRLF in retryAfterMs', '{"retryAfterMs":"1\\r\\nSet-Cookie: x=1"}', json, 400],
    ['rates adding up past 1', '{"rate429":0.7,"rate5xx":0.7}', json, 400],
    ['a non-boolean switch', '{"silent":"yes"}', json, 400],
    ['not an object', '[1]', json, 400],
    ['a mass deviation that is not an object', '{"massDeviation":true}', json, 400],
    ['a mass deviation share over 1', '{"massDeviation":{"share":2}}', json, 400],
    ['a mass deviation of a day and more', '{"massDeviation":{"minutes":99999}}', json, 400],
    ['a mass deviation with an unknown option', '{"massDeviation":{"everyone":true}}', json, 400],
    ['a mass deviation of a unit that is not an id', '{"massDeviation":{"managementUnitId":"../x"}}', json, 400],
    // Issue 25, item 2: a well-formed id of no unit was taken.
    [
      'a mass deviation of a unit that does not exist',
      '{"massDeviation":{"managementUnitId":"0badc0de-0000-4000-8000-000000000001"}}',
      json,
      400,
    ],
  ])('refuses %s', async (_name, body, headers, status) => {
    expect((await post(body, headers as Record<string, string>)).status).toBe(status);
    expect(emulator.context.faults.options).toMatchObject({ rate429: 0, rate5xx: 0, latencyMs: 0, retryAfterMs: 1000 });
    expect(emulator.context.hub.silent).toBe(false);
  });

  it('accepts a valid change from a tool (no Origin) and can undo it', async () => {
    expect((await post('{"rate5xx":0.5}', json)).status).toBe(200);
    expect(emulator.context.faults.options.rate5xx).toBe(0.5);
    expect((await post('{"rate5xx":0}', json)).status).toBe(200);
  });

  // Issue 25, item 2: twenty calls in a row stalled the API (each pile of outages was scanned at every
  // simulated change). One deviation per unit runs at a time; the rest are refused with 409 and do no work.
  it('twenty mass deviations in a row: one per unit runs, the others are 409, and the API keeps answering', async () => {
    const units = emulator.centre.topology.managementUnits;
    const statuses: number[] = [];
    const signedOut: number[] = [];
    for (let i = 0; i < 20; i++) {
      const mu = units[i % units.length]!;
      const res = await post(
        JSON.stringify({ massDeviation: { managementUnitId: mu.id, share: 1, minutes: 30 } }),
        json,
      );
      statuses.push(res.status);
      const body = (await res.json()) as { signedOut?: number; error?: string };
      if (res.status === 200) signedOut.push(body.signedOut!);
      else expect(body.error).toContain('already running in that unit until');
    }
    expect(statuses.filter((s) => s === 200)).toHaveLength(Math.min(20, units.length));
    expect(statuses.filter((s) => s === 409)).toHaveLength(20 - Math.min(20, units.length));
    // A call's work is bounded by its unit's agents.
    for (const [i, n] of signedOut.entries())
      expect(n).toBeLessThanOrEqual(
        emulator.centre.topology.agents.filter((a) => a.managementUnitId === units[i]!.id).length,
      );
    emulator.centre.advanceBy(31 * 60_000);
    expect((await api('/api/v2/users/me', supervisor)).status).toBe(200);
    // Once over, the unit takes a new one.
    expect((await post(JSON.stringify({ massDeviation: { managementUnitId: units[0]!.id } }), json)).status).toBe(200);
    emulator.centre.advanceBy(11 * 60_000);
  });
});

describe('12. DELETE /api/v2/tokens/me revokes only the token it was called with', () => {
  it('a second tab of the same user and client stays signed in', async () => {
    const tab1 = await tokenFor(emulator);
    const tab2 = await tokenFor(emulator);
    expect((await api('/api/v2/tokens/me', tab1, { method: 'DELETE' })).status).toBe(204);
    expect((await api('/api/v2/users/me', tab1)).status).toBe(401);
    expect((await api('/api/v2/users/me', tab2)).status).toBe(200);
  });
});

describe('13. users search matches name and email only, and refuses malformed criteria with 400', () => {
  const search = (body: unknown) =>
    api('/api/v2/users/search', supervisor, { method: 'POST', body: JSON.stringify(body) });
  it.each([
    ['fields: ["password"]', { query: [{ type: 'EXACT', fields: ['password'], value: 'agent' }] }],
    ['value: 5', { query: [{ type: 'CONTAINS', fields: ['name'], value: 5 }] }],
    ['query: [null]', { query: [null] }],
    ['fields: "name"', { query: [{ type: 'CONTAINS', fields: 'name', value: 'a' }] }],
    ['values: [null]', { query: [{ type: 'CONTAINS', fields: ['name'], values: [null] }] }],
    ['pageSize: "9"', { pageSize: '9', query: [{ type: 'CONTAINS', fields: ['name'], value: 'a' }] }],
  ])('%s → 400', async (_name, body) => {
    const res = await search(body);
    expect(res.status).toBe(400);
    expect(((await res.json()) as { code: string }).code).toMatch(/^(invalid\.value|bad\.request)$/);
  });

  it('bulk historical items: [null] → 400', async () => {
    const res = await api('/api/v2/workforcemanagement/adherence/historical/bulk', supervisor, {
      method: 'POST',
      body: JSON.stringify({ timeZone: 'UTC', items: [null] }),
    });
    expect(res.status).toBe(400);
  });

  it('still finds by email', async () => {
    const res = await search({ query: [{ type: 'EXACT', fields: ['email'], value: 'agent0001@adhere.local' }] });
    expect(((await res.json()) as { total: number }).total).toBe(1);
  });
});

describe('14. the login origin resists framing, guessing, floods and log forging', () => {
  it('the sign-in page cannot be framed (RFC 9700 §4.16)', async () => {
    const res = await fetch(authorizeUrl());
    expect(res.headers.get('x-frame-options')).toBe('DENY');
    expect(res.headers.get('content-security-policy')).toContain("frame-ancestors 'none'");
  });

  // Issue 23, item 2: five wrong passwords from anyone used to lock the account for everyone (the owner with
  // the right password got 429), and 10,000 failures on made-up emails flushed a real account's count.
  it('wrong passwords slow the source that sends them, with growing waits; the owner elsewhere signs in', async () => {
    const email = 'agent0002@adhere.local';
    for (let i = 0; i < 5; i++) expect(await loginFrom('127.0.0.2', email, 'wrong')).toBe(401);
    // That source now waits, even with the right password…
    expect(await loginFrom('127.0.0.2', email, 'agent')).toBe(429);
    // …but the owner, from another address, is not locked out.
    expect(await loginFrom('127.0.0.3', email, 'agent')).toBe(302);
    // The first wait is 30 s; each further failure doubles it.
    clock.advance(30_000);
    expect(await loginFrom('127.0.0.2', email, 'wrong')).toBe(401);
    clock.advance(30_000);
    expect(await loginFrom('127.0.0.2', email, 'agent')).toBe(429);
    clock.advance(30_000);
    expect(await loginFrom('127.0.0.2', email, 'agent')).toBe(302);
  });

  it('a flood of made-up emails does not flush the count of a real account under guessing', async () => {
    const email = 'agent0003@adhere.local';
    for (let i = 0; i < 5; i++) expect(await loginFrom('127.0.0.4', email, 'wrong')).toBe(401);
    // 10,000 failures on emails that are no account, from many sources, straight into the throttle.
    for (let i = 0; i < 10_000; i++)
      emulator.context.loginThrottle.fail(`nobody${i}@x.example`, `10.9.${i >> 8}.${i & 255}`);
    expect(await loginFrom('127.0.0.4', email, 'agent')).toBe(429);
    // Memory stays bounded: made-up emails hold no per-account entry; sources are capped.
    const size = emulator.context.loginThrottle.size;
    expect(size.accounts).toBeLessThan(10);
    expect(size.sources).toBeLessThanOrEqual(10_000);
  });

  it('one source failing across many accounts is slowed as a whole (password spraying)', async () => {
    for (let i = 10; i < 60; i++) await loginFrom('127.0.0.5', `agent00${i}@adhere.local`, 'wrong');
    expect(await loginFrom('127.0.0.5', 'agent0004@adhere.local', 'agent')).toBe(429);
    expect(await loginFrom('127.0.0.6', 'agent0004@adhere.local', 'agent')).toBe(302);
  });

  it('pending sign-ins are bounded', async () => {
    for (let i = 0; i < 2100; i++) await fetch(authorizeUrl({ state: `s${i}` }));
    expect(emulator.context.grants.pendingLogins).toBeLessThanOrEqual(2000);
  });

  it('a newline in client_id cannot forge a log line', async () => {
    await fetch(`${emulator.loginUrl}/oauth/token`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
      body: 'grant_type=authorization_code&client_id=x%0A[emulator] token accepted&code=c',
    });
    const line = [...logLines].reverse().find((l) => l.includes('token rejected'))!;
    expect(line).toContain('client="x\\n[emulator] token accepted"');
    expect(logLines.some((l) => l.startsWith('[emulator] token accepted'))).toBe(false);
  });
});

describe('risks decided', () => {
  it('an opaque origin ("null", from a custom-scheme redirect URI) is never allowed by CORS', async () => {
    const res = await fetch(`${emulator.apiUrl}/api/v2/users/me`, {
      method: 'OPTIONS',
      headers: { Origin: 'null', 'Access-Control-Request-Method': 'GET' },
    });
    expect(res.headers.get('access-control-allow-origin')).toBeNull();
    const ok = await fetch(`${emulator.apiUrl}/api/v2/users/me`, {
      method: 'OPTIONS',
      headers: { Origin: 'http://localhost:3000', 'Access-Control-Request-Method': 'GET' },
    });
    expect(ok.headers.get('access-control-allow-origin')).toBe('http://localhost:3000');
  });

  it('a repeated client_id or redirect_uri is shown as an error page, never redirected (RFC 6749 §4.1.2.1)', async () => {
    for (const dup of ['client_id=adhere-local', 'redirect_uri=http%3A%2F%2Fevil.example%2Fcb']) {
      const res = await fetch(`${authorizeUrl()}&${dup}`, { redirect: 'manual' });
      expect(res.status).toBe(400);
      expect(res.headers.get('location')).toBeNull();
    }
  });

  it('the seeded supervisor still signs in', async () => {
    expect(await signInAt(authorizeUrl(), SUPERVISOR.email, SUPERVISOR.password)).toMatch(/code=/);
  });
});

// Issue 23, item 1: a topic is refused whenever REST would refuse the same data to that token. A token of the
// adhere-limited client (no WFM scopes) was refused the unit's adherence over REST, yet could subscribe to
// its topic (318 events in 5 s).
describe('issue 23.1: notification topics follow the token’s scopes, as REST does', () => {
  const mu = () => emulator.centre.topology.managementUnits[0]!.id;
  const bu = () => emulator.centre.topology.businessUnits[0]!.id;
  const topics = () => [
    `v2.workforcemanagement.managementunits.${mu()}.adherence`,
    `v2.workforcemanagement.businessunits.${bu()}.adherence.explanations`,
    `v2.workforcemanagement.teams.${emulator.centre.topology.teams[0]!.id}.adherence`,
  ];
  let limited: string;
  beforeAll(async () => {
    limited = await tokenFor(emulator, SUPERVISOR.email, SUPERVISOR.password, undefined, 'adhere-limited');
  });

  it('REST refuses the data to that token (the premise)', async () => {
    const res = await api(`/api/v2/workforcemanagement/managementunits/${mu()}/adherence`, limited);
    expect(res.status).toBe(403);
  });

  it('PUT and POST subscriptions refuse each topic (403, or Rejected with ignoreErrors)', async () => {
    const ch = await channel(limited);
    for (const topic of topics()) {
      const body = JSON.stringify([{ id: topic }]);
      for (const method of ['PUT', 'POST']) {
        const res = await api(`/api/v2/notifications/channels/${ch.id}/subscriptions`, limited, { method, body });
        expect(res.status, `${method} ${topic}`).toBe(403);
        expect(((await res.json()) as { code: string }).code).toBe('app.not.authorized.for.scope');
      }
      const ignored = await api(`/api/v2/notifications/channels/${ch.id}/subscriptions?ignoreErrors=true`, limited, {
        method: 'POST',
        body,
      });
      expect(((await ignored.json()) as { entities: unknown[] }).entities).toEqual([
        expect.objectContaining({ id: topic, state: 'Rejected' }),
      ]);
    }
    expect(emulator.context.hub.get(ch.id)!.topics.size).toBe(0);
  });

  it('the socket’s subscribe message refuses them too, and no event arrives', async () => {
    const ch = await channel(limited);
    const s = await socket(ch.connectUri);
    let events = 0;
    s.ws.on('message', (d) => {
      const topic = (JSON.parse(String(d)) as { topicName?: string }).topicName ?? '';
      if (topic.startsWith('v2.workforcemanagement.')) events++;
    });
    s.ws.send(JSON.stringify({ message: 'subscribe', topics: topics(), correlationId: 'limited' }));
    expect(await s.next((f) => f.correlationId === 'limited')).toMatchObject({ result: '403', status: 'failure' });
    emulator.centre.advanceBy(10 * 60_000);
    // A ping answered means every frame sent before it has been read.
    s.ws.send(JSON.stringify({ message: 'ping' }));
    await s.next((f) => (f.eventBody as { message?: string } | undefined)?.message === 'pong');
    expect(events).toBe(0);
    expect(emulator.context.hub.get(ch.id)!.topics.size).toBe(0);
    s.ws.close();
  });

  it('the same user with the full client still subscribes', async () => {
    const ch = await channel(supervisor);
    const res = await api(`/api/v2/notifications/channels/${ch.id}/subscriptions`, supervisor, {
      method: 'PUT',
      body: JSON.stringify(topics().map((id) => ({ id }))),
    });
    expect(res.status).toBe(200);
  });
});

// Issue 23, item 5: the gateway origin answered a request carrying two Host headers.
describe('issue 23.5: the gateway refuses two Host headers', () => {
  let gateway: Emulator;
  beforeAll(async () => {
    gateway = await startEmulator({ agents: 5, clock: 'manual', wallClock: clock, gateway: true });
  });
  afterAll(() => gateway.close());

  /** A raw HTTP/1.1 request (fetch and node:http both refuse to send two Host headers); the status line's code. */
  const raw = (hosts: string[]) =>
    new Promise<number>((resolve, reject) => {
      const url = new URL(gateway.gatewayUrl!);
      const sock = tcpConnect(Number(url.port), url.hostname, () =>
        sock.write(
          `GET /api/v2/users/me HTTP/1.1\r\n${hosts.map((h) => `Host: ${h}\r\n`).join('')}Connection: close\r\n\r\n`,
        ),
      );
      let text = '';
      sock.on('data', (d) => (text += String(d)));
      sock.on('end', () => resolve(Number(/^HTTP\/1\.1 (\d{3})/.exec(text)?.[1])));
      sock.on('error', reject);
    });

  it('answers 400 to two Host headers, and 401 (no token) to one', async () => {
    const host = new URL(gateway.gatewayUrl!).host;
    expect(await raw([host, 'evil.example'])).toBe(400);
    expect(await raw([host])).toBe(401);
  });
});
