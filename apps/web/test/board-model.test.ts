import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { AgentAdherence } from '@adhere/genesys';
import { BoardModel } from '../src/board/board-model.js';
import { agentRecord } from './agent-record.js';
import { safeReturnPath } from '../src/router.js';
import { toCsv } from '../src/history/csv.js';

const STATES = ['InAdherence', 'OutOfAdherence', 'Unscheduled'] as const;
function record(userId: string, t: number, state: (typeof STATES)[number]): AgentAdherence {
  return agentRecord(userId, t, { adherenceState: state });
}

describe("board model (the board's reducer)", () => {
  it("events applied in any order converge to the truth: each agent's latest event", () => {
    fc.assert(
      fc.property(
        fc.array(
          fc.record({
            agent: fc.integer({ min: 0, max: 9 }),
            t: fc.integer({ min: 1, max: 1_000_000 }),
            state: fc.constantFrom(...STATES),
          }),
          { minLength: 1, maxLength: 60 },
        ),
        fc.infiniteStream(fc.nat()),
        (raw, seeds) => {
          // Distinct times per agent: the truth is the latest event of each agent.
          const seen = new Set<string>();
          const events = raw
            .filter((e) => !seen.has(`${e.agent}/${e.t}`) && seen.add(`${e.agent}/${e.t}`))
            .map((e) => record(`u${e.agent}`, e.t, e.state));
          const truth = new Map<string, AgentAdherence>();
          for (const e of events)
            if (
              !truth.has(e.userId) ||
              Date.parse(e.timeOfAdherenceChange!) > Date.parse(truth.get(e.userId)!.timeOfAdherenceChange!)
            )
              truth.set(e.userId, e);
          const shuffled = [...events];
          const it = seeds[Symbol.iterator]();
          for (let i = shuffled.length - 1; i > 0; i--) {
            const j = it.next().value! % (i + 1);
            [shuffled[i], shuffled[j]] = [shuffled[j]!, shuffled[i]!];
          }
          const model = new BoardModel();
          // Any batching too: some events one by one, the rest in one batch.
          const cut = shuffled.length >> 1;
          for (const e of shuffled.slice(0, cut)) model.applyUpdates([e]);
          model.applyUpdates(shuffled.slice(cut));
          for (const [id, want] of truth) expect(model.get(id)).toEqual(want);
          expect(model.size).toBe(truth.size);
          // The incrementally kept counts equal a recount.
          const recount: Record<string, number> = {};
          for (const r of truth.values()) recount[r.adherenceState!] = (recount[r.adherenceState!] ?? 0) + 1;
          expect(model.counts()).toEqual(recount);
        },
      ),
      { numRuns: 300 },
    );
  });

  it('a snapshot replaces everything; an agent removed from the MU leaves the board', () => {
    const m = new BoardModel();
    m.replaceAll([record('a', 1, 'InAdherence'), record('b', 1, 'OutOfAdherence')]);
    expect(m.counts()).toEqual({ InAdherence: 1, OutOfAdherence: 1 });
    expect(m.latestStamp).toBe(1);
    m.applyUpdates([{ ...record('a', 2, 'InAdherence'), removedFromManagementUnit: true }]);
    expect(m.size).toBe(1);
    const v = m.version;
    m.applyUpdates([record('b', 0, 'InAdherence')]); // older than held: ignored
    expect(m.get('b')!.adherenceState).toBe('OutOfAdherence');
    expect(m.version).toBe(v);
  });

  it('filters by state and name, and sorts what needs attention first', () => {
    const m = new BoardModel();
    m.replaceAll([record('a', 1, 'InAdherence'), record('b', 1, 'OutOfAdherence'), record('c', 1, 'Unscheduled')]);
    m.names.set('a', 'Ava').set('b', 'Ben').set('c', 'Chloe');
    const all = m.select({ states: new Set(), search: '', sortKey: 'adherenceState', descending: false }, 2);
    expect(all.map((r) => r.userId)).toEqual(['b', 'c', 'a']);
    expect(
      m
        .select({ states: new Set(['InAdherence']), search: '', sortKey: 'name', descending: false }, 2)
        .map((r) => r.userId),
    ).toEqual(['a']);
    expect(
      m.select({ states: new Set(), search: 'chl', sortKey: 'name', descending: false }, 2).map((r) => r.userId),
    ).toEqual(['c']);
  });
});

