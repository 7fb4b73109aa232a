/** @module Genesys's records as timeline blocks: scheduled activities (by activity-code name), actuals, exceptions. */
import type { AgentSchedule, HistoricalUserResult } from '@adhere/genesys';
import { activityWords } from '../words.js';
import type { Block } from './DayRows.js';

export type ActivityCodes = ReadonlyMap<string, { name: string; category: string }>;

export function scheduleBlocks(schedules: readonly AgentSchedule[], codes: ActivityCodes): Block[] {
  const blocks: Block[] = [];
  for (const s of schedules)
    for (const shift of s.shifts ?? [])
      for (const a of shift.activities ?? []) {
        const start = Date.parse(a.startDate);
        const code = codes.get(a.activityCodeId);
        blocks.push({
          start,
          end: start + a.lengthMinutes * 60_000,
          category: code?.category ?? 'Unavailable',
          label: code?.name ?? (a.description || a.activityCodeId),
        });
      }
  return blocks.sort((a, b) => a.start - b.start);
}

/** Actual activity (signed-out time left out: it is the background) and exceptions of one historical result. */
export function historyBlocks(result: HistoricalUserResult | undefined): { actual: Block[]; exceptions: Block[] } {
  if (!result) return { actual: [], exceptions: [] };
  const base = Date.parse(result.startDate);
  return {
    actual: result.actuals
      .filter((a) => a.actualActivityCategory !== 'Unavailable')
      .map((a) => ({
        start: base + a.startOffsetSeconds * 1000,
        end: base + a.endOffsetSeconds * 1000,
        category: a.actualActivityCategory,
        label: activityWords(a.actualActivityCategory),
      })),
    exceptions: result.exceptions.map((e) => ({
      start: base + e.startOffsetSeconds * 1000,
      end: base + e.endOffsetSeconds * 1000,
      category: 'exception',
      label: `Scheduled ${activityWords(e.scheduledActivityCategory)}, actually ${activityWords(e.actualActivityCategory)}`,
    })),
  };
}
