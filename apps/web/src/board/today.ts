/**
 * @module Adherence so far today, live: seeded from Genesys's historical figures for today (scheduled and
 * exception seconds), then carried forward with each change the board sees, the way Genesys counts: scheduled
 * time while an activity is scheduled; out-of-adherence time only for a spell that reaches the unit's
 * exception threshold (then all of it).
 */
import { recordTime, type AgentAdherence, type HistoricalUserResult } from '@adhere/genesys';
import { mergeSpans } from '../history/adjusted.js';

interface Agent {
  userId: string;
  /** From the seed: what Genesys had counted today up to `seedAt`. */
  seedScheduledMs: number;
  seedExceptionMs: number;
  seedAt: number;
  /** Counted live since the seed (closed spells and closed scheduled stretches). */
  scheduledMs: number;
  exceptionMs: number;
  /** The state since `since`. */
  scheduled: boolean;
  out: boolean;
  since: number;
  /** When the current out-of-adherence spell began (a spell may have begun before the seed). */
  spellStart: number | undefined;
  /** The exception time counted: Genesys's exceptions up to the seed, then each live spell's counted part. */
  spans: Array<[number, number]>;
  /**
   * Moved to another unit today: the time while a member still counts for this unit (Genesys keeps an agent's
   * adherence with the unit the agent was in then), and nothing after.
   */
  left: boolean;
}

/**
 * Out of adherence for today's figure: Explained too. An approved explanation changes the live state, but the
 * exception stays in Genesys's historical figures for the day (the seed), so the live count keeps it as well.
 */
const isOut = (r: AgentAdherence) => r.adherenceState === 'OutOfAdherence' || r.adherenceState === 'Explained';

const isScheduled = (r: AgentAdherence) =>
  r.scheduledActivityCategory !== undefined && r.scheduledActivityCategory !== 'Unscheduled';

export class TodayAdherence {
  private readonly agents = new Map<string, Agent>();
  /** The agents who have left (kept apart: the once-a-second sums look at these few, not at every agent). */
  private readonly leftIds = new Set<string>();

  constructor(
    /** Local midnight starting today. */
    readonly dayStart: number,
    private readonly thresholdMsOf: (userId: string) => number,
  ) {}

  get seeded(): boolean {
    return this.agents.size > 0;
  }

  /**
   * Genesys's figures for today up to `at`, and the agent's state then; `exceptions`, when Genesys listed them,
   * are the intervals its exception seconds count (for the adjusted figure).
   */
  seed(
    r: AgentAdherence,
    scheduledSeconds: number,
    exceptionSeconds: number,
    at: number,
    exceptions: ReadonlyArray<readonly [number, number]> = [],
  ): void {
    const spellStart = isOut(r) ? this.spellStartOf(r, at) : undefined;
    this.agents.set(r.userId, {
      userId: r.userId,
      seedScheduledMs: scheduledSeconds * 1000,
      seedExceptionMs: exceptionSeconds * 1000,
      seedAt: at,
      scheduledMs: 0,
      exceptionMs: 0,
      scheduled: isScheduled(r),
      out: spellStart !== undefined,
      since: at,
      spellStart,
      // Up to the seed only: a spell still open then is counted from the seed on by the live part.
      spans: exceptions.map(([from, to]) => [from, Math.min(to, at)] as [number, number]).filter(([f, t]) => t > f),
      left: false,
    });
    this.leftIds.delete(r.userId);
  }

  /**
   * An agent Genesys counted in this unit today who is no longer in it (moved to another unit): the figures as
   * Genesys gave them are the whole of the agent's part here.
   */
  seedDeparted(
    userId: string,
    scheduledSeconds: number,
    exceptionSeconds: number,
    at: number,
    exceptions: ReadonlyArray<readonly [number, number]> = [],
  ): void {
    this.agents.set(userId, {
      userId,
      seedScheduledMs: scheduledSeconds * 1000,
      seedExceptionMs: exceptionSeconds * 1000,
      seedAt: at,
      scheduledMs: 0,
      exceptionMs: 0,
      scheduled: false,
      out: false,
      since: at,
      spellStart: undefined,
      spans: exceptions.map(([from, to]) => [from, to] as [number, number]),
      left: true,
    });
    this.leftIds.add(userId);
  }

