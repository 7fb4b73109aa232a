import { adherenceOf, type AdherenceSettings } from './adherence-rules.js';
import { codeIdOf, type ActivityCategory, type Impact, type RoutingStatus, type SystemPresence } from './categories.js';
import { agentSpans } from './timeline.js';
import { localDayNumber, startOfLocalDay } from './time-zone.js';
import type { Agent } from './topology.js';

export interface DayMetrics {
  /** Seconds from the query start to this local day's start (negative never: the first day starts at the query start). */
  dayStartOffset: number;
  adherenceSchedule: number;
  conformanceSchedule: number;
  conformanceActual: number;
  exceptionCount: number;
  exceptionDuration: number;
  impactSeconds: number;
  scheduleLength: number;
  actualLength: number;
  adherencePercentage: number;
  conformancePercentage: number;
}

export interface AdherenceException {
  startOffsetSeconds: number;
  endOffsetSeconds: number;
  scheduledActivityCodeId: string;
  scheduledActivityCategory: ActivityCategory;
  actualActivityCodeId: string;
  actualActivityCategory: ActivityCategory;
  systemPresence: SystemPresence;
  routingStatus: RoutingStatus;
  impact: Impact;
}

export interface ActualActivity {
  actualActivityCategory: ActivityCategory;
  startOffsetSeconds: number;
  endOffsetSeconds: number;
}

export interface UserHistory {
  agent: Agent;
  adherencePercentage: number;
  conformancePercentage: number;
  impact: Impact;
  days: DayMetrics[];
  exceptions: AdherenceException[];
  actuals: ActualActivity[];
}

const WORKING: ReadonlySet<RoutingStatus> = new Set(['IDLE', 'INTERACTING', 'COMMUNICATING']);

/**
 * One agent's adherence over [from, to), integrated from the same timeline the live view shows, so a
 * historical query agrees with what the board saw. Days are cut at local midnight in `timeZone`.
 */
