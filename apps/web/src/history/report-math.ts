/** @module Arithmetic over a merged historical report: per day, week, team; the exception list; 30-minute slots. */
import {
  localMinuteOfDay,
  totalsOf,
  weekStart,
  weekdayOf,
  localDate,
  type AdherenceExplanation,
  type HistoricalDayMetrics,
  type HistoricalUserResult,
  type ZonedDay,
} from '@adhere/genesys';
import { adjustedPercent, approvedOf, approvedSpans, coveredMs, type ApprovedSeconds } from './adjusted.js';

export interface PeriodRow {
  /** The day, or the Monday starting the week. */
  date: string;
  /** Hours in the day (23/25 on a clock change) or week. */
  hours: number;
  agents: number;
  scheduledSeconds: number;
  exceptionSeconds: number;
  exceptionCount: number;
  adherence: number;
  /** Exception time approved explanations cover, and the figure that counts it as adherent (see adjusted.ts). */
  approvedSeconds: number;
  adjusted: number | undefined;
  conformance: number;
}

/** An agent's day metrics, with the approved explained seconds of that day. */
interface AgentDay {
  metrics: HistoricalDayMetrics;
  approvedSeconds: number;
}

/** Sums day metrics as Genesys weights them: by scheduled time, not an average of percentages. */
function sumDays(date: string, hours: number, agentDays: AgentDay[], known: boolean): PeriodRow {
  const days = agentDays.map((d) => d.metrics);
  const t = totalsOf(days);
  let agents = 0;
  let scheduledSeconds = 0;
  let exceptionSeconds = 0;
  let exceptionCount = 0;
  let approvedSeconds = 0;
  for (const { metrics: d, approvedSeconds: a } of agentDays) {
    if (d.scheduleLengthSeconds > 0) agents++;
    scheduledSeconds += d.adherenceScheduleSeconds;
    exceptionSeconds += d.exceptionDurationSeconds;
    exceptionCount += d.exceptionCount;
    approvedSeconds += a;
  }
  return {
    date,
    hours,
    agents,
    scheduledSeconds,
    exceptionSeconds,
    exceptionCount,
    adherence: t.adherencePercentage,
    approvedSeconds,
    adjusted: known ? adjustedPercent(scheduledSeconds, exceptionSeconds, approvedSeconds) : undefined,
    conformance: t.conformancePercentage,
  };
}

/** Each result's day metrics by local date, matched on the day's start offset from the range start. */
export function daysByDate(
  results: readonly HistoricalUserResult[],
  days: readonly ZonedDay[],
  approved?: ApprovedSeconds,
) {
  const rangeStart = days[0]?.start ?? 0;
  const dateAt = new Map(days.map((d) => [Math.round((d.start - rangeStart) / 1000), d]));
  const out = new Map<string, AgentDay[]>(days.map((d) => [d.date, []]));
  for (const r of results) {
    const mine = approved?.get(r.userId);
    for (const m of r.days) {
      const day = dateAt.get(m.dayStartOffsetSeconds);
      if (day) out.get(day.date)!.push({ metrics: m, approvedSeconds: mine?.get(m.dayStartOffsetSeconds) ?? 0 });
    }
  }
  return out;
}

export function perDay(
  results: readonly HistoricalUserResult[],
  days: readonly ZonedDay[],
  approved?: ApprovedSeconds,
): PeriodRow[] {
  const byDate = daysByDate(results, days, approved);
  return days.map((d) => sumDays(d.date, d.hours, byDate.get(d.date)!, approved !== undefined));
}

export function perWeek(
  results: readonly HistoricalUserResult[],
  days: readonly ZonedDay[],
  approved?: ApprovedSeconds,
): PeriodRow[] {
  const byDate = daysByDate(results, days, approved);
  const weeks = new Map<string, { hours: number; metrics: AgentDay[] }>();
  for (const d of days) {
    const w = weekStart(d.date);
    const acc = weeks.get(w) ?? { hours: 0, metrics: [] };
    acc.hours += d.hours;
    acc.metrics.push(...byDate.get(d.date)!);
    weeks.set(w, acc);
  }
  return [...weeks].map(([w, acc]) => sumDays(w, acc.hours, acc.metrics, approved !== undefined));
}