  /** The agent left this unit at `at` (moved to another): counted up to then, never after. */
  leave(userId: string, at: number): void {
    const a = this.agents.get(userId);
    if (!a || a.left) return;
    this.close(a, Math.max(at, a.since), false, false);
    a.left = true;
    this.leftIds.add(userId);
  }

  /**
   * A record for an agent this unit's figures do not hold: one who joined the unit today (moved from another) counts
   * from now on, with nothing before; one who left and came back counts again. Returns whether it was taken.
   */
  join(r: AgentAdherence, at: number): boolean {
    const a = this.agents.get(r.userId);
    if (a && !a.left) return false;
    if (!a) {
      this.seed(r, 0, 0, at);
      // A spell that began before the agent joined counts here from the join only.
      const joined = this.agents.get(r.userId)!;
      if (joined.spellStart !== undefined) joined.spellStart = Math.max(joined.spellStart, at);
      return true;
    }
    a.left = false;
    this.leftIds.delete(r.userId);
    a.since = Math.max(at, a.since);
    a.scheduled = isScheduled(r);
    a.out = isOut(r);
    a.spellStart = a.out ? Math.max(this.spellStartOf(r, at), at) : undefined;
    return true;
  }

  /** Whether the agent's figures here are of an agent who has left the unit. */
  hasLeft(userId: string): boolean {
    return this.agents.get(userId)?.left === true;
  }

  /** The agents who left this unit today and whose time here still counts for it. */
  departed(): Iterable<string> {
    return this.leftIds;
  }

  /** A change the board applied, as of `at` (when it happened, as well as it is known). */
  observe(r: AgentAdherence, at: number): void {
    const a = this.agents.get(r.userId);
    // A late record of an agent who has left says nothing about this unit any more.
    if (!a || a.left) return;
    // A record no newer than the last change counted still says what holds from here on.
    at = Math.max(at, a.since);
    const out = isOut(r);
    const spellBegins = !a.out && out;
    this.close(a, at, isScheduled(r), out);
    if (spellBegins) a.spellStart = this.spellStartOf(r, at);
  }

  /** Counts the agent's time up to `at` and moves on to the given state (a spell that ends is counted whole). */
  private close(a: Agent, at: number, scheduled: boolean, out: boolean): void {
    if (a.scheduled) a.scheduledMs += at - a.since;
    if (a.out && !out) {
      const counted = this.spellSpan(a, at);
      if (counted) {
        a.exceptionMs += counted[1] - counted[0];
        a.spans.push(counted);
      }
      a.spellStart = undefined;
    }
    a.out = out;
    a.scheduled = scheduled;
    a.since = at;
  }

  /** Scheduled and exception ms today up to `now`, or undefined before the agent is seeded. */
  tally(userId: string, now: number): { scheduledMs: number; exceptionMs: number } | undefined {
    const a = this.agents.get(userId);
    if (!a) return undefined;
    const open = Math.max(0, now - a.since);
    return {
      scheduledMs: a.seedScheduledMs + a.scheduledMs + (a.scheduled ? open : 0),
      exceptionMs: a.seedExceptionMs + a.exceptionMs + (a.out ? this.spellMs(a, now) : 0),
    };
  }

  /** Adherence % so far today, as Genesys computes it; undefined when nothing is known yet. */
  percent(userIds: Iterable<string>, now: number): number | undefined {
    const sum = sumTallies(userIds, (id) => this.tally(id, now));
    return sum === undefined ? undefined : Math.round(percentOf(sum) * 100) / 100;
  }

  private spellStartOf(r: AgentAdherence, at: number): number {
    const t = Date.parse(r.timeOfAdherenceChange ?? '');
    return Math.max(this.dayStart, Number.isFinite(t) && t <= at ? t : at);
  }

  /**
   * What the open spell adds to today's live count up to `now`: nothing until it reaches the threshold, then
   * all of it since the seed — plus, when the seed had not counted it yet (still under the threshold then),
   * the part before the seed too.
   */
  private spellMs(a: Agent, now: number): number {
    const span = this.spellSpan(a, now);
    return span ? span[1] - span[0] : 0;
  }

