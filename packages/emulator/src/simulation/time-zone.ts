// Time-zone arithmetic with Intl only (no tz database dependency): schedules are laid out in each
// business unit's Olson zone, and historical days are cut in the query's zone.

const formatters = new Map<string, Intl.DateTimeFormat>();

function formatter(timeZone: string): Intl.DateTimeFormat {
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
    });
    formatters.set(timeZone, f);
  }
  return f;
}

export function isValidTimeZone(timeZone: string): boolean {
  try {
    formatter(timeZone);
    return true;
  } catch {
    return false;
  }
}

/** The zone's offset from UTC at an instant, in milliseconds (local = utc + offset). */
export function zoneOffsetMs(timeZone: string, epochMs: number): number {
  const parts = formatter(timeZone).formatToParts(new Date(epochMs));
  const get = (type: string) => Number(parts.find((p) => p.type === type)!.value);
  const asUtc = Date.UTC(get('year'), get('month') - 1, get('day'), get('hour'), get('minute'), get('second'));
  return asUtc - (epochMs - (epochMs % 1000));
}

/** Epoch ms of a local wall-clock time in a zone (DST gaps resolve forward). */
export function zonedToEpoch(timeZone: string, year: number, month: number, day: number, minuteOfDay = 0): number {
  const wall = Date.UTC(year, month - 1, day) + minuteOfDay * 60_000;
  let guess = wall - zoneOffsetMs(timeZone, wall);
  guess = wall - zoneOffsetMs(timeZone, guess);
  return guess;
}

/** The local calendar date (y, m, d) of an instant in a zone, as a day number since 1970-01-01. */
export function localDayNumber(timeZone: string, epochMs: number): number {
  return Math.floor((epochMs + zoneOffsetMs(timeZone, epochMs)) / 86_400_000);
}

/** Epoch ms of local midnight starting the given local day number. */
export function startOfLocalDay(timeZone: string, dayNumber: number): number {
  const d = new Date(dayNumber * 86_400_000);
  return zonedToEpoch(timeZone, d.getUTCFullYear(), d.getUTCMonth() + 1, d.getUTCDate());
}
