// Issue 22, item 9: the exceptions export summarised per agent and kind (20 MB for a month of a unit, before).
import { describe, expect, it } from 'vitest';
import { summariseExceptions } from '../src/history/exception-summary.js';
import type { ExceptionRow } from '../src/history/report-math.js';

const row = (userId: string, actual: string, seconds: number, explanation: ExceptionRow['explanation'] = 'None') =>
  ({
    userId,
    start: 0,
    end: seconds * 1000,
    seconds,
    date: '2026-11-02',
    scheduled: 'OnQueueWork',
    scheduledCodeId: undefined,
    actual,
    routingStatus: 'OFF_QUEUE',
    systemPresence: 'Break',
    impact: 'Negative',
    explanation,
    // An approved one covers its first half (the explanation began with the exception and ended midway).
    approvedSeconds: explanation === 'Approved' ? seconds / 2 : 0,
  }) satisfies ExceptionRow;

describe('exceptions summarised', () => {
  it('one row per agent and kind: times, in all, longest, approved; agents by name, longest kind first', () => {
    const names = new Map([
      ['u2', 'Ana Diaz'],
      ['u1', 'Zoe Quint'],
    ]);
    const out = summariseExceptions(
      [
        row('u1', 'Break', 600, 'Approved'),
        row('u1', 'Break', 900, 'Pending'),
        row('u1', 'Meal', 3000),
        row('u2', 'Break', 120, 'Denied'),
      ],
      (id) => names.get(id)!,
    );
    expect(out).toEqual([
      {
        userId: 'u2',
        what: 'Late back from Break',
        times: 1,
        seconds: 120,
        longestSeconds: 120,
        approved: 0,
        approvedSeconds: 0,
      },
      {
        userId: 'u1',
        what: 'Late back from Meal',
        times: 1,
        seconds: 3000,
        longestSeconds: 3000,
        approved: 0,
        approvedSeconds: 0,
      },
      {
        userId: 'u1',
        what: 'Late back from Break',
        times: 2,
        seconds: 1500,
        longestSeconds: 900,
        approved: 1,
        approvedSeconds: 300,
      },
    ]);
  });

  it('no exceptions: no rows', () => {
    expect(summariseExceptions([], () => '')).toEqual([]);
  });
});
