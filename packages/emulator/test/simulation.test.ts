import { describe, expect, it } from 'vitest';
import { adherenceOf, DEFAULT_ADHERENCE_SETTINGS } from '../src/simulation/adherence-rules.js';
import { ContactCentre } from '../src/simulation/contact-centre.js';
import { buildTopology } from '../src/simulation/topology.js';
import { startOfLocalDay, localDayNumber, zoneOffsetMs } from '../src/simulation/time-zone.js';
import { optionsFromArgs, CliUsageError } from '@adhere/emulator';

describe('topology', () => {
  it('is deterministic for a seed and different for another', () => {
    const a = buildTopology(42, 300);
    expect(buildTopology(42, 300).agents.map((x) => x.id)).toEqual(a.agents.map((x) => x.id));
    expect(buildTopology(43, 300).agents[0]!.id).not.toBe(a.agents[0]!.id);
  });

  it('holds 20,000 agents within Genesys limits (BU ≤ 5,000, MU ≤ 1,500)', () => {
    const t = buildTopology(7, 20_000);
    expect(t.agents).toHaveLength(20_000);
    expect(new Set(t.agents.map((a) => a.id)).size).toBe(20_000);
    for (const bu of t.businessUnits)
      expect(t.agents.filter((a) => a.businessUnitId === bu.id).length).toBeLessThanOrEqual(5000);
    for (const mu of t.managementUnits)
      expect(t.agents.filter((a) => a.managementUnitId === mu.id).length).toBeLessThanOrEqual(1500);
    for (const a of t.agents)
      expect(a.id).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
  });

  it('a small org across business units: each its own zone, its units and agents inside it', () => {
    const t = buildTopology(42, 90, 30, 60);
    expect(t.businessUnits.map((b) => b.timeZone)).toEqual(['Europe/London', 'America/New_York']);
    expect(t.managementUnits.map((m) => [m.businessUnitId, m.timeZone])).toEqual([
      [t.businessUnits[0]!.id, 'Europe/London'],
      [t.businessUnits[0]!.id, 'Europe/London'],
      [t.businessUnits[1]!.id, 'America/New_York'],
    ]);
    for (const mu of t.managementUnits) {
      const agents = t.agents.filter((a) => a.managementUnitId === mu.id);
      expect(agents).toHaveLength(30);
      expect(agents.every((a) => a.businessUnitId === mu.businessUnitId)).toBe(true);
    }
  });
});

describe('adherence rules (Genesys real-time adherence overview)', () => {
  const s = DEFAULT_ADHERENCE_SETTINGS;
  it.each([
    ['OnQueueWork', 'OnQueue', 'IDLE', 'InAdherence', 'Neutral'],
    ['OnQueueWork', 'OnQueue', 'INTERACTING', 'InAdherence', 'Neutral'],
    ['OnQueueWork', 'OnQueue', 'NOT_RESPONDING', 'OutOfAdherence', 'Negative'],
    ['OnQueueWork', 'Break', 'OFF_QUEUE', 'OutOfAdherence', 'Negative'],
    ['Break', 'Break', 'OFF_QUEUE', 'InAdherence', 'Neutral'],
    ['Break', 'OnQueue', 'IDLE', 'OutOfAdherence', 'Positive'],
    ['Training', 'Meeting', 'OFF_QUEUE', 'OutOfAdherence', 'Neutral'],
    [undefined, 'Offline', 'OFF_QUEUE', 'InAdherence', 'Neutral'],
    [undefined, 'OnQueue', 'IDLE', 'Unscheduled', 'Positive'],
  ] as const)('scheduled %s, %s/%s → %s, %s', (scheduled, presence, routing, state, impact) => {
    expect(adherenceOf(scheduled, presence, routing, false, s)).toMatchObject({ state, impact });
  });

  it('activity equivalency and ignored categories', () => {
    expect(adherenceOf('Break', 'Meal', 'OFF_QUEUE', false, { ...s, nonOnQueueActivitiesEquivalent: true }).state).toBe(
      'InAdherence',
    );
    expect(
      adherenceOf('Meeting', 'OnQueue', 'IDLE', false, { ...s, ignoredActivityCategories: ['Meeting'] }).state,
    ).toBe('Ignored');
    expect(adherenceOf('OnQueueWork', 'Available', 'OFF_QUEUE', true, s)).toMatchObject({
      state: 'OutOfAdherence',
      actualCategory: 'TimeOff',
    });
  });
});

