// Issue 22 (what to build 5): staffing per interval today — average agents scheduled on queue against average
// agents actually on queue, per 15 or 30 minutes, the current interval counted up to now, the rest still to come.
import { describe, expect, it } from 'vitest';
import { agentsWords, intervalGapWords, staffingByInterval, type Span } from '../src/board/interval-staffing.js';

const MIN = 60_000;
const DAY = Date.UTC(2026, 10, 26, 5); // a local midnight
const at = (h: number, m = 0) => DAY + (h * 60 + m) * MIN;
const block = (category: string, from: number, to: number): Span => ({ start: from, end: to, category });

describe('staffing per interval', () => {
  const agents = [
    // Scheduled on queue 08:00–09:00, on queue 08:00–08:15 then on break.
    {
      scheduled: [block('OnQueueWork', at(8), at(9)), block('Break', at(9), at(9, 15))],
      actual: [block('OnQueueWork', at(8), at(8, 15)), block('Break', at(8, 15), at(8, 40))],
    },
    // Scheduled on queue 08:00–08:30; on queue from 08:05 onward, not scheduled after 08:30.
    { scheduled: [block('OnQueueWork', at(8), at(8, 30))], actual: [block('OnQueueWork', at(8, 5), at(8, 40))] },
    // Not scheduled at all; on a meal.
    { scheduled: [], actual: [block('Meal', at(8), at(8, 40))] },
  ];
  const now = at(8, 40);
  const intervals = staffingByInterval(agents, DAY, DAY + 24 * 60 * MIN, 15, now);

  it('cuts the day into intervals, each with the average agents scheduled and actually on queue', () => {
    expect(intervals).toHaveLength(96);
    const i800 = intervals[32]!;
    expect(i800.start).toBe(at(8));
    // Both scheduled the whole 15 minutes: 2. On queue: 15 + 10 minutes over 15 = 1.667.
    expect(i800.scheduled).toBe(2);
    expect(i800.actual).toBeCloseTo(25 / 15, 9);
    expect(intervalGapWords(i800)).toBe('as scheduled');
    const i815 = intervals[33]!;
    expect(i815.scheduled).toBe(2);
    expect(i815.actual).toBe(1);
    expect(intervalGapWords(i815)).toBe('1 short');
  });

  it('counts the current interval up to now, and says the rest is still to come', () => {
    // 08:30–08:45 at 08:40: scheduled 10 of 10 minutes for the first agent only; actual 10 of 10 for the second.
    const current = intervals[34]!;
    expect(current.scheduled).toBe(1);
    expect(current.actual).toBe(1);
    const next = intervals[35]!;
    expect(next.scheduled).toBe(1);
    expect(next.actual).toBeUndefined();
    expect(intervalGapWords(next)).toBe('still to come');
    expect(intervals[0]).toMatchObject({ scheduled: 0, actual: 0 });
  });

  it('counts more on queue than scheduled as such, and 30-minute intervals as well', () => {
    const over = staffingByInterval(
      [{ scheduled: [], actual: [block('OnQueueWork', at(10), at(10, 30))] }],
      DAY,
      DAY + 24 * 60 * MIN,
      30,
      at(11),
    );
    expect(over).toHaveLength(48);
    expect(over[20]).toMatchObject({ scheduled: 0, actual: 1 });
    expect(intervalGapWords(over[20]!)).toBe('1 more than scheduled');
  });

  it('ends with a shorter interval on a day that does not divide evenly, and ignores time outside the day', () => {
    const short = staffingByInterval(
      [{ scheduled: [block('OnQueueWork', DAY - 60 * MIN, DAY + 25 * 60 * MIN)], actual: [] }],
      DAY,
      DAY + 23 * 60 * MIN + 10 * MIN,
      30,
      DAY,
    );
    expect(short).toHaveLength(47);
    expect(short[46]!.end - short[46]!.start).toBe(10 * MIN);
    expect(short.every((i) => i.scheduled === 1 && i.actual === undefined)).toBe(true);
  });

  it('says averages as people read them', () => {
    expect(agentsWords(7)).toBe('7');
    expect(agentsWords(6.54)).toBe('6.5');
    expect(agentsWords(25 / 15)).toBe('1.7');
  });
});
