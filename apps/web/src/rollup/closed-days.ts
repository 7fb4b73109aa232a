/**
 * @module A unit's closed days for the roll-up's week and month to date (issue 20, item 3): read from the day
 * cache where kept, the rest from Genesys (historical adherence with exceptions, in the chunks Genesys allows, and
 * the business unit's explanations for the adjusted part), then kept. Only closed days are kept: today is live.
 */
import {
  GenesysApiError,
  historicalAdherence,
  planHistoricalChunks,
  queryBusinessUnitExplanations,
  zonedDays,
  type AdherenceExplanation,
  type GenesysClient,
  type LocalDate,
} from '@adhere/genesys';
import { approvedOf, approvedSeconds } from '../history/adjusted.js';
import { tabNotifications } from '../notifications.js';
import { dayKey, type DayCache, type UnitDay } from './day-cache.js';

export interface UnitRange {
  userId: string;
  managementUnitId: string;
  businessUnitId: string | undefined;
  timeZone: string;
  /** First and last closed day wanted, inclusive. */
  from: LocalDate;
  to: LocalDate;
}

/** Reads Genesys for the days [from, to] of one unit: each date's sums. */
export type FetchDays = (range: UnitRange, signal: AbortSignal) => Promise<Map<LocalDate, UnitDay>>;

export interface ClosedDays {
  days: Map<LocalDate, UnitDay>;
  /** How many days came from the cache, and how many were asked of Genesys. */
  cached: number;
  fetched: number;
}

/** The days in [from, to], kept ones from the cache; the missing ones fetched in runs of consecutive days. */
export async function closedDays(
  range: UnitRange,
  cache: DayCache,
  fetchDays: FetchDays,
  signal: AbortSignal,
): Promise<ClosedDays> {
  const days = new Map<LocalDate, UnitDay>();
  if (range.to < range.from) return { days, cached: 0, fetched: 0 };
  const dates = zonedDays(range.timeZone, range.from, range.to).map((d) => d.date);
  const keyOf = (date: LocalDate) => dayKey(range.userId, range.managementUnitId, date);
  const kept = await cache.read(dates.map(keyOf));
  const missing: LocalDate[][] = [];
  let previousMissing = false;
  for (const date of dates) {
    const d = kept.get(keyOf(date));
    if (d) days.set(date, d);
    // Consecutive missing days are one request (or the fewest Genesys allows).
    else if (previousMissing) missing[missing.length - 1]!.push(date);
    else missing.push([date]);
    previousMissing = !d;
  }
  const cached = days.size;
  let fetched = 0;
  for (const run of missing) {
    const got = await fetchDays({ ...range, from: run[0]!, to: run[run.length - 1]! }, signal);
    const entries = new Map<string, UnitDay>();
    for (const date of run) {
      const d = got.get(date) ?? { scheduledSeconds: 0, exceptionSeconds: 0, approvedSeconds: 0 };
      days.set(date, d);
      entries.set(keyOf(date), d);
      fetched++;
    }
    await cache.write(entries).catch(() => {});
  }
  return { days, cached, fetched };
}

/**
 * From Genesys: each chunk's historical adherence with exceptions, and the business unit's explanations of the
 * chunk, summed per local date over the unit's agents. Without the permission to read explanations the approved
 * part is 0 (adjusted equals raw), which the roll-up says.
 */
export function genesysDays(client: GenesysClient, onNoExplanations: () => void): FetchDays {
  return async (range, signal) => {
    const out = new Map<LocalDate, UnitDay>();
    for (const chunk of planHistoricalChunks(range.timeZone, range.from, range.to, true)) {
      const results = await historicalAdherence(client, {
        managementUnitId: range.managementUnitId,
        startDate: chunk.startDate,
        endDate: chunk.endDate,
        timeZone: range.timeZone,
        includeExceptions: true,
        signal,
        notifications: tabNotifications(client),
        pollIntervalMs: 500,
      });
      let explanations: AdherenceExplanation[] = [];
      if (range.businessUnitId)
        try {
          explanations = await queryBusinessUnitExplanations(
            client,
            range.businessUnitId,
            { startDate: chunk.startDate, endDate: chunk.endDate, managementUnitIds: [range.managementUnitId] },
            { signal, notifications: tabNotifications(client) },
          );
        } catch (e) {
          if (!(e instanceof GenesysApiError && (e.status === 403 || e.status === 404))) throw e;
          onNoExplanations();
        }
      const approved = approvedSeconds(results, explanations);
      const base = Date.parse(chunk.startDate);
      const dateAt = new Map(
        zonedDays(range.timeZone, chunk.from, chunk.to).map((d) => [(d.start - base) / 1000, d.date]),
      );
      for (const r of results)
        for (const d of r.days) {
          const date = dateAt.get(d.dayStartOffsetSeconds);
          if (!date) continue;
          const sum = out.get(date) ?? { scheduledSeconds: 0, exceptionSeconds: 0, approvedSeconds: 0 };
          sum.scheduledSeconds += d.adherenceScheduleSeconds;
          sum.exceptionSeconds += d.exceptionDurationSeconds;
          sum.approvedSeconds += Math.min(
            d.exceptionDurationSeconds,
            approvedOf(approved, r.userId, new Set([d.dayStartOffsetSeconds])),
          );
          out.set(date, sum);
        }
    }
    return out;
  };
}

/** Sums of days, as a percentage pair: raw and adjusted; undefined with nothing scheduled. */
export function periodFigures(
  days: Iterable<UnitDay>,
  today: { scheduledMs: number; exceptionMs: number } | undefined,
): { raw: number | undefined; adjusted: number | undefined } {
  let s = (today?.scheduledMs ?? 0) / 1000;
  let o = (today?.exceptionMs ?? 0) / 1000;
  let a = 0;
  for (const d of days) {
    s += d.scheduledSeconds;
    o += d.exceptionSeconds;
    a += d.approvedSeconds;
  }
  if (s <= 0) return { raw: undefined, adjusted: undefined };
  return { raw: (1 - o / s) * 100, adjusted: (1 - Math.max(0, o - a) / s) * 100 };
}