export function userHistory(
  seed: number,
  agent: Agent,
  settings: AdherenceSettings,
  from: number,
  to: number,
  timeZone: string,
  /** Nothing after this instant has happened yet (the emulator's now): days after it stay empty. */
  until: number = to,
  /**
   * The times that count, when not all of [from, to) does: an agent moved between units counts for each unit only
   * while a member of it (see unit-moves.ts). Sorted, not overlapping.
   */
  within?: ReadonlyArray<readonly [number, number]>,
): UserHistory {
  const dayStarts: number[] = [from];
  for (let d = localDayNumber(timeZone, from) + 1; ; d++) {
    const s = startOfLocalDay(timeZone, d);
    if (s >= to) break;
    if (s > from) dayStarts.push(s);
  }
  const days: DayMetrics[] = dayStarts.map((s) => ({
    dayStartOffset: Math.round((s - from) / 1000),
    adherenceSchedule: 0,
    conformanceSchedule: 0,
    conformanceActual: 0,
    exceptionCount: 0,
    exceptionDuration: 0,
    impactSeconds: 0,
    scheduleLength: 0,
    actualLength: 0,
    adherencePercentage: 0,
    conformancePercentage: 0,
  }));
  const exceptions: AdherenceException[] = [];
  const actuals: ActualActivity[] = [];
  const threshold = settings.adherenceExceptionThresholdSeconds * 1000;
  const offset = (t: number) => Math.round((t - from) / 1000);

  // The open exception run: contiguous out-of-adherence scheduled time. Runs close at local midnight, so a
  // run lies in one day.
  let run: { start: number; end: number; first: AdherenceException; day: number } | undefined;
  const closeRun = () => {
    if (run && run.end - run.start >= threshold) {
      exceptions.push({ ...run.first, startOffsetSeconds: offset(run.start), endOffsetSeconds: offset(run.end) });
      const sign = run.first.impact === 'Positive' ? 1 : run.first.impact === 'Negative' ? -1 : 0;
      const ms = run.end - run.start;
      const m = days[run.day]!;
      m.exceptionDuration += ms / 1000;
      m.impactSeconds += (sign * ms) / 1000;
      m.exceptionCount++;
    }
    run = undefined;
  };

  let day = 0;
  const stop = Math.min(to, until);
  for (const span of clippedSpans(agentSpans(seed, agent, from), within)) {
    if (span.start >= stop) break;
    let start = Math.max(span.start, from);
    const end = Math.min(span.end, stop);
    const verdict = adherenceOf(span.scheduled?.category, span.presence, span.routing, false, settings);
    // Actual activity runs, merged while the category stays the same.
    const lastActual = actuals[actuals.length - 1];
    if (
      lastActual &&
      lastActual.actualActivityCategory === verdict.actualCategory &&
      lastActual.endOffsetSeconds === offset(start)
    )
      lastActual.endOffsetSeconds = offset(end);
    else
      actuals.push({
        actualActivityCategory: verdict.actualCategory,
        startOffsetSeconds: offset(start),
        endOffsetSeconds: offset(end),
      });

    while (start < end) {
      // Exceptions end at local midnight: each day stands alone, so a range read in chunks of whole days
      // gives exactly the numbers of one query over the whole range.
      while (day + 1 < dayStarts.length && dayStarts[day + 1]! <= start) {
        day++;
        closeRun();
      }
      const pieceEnd = Math.min(end, dayStarts[day + 1] ?? Infinity);
      const ms = pieceEnd - start;
      const m = days[day]!;
      const sched = span.scheduled;
      if (sched) {
        m.scheduleLength += ms / 1000;
        if (!settings.ignoredActivityCategories.includes(sched.category)) m.adherenceSchedule += ms / 1000;
        if (sched.category === 'OnQueueWork') m.conformanceSchedule += ms / 1000;
      }
      if (span.presence !== 'Offline') m.actualLength += ms / 1000;
      if (span.presence === 'OnQueue' && WORKING.has(span.routing)) m.conformanceActual += ms / 1000;
      if (sched && verdict.state === 'OutOfAdherence') {
        if (run && run.end !== start) closeRun();
        if (!run) {
          run = {
            start,
            end: start,
            day,
            first: {
              startOffsetSeconds: 0,
              endOffsetSeconds: 0,
              scheduledActivityCodeId: sched.codeId,
              scheduledActivityCategory: sched.category,
              actualActivityCodeId: codeIdOf(verdict.actualCategory),
              actualActivityCategory: verdict.actualCategory,
              systemPresence: span.presence,
              routingStatus: span.routing,
              impact: verdict.impact,
            },
          };
        }
        run.end = pieceEnd;
      } else closeRun();
      start = pieceEnd;
    }
  }
  closeRun();

  const round = (n: number) => Math.round(n * 100) / 100;
  const totals = {
    adherenceSchedule: 0,
    exceptionDuration: 0,
    conformanceSchedule: 0,
    conformanceActual: 0,
    impact: 0,
  };
  for (const m of days) {
    for (const k of [
      'adherenceSchedule',
      'conformanceSchedule',
      'conformanceActual',
      'exceptionDuration',
      'impactSeconds',
      'scheduleLength',
      'actualLength',
    ] as const)
      m[k] = Math.round(m[k]);
    m.adherencePercentage = percentAdherence(m.exceptionDuration, m.adherenceSchedule);
    m.conformancePercentage =
      m.conformanceSchedule > 0 ? round((m.conformanceActual / m.conformanceSchedule) * 100) : 0;
    totals.adherenceSchedule += m.adherenceSchedule;
    totals.exceptionDuration += m.exceptionDuration;
    totals.conformanceSchedule += m.conformanceSchedule;
    totals.conformanceActual += m.conformanceActual;
    totals.impact += m.impactSeconds;
  }
  return {
    agent,
    adherencePercentage: percentAdherence(totals.exceptionDuration, totals.adherenceSchedule),
    conformancePercentage:
      totals.conformanceSchedule > 0 ? round((totals.conformanceActual / totals.conformanceSchedule) * 100) : 0,
    impact: totals.impact > 0 ? 'Positive' : totals.impact < 0 ? 'Negative' : 'Neutral',
    days,
    exceptions,
    actuals,
  };
}

/**
 * The spans' parts inside `within` (all of them without it). A gap between parts closes an exception run and an
 * actual activity, as the time outside is not this unit's.
 */
function* clippedSpans<S extends { start: number; end: number }>(
  spans: Iterable<S>,
  within: ReadonlyArray<readonly [number, number]> | undefined,
): Generator<S> {
  if (!within) {
    yield* spans;
    return;
  }
  if (within.length === 0) return;
  for (const span of spans) {
    // Past the last stretch that counts: nothing more to give (the timeline itself never ends).
    if (span.start >= within[within.length - 1]![1]) return;
    for (const [from, to] of within) {
      const start = Math.max(span.start, from);
      const end = Math.min(span.end, to);
      if (end > start) yield { ...span, start, end };
    }
  }
}

/** Genesys: adherence % = (1 − exception time / scheduled time) × 100; 100 when nothing was scheduled. */
export function percentAdherence(exceptionSeconds: number, scheduledSeconds: number): number {
  return scheduledSeconds > 0 ? Math.round((1 - exceptionSeconds / scheduledSeconds) * 10000) / 100 : 100;
}