export interface TeamRow {
  teamId: string;
  agents: number;
  adherence: number;
  adjusted: number | undefined;
  conformance: number;
  days: PeriodRow[];
}

/** Adherence and conformance per team over the range and per day; agents without a known team are left out. */
export function perTeam(
  results: readonly HistoricalUserResult[],
  teamOf: ReadonlyMap<string, string>,
  days: readonly ZonedDay[],
  approved?: ApprovedSeconds,
): TeamRow[] {
  const byTeam = new Map<string, HistoricalUserResult[]>();
  for (const r of results) {
    const t = teamOf.get(r.userId);
    if (!t) continue;
    const list = byTeam.get(t) ?? [];
    list.push(r);
    byTeam.set(t, list);
  }
  return [...byTeam].map(([teamId, rs]) => {
    const t = totalsOf(rs.flatMap((r) => r.days));
    const teamDays = perDay(rs, days, approved);
    return {
      teamId,
      agents: rs.length,
      adherence: t.adherencePercentage,
      adjusted: adjustedOver(teamDays, approved !== undefined),
      conformance: t.conformancePercentage,
      days: teamDays,
    };
  });
}

/**
 * Adjusted adherence over a span of period rows, from their summed seconds (never an average of their percents);
 * undefined where approved time is not `known` (no exceptions or explanations read) or nothing was scheduled.
 */
export function adjustedOver(rows: readonly PeriodRow[], known: boolean): number | undefined {
  if (!known) return undefined;
  let scheduled = 0;
  let exceptions = 0;
  let approved = 0;
  for (const r of rows) {
    scheduled += r.scheduledSeconds;
    exceptions += r.exceptionSeconds;
    approved += r.approvedSeconds;
  }
  return adjustedPercent(scheduled, exceptions, approved);
}

export interface AgentRow {
  userId: string;
  adherence: number;
  /** Counting exception time covered by approved explanations as adherent (undefined with nothing scheduled). */
  adjusted: number | undefined;
  approvedSeconds: number;
  conformance: number;
  exceptionCount: number;
  /** The API's exceptionDurationSeconds, summed. */
  exceptionSeconds: number;
  /** What Genesys's own view shows as exception duration: the API's figure plus count × the unit's threshold. */
  exceptionSecondsAsGenesysUi: number;
  scheduledSeconds: number;
  actualSeconds: number;
  impact: string;
  missedTarget: boolean;
}

export function perAgent(
  results: readonly HistoricalUserResult[],
  targetPercent: number,
  thresholdSeconds: number,
  approved?: ApprovedSeconds,
): AgentRow[] {
  return results.map((r) => {
    let exceptionCount = 0;
    let exceptionSeconds = 0;
    let scheduledSeconds = 0;
    let adherenceScheduleSeconds = 0;
    let actualSeconds = 0;
    for (const d of r.days) {
      exceptionCount += d.exceptionCount;
      exceptionSeconds += d.exceptionDurationSeconds;
      scheduledSeconds += d.scheduleLengthSeconds;
      adherenceScheduleSeconds += d.adherenceScheduleSeconds;
      actualSeconds += d.actualLengthSeconds;
    }
    const approvedSeconds = approved ? approvedOf(approved, r.userId) : 0;
    return {
      userId: r.userId,
      adherence: r.adherencePercentage,
      adjusted: approved ? adjustedPercent(adherenceScheduleSeconds, exceptionSeconds, approvedSeconds) : undefined,
      approvedSeconds,
      conformance: r.conformancePercentage,
      exceptionCount,
      exceptionSeconds,
      exceptionSecondsAsGenesysUi: exceptionSeconds + exceptionCount * thresholdSeconds,
      scheduledSeconds,
      actualSeconds,
      impact: r.impact,
      missedTarget: scheduledSeconds > 0 && r.adherencePercentage < targetPercent,
    };
  });
}

