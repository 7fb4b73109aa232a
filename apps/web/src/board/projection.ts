/**
 * @module Where the day is going (issue 20, item 1), per agent and summed over any group of agents. With S the
 * scheduled time that counts for adherence today (so far, as Genesys counted it, plus the rest of today's
 * schedule), O the time out of adherence so far (the figure today's adherence uses) and T the unit's target:
 * - projected adherence, if the rest of the day goes to schedule: (S − O) / S;
 * - exception budget left: S × (1 − T) − O (negative: the target is already missed, by that much).
 * Groups add minutes, never average percents.
 */
import type { AgentAdherence } from '@adhere/genesys';
import type { DaySchedules } from './day-schedules.js';
import type { TodayAdherence } from './today.js';

export interface DayTally {
  /** S: today's scheduled time that counts for adherence, so far plus still to come (ms). */
  scheduledMs: number;
  /** O: out-of-adherence time so far that counts (ms). */
  exceptionMs: number;
  /** The target's allowance S × (1 − T), in ms: summed per agent, so units with different targets add up. */
  allowedMs: number;
}

export interface Projection {
  /** 0–100, or undefined when nothing is scheduled today (no figure, rather than a division by zero). */
  projectedPercent: number | undefined;
  /** ms of exceptions the day can still take before missing the target; negative once it is missed. */
  budgetMs: number;
}

/** One agent's tally: `soFar` as today's adherence counts it, `restMs` of schedule still to come, target in %. */
export function dayTally(
  soFar: { scheduledMs: number; exceptionMs: number },
  restMs: number,
  targetPercent: number,
): DayTally {
  const scheduledMs = soFar.scheduledMs + restMs;
  return { scheduledMs, exceptionMs: soFar.exceptionMs, allowedMs: scheduledMs * (1 - targetPercent / 100) };
}

export function addTallies(tallies: Iterable<DayTally>): DayTally {
  const sum = { scheduledMs: 0, exceptionMs: 0, allowedMs: 0 };
  for (const t of tallies) {
    sum.scheduledMs += t.scheduledMs;
    sum.exceptionMs += t.exceptionMs;
    sum.allowedMs += t.allowedMs;
  }
  return sum;
}

export function project(t: DayTally): Projection {
  return {
    projectedPercent: t.scheduledMs > 0 ? ((t.scheduledMs - t.exceptionMs) / t.scheduledMs) * 100 : undefined,
    budgetMs: t.allowedMs - t.exceptionMs,
  };
}

/**
 * Why an agent out of adherence now must be acted on: the target is already missed today, or the budget left is
 * less than the spell has run so far (as long again misses it). Undefined when neither holds.
 */
export function urgency(p: Projection, runningMs: number | undefined): 'missed' | 'will-miss' | undefined {
  if (runningMs === undefined) return undefined;
  if (p.budgetMs < 0) return 'missed';
  return p.budgetMs < runningMs ? 'will-miss' : undefined;
}

/** What the projection reads: today's figures and today's schedule, per unit. */
export interface TodayByUnit {
  byUnit: ReadonlyMap<string, TodayAdherence>;
  schedules: ReadonlyMap<string, DaySchedules>;
}

/** One agent's tally as of `now`, or undefined until both today's figures and schedule are in. */
export function agentTally(
  today: TodayByUnit,
  r: AgentAdherence,
  targetPercent: number,
  now: number,
): DayTally | undefined {
  const unit = r.managementUnitId ?? '';
  const soFar = today.byUnit.get(unit)?.tally(r.userId, now);
  const schedule = today.schedules.get(unit);
  if (!soFar || !schedule) return undefined;
  return dayTally(soFar, schedule.restOfDayMs(r.userId, now), targetPercent);
}

/** How long the agent's current out-of-adherence spell has run, or undefined when in adherence. */
export function runningOutMs(r: AgentAdherence, now: number): number | undefined {
  if (r.adherenceState !== 'OutOfAdherence') return undefined;
  const since = Date.parse(r.timeOfAdherenceChange ?? '');
  return Number.isFinite(since) ? Math.max(0, now - since) : undefined;
}
