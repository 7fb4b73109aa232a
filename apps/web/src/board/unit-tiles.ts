/**
 * @module One tile per unit over a live selection (the wallboard's and the roll-up's, issues 22 item 10 and 20
 * item 3): in adherence now, out now, today so far and projected, each summed over the unit's own agents against
 * the unit's own target.
 */
import type { AgentAdherence } from '@adhere/genesys';
import { addTallies, agentTally, dayTally, project, type TodayByUnit } from './projection.js';
import { departedOutside, percentOf, selectionTally, type SoFar } from './today.js';

export interface UnitTile {
  id: string;
  target: number;
  agents: number;
  /** % of scheduled agents in adherence now; undefined with nobody scheduled. */
  inNow: number | undefined;
  out: number;
  /** Today so far, % (undefined until today's figures are in). */
  today: number | undefined;
  /** Today's scheduled and exception ms so far, for figures that add closed days to today. */
  todayTally: SoFar | undefined;
  projected: number | undefined;
}

/** The records by their management unit, in the order the units first appear. */
export function byUnit(records: Iterable<AgentAdherence>): Array<[string, AgentAdherence[]]> {
  const out = new Map<string, AgentAdherence[]>();
  for (const r of records) {
    const mu = r.managementUnitId ?? '';
    const list = out.get(mu);
    if (list) list.push(r);
    else out.set(mu, [r]);
  }
  return [...out];
}

/**
 * One unit's tile from its agents' records. `whole`: the selection holds the whole unit, so today's figures keep
 * the part of agents who left it today (a team's selection does not).
 */
export function unitTile(
  id: string,
  list: readonly AgentAdherence[],
  today: TodayByUnit,
  target: number,
  now: number,
  whole = true,
): UnitTile {
  const scheduled = list.filter((r) => r.adherenceState !== 'Unscheduled').length;
  const inNow = list.filter((r) => r.adherenceState === 'InAdherence').length;
  const tallies = list.map((r) => agentTally(today, r, target, now)).filter((t) => t !== undefined);
  const units = whole ? [id] : [];
  const soFar = selectionTally(today.byUnit, list, now, units);
  // Those who left: what they did here stands, and nothing more is to come of them here.
  const gone = departedOutside(today.byUnit, units, list, now);
  if (gone && tallies.length) tallies.push(dayTally(gone, 0, target));
  return {
    id,
    target,
    agents: list.length,
    inNow: scheduled > 0 ? (inNow / scheduled) * 100 : undefined,
    out: list.filter((r) => r.adherenceState === 'OutOfAdherence').length,
    today: soFar ? percentOf(soFar) : undefined,
    todayTally: soFar,
    projected: tallies.length ? project(addTallies(tallies)).projectedPercent : undefined,
  };
}

export function unitTiles(
  records: Iterable<AgentAdherence>,
  today: TodayByUnit,
  targetOf: (managementUnitId: string) => number,
  now: number,
  whole = true,
): UnitTile[] {
  return byUnit(records).map(([id, list]) => unitTile(id, list, today, targetOf(id), now, whole));
}