export interface ExceptionRow {
  userId: string;
  /** Epoch ms. */
  start: number;
  end: number;
  seconds: number;
  date: string;
  scheduled: string;
  scheduledCodeId: string | undefined;
  actual: string;
  routingStatus: string;
  systemPresence: string;
  impact: string;
  explanation: 'Pending' | 'Approved' | 'Denied' | 'None';
  /** Of its seconds, those approved explanations cover: what the adjusted figure counts as adherent (issue 20). */
  approvedSeconds: number;
}

/**
 * Every exception of the report as a row, in time order per agent. Two exceptions of an agent that meet at
 * local midnight with the same activities are one exception (days are cut at midnight, people are not).
 */
export function exceptionRows(
  results: readonly HistoricalUserResult[],
  timeZone: string,
  explanations: readonly AdherenceExplanation[] = [],
): ExceptionRow[] {
  const byAgent = new Map<string, AdherenceExplanation[]>();
  for (const e of explanations) {
    const list = byAgent.get(e.agent.id) ?? [];
    list.push(e);
    byAgent.set(e.agent.id, list);
  }
  const approved = approvedSpans(explanations);
  const rows: ExceptionRow[] = [];
  for (const r of results) {
    const base = Date.parse(r.startDate);
    const first = rows.length;
    let last: ExceptionRow | undefined;
    for (const e of r.exceptions) {
      const start = base + e.startOffsetSeconds * 1000;
      const end = base + e.endOffsetSeconds * 1000;
      if (
        last &&
        last.end === start &&
        last.actual === (e.actualActivityCategory ?? '') &&
        last.scheduled === (e.scheduledActivityCategory ?? '')
      ) {
        last.end = end;
        last.seconds = (end - last.start) / 1000;
        continue;
      }
      last = {
        userId: r.userId,
        start,
        end,
        seconds: (end - start) / 1000,
        date: localDate(timeZone, start),
        scheduled: e.scheduledActivityCategory ?? '',
        scheduledCodeId: e.scheduledActivityCodeId,
        actual: e.actualActivityCategory ?? '',
        routingStatus: e.routingStatus ?? '',
        systemPresence: e.systemPresence ?? '',
        impact: e.impact ?? '',
        explanation: 'None',
        approvedSeconds: 0,
      };
      rows.push(last);
    }
    for (const row of rows.slice(first)) {
      const covering = byAgent.get(r.userId)?.find((x) => {
        const s = Date.parse(x.startDate);
        return s < row.end && s + x.lengthMinutes * 60_000 > row.start;
      });
      if (covering) row.explanation = covering.status;
      const spans = approved.get(r.userId);
      if (spans) row.approvedSeconds = coveredMs(spans, row.start, row.end) / 1000;
    }
  }
  return rows;
}

/** Exception seconds per weekday (0 = Sunday) and 30-minute local slot (0–47): when in the week adherence drops. */
export function exceptionSlots(rows: readonly ExceptionRow[], timeZone: string): number[][] {
  const grid = Array.from({ length: 7 }, () => new Array<number>(48).fill(0));
  for (const row of rows) {
    // Walk the exception slot by slot (at most a few hours each), in local wall-clock time.
    for (let t = row.start; t < row.end;) {
      const minute = localMinuteOfDay(timeZone, t);
      const slot = Math.floor(minute / 30);
      const next = Math.min(row.end, t + ((slot + 1) * 30 - minute) * 60_000 - (t % 60_000));
      grid[weekdayOf(localDate(timeZone, t))]![slot]! += (next - t) / 1000;
      t = next > t ? next : row.end;
    }
  }
  return grid;
}
