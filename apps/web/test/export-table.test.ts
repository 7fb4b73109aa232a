// Issue 22, item 2: exports people can use — headers in words, h:mm and minutes, days off empty, not 100 %.
import { describe, expect, it } from 'vitest';
import { exportTable, hoursMinutes, minutes, whenScheduled, type Column } from '../src/history/export-table.js';

interface Day {
  name: string;
  scheduled: number;
  adherence: number;
  exception: number;
}
const columns: Array<Column<Day>> = [
  { words: 'Agent', field: 'agent', value: (d) => d.name },
  { words: 'Adherence %', field: 'adherencePercentage', value: (d) => whenScheduled(d.scheduled, d.adherence) },
  { words: 'Exception time', field: 'exceptionDurationSeconds', kind: 'seconds', value: (d) => d.exception },
];
// Genesys answers a day off with 100 % adherence over 0 s of schedule.
const days: Day[] = [
  { name: 'Ava', scheduled: 28_800, adherence: 93.75, exception: 1_800 },
  { name: 'Ava', scheduled: 0, adherence: 100, exception: 0 },
];

describe('history exports', () => {
  it('for people: headers in words with units, durations as h:mm and minutes, a day off left empty', () => {
    expect(exportTable(columns, days, 'people')).toEqual([
      ['Agent', 'Adherence %', 'Exception time (h:mm)', 'Exception time (minutes)'],
      ['Ava', 93.75, '0:30', 30],
      ['Ava', '', '0:00', 0],
    ]);
  });

  it("for tools: Genesys's field names and seconds, the day off just as empty", () => {
    expect(exportTable(columns, days, 'tools')).toEqual([
      ['agent', 'adherencePercentage', 'exceptionDurationSeconds'],
      ['Ava', 93.75, 1_800],
      ['Ava', '', 0],
    ]);
  });

  it('writes durations over a day in hours, negative ones with their sign, minutes to a tenth', () => {
    expect(hoursMinutes(31 * 3600 + 5 * 60)).toBe('31:05');
    expect(hoursMinutes(-90)).toBe('-0:02');
    expect(hoursMinutes(89)).toBe('0:01');
    expect(minutes(90)).toBe(1.5);
    expect(minutes(-3600)).toBe(-60);
  });
});
