// A datetime-local value is the unit's wall-clock time (bulk review's window, coaching's start), right on a day the
// clocks change: the unit's midnight plus 12 hours is 13:00 there on the spring-forward day, not 12:00.
import { describe, expect, it } from 'vitest';
import { fromDateTimeInput, toDateTimeInput } from '../src/datetime-input.js';

describe('datetime-local values in a unit zone', () => {
  it('reads the unit’s wall clock, on ordinary and clock-change days', () => {
    expect(fromDateTimeInput('2026-11-26T09:30', 'Europe/London')).toBe(Date.UTC(2026, 10, 26, 9, 30));
    expect(fromDateTimeInput('2026-11-26T09:30', 'America/New_York')).toBe(Date.UTC(2026, 10, 26, 14, 30));
    // British Summer Time begins at 01:00 UTC on 29 March 2026: noon is 11:00 UTC.
    expect(fromDateTimeInput('2026-03-29T12:00', 'Europe/London')).toBe(Date.UTC(2026, 2, 29, 11, 0));
  });

  it('writes an instant back as the same value', () => {
    for (const v of ['2026-11-26T09:30', '2026-03-29T12:00', '2026-10-25T23:45'])
      expect(toDateTimeInput(fromDateTimeInput(v, 'Europe/London')!, 'Europe/London')).toBe(v);
  });

  it('refuses what is not a date and a time', () => {
    for (const v of ['', 'x', '2026-11-26', '2026-11-26T24:00', '2026-11-26T09:60', '2026-11-26 09:30'])
      expect(fromDateTimeInput(v, 'Europe/London'), v).toBeUndefined();
  });
});
