/** @module Agents' adherence explanations: seeded deterministically from the schedule, reviewed by supervisors. */
import { hash32, seededUuid } from './random.js';
import { shiftFor } from './shift.js';
import { localDayNumber } from './time-zone.js';
import type { Agent, Topology } from './topology.js';

export type ExplanationStatus = 'Pending' | 'Approved' | 'Denied';

export interface Explanation {
  id: string;
  agent: Agent;
  /** Genesys's only explanation type so far. */
  type: 'Late';
  status: ExplanationStatus;
  start: number;
  lengthMinutes: number;
  notes: string;
}

const STATUSES: ExplanationStatus[] = ['Pending', 'Approved', 'Denied'];
const NOTES = [
  'Customer call ran over',
  'System would not log me in',
  'Queue was flooded',
  'Team lead asked me to help',
];
// Its own id kind, apart from topology's, so explanation ids never collide with other seeded ids.
const EXPLANATION_ID_KIND = 40;

/**
 * One agent in eight, on about one working day in four, explains the return from Meal (20 minutes from the
 * scheduled end of the meal), with a seeded review status.
 */
export class Explanations {
  constructor(private readonly topology: Topology) {}

  /** The agent's explanations that start in [from, to). */
  forAgent(agent: Agent, from: number, to: number): Explanation[] {
    const seed = this.topology.seed;
    if (hash32(seed, agent.index, 61) % 8 !== 0) return [];
    const out: Explanation[] = [];
    for (let day = localDayNumber(agent.timeZone, from) - 1; day <= localDayNumber(agent.timeZone, to); day++) {
      if (hash32(seed, agent.index, day, 62) % 4 !== 0) continue;
      const meal = shiftFor(seed, agent, day)?.scheduled.find((s) => s.category === 'Meal');
      if (!meal || meal.end < from || meal.end >= to) continue;
      const id = seededUuid(seed, EXPLANATION_ID_KIND, agent.index * 100_000 + day);
      out.push({
        id,
        agent,
        type: 'Late',
        status: STATUSES[hash32(seed, agent.index, day, 63) % 3]!,
        start: meal.end,
        lengthMinutes: 20,
        notes: NOTES[hash32(seed, agent.index, day, 64) % NOTES.length]!,
      });
    }
    return out;
  }
}
