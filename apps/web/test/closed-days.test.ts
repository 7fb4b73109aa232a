// The roll-up's closed days (issue 20, item 3): kept days are not asked for again, missing ones are asked for in
// runs of consecutive days, and a kept record that is not one (corrupted, or an older shape) is dropped and read
// again, never shown.
import { describe, expect, it } from 'vitest';
import { closedDays, periodFigures, type UnitRange } from '../src/rollup/closed-days.js';
import { checkRecord, dayKey, memoryDayCache, type UnitDay } from '../src/rollup/day-cache.js';

const range: UnitRange = {
  userId: 'u',
  managementUnitId: 'mu',
  businessUnitId: 'bu',
  timeZone: 'Europe/London',
  from: '2026-11-01',
  to: '2026-11-10',
};
const dayOf = (date: string): UnitDay => ({
  scheduledSeconds: 28_800,
  exceptionSeconds: Number(date.slice(8)) * 60,
  approvedSeconds: 60,
});
const never = new AbortController().signal;

describe('closed days', () => {
  it('asks Genesys only for days not kept, in runs, and keeps what it read', async () => {
    const store = new Map<string, unknown>();
    const cache = memoryDayCache(store);
    await cache.write(new Map(['2026-11-03', '2026-11-04', '2026-11-08'].map((d) => [dayKey('u', 'mu', d), dayOf(d)])));
    const asked: Array<[string, string]> = [];
    const fetchDays = async (r: UnitRange) => {
      asked.push([r.from, r.to]);
      const out = new Map<string, UnitDay>();
      for (let d = Number(r.from.slice(8)); d <= Number(r.to.slice(8)); d++) {
        const date = `2026-11-${String(d).padStart(2, '0')}`;
        out.set(date, dayOf(date));
      }
      return out;
    };
    const first = await closedDays(range, cache, fetchDays, never);
    expect(asked).toEqual([
      ['2026-11-01', '2026-11-02'],
      ['2026-11-05', '2026-11-07'],
      ['2026-11-09', '2026-11-10'],
    ]);
    expect([first.cached, first.fetched, first.days.size]).toEqual([3, 7, 10]);
    // A second read (a reload): nothing asked.
    asked.length = 0;
    const second = await closedDays(range, cache, fetchDays, never);
    expect(asked).toEqual([]);
    expect(second.cached).toBe(10);
    expect(Object.fromEntries(second.days)).toEqual(Object.fromEntries(first.days));

    // Corrupted and older records are dropped and read again; another user's are not this user's.
    store.set(dayKey('u', 'mu', '2026-11-02'), {
      shape: 1,
      scheduledSeconds: 'lots',
      exceptionSeconds: 0,
      approvedSeconds: 0,
    });
    store.set(dayKey('u', 'mu', '2026-11-06'), { scheduledSeconds: 1, exceptionSeconds: 0, approvedSeconds: 0 });
    store.set(dayKey('u', 'mu', '2026-11-07'), {
      shape: 1,
      scheduledSeconds: 10,
      exceptionSeconds: 20,
      approvedSeconds: 0,
    });
    const third = await closedDays(range, cache, fetchDays, never);
    expect(asked).toEqual([
      ['2026-11-02', '2026-11-02'],
      ['2026-11-06', '2026-11-07'],
    ]);
    expect(third.days.get('2026-11-06')).toEqual(dayOf('2026-11-06'));
    expect(await closedDays({ ...range, userId: 'someone else' }, cache, fetchDays, never).then((r) => r.cached)).toBe(
      0,
    );
  });

  it('checks a record field by field', () => {
    expect(checkRecord({ shape: 1, scheduledSeconds: 100, exceptionSeconds: 10, approvedSeconds: 5 })).toEqual({
      scheduledSeconds: 100,
      exceptionSeconds: 10,
      approvedSeconds: 5,
    });
    for (const bad of [
      null,
      'x',
      { shape: 2, scheduledSeconds: 100, exceptionSeconds: 10, approvedSeconds: 5 },
      { shape: 1, scheduledSeconds: -1, exceptionSeconds: 0, approvedSeconds: 0 },
      { shape: 1, scheduledSeconds: 100, exceptionSeconds: 10, approvedSeconds: 11 },
      { shape: 1, scheduledSeconds: Infinity, exceptionSeconds: 10, approvedSeconds: 1 },
    ])
      expect(checkRecord(bad)).toBeUndefined();
  });

  it('sums minutes, not percents: closed days and today together', () => {
    const days = [
      { scheduledSeconds: 1000, exceptionSeconds: 100, approvedSeconds: 50 },
      { scheduledSeconds: 3000, exceptionSeconds: 0, approvedSeconds: 0 },
    ];
    const f = periodFigures(days, { scheduledMs: 1_000_000, exceptionMs: 400_000 });
    expect(f.raw).toBeCloseTo((1 - 500 / 5000) * 100, 10);
    expect(f.adjusted).toBeCloseTo((1 - 450 / 5000) * 100, 10);
    expect(periodFigures([], undefined)).toEqual({ raw: undefined, adjusted: undefined });
  });
});
