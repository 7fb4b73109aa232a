import type { UserHistory } from '../simulation/history.js';

// Two shapes of one result, names exactly as Genesys's models have them: management-unit and team
// queries use …Secs day metrics (HistoricalAdherenceDayMetrics), bulk uses …Seconds
// (WfmHistoricalAdherenceBulkUserDayMetrics).

export function queryResult(
  h: UserHistory,
  /** The unit the figures are of: the queried one, which a moved agent may have left since. */
  managementUnitId: string,
  startDate: string,
  endDate: string,
  includeExceptions: boolean,
) {
  const r: Record<string, unknown> = {
    userId: h.agent.id,
    managementUnitId,
    startDate,
    endDate,
    adherencePercentage: h.adherencePercentage,
    conformancePercentage: h.conformancePercentage,
    impact: h.impact,
    dayMetrics: h.days.map((d) => ({
      dayStartOffsetSecs: d.dayStartOffset,
      adherenceScheduleSecs: d.adherenceSchedule,
      conformanceScheduleSecs: d.conformanceSchedule,
      conformanceActualSecs: d.conformanceActual,
      exceptionCount: d.exceptionCount,
      exceptionDurationSecs: d.exceptionDuration,
      impactSeconds: d.impactSeconds,
      scheduleLengthSecs: d.scheduleLength,
      actualLengthSecs: d.actualLength,
      adherencePercentage: d.adherencePercentage,
      conformancePercentage: d.conformancePercentage,
    })),
    actualsEndDate: endDate,
    actuals: h.actuals,
  };
  if (includeExceptions) r.exceptionInfo = exceptionInfo(h);
  return r;
}

export function bulkUserResult(h: UserHistory, includeExceptions: boolean, includeActuals: boolean) {
  const r: Record<string, unknown> = {
    userId: h.agent.id,
    adherencePercentage: h.adherencePercentage,
    conformancePercentage: h.conformancePercentage,
    impact: h.impact,
    dayMetrics: h.days.map((d) => ({
      dayStartOffsetSeconds: d.dayStartOffset,
      adherenceScheduleSeconds: d.adherenceSchedule,
      conformanceScheduleSeconds: d.conformanceSchedule,
      conformanceActualSeconds: d.conformanceActual,
      exceptionCount: d.exceptionCount,
      exceptionDurationSeconds: d.exceptionDuration,
      impactSeconds: d.impactSeconds,
      scheduleLengthSeconds: d.scheduleLength,
      actualLengthSeconds: d.actualLength,
      adherencePercentage: d.adherencePercentage,
      conformancePercentage: d.conformancePercentage,
    })),
  };
  if (includeExceptions) r.exceptionInfo = exceptionInfo(h);
  if (includeActuals) r.actuals = h.actuals;
  return r;
}

function exceptionInfo(h: UserHistory) {
  return h.exceptions.map((e) => ({
    ...e,
    scheduledSecondaryPresenceLookupIds: [],
    secondaryPresenceLookupId: undefined,
  }));
}