describe('return paths and CSV', () => {
  it('allows only same-origin paths after sign-in', () => {
    (globalThis as { location?: unknown }).location = new URL('http://localhost:3000/');
    expect(safeReturnPath('/history?x=1#y')).toBe('/history?x=1#y');
    for (const bad of [
      'https://evil.example/',
      '//evil.example/x',
      '/\\evil.example',
      'javascript:alert(1)',
      '/callback?code=1',
      undefined,
    ])
      expect(safeReturnPath(bad)).toBe('/');
  });

  it('quotes CSV fields per RFC 4180', () => {
    expect(
      toCsv([
        ['a', 'b,c', 'd"e'],
        [1, 'line\nbreak', ''],
      ]),
    ).toBe('a,"b,c","d""e"\r\n1,"line\nbreak",\r\n');
  });
});

describe('act now: ranking, thresholds, pause', () => {
  it('out of adherence first, longest out first; then the other states by need', () => {
    const m = new BoardModel();
    m.replaceAll([
      record('in-old', 1_000, 'InAdherence'),
      record('out-short', 50_000, 'OutOfAdherence'),
      record('out-long', 10_000, 'OutOfAdherence'),
      record('unsched', 5_000, 'Unscheduled'),
    ]);
    const order = m
      .select({ states: new Set(), search: '', sortKey: 'actNow', descending: false }, 100_000)
      .map((r) => r.userId);
    expect(order).toEqual(['out-long', 'out-short', 'unsched', 'in-old']);
  });

  it("says how long someone is out against the unit's thresholds", async () => {
    const { describeOut, outLevel, thresholdsOf, thresholdWords } = await import('../src/board/thresholds.js');
    const t = thresholdsOf({ adherenceExceptionThresholdSeconds: 60, severeAlertThresholdMinutes: 5 });
    // Issue 22, item 7: one way to say a length of time, and the thresholds said once, not on every row.
    expect(describeOut(190_000, t)).toBe('out 3\u00a0min 10\u00a0s');
    expect(describeOut(40_000, t)).toBe('out 40\u00a0s, not counted yet');
    expect(describeOut(362_000, t)).toBe('out 6\u00a0min 2\u00a0s, severe');
    expect(describeOut(21_120_000, t)).toBe('out 5\u00a0h 52\u00a0min, severe');
    expect(thresholdWords(t)).toBe(
      "Time out of adherence counts against adherence after 1\u00a0min; it is severe after 5\u00a0min (the unit's settings in Genesys).",
    );
    expect([outLevel(59_999, t), outLevel(60_000, t), outLevel(300_000, t)]).toEqual(['within', 'over', 'severe']);
    expect(thresholdsOf(undefined)).toEqual({
      exceptionSeconds: 0,
      severeMinutes: 5,
      targetPercent: 90,
      ignoredCategories: [],
    });
  });

  it('paused, the board holds still and queues; resumed, it applies the queue in arrival order', () => {
    const m = new BoardModel();
    m.replaceAll([record('a', 1, 'InAdherence')]);
    m.pause();
    expect(m.apply(record('a', 5, 'OutOfAdherence'))).toBe(true); // queued: the banner's count changed
    m.mergeSnapshot([record('a', 3, 'Unscheduled'), record('b', 3, 'InAdherence')], m.beginSnapshot());
    expect(m.get('a')!.adherenceState).toBe('InAdherence');
    expect(m.get('b')).toBeUndefined();
    expect(m.queued).toBe(2);
    m.resume();
    expect(m.get('a')!.adherenceState).toBe('OutOfAdherence');
    expect(m.get('b')!.adherenceState).toBe('InAdherence');
    expect(m.counts()).toEqual({ OutOfAdherence: 1, InAdherence: 1 });
    expect(m.paused).toBe(false);
  });
});

