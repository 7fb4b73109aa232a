/**
 * @module Each agent's published schedule for today, as the time that counts for adherence: the intervals of
 * today's activities whose category the unit does not ignore (Genesys's `adherenceScheduleSeconds` counts the
 * same). What the projection needs of it is the scheduled time still to come (issue 20, item 1).
 */
import type { AgentSchedule } from '@adhere/genesys';

export class DaySchedules {
  /** Per agent: [start, end, start, end, …] in ms, sorted, clipped to today, non-overlapping. */
  private readonly intervals = new Map<string, number[]>();

  constructor(
    /** Today in the unit's zone: [dayStart, dayEnd). */
    readonly dayStart: number,
    readonly dayEnd: number,
    schedules: readonly AgentSchedule[],
    /** Whether an activity code's time counts for adherence (its category is not one the unit ignores). */
    counts: (activityCodeId: string) => boolean,
  ) {
    const spansOf = new Map<string, Array<[number, number]>>();
    for (const s of schedules) {
      const id = s.user?.id;
      if (!id) continue;
      const spans = spansOf.get(id) ?? [];
      spansOf.set(id, spans);
      for (const shift of s.shifts ?? [])
        for (const a of shift.activities ?? []) {
          if (!counts(a.activityCodeId)) continue;
          const start = Math.max(Date.parse(a.startDate), dayStart);
          const end = Math.min(Date.parse(a.startDate) + a.lengthMinutes * 60_000, dayEnd);
          if (Number.isFinite(start) && Number.isFinite(end) && end > start) spans.push([start, end]);
        }
    }
    for (const [id, spans] of spansOf) {
      spans.sort((x, y) => x[0] - y[0]);
      // Activities touch, and shifts searched from the day before may be listed twice: time is counted once.
      const flat: number[] = [];
      for (const [start, end] of spans) {
        const last = flat.length - 1;
        if (last > 0 && start <= flat[last]!) flat[last] = Math.max(flat[last]!, end);
        else flat.push(start, end);
      }
      this.intervals.set(id, flat);
    }
  }

  /**
   * Scheduled time that counts for adherence in [from, dayEnd), in ms. An agent the answer does not name has
   * nothing scheduled today (Genesys lists the unit's agents with shifts).
   */
  restOfDayMs(userId: string, from: number): number {
    const flat = this.intervals.get(userId);
    if (!flat) return 0;
    let ms = 0;
    for (let i = 0; i < flat.length; i += 2) ms += Math.max(0, flat[i + 1]! - Math.max(flat[i]!, from));
    return ms;
  }

  /** The stretch of scheduled time around `t` (a shift, as far as its activities touch), or undefined. */
  stretchAt(userId: string, t: number): { start: number; end: number } | undefined {
    const flat = this.intervals.get(userId);
    if (!flat) return undefined;
    for (let i = 0; i < flat.length; i += 2)
      if (flat[i]! <= t && t < flat[i + 1]!) return { start: flat[i]!, end: flat[i + 1]! };
    return undefined;
  }
}
