import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startEmulator, type Emulator } from '@adhere/emulator';
import { historicalTruth, seededHabits } from '@adhere/emulator/testing';
import { parseHistoricalFile, startOfDay, zonedDays, type HistoricalUserResult } from '@adhere/genesys';
import { findPatterns } from '../src/history/patterns.js';
import { exceptionRows, exceptionSlots, perAgent, perDay, perTeam, perWeek } from '../src/history/report-math.js';
import { BOM, isoWithOffset, toCsv } from '../src/history/csv.js';

const NOW = Date.UTC(2026, 10, 26, 12, 0);
const ZONE = 'Europe/London';
let emulator: Emulator;
beforeAll(async () => {
  emulator = await startEmulator({ agents: 300, clock: 'manual', startTime: NOW });
});
afterAll(() => emulator.close());

/** The emulator's one-pass truth, read as the app reads a downloaded file. */
async function truthResults(from: string, to: string): Promise<HistoricalUserResult[]> {
  const start = new Date(startOfDay(ZONE, from)).toISOString();
  const end = new Date(startOfDay(ZONE, to)).toISOString();
  const mu = emulator.centre.topology.managementUnits[0]!;
  const userResults = emulator.centre.topology.agents
    .filter((a) => a.managementUnitId === mu.id)
    .map((a) => historicalTruth(emulator, a.id, start, end, ZONE));
  const out: HistoricalUserResult[] = [];
  async function* one() {
    yield JSON.stringify({ startDate: start, endDate: end, managementUnitId: mu.id, userResults });
  }
  for await (const r of parseHistoricalFile(one(), start)) out.push(r);
  return out;
}

describe('the pattern finder', () => {
  it('finds exactly the seeded habits over 90 days, each with its evidence', async () => {
    const results = await truthResults('2026-08-29', '2026-11-27');
    const rows = exceptionRows(results, ZONE);
    const patterns = findPatterns(rows, startOfDay(ZONE, '2026-11-27'), ZONE);
    const found = patterns.map((p) => `${p.userId} ${p.kind} ${p.what}`).sort();
    const mu = emulator.centre.topology.managementUnits[0]!.id;
    const seeded = seededHabits(emulator, mu)
      .map(
        (h) =>
          `${h.userId} ${h.habit.kind === 'daily' ? 'time of day' : 'weekday'} Late back from ${h.habit.lateBackFrom}`,
      )
      .sort();
    expect(found).toEqual(seeded);
    for (const p of patterns) {
      expect(p.weeks).toBeGreaterThanOrEqual(3);
      for (const o of p.occurrences) {
        expect(o.seconds).toBeGreaterThanOrEqual(600);
        expect(o.userId).toBe(p.userId);
      }
    }
  });

  it('needs 3 of the last 4 weeks: two weeks of a habit are not a pattern', async () => {
    const results = await truthResults('2026-11-13', '2026-11-27');
    const rows = exceptionRows(results, ZONE);
    expect(findPatterns(rows, startOfDay(ZONE, '2026-11-27'), ZONE)).toEqual([]);
  });
});

describe('report arithmetic', () => {
  it('per day and per week weight by scheduled time and equal the emulator across a 25-hour day', async () => {
    const results = await truthResults('2026-10-19', '2026-11-02');
    const days = zonedDays(ZONE, '2026-10-19', '2026-11-01');
    const daily = perDay(results, days);
    expect(daily.find((d) => d.date === '2026-10-25')!.hours).toBe(25);
    for (const d of daily) {
      let sched = 0;
      let exc = 0;
      const i = days.findIndex((x) => x.date === d.date);
      for (const r of results) {
        sched += r.days[i]!.adherenceScheduleSeconds;
        exc += r.days[i]!.exceptionDurationSeconds;
      }
      expect(d.adherence).toBe(Math.round((1 - exc / sched) * 10000) / 100);
    }
    const weekly = perWeek(results, days);
    expect(weekly.map((w) => [w.date, w.hours])).toEqual([
      ['2026-10-19', 169],
      ['2026-10-26', 168],
    ]);
    const teams = perTeam(results, new Map(results.map((r, i) => [r.userId, i % 2 ? 'odd' : 'even'])), days);
    expect(teams.map((t) => t.agents).sort()).toEqual([150, 150]);
  });

  it("the API's exception time and Genesys's view's (count × threshold added) side by side; missed target marked", () => {
    const r: HistoricalUserResult = {
      userId: 'u',
      managementUnitId: 'm',
      startDate: '2026-11-02T00:00:00.000Z',
      adherencePercentage: 80,
      conformancePercentage: 100,
      impact: 'Negative',
      exceptions: [],
      actuals: [],
      days: [
        {
          dayStartOffsetSeconds: 0,
          adherenceScheduleSeconds: 3600,
          conformanceScheduleSeconds: 3600,
          conformanceActualSeconds: 3600,
          exceptionCount: 3,
          exceptionDurationSeconds: 720,
          impactSeconds: -720,
          scheduleLengthSeconds: 3600,
          actualLengthSeconds: 3600,
          adherencePercentage: 80,
          conformancePercentage: 100,
        },
      ],
    };
    const [row] = perAgent([r], 90, 60);
    expect(row).toMatchObject({ exceptionSeconds: 720, exceptionSecondsAsGenesysUi: 900, missedTarget: true });
    expect(perAgent([r], 80, 60)[0]!.missedTarget).toBe(false);
  });

  it('exception slots are counted in local wall-clock half hours', () => {
    const start = Date.parse('2026-11-02T09:20:00Z'); // a Monday, London = UTC in November
    const grid = exceptionSlots(
      [
        {
          userId: 'u',
          start,
          end: start + 20 * 60_000,
          seconds: 1200,
          date: '2026-11-02',
          scheduled: 'OnQueueWork',
          scheduledCodeId: '0',
          actual: 'Break',
          routingStatus: 'OFF_QUEUE',
          systemPresence: 'Break',
          impact: 'Negative',
          explanation: 'None',
          approvedSeconds: 0,
        },
      ],
      ZONE,
    );
    expect(grid[1]![18]).toBe(600);
    expect(grid[1]![19]).toBe(600);
    expect(grid.flat().reduce((a, b) => a + b, 0)).toBe(1200);
  });
});

describe('CSV', () => {
  it('quotes, neutralises formulas, keeps numbers; a BOM for Excel; ISO times with the offset', () => {
    expect(toCsv([['=SUM(A1)', 'a,b', -3, 'x"y']])).toBe(`'=SUM(A1),"a,b",-3,"x""y"\r\n`);
    expect(BOM).toBe('\uFEFF');
    expect(isoWithOffset(Date.parse('2026-03-08T14:30:00Z'), -4 * 3600_000)).toBe('2026-03-08T10:30:00-04:00');
    expect(isoWithOffset(Date.parse('2026-01-08T14:30:00Z'), 5.5 * 3600_000)).toBe('2026-01-08T20:00:00+05:30');
  });
});