describe('alerts', () => {
  const T = { exceptionSeconds: 60, severeMinutes: 5, targetPercent: 90, ignoredCategories: [] };
  const out = (id: string, since: number, team = 't1'): AgentAdherence => ({
    ...record(id, since, 'OutOfAdherence'),
    teamId: team,
  });
  const prefs = { desktop: false, sound: false, minutes: undefined, mutedAgents: [], mutedUnits: [] };

  it('one alert per agent per episode; none for episodes already severe when the board opened', async () => {
    const { AlertWatch } = await import('../src/board/alerts.js');
    const w = new AlertWatch();
    const old = out('old', 0);
    const fresh = out('fresh', 150_000);
    const calm = Array.from({ length: 20 }, (_, i) => record(`in${i}`, 0, 'InAdherence'));
    // Primes: 'old' is not alerted on its own but listed as already out when the board opened (issue 22, item 4).
    const first = w.check([old, fresh, ...calm], 400_000, () => T, prefs);
    expect(first.alerts).toEqual([]);
    expect(first.alreadyOut.map((a) => a.userId)).toEqual(['old']);
    const later = w.check([old, fresh, ...calm], 449_999, () => T, prefs);
    expect(later.alerts).toEqual([]);
    expect(later.alreadyOut).toEqual([]); // listed once
    const crossing = w.check([old, fresh, ...calm], 450_000, () => T, prefs).alerts.map((a) => a.userId);
    expect(crossing).toEqual(['fresh']);
    expect(w.check([old, fresh, ...calm], 900_000, () => T, prefs).alerts).toEqual([]); // same episode: once
    const again = out('fresh', 1_000_000); // back in, then out again: a new episode
    expect(w.check([old, again, ...calm], 1_400_000, () => T, prefs).alerts.map((a) => a.key)).toEqual([
      'fresh@1000000',
    ]);
    // Muted agents and units stay quiet; a supervisor's own threshold replaces the unit's.
    const w2 = new AlertWatch();
    w2.check([...calm], 0, () => T, prefs);
    const two = [out('a', 0), out('b', 0), ...calm];
    expect(
      w2.check(two, 120_000, () => T, { ...prefs, minutes: 2, mutedAgents: ['a'] }).alerts.map((a) => a.userId),
    ).toEqual(['b']);
  });

  it('a mass deviation (30 % of a team within 2 minutes) shows once and holds back those alerts', async () => {
    const { AlertWatch, massDeviations } = await import('../src/board/alerts.js');
    const team = [
      ...Array.from({ length: 4 }, (_, i) => out(`o${i}`, 1_000_000)),
      ...Array.from({ length: 6 }, (_, i) => ({ ...record(`i${i}`, 0, 'InAdherence'), teamId: 't1' })),
    ];
    expect(massDeviations(team, 1_060_000).map((m) => [m.scope, m.out, m.of])).toEqual([
      ['team', 4, 10],
      ['unit', 4, 10],
    ]);
    expect(massDeviations(team, 1_200_001)).toEqual([]); // the window has passed
    const w = new AlertWatch();
    w.check(team, 1_000_000, () => T, prefs);
    expect(w.check(team, 1_060_000, () => T, prefs).mass).toHaveLength(2);
    expect(w.check(team, 1_400_000, () => T, prefs).alerts).toEqual([]); // held back for the whole episode
    // Someone who went out with them, whose news came only later, belongs to the same deviation.
    const late = { ...out('late', 1_010_000), teamId: 't1' };
    expect(w.check([...team, late], 1_500_000, () => T, prefs).alerts).toEqual([]);
    // Someone who went out well after it is alerted as usual.
    const after = { ...out('after', 1_200_000), teamId: 't1' };
    expect(w.check([...team, late, after], 1_600_000, () => T, prefs).alerts.map((a) => a.userId)).toEqual(['after']);
    // What else the deviation sets off (a situation: logged out early) is held back with it; not someone later.
    expect(w.heldBack(team[0]!)).toBe(true);
    expect(w.heldBack(late)).toBe(true);
    expect(w.heldBack(after)).toBe(false);
    expect(w.heldBack(team[5]!)).toBe(false); // in adherence
  });
});

