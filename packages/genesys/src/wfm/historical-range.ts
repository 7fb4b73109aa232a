/**
 * @module Any range of whole local days as historical queries Genesys accepts: planned in chunks (at most 7
 * days with exceptions, 31 without, counted in hours so a 25-hour DST day is not one too many), and the
 * chunks' results merged back into one result per agent over the whole range.
 */
import { GenesysClientError } from '../errors.js';
import type { HistoricalDayMetrics, HistoricalUserResult } from './historical.js';
import type { Impact } from './models.js';
import { zonedDays, type LocalDate } from './zoned-days.js';

/** Genesys's limits for one historical adherence query, in days of 24 hours. */
export const MAX_QUERY_DAYS = { withExceptions: 7, withoutExceptions: 31 } as const;

export interface HistoricalChunk {
  /** First and last local date of the chunk, inclusive. */
  from: LocalDate;
  to: LocalDate;
  /** The query's startDate/endDate: local midnights, as ISO-8601 instants. */
  startDate: string;
  endDate: string;
}

/** Whole local days from `from` to `to` (inclusive) in `timeZone`, as the fewest queries Genesys allows. */
export function planHistoricalChunks(
  timeZone: string,
  from: LocalDate,
  to: LocalDate,
  includeExceptions: boolean,
): HistoricalChunk[] {
  const days = zonedDays(timeZone, from, to);
  if (days.length === 0)
    throw new GenesysClientError('invalid_argument', `the range ends (${to}) before it starts (${from})`);
  const maxMs = (includeExceptions ? MAX_QUERY_DAYS.withExceptions : MAX_QUERY_DAYS.withoutExceptions) * 86_400_000;
  const chunks: HistoricalChunk[] = [];
  let first = 0;
  for (let i = 1; i <= days.length; i++) {
    if (i === days.length || days[i]!.end - days[first]!.start > maxMs) {
      chunks.push({
        from: days[first]!.date,
        to: days[i - 1]!.date,
        startDate: new Date(days[first]!.start).toISOString(),
        endDate: new Date(days[i - 1]!.end).toISOString(),
      });
      first = i;
    }
  }
  return chunks;
}

/** Adherence, conformance and impact over some days, computed as Genesys does from the day metrics. */
export function totalsOf(days: readonly HistoricalDayMetrics[]): {
  adherencePercentage: number;
  conformancePercentage: number;
  impact: Impact;
} {
  let schedule = 0;
  let exceptions = 0;
  let confSchedule = 0;
  let confActual = 0;
  let impact = 0;
  for (const d of days) {
    schedule += d.adherenceScheduleSeconds;
    exceptions += d.exceptionDurationSeconds;
    confSchedule += d.conformanceScheduleSeconds;
    confActual += d.conformanceActualSeconds;
    impact += d.impactSeconds;
  }
  const round = (n: number) => Math.round(n * 100) / 100;
  return {
    // Written as Genesys's files round it, so merged totals equal one query's to the last digit.
    adherencePercentage: schedule > 0 ? Math.round((1 - exceptions / schedule) * 10000) / 100 : 100,
    conformancePercentage: confSchedule > 0 ? round((confActual / confSchedule) * 100) : 0,
    impact: impact > 0 ? 'Positive' : impact < 0 ? 'Negative' : 'Neutral',
  };
}

/**
 * One result per agent over the whole range from the chunks' results (in chunk order): offsets re-based to
 * `rangeStartDate`, actual activity joined across chunk edges, totals recomputed from the days.
 */
export function mergeHistoricalChunks(
  rangeStartDate: string,
  parts: ReadonlyArray<{ startDate: string; results: readonly HistoricalUserResult[] }>,
): HistoricalUserResult[] {
  const rangeStart = Date.parse(rangeStartDate);
  const byUser = new Map<string, HistoricalUserResult>();
  for (const part of parts) {
    const shift = Math.round((Date.parse(part.startDate) - rangeStart) / 1000);
    for (const r of part.results) {
      let m = byUser.get(r.userId);
      if (!m) {
        m = { ...r, startDate: rangeStartDate, days: [], exceptions: [], actuals: [] };
        byUser.set(r.userId, m);
      }
      m.managementUnitId ??= r.managementUnitId;
      for (const d of r.days) m.days.push({ ...d, dayStartOffsetSeconds: d.dayStartOffsetSeconds + shift });
      for (const e of r.exceptions)
        m.exceptions.push({
          ...e,
          startOffsetSeconds: e.startOffsetSeconds + shift,
          endOffsetSeconds: e.endOffsetSeconds + shift,
        });
      for (const a of r.actuals) {
        const last = m.actuals[m.actuals.length - 1];
        const start = a.startOffsetSeconds + shift;
        if (last && last.actualActivityCategory === a.actualActivityCategory && last.endOffsetSeconds === start)
          last.endOffsetSeconds = a.endOffsetSeconds + shift;
        else m.actuals.push({ ...a, startOffsetSeconds: start, endOffsetSeconds: a.endOffsetSeconds + shift });
      }
    }
  }
  return [...byUser.values()].map((m) => ({ ...m, ...totalsOf(m.days) }));
}
