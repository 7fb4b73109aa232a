/** @module Agents' adherence explanations: seeded deterministically from the schedule, reviewed by supervisors. */
import { hash32, seededUuid } from './random.js';
import { shiftFor, type Shift } from './shift.js';
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

/** An explanation's window in an agent's timeline: real-time records carry it while it covers now. */
export interface ExplanationWindow {
  id: string;
  start: number;
  end: number;
  /** The agent's local day number (the seeded status depends on it). */
  day: number;
}

const LENGTH_MINUTES = 20;

/**
 * The seeded explanation of one agent's shift, if any: one agent in eight, on about one working day in four,
 * explains the return from Meal (20 minutes from the scheduled end of the meal). Pure: the timeline uses it
 * for its span edges, the explanation queries for their lists.
 */
export function seededExplanationWindow(
  seed: number,
  agent: Agent,
  day: number,
  shift: Shift | undefined,
): ExplanationWindow | undefined {
  if (hash32(seed, agent.index, 61) % 8 !== 0 || hash32(seed, agent.index, day, 62) % 4 !== 0) return undefined;
  const meal = shift?.scheduled.find((s) => s.category === 'Meal');
  if (!meal) return undefined;
  const id = seededUuid(seed, EXPLANATION_ID_KIND, agent.index * 100_000 + day);
  return { id, start: meal.end, end: meal.end + LENGTH_MINUTES * 60_000, day };
}

/** Agents' explanations as the API lists them, with supervisors' reviews over the seeded status. */
export class Explanations {
  /** Supervisors' reviews, over the seeded status. */
  private readonly reviews = new Map<string, { status: ExplanationStatus; by: string; at: number }>();
  /** Explanations agents submitted while the emulator runs, by agent id. */
  private readonly submitted = new Map<string, Explanation[]>();

  constructor(private readonly topology: Topology) {}

  /** An agent's own explanation of their time, waiting for review. */
  submit(agent: Agent, start: number, lengthMinutes: number, notes: string): Explanation {
    const e: Explanation = {
      id: crypto.randomUUID(),
      agent,
      type: 'Late',
      status: 'Pending',
      start,
      lengthMinutes,
      notes,
    };
    const list = this.submitted.get(agent.id) ?? [];
    list.push(e);
    this.submitted.set(agent.id, list);
    return e;
  }

  /** Records a review; returns the explanation as it now stands, or undefined when the agent has no such one. */
  review(agent: Agent, id: string, status: ExplanationStatus, by: string, at: number): Explanation | undefined {
    const found = this.find(agent, id, at);
    if (!found) return undefined;
    this.reviews.set(id, { status, by, at });
    return { ...found, status, reviewedBy: by, reviewedDate: at };
  }

  /** One of the agent's explanations as it stands at `at`, by id; undefined when the agent has no such one. */
  find(agent: Agent, id: string, at: number): Explanation | undefined {
    // Seeded ids cannot be read back: look through the agent's explanations of the last two months.
    return this.forAgent(agent, at - 62 * 86_400_000, at + 86_400_000).find((e) => e.id === id);
  }

  /** The status of an explanation window: the review's, else the seeded one. */
  statusOf(agent: Agent, w: ExplanationWindow): ExplanationStatus {
    return this.reviews.get(w.id)?.status ?? STATUSES[hash32(this.topology.seed, agent.index, w.day, 63) % 3]!;
  }

  /** The agent's explanations that start in [from, to). */
  forAgent(agent: Agent, from: number, to: number): Explanation[] {
    const seed = this.topology.seed;
    const out: Explanation[] = [];
    for (const e of this.submitted.get(agent.id) ?? []) {
      if (e.start < from || e.start >= to) continue;
      const review = this.reviews.get(e.id);
      out.push(review ? { ...e, status: review.status, reviewedBy: review.by, reviewedDate: review.at } : e);
    }
    if (hash32(seed, agent.index, 61) % 8 !== 0) return out;
    for (let day = localDayNumber(agent.timeZone, from) - 1; day <= localDayNumber(agent.timeZone, to); day++) {
      const w = seededExplanationWindow(seed, agent, day, shiftFor(seed, agent, day));
      if (!w || w.start < from || w.start >= to) continue;
      const review = this.reviews.get(w.id);
      out.push({
        ...(review ? { reviewedBy: review.by, reviewedDate: review.at } : {}),
        id: w.id,
        agent,
        type: 'Late',
        status: this.statusOf(agent, w),
        start: w.start,
        lengthMinutes: LENGTH_MINUTES,
        notes: NOTES[hash32(seed, agent.index, day, 64) % NOTES.length]!,
      });
    }
    return out;
  }
}