describe('select at scale', () => {
  it('orders ids exactly as a plain comparator sort would, for every key and direction', () => {
    const states = ['InAdherence', 'OutOfAdherence', 'Unscheduled', 'Unknown', 'Ignored'] as const;
    const m = new BoardModel();
    const records = Array.from({ length: 500 }, (_, i) => ({
      ...record(`u${(i * 7919) % 500}`, 1_000 + ((i * 104729) % 97) * 1000, 'InAdherence'),
      adherenceState: states[i % states.length]!,
      routingStatus: ['IDLE', 'INTERACTING', 'OFF_QUEUE'][i % 3],
    }));
    m.replaceAll(records);
    for (const r of records) m.names.set(r.userId, `Agent ${(Number(r.userId.slice(1)) * 31) % 50}`);
    const SEV = ['OutOfAdherence', 'Unscheduled', 'Unknown', 'Explained', 'Ignored', 'InAdherence'];
    const now = 200_000;
    const keyOf = (sortKey: string, r: AgentAdherence): string | number => {
      const since = Date.parse(r.timeOfAdherenceChange ?? '') || now;
      const sev = SEV.indexOf(r.adherenceState ?? 'Unknown');
      if (sortKey === 'actNow') return sev * 1e15 + since;
      if (sortKey === 'timeInState') return now - since;
      if (sortKey === 'adherenceState') return sev;
      if (sortKey === 'name') return m.names.get(r.userId)!;
      return (r as unknown as Record<string, string>)[sortKey] ?? '';
    };
    const collator = new Intl.Collator(undefined, { numeric: true });
    for (const sortKey of ['actNow', 'timeInState', 'adherenceState', 'name', 'routingStatus'] as const)
      for (const descending of [false, true]) {
        const dir = descending ? -1 : 1;
        const expected = [...records]
          .sort((x, y) => {
            const a = keyOf(sortKey, x);
            const b = keyOf(sortKey, y);
            const c =
              typeof a === 'string' && sortKey === 'name'
                ? collator.compare(a, b as string)
                : a < b
                  ? -1
                  : a > b
                    ? 1
                    : 0;
            return c * dir || (x.userId < y.userId ? -1 : 1);
          })
          .map((r) => r.userId);
        expect(m.selectIds({ states: new Set(), search: '', sortKey, descending }, now)).toEqual(expected);
      }
  });

  it('the once-a-second re-rank is sorted ahead (prerank): the render finds the order made, until something it depends on changes', () => {
    const m = new BoardModel();
    m.replaceAll([
      record('a', 3_000, 'OutOfAdherence'),
      record('b', 1_000, 'OutOfAdherence'),
      record('c', 1, 'InAdherence'),
    ]);
    const q = { states: new Set<string>(), search: '', sortKey: 'actNow' as const, descending: false };
    const first = m.selectIds(q, 10_000);
    expect(first).toEqual(['b', 'a', 'c']);
    m.apply(record('b', 5_000, 'OutOfAdherence')); // b is out since 5 s now: a has been out longer
    m.prerank(11_000);
    const sorted = m.selectIds(q, 11_000);
    expect(sorted).toEqual(['a', 'b', 'c']);
    expect(m.selectIds({ ...q }, 11_000)).toBe(sorted); // the same query, the same second: no sort again
    expect(m.selectIds({ ...q, descending: true }, 11_000)).toEqual(['c', 'b', 'a']); // another query: sorted
    m.replaceAll([record('d', 2_000, 'OutOfAdherence'), record('a', 3_000, 'OutOfAdherence')]); // a snapshot
    expect(m.selectIds(q, 11_000)).toEqual(['d', 'a']);
  });

  it("takes agents' names from the snapshot (UserScheduleAdherence.name); topic records keep them", () => {
    const m = new BoardModel();
    let heard = 0;
    m.onSnapshot = () => heard++;
    m.replaceAll([{ ...record('a', 1, 'InAdherence'), name: 'Ava Ito' }, record('b', 1, 'InAdherence')]);
    expect(heard).toBe(1);
    expect(m.names.get('a')).toBe('Ava Ito');
    expect(m.names.has('b')).toBe(false); // looked up by the board (GET /api/v2/users)
    m.apply(record('a', 5, 'OutOfAdherence')); // a topic body has no name
    expect(m.names.get('a')).toBe('Ava Ito');
  });
});

describe('the activity before', () => {
  it('is what the board saw change, ending where the old record said the next would start', () => {
    const m = new BoardModel();
    const onBreak: AgentAdherence = {
      ...record('a', 1_000, 'InAdherence'),
      scheduledActivityCategory: 'Break',
      scheduledActivityCodeId: '1',
      nextActivity: { category: 'OnQueueWork', startDate: new Date(900_000).toISOString() },
    };
    m.replaceAll([onBreak]);
    expect(m.previous.has('a')).toBe(false); // not seen to change yet
    m.apply({ ...onBreak, presenceUpdateTime: new Date(2_000).toISOString() }); // same activity: nothing
    expect(m.previous.has('a')).toBe(false);
    m.apply({ ...record('a', 950_000, 'OutOfAdherence'), nextActivity: undefined });
    expect(m.previous.get('a')).toEqual({ category: 'Break', codeId: '1', until: 900_000 });
  });
});