  /** The open spell's counted part up to `now`, as an interval (see spellMs), or undefined. */
  private spellSpan(a: Agent, now: number): [number, number] | undefined {
    const start = a.spellStart;
    if (start === undefined) return undefined;
    const threshold = this.thresholdMsOf(a.userId);
    if (now - start < threshold) return undefined;
    const countedBySeed = start < a.seedAt && a.seedAt - start >= threshold;
    const from = countedBySeed ? Math.max(a.seedAt, start) : Math.max(start, this.dayStart);
    return now > from ? [from, now] : undefined;
  }

  /**
   * Of today's exception time up to `now`, the ms that `covered` (approved explanations, merged or not) covers:
   * the part the adjusted figure counts as adherent. Undefined before the agent is seeded.
   */
  coveredMs(userId: string, covered: Iterable<readonly [number, number]>, now: number): number | undefined {
    const a = this.agents.get(userId);
    if (!a) return undefined;
    const open = this.spellSpan(a, now);
    const spans = open ? [...a.spans, open] : a.spans;
    const cover = mergeSpans([...covered]);
    let ms = 0;
    for (const [from, to] of spans) for (const [s, e] of cover) ms += Math.max(0, Math.min(e, to) - Math.max(s, from));
    return ms;
  }
}

/**
 * Takes one record the board applied into its unit's figures, at `at`. An agent moved to another unit today leaves
 * the old unit's count (what they did there stays in it) and joins the new one's from then, as Genesys counts
 * each unit (issue 20's "an agent moved between units mid-day").
 */
export function takeRecord(byUnit: ReadonlyMap<string, TodayAdherence>, r: AgentAdherence, at: number): void {
  const unit = byUnit.get(r.managementUnitId ?? '');
  if (!unit) return;
  if (r.removedFromManagementUnit) unit.leave(r.userId, at);
  else if (!(unit.seeded && unit.join(r, at))) unit.observe(r, at);
}

/**
 * Seeds a unit's figures from Genesys's historical adherence for today (one result per agent counted in the unit
 * today), each paired with the agent's live record as of `at`.
 */
export function seedUnit(
  t: TodayAdherence,
  managementUnitId: string,
  results: Iterable<HistoricalUserResult>,
  liveOf: (userId: string) => AgentAdherence | undefined,
  at: number,
): void {
  for (const r of results) {
    const d = r.days[0];
    if (!d) continue;
    const base = Date.parse(r.startDate);
    const exceptions = r.exceptions.map(
      (x) => [base + x.startOffsetSeconds * 1000, base + x.endOffsetSeconds * 1000] as const,
    );
    const live = liveOf(r.userId);
    // Counted here today but not a member now (moved to another unit): Genesys's figures for the unit keep that
    // part, and it is the whole of it.
    if (!live || live.managementUnitId !== managementUnitId)
      t.seedDeparted(r.userId, d.adherenceScheduleSeconds, d.exceptionDurationSeconds, at, exceptions);
    else
      t.seed(live, d.adherenceScheduleSeconds, d.exceptionDurationSeconds, Math.max(at, recordTime(live)), exceptions);
  }
}

/**
 * Adherence so far today for a selection that may span units (not rounded), or undefined while none of its
 * agents is seeded; 100 when nothing is scheduled, as Genesys counts.
 */
export function selectionPercent(
  byUnit: ReadonlyMap<string, TodayAdherence>,
  records: Iterable<AgentAdherence>,
  now: number,
  wholeUnits: readonly string[] = [],
): number | undefined {
  const sum = selectionTally(byUnit, records, now, wholeUnits);
  return sum === undefined ? undefined : percentOf(sum);
}

/**
 * Scheduled and exception ms today summed over a selection, or undefined while none of its agents is seeded.
 * `wholeUnits`: the units the selection holds whole, whose figures also keep the part of agents who left them
 * today (Genesys keeps an agent's adherence with the unit the agent was in then); not for a team's selection.
 */
export function selectionTally(
  byUnit: ReadonlyMap<string, TodayAdherence>,
  records: Iterable<AgentAdherence>,
  now: number,
  wholeUnits: readonly string[] = [],
): SoFar | undefined {
  const current = sumTallies(records, (r) => byUnit.get(r.managementUnitId ?? '')?.tally(r.userId, now));
  const gone = departedOutside(byUnit, wholeUnits, records, now);
  if (!gone) return current;
  return current
    ? { scheduledMs: current.scheduledMs + gone.scheduledMs, exceptionMs: current.exceptionMs + gone.exceptionMs }
    : gone;
}

