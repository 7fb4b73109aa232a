/**
 * @module The agent's own figures for today (issue 20, item 4), from what a plain agent may read: their
 * historical adherence so far (Genesys's agent route), their explanations and their schedule. The same sums the
 * supervisor's views use: raw is Genesys's figure; adjusted counts approved explanations' exception time as
 * adherent; projected and budget assume the rest of the day goes to schedule (see board/projection.ts).
 */
import type { AdherenceExplanation, MyHistoricalResult, AgentSchedule } from '@adhere/genesys';
import { adjustedPercent, approvedOf, approvedSeconds } from '../history/adjusted.js';
import { DaySchedules } from '../board/day-schedules.js';
import { dayTally, project, type Projection } from '../board/projection.js';

export interface MyException {
  start: number;
  end: number;
  scheduledCategory: string | undefined;
  actualCategory: string | undefined;
  routingStatus: string | undefined;
  /** The explanation that covers part of it, if any: the latest one. */
  explanation: AdherenceExplanation | undefined;
}

export interface MyFigures {
  /** Up to when Genesys had counted. */
  asOf: number;
  targetPercent: number;
  /** Undefined when nothing was scheduled so far today. */
  raw: number | undefined;
  adjusted: number | undefined;
  projection: Projection;
  exceptions: MyException[];
}

/** Today's figures from the result of a query started at today's start; undefined when it holds no day. */
export function myFigures(
  result: MyHistoricalResult,
  explanations: readonly AdherenceExplanation[],
  schedule: AgentSchedule | undefined,
  day: { start: number; end: number },
): MyFigures | undefined {
  const d = result.days[0];
  if (!d) return undefined;
  const asOf = Date.parse(result.calculationsCompletedDate) || Date.parse(result.endDate) || day.start;
  const approved = approvedOf(approvedSeconds([result], explanations), result.userId);
  // Still to come: the schedule from where Genesys's count stops. An agent cannot read which activities the unit
  // leaves out of adherence (the unit's settings need a supervisor's permission), so all of them count here.
  const rest = schedule
    ? new DaySchedules(day.start, day.end, [schedule], () => true).restOfDayMs(result.userId, asOf)
    : 0;
  const tally = dayTally(
    { scheduledMs: d.adherenceScheduleSeconds * 1000, exceptionMs: d.exceptionDurationSeconds * 1000 },
    rest,
    result.targetAdherencePercentage,
  );
  const base = Date.parse(result.startDate);
  const spans = explanations.map((e) => {
    const start = Date.parse(e.startDate);
    return { e, start, end: start + e.lengthMinutes * 60_000 };
  });
  return {
    asOf,
    targetPercent: result.targetAdherencePercentage,
    raw: adjustedPercent(d.adherenceScheduleSeconds, d.exceptionDurationSeconds, 0),
    adjusted: adjustedPercent(d.adherenceScheduleSeconds, d.exceptionDurationSeconds, approved),
    projection: project(tally),
    exceptions: result.exceptions.map((x) => {
      const start = base + x.startOffsetSeconds * 1000;
      const end = base + x.endOffsetSeconds * 1000;
      const covering = spans.filter((s) => s.start < end && s.end > start).sort((a, b) => b.start - a.start);
      return {
        start,
        end,
        scheduledCategory: x.scheduledActivityCategory,
        actualCategory: x.actualActivityCategory,
        routingStatus: x.routingStatus,
        explanation: covering[0]?.e,
      };
    }),
  };
}
