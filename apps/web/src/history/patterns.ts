/**
 * @module Recurring exceptions worth coaching on: the same kind of lateness by the same agent on the same
 * weekday, or at the same time of day, in at least 3 of the last 4 weeks of the report — each with its evidence.
 */
import { localMinuteOfDay, weekdayOf } from '@adhere/genesys';
import type { ExceptionRow } from './report-math.js';
import { activityWords } from '../words.js';
import { t } from '../i18n/i18n.js';

export interface PatternRules {
  /** Shortest exception that counts (shorter lateness is noise). */
  minMinutes: number;
  /** Longest: a missed shift is an absence, not lateness. */
  maxMinutes: number;
  /** Weeks (of the last four) the pattern must show in. */
  minWeeks: number;
  /** For a time-of-day pattern: occurrences a week must hold to count. */
  perWeekForTimeOfDay: number;
  /** Starts within this many minutes of each other are "the same time of day". */
  timeToleranceMinutes: number;
}

export const DEFAULT_PATTERN_RULES: PatternRules = {
  minMinutes: 10,
  maxMinutes: 120,
  minWeeks: 3,
  perWeekForTimeOfDay: 2,
  timeToleranceMinutes: 30,
};

export interface Pattern {
  userId: string;
  /** e.g. "Late back from Meal". */
  what: string;
  scheduled: string;
  actual: string;
  kind: 'weekday' | 'time of day';
  /** For 'weekday' (0 = Sunday). */
  weekday?: number;
  /** For 'time of day': the typical local start, minutes after midnight. */
  minuteOfDay?: number;
  /** Of the last four weeks, how many show it. */
  weeks: number;
  occurrences: ExceptionRow[];
}

/** How people say a transition: scheduled on queue but still on a break is "late back from Break". */
export function transitionName(scheduled: string, actual: string): string {
  if (scheduled === 'OnQueueWork' && ['Break', 'Meal', 'Meeting', 'Training'].includes(actual))
    return t('pattern.lateBack', { activity: activityWords(actual) });
  if (scheduled === 'OnQueueWork' && actual === 'Unavailable') return t('pattern.notOnQueue');
  // On queue as scheduled, yet an exception: on queue but not taking interactions (not responding, say).
  if (scheduled === actual && actual === 'OnQueueWork') return t('pattern.notTaking');
  if (scheduled === actual) return t('pattern.asScheduled', { activity: activityWords(actual) });
  if (actual === 'OnQueueWork') return t('pattern.stillOnQueue', { activity: activityWords(scheduled) });
  return t('pattern.during', { actual: activityWords(actual), scheduled: activityWords(scheduled) });
}

/**
 * Patterns in `rows` (one unit's exceptions, in its zone) over the four weeks that end at `rangeEnd`.
 * A time-of-day pattern of an agent and transition absorbs the weekday patterns it explains.
 */
export function findPatterns(
  rows: readonly ExceptionRow[],
  rangeEnd: number,
  timeZone: string,
  rules: PatternRules = DEFAULT_PATTERN_RULES,
): Pattern[] {
  const WEEK = 7 * 86_400_000;
  const windowStart = rangeEnd - 4 * WEEK;
  const groups = new Map<string, ExceptionRow[]>();
  for (const r of rows) {
    const minutes = r.seconds / 60;
    if (r.start < windowStart || r.start >= rangeEnd || minutes < rules.minMinutes || minutes > rules.maxMinutes)
      continue;
    const key = `${r.userId}\u0000${r.scheduled}\u0000${r.actual}`;
    const list = groups.get(key) ?? [];
    list.push(r);
    groups.set(key, list);
  }
  const weekOf = (r: ExceptionRow) => Math.floor((rangeEnd - 1 - r.start) / WEEK);
  const out: Pattern[] = [];
  for (const list of groups.values()) {
    const { userId, scheduled, actual } = list[0]!;
    const base = { userId, scheduled, actual, what: transitionName(scheduled, actual) };
    // Time of day: cluster starts by local minute, each cluster needs enough occurrences in enough weeks.
    const byMinute = list.map((r) => ({ r, m: localMinuteOfDay(timeZone, r.start) })).sort((a, b) => a.m - b.m);
    const explained = new Set<ExceptionRow>();
    for (let i = 0; i < byMinute.length;) {
      let j = i;
      while (j < byMinute.length && byMinute[j]!.m - byMinute[i]!.m <= rules.timeToleranceMinutes) j++;
      const cluster = byMinute.slice(i, j).map((x) => x.r);
      const perWeek = new Map<number, number>();
      for (const r of cluster) perWeek.set(weekOf(r), (perWeek.get(weekOf(r)) ?? 0) + 1);
      const weeks = [...perWeek.values()].filter((n) => n >= rules.perWeekForTimeOfDay).length;
      if (weeks >= rules.minWeeks) {
        const sorted = cluster.sort((a, b) => a.start - b.start);
        const minutes = byMinute
          .slice(i, j)
          .map((x) => x.m)
          .sort((a, b) => a - b);
        out.push({
          ...base,
          kind: 'time of day',
          minuteOfDay: minutes[Math.floor(minutes.length / 2)]!,
          weeks,
          occurrences: sorted,
        });
        for (const r of cluster) explained.add(r);
      }
      i = j;
    }
    // Weekday: the same weekday in enough weeks, unless a time-of-day pattern already explains it.
    const byWeekday = new Map<number, ExceptionRow[]>();
    for (const r of list) {
      const w = weekdayOf(r.date);
      byWeekday.set(w, [...(byWeekday.get(w) ?? []), r]);
    }
    for (const [weekday, rs] of byWeekday) {
      const weeks = new Set(rs.map(weekOf)).size;
      if (weeks < rules.minWeeks || rs.every((r) => explained.has(r))) continue;
      out.push({ ...base, kind: 'weekday', weekday, weeks, occurrences: rs.sort((a, b) => a.start - b.start) });
    }
  }
  return out.sort((a, b) => b.occurrences.length - a.occurrences.length || a.userId.localeCompare(b.userId));
}
