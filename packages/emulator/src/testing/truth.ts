/** @module What the emulator knows to be true, for tests that check a client's numbers against it. */
import { bulkUserResult } from '../api/historical-documents.js';
import { explanationModel } from '../api/explanations.js';
import { EmulatorError } from '../errors.js';
import type { Emulator } from '../server.js';
import { userHistory } from '../simulation/history.js';
import { shiftFor } from '../simulation/shift.js';
import { localDayNumber } from '../simulation/time-zone.js';

/**
 * One agent's historical adherence over [startDate, endDate) in `timeZone`, computed in one pass with no range
 * limit, in the bulk file's shape (…Seconds names, exceptions and actuals included), as of the emulator's now
 * (or `asOf`: a later instant gives what the schedule will have counted by then, for projections).
 */
export function historicalTruth(
  emulator: Emulator,
  userId: string,
  startDate: string,
  endDate: string,
  timeZone: string,
  asOf: number = emulator.centre.now(),
): Record<string, unknown> {
  const topo = emulator.centre.topology;
  const agent = topo.agentsById.get(userId);
  if (!agent) throw new EmulatorError('invalid_option', `no agent ${userId}`);
  const h = userHistory(
    topo.seed,
    agent,
    emulator.centre.settings,
    Date.parse(startDate),
    Date.parse(endDate),
    timeZone,
    asOf,
  );
  return bulkUserResult(h, true, true);
}

/**
 * A management unit's historical adherence over [startDate, endDate) in `timeZone`, per agent (bulk shape, as
 * historicalTruth): everyone who was a member of the unit then, each counted only while a member (an agent moved
 * to another unit mid-range counts for both, each for its part).
 */
export function unitTruth(
  emulator: Emulator,
  managementUnitId: string,
  startDate: string,
  endDate: string,
  timeZone: string,
  asOf: number = emulator.centre.now(),
): Map<string, Record<string, unknown>> {
  const topo = emulator.centre.topology;
  const from = Date.parse(startDate);
  const to = Date.parse(endDate);
  return new Map(
    emulator.context.moves
      .membersBetween(managementUnitId, from, to)
      .map(({ agent, within }) => [
        agent.id,
        bulkUserResult(
          userHistory(topo.seed, agent, emulator.centre.settings, from, to, timeZone, asOf, within),
          true,
          true,
        ),
      ]),
  );
}

/** The agent's adherence explanations that start in [startDate, endDate), as the API lists them. */
export function explanationsTruth(emulator: Emulator, userId: string, startDate: string, endDate: string) {
  const agent = emulator.centre.topology.agentsById.get(userId);
  if (!agent) throw new EmulatorError('invalid_option', `no agent ${userId}`);
  return emulator.context.explanations
    .forAgent(agent, Date.parse(startDate), Date.parse(endDate))
    .map(explanationModel);
}

/** The coaching appointments booked for an agent, as the emulator holds them (earliest first). */
export function coachingTruth(emulator: Emulator, userId: string) {
  return emulator.context.coaching.of([userId]).map((a) => ({ ...a, dateStart: new Date(a.start).toISOString() }));
}

/**
 * An agent's published schedule as the simulation plans it: every activity of the shifts that touch
 * [startDate, endDate), with its category, not clipped (a night shift from the evening before is whole).
 */
export function scheduleTruth(emulator: Emulator, userId: string, startDate: string, endDate: string) {
  const topo = emulator.centre.topology;
  const agent = topo.agentsById.get(userId);
  if (!agent) throw new EmulatorError('invalid_option', `no agent ${userId}`);
  const from = Date.parse(startDate);
  const to = Date.parse(endDate);
  const spans: Array<{ start: number; end: number; category: string }> = [];
  for (let day = localDayNumber(agent.timeZone, from) - 1; day <= localDayNumber(agent.timeZone, to); day++)
    for (const s of shiftFor(topo.seed, agent, day)?.scheduled ?? [])
      if (s.end > from && s.start < to) spans.push({ start: s.start, end: s.end, category: s.category });
  return spans;
}
