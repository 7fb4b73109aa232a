import { codeIdOf, type ActivityCategory, type SystemPresence } from './categories.js';
import { between, createRandom, hash32 } from './random.js';
import { startOfLocalDay } from './time-zone.js';
import type { Agent } from './topology.js';

export interface ScheduledActivity {
  start: number;
  end: number;
  category: ActivityCategory;
  codeId: string;
}
/** What the agent actually did; routing status inside OnQueue segments unfolds from `seed` (see routing.ts). */
export interface ActualSegment {
  start: number;
  end: number;
  presence: SystemPresence;
  seed: number;
}
export interface Shift {
  /** Local day number (days since 1970-01-01 in the agent's zone) the shift starts on. */
  day: number;
  scheduled: ScheduledActivity[];
  actual: ActualSegment[];
  /** Earliest and latest instant either the schedule or the actual covers. */
  from: number;
  to: number;
}

const MIN = 60_000;

// The day's plan, in minutes from shift start: a standard 8.5-hour shift.
const PLAN: Array<[number, number, ActivityCategory]> = [
  [0, 120, 'OnQueueWork'],
  [120, 135, 'Break'],
  [135, 240, 'OnQueueWork'],
  [240, 270, 'Meal'],
  [270, 390, 'OnQueueWork'],
  [390, 405, 'Break'],
  [405, 510, 'OnQueueWork'],
];

const PRESENCE_FOR: Partial<Record<ActivityCategory, SystemPresence>> = {
  OnQueueWork: 'OnQueue',
  Break: 'Break',
  Meal: 'Meal',
  Meeting: 'Meeting',
  Training: 'Training',
  OffQueueWork: 'Available',
};

/**
 * A seeded habit: the agent comes back late from one kind of block, by 11–20 minutes, on one weekday
 * every week ('weekday') or every working day ('daily'). Random drift (late logins, late returns, early
 * leaving, huddles) always stays under 10 minutes, and a missed shift is a whole shift, so these are the
 * only recurring 10-minute-plus lateness a pattern finder should report: tests know the truth exactly.
 */
export interface Habit {
  kind: 'weekday' | 'daily';
  /** The block the agent is late back from. */
  lateBackFrom: 'Meal' | 'Break';
  /** For 'weekday': the weekday of the shift's day (0 = Sunday), one of the agent's working days. */
  weekday: number;
}

/** The habit of an agent, if any (about one agent in twelve). */
export function habitOf(seed: number, agent: Agent): Habit | undefined {
  const h = hash32(seed, agent.index, 31) % 25;
  const offStart = hash32(seed, agent.index, 99) % 7;
  if (h === 0)
    return { kind: 'weekday', lateBackFrom: 'Meal', weekday: (offStart + 2 + (hash32(seed, agent.index, 32) % 5)) % 7 };
  if (h === 1) return { kind: 'daily', lateBackFrom: 'Break', weekday: -1 };
  return undefined;
}

