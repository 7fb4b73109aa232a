/**
 * @module The exceptions summarised (issue 22, item 9): one row per agent and kind of exception ("Late back from
 * Break"), with how many times, how long in all and at the longest, and how many were explained. A month of a
 * unit is a few thousand rows instead of tens of thousands.
 */
import type { ExceptionRow } from './report-math.js';
import { transitionName } from './patterns.js';

export interface ExceptionSummary {
  userId: string;
  what: string;
  times: number;
  seconds: number;
  longestSeconds: number;
  /** Of them, explained and approved. */
  approved: number;
  /** Of their seconds, those approved explanations cover. */
  approvedSeconds: number;
}

/** Per agent and kind, agents in the order given by `order` (their names), kinds longest in all first. */
export function summariseExceptions(
  rows: readonly ExceptionRow[],
  order: (userId: string) => string,
): ExceptionSummary[] {
  const byKey = new Map<string, ExceptionSummary>();
  for (const r of rows) {
    const what = transitionName(r.scheduled, r.actual);
    const key = `${r.userId}\u0000${what}`;
    const s = byKey.get(key) ?? {
      userId: r.userId,
      what,
      times: 0,
      seconds: 0,
      longestSeconds: 0,
      approved: 0,
      approvedSeconds: 0,
    };
    s.times += 1;
    s.seconds += r.seconds;
    s.longestSeconds = Math.max(s.longestSeconds, r.seconds);
    if (r.explanation === 'Approved') s.approved += 1;
    s.approvedSeconds += r.approvedSeconds;
    byKey.set(key, s);
  }
  return [...byKey.values()].sort(
    (a, b) =>
      order(a.userId).localeCompare(order(b.userId)) || a.userId.localeCompare(b.userId) || b.seconds - a.seconds,
  );
}
