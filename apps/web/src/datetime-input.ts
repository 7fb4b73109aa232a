/**
 * @module A `datetime-local` input's value ("2026-11-26T09:30") read as wall-clock time in a unit's zone, and
 * written from an instant: the unit's 09:30, not the browser's, and right on a day the clocks change.
 */
import { localDate, localMinuteOfDay, wallClockTime } from '@adhere/genesys';
import { clockTime } from './words.js';

/** Epoch ms, or undefined when the value is not a date and a time. */
export function fromDateTimeInput(value: string, timeZone: string): number | undefined {
  const m = /^(\d{4}-\d{2}-\d{2})T(\d{2}):(\d{2})$/.exec(value);
  if (!m || Number(m[2]) > 23 || Number(m[3]) > 59) return undefined;
  const t = wallClockTime(timeZone, m[1]!, Number(m[2]) * 60 + Number(m[3]));
  return Number.isFinite(t) ? t : undefined;
}

export function toDateTimeInput(t: number, timeZone: string): string {
  return `${localDate(timeZone, t)}T${clockTime(localMinuteOfDay(timeZone, t))}`;
}
