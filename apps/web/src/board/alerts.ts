/**
 * @module Alerts when an agent goes severely out of adherence: once per agent per episode, muted per agent or
 * unit, held back when a large share of a team or unit goes out together (then it is probably the schedule or
 * a system, and one banner says so instead of a flood).
 */
import type { AgentAdherence } from '@adhere/genesys';
import type { Thresholds } from './thresholds.js';

export interface AlertPrefs {
  /** Desktop notifications (the browser asks once). */
  desktop: boolean;
  sound: boolean;
  /** Alert after this many minutes out instead of the unit's severe threshold. */
  minutes: number | undefined;
  mutedAgents: string[];
  mutedUnits: string[];
}

export const DEFAULT_PREFS: AlertPrefs = {
  desktop: false,
  sound: false,
  minutes: undefined,
  mutedAgents: [],
  mutedUnits: [],
};

export interface Alert {
  /** userId and the episode's start: one alert per agent per episode. */
  key: string;
  userId: string;
  managementUnitId: string | undefined;
  /** When the episode began (epoch ms). */
  since: number;
  raisedAt: number;
  record: AgentAdherence;
}

export interface MassDeviation {
  scope: 'team' | 'unit';
  id: string;
  out: number;
  of: number;
}

export interface MassRule {
  /** Share of a group's scheduled agents going out within the window (default 30 %). */
  share: number;
  windowMs: number;
  /** Groups smaller than this never count as a mass deviation. */
  minGroup: number;
}

export const MASS_RULE: MassRule = { share: 0.3, windowMs: 2 * 60_000, minGroup: 5 };

const since = (r: AgentAdherence) => Date.parse(r.timeOfAdherenceChange ?? '') || 0;
const scheduled = (r: AgentAdherence) =>
  r.scheduledActivityCategory !== undefined && r.scheduledActivityCategory !== 'Unscheduled';

/** Teams and units in which at least `share` of the scheduled agents went out within the last `windowMs`. */
export function massDeviations(records: readonly AgentAdherence[], now: number, rule = MASS_RULE): MassDeviation[] {
  const groups = new Map<string, { scope: 'team' | 'unit'; id: string; of: number; out: number }>();
  const add = (scope: 'team' | 'unit', id: string | undefined, fresh: boolean) => {
    if (!id) return;
    const key = `${scope}:${id}`;
    const g = groups.get(key) ?? { scope, id, of: 0, out: 0 };
    g.of++;
    if (fresh) g.out++;
    groups.set(key, g);
  };
  for (const r of records) {
    if (!scheduled(r)) continue;
    const fresh = r.adherenceState === 'OutOfAdherence' && now - since(r) <= rule.windowMs;
    add('team', r.teamId, fresh);
    add('unit', r.managementUnitId, fresh);
  }
  return [...groups.values()].filter((g) => g.of >= rule.minGroup && g.out / g.of >= rule.share);
}

/** The agents of a mass deviation: its group's agents out now whose spell began within the rule's window. */
export function deviationMembers(
  records: readonly AgentAdherence[],
  m: MassDeviation,
  now: number,
  rule = MASS_RULE,
): AgentAdherence[] {
  return records.filter(
    (r) =>
      (m.scope === 'team' ? r.teamId === m.id : r.managementUnitId === m.id) &&
      scheduled(r) &&
      r.adherenceState === 'OutOfAdherence' &&
      now - since(r) <= rule.windowMs,
  );
}

/** Watches the board once a second; remembers which episodes were alerted (or held back). */
export class AlertWatch {
  private readonly seen: Set<string>;
  private primed = false;
  /** Each group's mass deviations: episodes that began within one are its, even when their news came late. */
  private readonly massWindows = new Map<string, Array<[number, number]>>();

  constructor(alreadyAlerted: Iterable<string> = []) {
    this.seen = new Set(alreadyAlerted);
  }

  /** Episode keys alerted or held back so far (kept across reloads by the caller). */
  keys(): string[] {
    return [...this.seen];
  }

  /**
   * New alerts for agents past their threshold, and current mass deviations. The first call does not alert
   * for old episodes one by one: it returns them as `alreadyOut` (longest out first), for one list and one
   * summary, and later calls return that list empty.
   */
  check(
    records: readonly AgentAdherence[],
    now: number,
    thresholdOf: (r: AgentAdherence) => Thresholds,
    prefs: AlertPrefs,
    rule = MASS_RULE,
  ): { alerts: Alert[]; mass: MassDeviation[]; alreadyOut: Alert[] } {
    const mass = massDeviations(records, now, rule);
    for (const m of mass) {
      const key = `${m.scope}:${m.id}`;
      const windows = this.massWindows.get(key) ?? [];
      const last = windows[windows.length - 1];
      if (last && last[1] >= now - rule.windowMs) last[1] = now;
      else windows.push([now - rule.windowMs, now]);
      this.massWindows.set(key, windows);
    }
    const alerts: Alert[] = [];
    // On the first look: everyone already past the threshold, listed once (not alerted one by one), so that
    // opening the board never shows an empty list while agents have been out for hours.
    const alreadyOut: Alert[] = [];
    for (const r of records) {
      if (r.adherenceState !== 'OutOfAdherence') continue;
      const start = since(r);
      const key = `${r.userId}@${start}`;
      // Part of a mass deviation: held back for the whole episode; the banner speaks for it.
      const massHeld = this.inMass(r, start);
      const past = now - start >= (prefs.minutes ?? thresholdOf(r).severeMinutes) * 60_000;
      const muted = prefs.mutedAgents.includes(r.userId) || prefs.mutedUnits.includes(r.managementUnitId ?? '');
      const alert = {
        key,
        userId: r.userId,
        managementUnitId: r.managementUnitId,
        since: start,
        raisedAt: now,
        record: r,
      };
      if (!this.primed && past && !muted && !massHeld) alreadyOut.push(alert);
      if (this.seen.has(key) || (!massHeld && !past)) continue;
      this.seen.add(key);
      if (this.primed && !massHeld && !muted) alerts.push(alert);
    }
    this.primed = true;
    alreadyOut.sort((a, b) => a.since - b.since || (a.userId < b.userId ? -1 : 1));
    return { alerts, mass, alreadyOut };
  }

  /**
   * Whether the agent's spell out of adherence began in a mass deviation of their team or unit: then whatever
   * else it sets off (a situation: logged out early, not on queue) is held back too, the banner speaking for it.
   */
  heldBack(r: AgentAdherence): boolean {
    return r.adherenceState === 'OutOfAdherence' && this.inMass(r, since(r));
  }

  private inMass(r: AgentAdherence, start: number): boolean {
    const within = (group: string) =>
      (this.massWindows.get(group) ?? []).some(([from, to]) => start >= from && start <= to);
    return within(`team:${r.teamId}`) || within(`unit:${r.managementUnitId}`);
  }
}
