import type { RoutingStatus, SystemPresence } from './categories.js';
import { routingSpans } from './routing.js';
import { shiftFor, type ScheduledActivity, type Shift } from './shift.js';
import { seededExplanationWindow, type ExplanationWindow } from './explanations.js';
import { localDayNumber } from './time-zone.js';
import type { Agent } from './topology.js';

/** A stretch of time in which nothing about the agent changes. */
export interface Span {
  start: number;
  end: number;
  scheduled: ScheduledActivity | undefined;
  presence: SystemPresence;
  routing: RoutingStatus;
  /** When the current presence began (Genesys's presenceUpdateTime). */
  presenceStart: number;
  /** The next scheduled activity of the shift, for nextActivityReminders. */
  nextScheduled: ScheduledActivity | undefined;
  /** The agent's explanation covering this span, if any (its edges are span edges). */
  explanation: ExplanationWindow | undefined;
}

// Far enough back to find a few worked shifts for any agent (two days off a week, a missed shift now and then).
const LOOK_BACK_DAYS = 21;

/**
 * Where a replay of the agent's life may begin for its state at `t` to carry true times: the window start of the
 * `k`-th latest shift the agent worked (logged in) by `t`. From there the presence changes at least once before
 * `t`, so an agent offline since yesterday evening says so, not "offline since the replay began". The state may
 * not have changed in one shift (an agent perfectly in adherence): the caller then asks for one shift more.
 */
export function replayStart(seed: number, agent: Agent, t: number, k = 1): number {
  let day = localDayNumber(agent.timeZone, t);
  let found = 0;
  for (let back = 0; back <= LOOK_BACK_DAYS; back++, day--) {
    const shift = shiftFor(seed, agent, day);
    const worked = shift?.actual.some((a) => a.presence !== 'Offline' && a.start <= t);
    if (shift && worked && ++found === k) return shift.from;
  }
  return t - LOOK_BACK_DAYS * 86_400_000;
}

/** Every span of an agent's life from `from` on, forever: gaps between shifts are Offline and unscheduled. */
export function* agentSpans(seed: number, agent: Agent, from: number): Generator<Span> {
  let day = localDayNumber(agent.timeZone, from) - 1;
  let cursor = from;
  let presenceStart = from;
  let lastPresence: SystemPresence | undefined;
  for (;;) {
    const shift = shiftFor(seed, agent, day);
    const explanation = seededExplanationWindow(seed, agent, day++, shift);
    if (shift === undefined || shift.to <= cursor) continue;
    if (shift.from > cursor) {
      if (lastPresence !== 'Offline') presenceStart = cursor;
      lastPresence = 'Offline';
      yield {
        start: cursor,
        end: shift.from,
        scheduled: undefined,
        presence: 'Offline',
        routing: 'OFF_QUEUE',
        presenceStart,
        nextScheduled: shift.scheduled[0],
        explanation: undefined,
      };
      cursor = shift.from;
    }
    for (const span of shiftSpans(shift, explanation)) {
      if (span.end <= cursor) continue;
      const start = Math.max(span.start, cursor);
      if (span.presence !== lastPresence) presenceStart = start;
      lastPresence = span.presence;
      yield { ...span, start, presenceStart };
      cursor = span.end;
    }
  }
}

/**
 * The spans inside one shift's window: boundaries of the schedule, the actual presence and routing, and the
 * shift's explanation, merged.
 */
export function* shiftSpans(shift: Shift, explanation?: ExplanationWindow): Generator<Span> {
  const points = new Set<number>([shift.from, shift.to]);
  if (explanation) points.add(explanation.start).add(explanation.end);
  for (const s of shift.scheduled) points.add(s.start).add(s.end);
  const routing: Array<{ status: RoutingStatus; start: number; end: number }> = [];
  for (const a of shift.actual) {
    points.add(a.start).add(a.end);
    if (a.presence === 'OnQueue') {
      for (const r of routingSpans(a)) {
        routing.push(r);
        points.add(r.start);
      }
    }
  }
  const sorted = [...points].filter((p) => p >= shift.from && p <= shift.to).sort((a, b) => a - b);
  let si = 0;
  let ai = 0;
  let ri = 0;
  let presenceStart = shift.from;
  let lastPresence: SystemPresence | undefined;
  for (let i = 0; i + 1 < sorted.length; i++) {
    const start = sorted[i]!;
    const end = sorted[i + 1]!;
    while (si < shift.scheduled.length && shift.scheduled[si]!.end <= start) si++;
    while (ai < shift.actual.length && shift.actual[ai]!.end <= start) ai++;
    while (ri < routing.length && routing[ri]!.end <= start) ri++;
    const sched = shift.scheduled[si];
    const act = shift.actual[ai];
    const inAct = act !== undefined && act.start <= start;
    const presence: SystemPresence = inAct ? act.presence : 'Offline';
    const r = routing[ri];
    const status: RoutingStatus =
      presence === 'OnQueue' && r !== undefined && r.start <= start ? r.status : 'OFF_QUEUE';
    if (presence !== lastPresence) presenceStart = start;
    lastPresence = presence;
    const current = sched !== undefined && sched.start <= start ? sched : undefined;
    yield {
      start,
      end,
      scheduled: current,
      presence,
      routing: status,
      presenceStart,
      nextScheduled: current ? shift.scheduled[si + 1] : sched,
      explanation: explanation && explanation.start <= start && start < explanation.end ? explanation : undefined,
    };
  }
}