/** Each agent works a fixed daily start time (spread over 24 hours: a follow-the-sun centre) with two days off a week. */
export function shiftFor(seed: number, agent: Agent, day: number): Shift | undefined {
  const weekday = (day + 4) % 7; // 1970-01-01 was a Thursday
  const offStart = hash32(seed, agent.index, 99) % 7;
  if (weekday === offStart || weekday === (offStart + 1) % 7) return undefined;
  const random = createRandom(hash32(seed, agent.index, day));
  const startMinute = (hash32(seed, agent.index, 7) % 48) * 30;
  const shiftStart = startOfLocalDay(agent.timeZone, day) + startMinute * MIN;

  // Schedule, with an occasional meeting or training block carved out of on-queue time.
  const plan = PLAN.map(([a, b, c]) => [a, b, c] as [number, number, ActivityCategory]);
  const extra = random();
  if (extra < 0.15) splice(plan, 300, 330, 'Meeting');
  else if (extra < 0.25) splice(plan, 150, 210, 'Training');
  else if (extra < 0.35) splice(plan, 420, 450, 'OffQueueWork');
  const scheduled = plan.map(([a, b, category]) => ({
    start: shiftStart + a * MIN,
    end: shiftStart + b * MIN,
    category,
    codeId: codeIdOf(category),
  }));

  // Behaviour: how this agent drifts from the plan today.
  const actual: ActualSegment[] = [];
  if (random() >= 0.02) {
    // Boundaries between planned blocks, each moved by the agent's habits.
    const bounds = [plan[0]![0], ...plan.map((p) => p[1])].map((m) => shiftStart + m * MIN);
    const login = random();
    bounds[0] = bounds[0]! + (login < 0.85 ? between(random, -3, 1) : between(random, 3, 9)) * MIN;
    const habit = habitOf(seed, agent);
    let breaksSeen = 0;
    for (let i = 1; i < bounds.length - 1; i++) {
      const leaving = plan[i - 1]![2];
      const r = random();
      // Drift stays under 10 minutes; only a habit (below) makes a late return of 10 minutes or more.
      let late =
        leaving === 'OnQueueWork'
          ? between(random, -2, 1)
          : r < 0.7
            ? between(random, 0, 1)
            : r < 0.95
              ? between(random, 1, 6)
              : between(random, 6, 9);
      if (leaving === 'Break') breaksSeen++;
      if (
        habit &&
        leaving === habit.lateBackFrom &&
        (habit.kind === 'weekday' ? weekday === habit.weekday : breaksSeen === 1)
      )
        late = between(random, 11, 20);
      bounds[i] = bounds[i]! + late * MIN;
    }
    const last = bounds.length - 1;
    bounds[last] = bounds[last]! + (random() < 0.06 ? -between(random, 3, 9) : between(random, 0, 3)) * MIN;
    for (let i = 1; i < bounds.length; i++) bounds[i] = Math.max(bounds[i]!, bounds[i - 1]! + MIN);
    for (let i = 0; i < plan.length; i++) {
      actual.push({
        start: Math.round(bounds[i]!),
        end: Math.round(bounds[i + 1]!),
        presence: PRESENCE_FOR[plan[i]![2]] ?? 'Available',
        seed: hash32(seed, agent.index, day, i),
      });
    }
    // A short unscheduled huddle pulled out of an on-queue block now and then.
    if (random() < 0.06) {
      const onQueue = actual.filter((s) => s.presence === 'OnQueue' && s.end - s.start > 45 * MIN);
      const target = onQueue[Math.floor(random() * onQueue.length)];
      if (target) {
        const at = target.start + Math.round(between(random, 5, 20) * MIN);
        const until = at + Math.round(between(random, 5, 9) * MIN);
        const idx = actual.indexOf(target);
        actual.splice(
          idx,
          1,
          { ...target, end: at },
          { start: at, end: until, presence: 'Meeting', seed: target.seed ^ 1 },
          { ...target, start: until, seed: target.seed ^ 2 },
        );
      }
    }
  }
  const from = Math.min(scheduled[0]!.start, actual[0]?.start ?? Infinity);
  const to = Math.max(scheduled[scheduled.length - 1]!.end, actual[actual.length - 1]?.end ?? -Infinity);
  return { day, scheduled, actual, from, to };
}

function splice(
  plan: Array<[number, number, ActivityCategory]>,
  from: number,
  to: number,
  category: ActivityCategory,
): void {
  const i = plan.findIndex(([a, b]) => a <= from && b >= to);
  if (i === -1) return;
  const [a, b, c] = plan[i]!;
  const parts: Array<[number, number, ActivityCategory]> = [];
  if (a < from) parts.push([a, from, c]);
  parts.push([from, to, category]);
  if (to < b) parts.push([to, b, c]);
  plan.splice(i, 1, ...parts);
}
