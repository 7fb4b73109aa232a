// Issue 20, item 2: adjusted adherence beside raw — exception time covered by an approved explanation counts as
// adherent; overlapping explanations count once; time outside exceptions and unapproved explanations change nothing.
import { describe, expect, it } from 'vitest';
import type { AdherenceExplanation, HistoricalUserResult } from '@adhere/genesys';
import { adjustedPercent, approvedOf, approvedSeconds } from '../src/history/adjusted.js';
import { exceptionRows } from '../src/history/report-math.js';

const START = Date.UTC(2026, 10, 23, 0);
const DAY = 86_400;
const day = (offset: number, scheduled: number, exceptions: number) =>
  ({
    dayStartOffsetSeconds: offset,
    adherenceScheduleSeconds: scheduled,
    exceptionDurationSeconds: exceptions,
  }) as HistoricalUserResult['days'][number];
const exception = (from: number, to: number) =>
  ({ startOffsetSeconds: from, endOffsetSeconds: to }) as HistoricalUserResult['exceptions'][number];
const explanation = (status: AdherenceExplanation['status'], fromSeconds: number, minutes: number) =>
  ({
    id: `${status}${fromSeconds}`,
    agent: { id: 'a' },
    type: 'Late',
    status,
    startDate: new Date(START + fromSeconds * 1000).toISOString(),
    lengthMinutes: minutes,
  }) as AdherenceExplanation;

const result: HistoricalUserResult = {
  userId: 'a',
  managementUnitId: 'mu',
  startDate: new Date(START).toISOString(),
  adherencePercentage: 0,
  conformancePercentage: 0,
  impact: 'Neutral',
  // Day 1: exceptions 09:00–09:30 and 13:00–13:10; day 2: 10:00–10:20.
  days: [day(0, 8 * 3600, 2400), day(DAY, 8 * 3600, 1200)],
  exceptions: [
    exception(9 * 3600, 9.5 * 3600),
    exception(13 * 3600, 13 * 3600 + 600),
    exception(DAY + 10 * 3600, DAY + 10 * 3600 + 1200),
  ],
  actuals: [],
};

describe('adjusted adherence', () => {
  it('counts approved time inside exceptions once, on the exception’s day', () => {
    const approved = approvedSeconds(
      [result],
      [
        // 08:50–09:10 and 09:05–09:20 overlap: 09:00–09:20 of the exception, 20 minutes, once.
        explanation('Approved', 8 * 3600 + 50 * 60, 20),
        explanation('Approved', 9 * 3600 + 5 * 60, 15),
        // Waiting and declined ones change nothing.
        explanation('Pending', 13 * 3600, 10),
        explanation('Denied', 13 * 3600, 10),
        // Day 2: 10:15–10:45 covers the last 5 minutes of the exception.
        explanation('Approved', DAY + 10 * 3600 + 900, 30),
        // Adherent time explained: nothing to adjust.
        explanation('Approved', 15 * 3600, 60),
      ],
    );
    expect([...approved.get('a')!]).toEqual([
      [0, 1200],
      [DAY, 300],
    ]);
    expect(approvedOf(approved, 'a')).toBe(1500);
    expect(approvedOf(approved, 'a', new Set([DAY]))).toBe(300);
    // Raw day 1: 1 − 2400/28800 = 91.67 %; adjusted: 1 − 1200/28800 = 95.83 %.
    expect(adjustedPercent(8 * 3600, 2400, 0)).toBe(91.67);
    expect(adjustedPercent(8 * 3600, 2400, 1200)).toBe(95.83);
  });

  it('puts each exception’s approved time on its row of the exceptions export, summing to the agent’s', () => {
    const explanations = [
      explanation('Approved', 8 * 3600 + 50 * 60, 20),
      explanation('Approved', 9 * 3600 + 5 * 60, 15),
      explanation('Denied', 13 * 3600, 10),
      explanation('Approved', DAY + 10 * 3600 + 900, 30),
    ];
    const rows = exceptionRows([result], 'UTC', explanations);
    expect(rows.map((r) => [r.seconds, r.approvedSeconds, r.explanation])).toEqual([
      [1800, 1200, 'Approved'],
      [600, 0, 'Denied'],
      [1200, 300, 'Approved'],
    ]);
    const sum = rows.reduce((n, r) => n + r.approvedSeconds, 0);
    expect(sum).toBe(approvedOf(approvedSeconds([result], explanations), 'a'));
  });

  it('says nothing for a day with nothing scheduled, and never goes past 100 %', () => {
    expect(adjustedPercent(0, 0, 0)).toBeUndefined();
    expect(adjustedPercent(3600, 600, 900)).toBe(100);
    expect(approvedSeconds([result], []).size).toBe(0);
  });
});
