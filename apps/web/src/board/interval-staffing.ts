/**
 * @module Staffing per interval today (issue 22, what to build 5): for each 15- or 30-minute interval, how many
 * agents were scheduled on queue and how many were actually on queue, as the average over the interval (an agent
 * on queue for half of it counts a half: the way WFM intraday views count staff). Scheduled comes from the
 * published schedule, actual from Genesys's record of the day (historical adherence's actuals) carried to now by
 * the live view; intervals still to come have no actual.
 */
import { t } from '../i18n/i18n.js';
import { decimalWords, wholeNumber } from '../words.js';
import { gapPhrase } from './staffing.js';

export interface IntervalStaffing {
  start: number;
  end: number;
  /** Average agents scheduled on queue over the interval (over its elapsed part, for the current one). */
  scheduled: number;
  /** Average agents actually on queue over the same span; undefined for an interval still to come. */
  actual: number | undefined;
}

/** A stretch of one activity category (a timeline block has this shape and more). */
export interface Span {
  start: number;
  end: number;
  category: string;
}

export interface AgentDay {
  scheduled: readonly Span[];
  actual: readonly Span[];
}

const ON_QUEUE = 'OnQueueWork';

/**
 * Every interval of [dayStart, dayEnd) `minutes` long (the last one shorter on a clock-change day that does not
 * divide evenly), with the agents' on-queue time summed in. `now` splits done from to come.
 */
export function staffingByInterval(
  agents: Iterable<AgentDay>,
  dayStart: number,
  dayEnd: number,
  minutes: number,
  now: number,
): IntervalStaffing[] {
  const step = minutes * 60_000;
  const count = Math.max(0, Math.ceil((dayEnd - dayStart) / step));
  const scheduledMs = new Float64Array(count);
  const actualMs = new Float64Array(count);
  const cut = Math.max(dayStart, Math.min(dayEnd, now));
  // Each block spread over the intervals it touches: the work is blocks plus intervals touched, not
  // agents × intervals (a unit of 20,000 agents at 96 intervals a day).
  const spread = (into: Float64Array, b: Span, until: number) => {
    const from = Math.max(b.start, dayStart);
    const to = Math.min(b.end, until);
    if (to <= from) return;
    for (let i = Math.floor((from - dayStart) / step); i < count; i++) {
      const s = dayStart + i * step;
      if (s >= to) break;
      const e = Math.min(s + step, dayEnd);
      // Scheduled time in the current interval counts only up to now, to be compared with actual so far.
      const stop = e <= cut || s >= cut ? e : cut;
      const overlap = Math.min(to, stop) - Math.max(from, s);
      if (overlap > 0) into[i]! += overlap;
    }
  };
  for (const a of agents) {
    for (const b of a.scheduled) if (b.category === ON_QUEUE) spread(scheduledMs, b, dayEnd);
    for (const b of a.actual) if (b.category === ON_QUEUE) spread(actualMs, b, cut);
  }
  const out: IntervalStaffing[] = [];
  for (let i = 0; i < count; i++) {
    const start = dayStart + i * step;
    const end = Math.min(start + step, dayEnd);
    const done = end <= cut;
    const current = !done && start < cut;
    const span = current ? cut - start : end - start;
    out.push({
      start,
      end,
      scheduled: scheduledMs[i]! / span,
      actual: done || current ? actualMs[i]! / span : undefined,
    });
  }
  return out;
}

/** "6 short", "2 more than scheduled", "as scheduled": the gap in whole agents (averages rounded). */
export function intervalGapWords(i: IntervalStaffing): string {
  return i.actual === undefined ? t('gap.toCome') : gapPhrase(Math.round(i.actual - i.scheduled));
}

/** An average of agents as people read it: whole when it is, else one decimal ("7", "6.5"). */
export function agentsWords(n: number): string {
  const r = Math.round(n * 10) / 10;
  return Number.isInteger(r) ? wholeNumber(r) : decimalWords(r);
}