describe('contact centre', () => {
  it('a forced outage signs out a share of the scheduled agents at once, then gives them back to their timeline', () => {
    const topo = buildTopology(42, 400);
    const t0 = Date.UTC(2026, 10, 24, 13, 0);
    const centre = new ContactCentre(topo, { clock: 'manual', startTime: t0 });
    const twin = new ContactCentre(buildTopology(42, 400), { clock: 'manual', startTime: t0 });
    const mu = topo.managementUnits[0]!.id;
    const signedIn = centre
      .allStatuses()
      .filter((s) => s.agent.managementUnitId === mu && s.span.scheduled && s.span.presence !== 'Offline');
    const hit = centre.forceOutage(mu, 0.4, 10 * 60_000);
    expect(hit).toBe(Math.ceil(signedIn.length * 0.4));
    const out = signedIn.map((s) => centre.statusOf(s.agent.index)).filter((s) => s.span.presence === 'Offline');
    expect(out).toHaveLength(hit);
    for (const s of out) {
      expect(s.verdict.state).toBe('OutOfAdherence');
      expect(s.presenceUpdateTime).toBe(t0); // state time moves only if the state changed
    }
    // Five minutes into it, across whatever their timelines did meanwhile, they are still offline since t0.
    centre.advanceBy(5 * 60_000);
    for (const s of out) expect(centre.statusOf(s.agent.index).presenceUpdateTime).toBe(t0);
    // Ten minutes on, everyone is where the undisturbed timeline has them.
    centre.advanceBy(6 * 60_000);
    twin.advanceBy(11 * 60_000);
    for (const s of centre.allStatuses()) {
      const t = twin.statusOf(s.agent.index);
      expect([s.verdict.state, s.span.presence, s.span.routing]).toEqual([
        t.verdict.state,
        t.span.presence,
        t.span.routing,
      ]);
    }
    centre.stop();
    twin.stop();
  });

  it('drifts: agents move in and out of adherence, and every change is emitted in time order', () => {
    const centre = new ContactCentre(buildTopology(42, 400), {
      clock: 'manual',
      startTime: Date.UTC(2026, 10, 24, 9, 0),
    });
    let last = 0;
    const states = new Set<string>();
    let toOut = 0;
    centre.onChange((next, prev) => {
      expect(next.span.start).toBeGreaterThanOrEqual(last);
      last = next.span.start;
      states.add(next.verdict.state);
      if (prev.verdict.state !== 'OutOfAdherence' && next.verdict.state === 'OutOfAdherence') toOut++;
    });
    centre.advanceBy(8 * 3600_000);
    expect(centre.changes).toBeGreaterThan(1000);
    expect(toOut).toBeGreaterThan(50);
    expect(states).toContain('InAdherence');
    expect(states).toContain('OutOfAdherence');
    // Out of adherence is the exception, not the rule.
    const out = centre.allStatuses().filter((s) => s.verdict.state === 'OutOfAdherence').length;
    expect(out / 400).toBeLessThan(0.3);
    centre.stop();
  });

  // Issue 22, item 6: the replay at start began a fixed 12 hours back, so every agent offline for longer (most
  // of those between shifts) said "offline since 12 hours ago", and the board read "12h 0m" on row after row.
  it('times at start are the same as those of a centre that has been running for days', () => {
    const t0 = Date.UTC(2026, 10, 24, 13, 0);
    const fresh = new ContactCentre(buildTopology(42, 400), { clock: 'manual', startTime: t0 });
    const running = new ContactCentre(buildTopology(42, 400), { clock: 'manual', startTime: t0 - 4 * 86_400_000 });
    running.advanceBy(4 * 86_400_000);
    const times = (c: ContactCentre) =>
      c.allStatuses().map((s) => [s.agent.index, s.span.presence, s.presenceUpdateTime, s.timeOfAdherenceChange]);
    expect(times(fresh)).toEqual(times(running));
    // The case that was wrong: agents offline between shifts, here for more than 12 hours.
    const longOffline = fresh
      .allStatuses()
      .filter((s) => s.span.presence === 'Offline' && t0 - s.presenceUpdateTime > 12 * 3600_000);
    expect(longOffline.length).toBeGreaterThan(10);
    expect(longOffline.filter((s) => s.presenceUpdateTime === t0 - 12 * 3600_000)).toEqual([]);
    fresh.stop();
    running.stop();
  });

  it('the same seed and clock give the same states', () => {
    const run = () => {
      const c = new ContactCentre(buildTopology(5, 100), { clock: 'manual', startTime: Date.UTC(2026, 10, 24, 13, 0) });
      c.advanceBy(3600_000);
      return c
        .allStatuses()
        .map((s) => `${s.verdict.state}/${s.span.presence}/${s.span.routing}/${s.timeOfAdherenceChange}`);
    };
    expect(run()).toEqual(run());
  });
});