/**
 * What agents who left `units` today still count for them, but for those with a record in `records` (counted with
 * it, never twice); undefined when none.
 */
export function departedOutside(
  byUnit: ReadonlyMap<string, TodayAdherence>,
  units: readonly string[],
  records: Iterable<AgentAdherence>,
  now: number,
): SoFar | undefined {
  const left = new Set<string>();
  for (const mu of units) for (const id of byUnit.get(mu)?.departed() ?? []) left.add(id);
  if (left.size === 0) return undefined;
  for (const r of records) left.delete(r.userId);
  return left.size > 0 ? departedTally(byUnit, units, now, left) : undefined;
}

/** What agents who left `units` today still count for them; undefined when none has left. */
export function departedTally(
  byUnit: ReadonlyMap<string, TodayAdherence>,
  units: readonly string[],
  now: number,
  only?: ReadonlySet<string>,
): SoFar | undefined {
  let sum: SoFar | undefined;
  for (const mu of units) {
    const t = byUnit.get(mu);
    if (!t) continue;
    const part = sumTallies(t.departed(), (id) => (only && !only.has(id) ? undefined : t.tally(id, now)));
    if (part)
      sum = {
        scheduledMs: (sum?.scheduledMs ?? 0) + part.scheduledMs,
        exceptionMs: (sum?.exceptionMs ?? 0) + part.exceptionMs,
      };
  }
  return sum;
}

/**
 * Today so far for a selection, raw and adjusted, % (not rounded), in one pass over its agents: adjusted counts
 * exception time that approved explanations cover as adherent (see history/adjusted.ts). Only the agents with an
 * approved explanation are looked at again, so 20,000 rows cost what the raw figure costs. Undefined while none of
 * the selection's agents is seeded; 100 when nothing is scheduled, as Genesys counts. `wholeUnits` as for
 * selectionTally.
 */
export function selectionFigures(
  byUnit: ReadonlyMap<string, TodayAdherence>,
  records: Iterable<AgentAdherence>,
  approved: ReadonlyMap<string, ReadonlyMap<string, readonly [number, number]>> | undefined,
  recordOf: (userId: string) => AgentAdherence | undefined,
  now: number,
  wholeUnits: readonly string[] = [],
): { raw: number; adjusted: number | undefined } | undefined {
  const tally = selectionTally(byUnit, records, now, wholeUnits);
  if (!tally) return undefined;
  if (tally.scheduledMs <= 0) return { raw: 100, adjusted: approved ? 100 : undefined };
  const raw = percentOf(tally);
  if (!approved) return { raw, adjusted: undefined };
  let covered = 0;
  for (const [userId, spans] of approved) {
    const r = recordOf(userId);
    if (r) covered += byUnit.get(r.managementUnitId ?? '')?.coveredMs(userId, spans.values(), now) ?? 0;
    // Its part in a unit it has left since, where that unit's figures hold it.
    for (const mu of wholeUnits) {
      const t = byUnit.get(mu);
      if (t?.hasLeft(userId)) covered += t.coveredMs(userId, spans.values(), now) ?? 0;
    }
  }
  return { raw, adjusted: (1 - Math.max(0, tally.exceptionMs - covered) / tally.scheduledMs) * 100 };
}

/** Scheduled and exception ms so far today. */
export interface SoFar {
  scheduledMs: number;
  exceptionMs: number;
}

/** Adherence % of a tally (not rounded): 100 when nothing is scheduled, as Genesys counts. */
export function percentOf(t: SoFar): number {
  return t.scheduledMs > 0 ? (1 - t.exceptionMs / t.scheduledMs) * 100 : 100;
}

/** The tallies of `items` summed; undefined when no item has a tally yet. */
function sumTallies<T>(items: Iterable<T>, tallyOf: (item: T) => SoFar | undefined): SoFar | undefined {
  let scheduledMs = 0;
  let exceptionMs = 0;
  let known = false;
  for (const item of items) {
    const t = tallyOf(item);
    if (!t) continue;
    known = true;
    scheduledMs += t.scheduledMs;
    exceptionMs += t.exceptionMs;
  }
  return known ? { scheduledMs, exceptionMs } : undefined;
}
