/**
 * @module Calendar days in an Olson time zone, with Intl only: a WFM day runs from local midnight to local
 * midnight in the management unit's zone, so it is 23 or 25 hours long on the days clocks change.
 */
import { GenesysClientError } from '../errors.js';

/** A local calendar date, `YYYY-MM-DD`. */
export type LocalDate = string;

export interface ZonedDay {
  date: LocalDate;
  /** Epoch ms of local midnight starting the day. */
  start: number;
  /** Epoch ms of the next local midnight. */
  end: number;
  /** 24, or 23/25 on a daylight-saving change. */
  hours: number;
}

const DAY = 86_400_000;
const formatters = new Map<string, Intl.DateTimeFormat>();

function parts(timeZone: string, epochMs: number) {
  let f = formatters.get(timeZone);
  if (!f) {
    f = new Intl.DateTimeFormat('en-US', {
      timeZone,
      hourCycle: 'h23',
      year: 'numeric',
      month: 'numeric',
      day: 'numeric',
      hour: 'numeric',
      minute: 'numeric',
      second: 'numeric',
      weekday: 'short',
    });
    formatters.set(timeZone, f);
  }
  const out: Record<string, string> = {};
  for (const p of f.formatToParts(new Date(epochMs))) out[p.type] = p.value;
  return out;
}

/** Whether Intl knows the zone. */
export function isTimeZone(timeZone: string): boolean {
  try {
    parts(timeZone, 0);
    return true;
  } catch {
    return false;
  }
}

/** The zone's offset from UTC at an instant, in ms (local = utc + offset). */
export function zoneOffsetMs(timeZone: string, epochMs: number): number {
  // One Intl call costs about as much as rendering a row, and boards and reports ask this for every time
  // they show. Offsets change a few times a year: a UTC day whose two ends have the same offset has it
  // throughout (no zone changes its clocks twice within a day), two Intl calls for the day. A day with a
  // change is looked up by quarter hour: offsets change only on quarter hours.
  let zone = offsets.get(timeZone);
  if (!zone) offsets.set(timeZone, (zone = { days: new Map(), quarters: new Map() }));
  if (zone.days.size > 20_000) zone.days.clear();
  const day = Math.floor(epochMs / DAY);
  let whole = zone.days.get(day);
  if (whole === undefined) {
    const first = offsetAt(timeZone, day * DAY);
    whole = first === offsetAt(timeZone, (day + 1) * DAY) ? first : NaN;
    zone.days.set(day, whole);
  }
  if (!Number.isNaN(whole)) return whole;
  const quarter = Math.floor(epochMs / QUARTER_HOUR);
  let offset = zone.quarters.get(quarter);
  if (offset === undefined) {
    offset = offsetAt(timeZone, quarter * QUARTER_HOUR);
    if (zone.quarters.size > 200_000) zone.quarters.clear();
    zone.quarters.set(quarter, offset);
  }
  return offset;
}

function offsetAt(timeZone: string, at: number): number {
  const p = parts(timeZone, at);
  return Date.UTC(+p.year!, +p.month! - 1, +p.day!, +p.hour!, +p.minute!, +p.second!) - at;
}

const QUARTER_HOUR = 900_000;
const offsets = new Map<string, { days: Map<number, number>; quarters: Map<number, number> }>();

function check(date: LocalDate): [number, number, number] {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(date);
  if (!m)
    throw new GenesysClientError('invalid_argument', `not a date (YYYY-MM-DD): ${JSON.stringify(date).slice(0, 40)}`);
  return [+m[1]!, +m[2]!, +m[3]!];
}

/** Epoch ms of local midnight starting `date` in the zone (a midnight skipped by DST resolves forward). */
export function startOfDay(timeZone: string, date: LocalDate): number {
  const [y, m, d] = check(date);
  const wall = Date.UTC(y, m - 1, d);
  let guess = wall - zoneOffsetMs(timeZone, wall);
  guess = wall - zoneOffsetMs(timeZone, guess);
  return guess;
}

/** The local date of an instant in the zone. */
/**
 * Epoch ms of a wall-clock time of a local day, as `minuteOfDay` minutes past midnight on the clock: on a
 * clock-change day it is an hour off from that many minutes after midnight.
 */
export function wallClockTime(timeZone: string, date: LocalDate, minuteOfDay: number): number {
  const start = startOfDay(timeZone, date);
  const t = start + minuteOfDay * 60_000;
  return t + zoneOffsetMs(timeZone, start) - zoneOffsetMs(timeZone, t);
}

export function localDate(timeZone: string, epochMs: number): LocalDate {
  return new Date(epochMs + zoneOffsetMs(timeZone, epochMs)).toISOString().slice(0, 10);
}

/** Local minutes since midnight of an instant (0–1439; wall-clock time, so DST days skip or repeat an hour). */
export function localMinuteOfDay(timeZone: string, epochMs: number): number {
  const local = epochMs + zoneOffsetMs(timeZone, epochMs);
  return Math.floor((((local % DAY) + DAY) % DAY) / 60_000);
}

/** The weekday of a local date, 0 = Sunday. */
export function weekdayOf(date: LocalDate): number {
  const [y, m, d] = check(date);
  return new Date(Date.UTC(y, m - 1, d)).getUTCDay();
}

/** `date` plus `n` calendar days. */
export function addDays(date: LocalDate, n: number): LocalDate {
  const [y, m, d] = check(date);
  return new Date(Date.UTC(y, m - 1, d) + n * DAY).toISOString().slice(0, 10);
}

/** Calendar days from `a` to `b` (b − a). */
export function daysBetween(a: LocalDate, b: LocalDate): number {
  const [y1, m1, d1] = check(a);
  const [y2, m2, d2] = check(b);
  return Math.round((Date.UTC(y2, m2 - 1, d2) - Date.UTC(y1, m1 - 1, d1)) / DAY);
}

/** The days from `from` to `to` inclusive, each with its own length. */
export function zonedDays(timeZone: string, from: LocalDate, to: LocalDate): ZonedDay[] {
  const out: ZonedDay[] = [];
  for (let date = from, start = startOfDay(timeZone, from); daysBetween(date, to) >= 0;) {
    const next = addDays(date, 1);
    const end = startOfDay(timeZone, next);
    out.push({ date, start, end, hours: Math.round((end - start) / 3_600_000) });
    date = next;
    start = end;
  }
  return out;
}

/** The Monday starting the week of `date` (ISO weeks). */
export function weekStart(date: LocalDate): LocalDate {
  return addDays(date, -((weekdayOf(date) + 6) % 7));
}
