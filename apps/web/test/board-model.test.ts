import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { AgentAdherence } from '@adhere/genesys';
import { BoardModel } from '../src/board/board-model.js';
import { safeReturnPath } from '../src/router.js';
import { toCsv } from '../src/history/csv.js';

const STATES = ['InAdherence', 'OutOfAdherence', 'Unscheduled'] as const;
function record(userId: string, t: number, state: (typeof STATES)[number]): AgentAdherence {
  return {
    userId,
    managementUnitId: 'mu',
    teamId: 't',
    adherenceState: state,
    impact: 'Neutral',
    scheduledActivityCategory: 'OnQueueWork',
    scheduledActivityCodeId: '0',
    actualActivityCategory: 'OnQueueWork',
    systemPresence: 'OnQueue',
    routingStatus: 'IDLE',
    timeOfAdherenceChange: new Date(t).toISOString(),
    presenceUpdateTime: new Date(t).toISOString(),
    isOutOfOffice: false,
    removedFromManagementUnit: false,
  };
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
    const { describeOut, outLevel, thresholdsOf } = await import('../src/board/thresholds.js');
    const t = thresholdsOf({ adherenceExceptionThresholdSeconds: 60, severeAlertThresholdMinutes: 5 });
    expect(describeOut(190_000, t)).toBe('out 3:10 (over 1:00 threshold)');
    expect(describeOut(40_000, t)).toBe('out 0:40 (within 1:00 threshold)');
    expect(describeOut(362_000, t)).toBe('out 6:02 — severe (5 min)');
    expect([outLevel(59_999, t), outLevel(60_000, t), outLevel(300_000, t)]).toEqual(['within', 'over', 'severe']);
    expect(thresholdsOf(undefined)).toEqual({ exceptionSeconds: 0, severeMinutes: 5 });
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