describe('time zones', () => {
  it('finds local midnight across DST', () => {
    // 2026-03-29: Europe/London moves to BST at 01:00 UTC.
    const day = localDayNumber('Europe/London', Date.UTC(2026, 2, 30, 12));
    expect(new Date(startOfLocalDay('Europe/London', day)).toISOString()).toBe('2026-03-29T23:00:00.000Z');
    expect(zoneOffsetMs('America/New_York', Date.UTC(2026, 0, 15))).toBe(-5 * 3600_000);
  });
});

describe('emulator CLI options', () => {
  it('parses flags and refuses bad values with a clear message', async () => {
    const o = await optionsFromArgs([
      '--port',
      '5000',
      '--agents',
      '20000',
      '--speed',
      '60',
      '--rate-429',
      '0.1',
      '--quiet',
    ]);
    expect(o).toMatchObject({ port: 5000, agents: 20000, speed: 60, faults: { rate429: 0.1 } });
    await expect(optionsFromArgs(['--agents', 'many'])).rejects.toThrow(CliUsageError);
    await expect(optionsFromArgs(['--agents', 'many'])).rejects.toThrow(/--agents must be a number/);
    await expect(optionsFromArgs(['--bogus'])).rejects.toThrow(/Unknown option/);
    expect(await optionsFromArgs(['--login-session', '0', '--quiet'])).toMatchObject({ loginSessionMs: 0 });
    await expect(optionsFromArgs(['--login-session', 'forever'])).rejects.toThrow(/--login-session must be a number/);
    await expect(optionsFromArgs(['--clients', '/no/such.json'])).rejects.toThrow(/cannot read clients file/);
  });

  it('loads a clients.json, checking every entry', async () => {
    const { mkdtempSync, writeFileSync } = await import('node:fs');
    const { join } = await import('node:path');
    const { tmpdir } = await import('node:os');
    const dir = mkdtempSync(join(tmpdir(), 'clients-'));
    const good = join(dir, 'good.json');
    writeFileSync(
      good,
      JSON.stringify([
        { id: 'svc', secret: 's3', scopes: ['workforce-management:readonly'] },
        { id: 'spa', redirectUris: ['https://app.example/callback'] },
      ]),
    );
    const o = await optionsFromArgs(['--clients', good]);
    expect(o !== 'help' && o.clients?.map((c) => [c.id, c.type, c.grantTypes.join()])).toEqual([
      ['svc', 'confidential', 'client_credentials'],
      ['spa', 'public', 'authorization_code'],
    ]);
    const bad = join(dir, 'bad.json');
    writeFileSync(bad, JSON.stringify([{ id: 'spa', type: 'public', secret: 'x' }]));
    await expect(optionsFromArgs(['--clients', bad])).rejects.toThrow(/a public client must not have a secret/);
    writeFileSync(bad, JSON.stringify([{ id: 'x', scopes: ['admin'] }]));
    await expect(optionsFromArgs(['--clients', bad])).rejects.toThrow(/unknown scopes admin/);
  });
});
