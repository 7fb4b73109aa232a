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
  reviewedBy?: string;
  reviewedDate?: number;
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
  /** Supervisors' reviews, over the seeded status. */
  private readonly reviews = new Map<string, { status: ExplanationStatus; by: string; at: number }>();

  constructor(private readonly topology: Topology) {}

  /** Records a review; returns the explanation as it now stands, or undefined when the agent has no such one. */
  review(agent: Agent, id: string, status: ExplanationStatus, by: string, at: number): Explanation | undefined {
    // Seeded ids cannot be read back: look through the agent's explanations of the last two months.
    const found = this.forAgent(agent, at - 62 * 86_400_000, at + 86_400_000).find((e) => e.id === id);
    if (!found) return undefined;
    this.reviews.set(id, { status, by, at });
    return { ...found, status, reviewedBy: by, reviewedDate: at };
  }

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
      const review = this.reviews.get(id);
      out.push({
        ...(review ? { reviewedBy: review.by, reviewedDate: review.at } : {}),
        id,
        agent,
        type: 'Late',
        status: review?.status ?? STATUSES[hash32(seed, agent.index, day, 63) % 3]!,
        start: meal.end,
        lengthMinutes: 20,
        notes: NOTES[hash32(seed, agent.index, day, 64) % NOTES.length]!,
      });
    }
    return out;
  }
}
