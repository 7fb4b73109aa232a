/** @module Arithmetic over historical results: averages across agents and adherence per day. */
import type { HistoricalUserResult } from '@adhere/genesys';

export function average(xs: number[]): number {
  return xs.length ? xs.reduce((a, b) => a + b, 0) / xs.length : 0;
}

/** Adherence per day over all agents, weighted by scheduled time as Genesys computes it. */
export function dailyAverages(results: HistoricalUserResult[]) {
  const byDay = new Map<number, { schedule: number; exceptions: number }>();
  for (const r of results)
    for (const d of r.days) {
      const acc = byDay.get(d.dayStartOffsetSeconds) ?? { schedule: 0, exceptions: 0 };
      acc.schedule += d.adherenceScheduleSeconds;
      acc.exceptions += d.exceptionDurationSeconds;
      byDay.set(d.dayStartOffsetSeconds, acc);
    }
  const start = Date.parse(results[0]?.startDate ?? '') || 0;
  return [...byDay]
    .sort((a, b) => a[0] - b[0])
    .map(([offset, v]) => ({
      date: new Date(start + offset * 1000).toISOString().slice(0, 10),
      adherence: v.schedule ? (1 - v.exceptions / v.schedule) * 100 : 100,
    }));
}
