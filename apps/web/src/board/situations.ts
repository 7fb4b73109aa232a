/**
 * @module Situations (issue 22, what to build 1): what an out-of-adherence agent is doing wrong, named the way
 * supervisors say it — a late log-in at the start of a shift, an early log-out, a break or meal overrun, not on
 * queue when scheduled, not responding — each with the supervisor's own threshold (Genesys has no such settings)
 * and a severity that grows with time: a situation from its threshold, severe from three times it.
 */
import type { AgentAdherence } from '@adhere/genesys';
import { wordTable } from '../i18n/i18n.js';

export type SituationKind =
  'lateLogIn' | 'earlyLogOut' | 'breakOverrun' | 'mealOverrun' | 'notOnQueue' | 'notResponding';

export const SITUATION_KINDS: readonly SituationKind[] = [
  'lateLogIn',
  'earlyLogOut',
  'breakOverrun',
  'mealOverrun',
  'notOnQueue',
  'notResponding',
];

export const SITUATION_WORDS = wordTable<SituationKind>({
  lateLogIn: 'situation.lateLogIn',
  earlyLogOut: 'situation.earlyLogOut',
  breakOverrun: 'situation.breakOverrun',
  mealOverrun: 'situation.mealOverrun',
  notOnQueue: 'situation.notOnQueue',
  notResponding: 'situation.notResponding',
});

/** The same, inside a sentence ("Ana: break overrun"): lower case where the language writes it so. */
export const SITUATION_IN_SENTENCE = wordTable<SituationKind>({
  lateLogIn: 'situationInSentence.lateLogIn',
  earlyLogOut: 'situationInSentence.earlyLogOut',
  breakOverrun: 'situationInSentence.breakOverrun',
  mealOverrun: 'situationInSentence.mealOverrun',
  notOnQueue: 'situationInSentence.notOnQueue',
  notResponding: 'situationInSentence.notResponding',
});

/** Minutes before each situation counts; the supervisor's own, changed in Settings. */
export type SituationThresholds = Record<SituationKind, number>;
export const DEFAULT_SITUATION_MINUTES: SituationThresholds = {
  lateLogIn: 5,
  earlyLogOut: 5,
  breakOverrun: 3,
  mealOverrun: 5,
  notOnQueue: 5,
  notResponding: 1,
};

export interface Situation {
  kind: SituationKind;
  /** How long it has lasted. */
  ms: number;
  severe: boolean;
}

/**
 * The agent's situation now, or undefined: only out of adherence while scheduled, and only past its threshold.
 * `stretch` is the scheduled stretch (shift) around now, from today's schedule, when known: an agent offline since
 * before it began has not logged in yet; one offline since after, logged out early.
 */
export function situationOf(
  r: AgentAdherence,
  now: number,
  minutes: SituationThresholds,
  stretch: { start: number; end: number } | undefined,
): Situation | undefined {
  if (r.adherenceState !== 'OutOfAdherence') return undefined;
  const scheduled = r.scheduledActivityCategory;
  if (!scheduled || scheduled === 'Unscheduled') return undefined;
  const since = Date.parse(r.timeOfAdherenceChange ?? '');
  if (!Number.isFinite(since)) return undefined;
  const kind = kindOf(r, stretch);
  if (!kind) return undefined;
  const ms = Math.max(0, now - since);
  const threshold = minutes[kind] * 60_000;
  if (ms < threshold) return undefined;
  return { kind, ms, severe: ms >= 3 * threshold };
}

function kindOf(r: AgentAdherence, stretch: { start: number; end: number } | undefined): SituationKind | undefined {
  if (r.routingStatus === 'NOT_RESPONDING') return 'notResponding';
  const actual = r.actualActivityCategory;
  const scheduled = r.scheduledActivityCategory;
  if (r.systemPresence === 'Offline' || actual === 'Unavailable') {
    if (r.systemPresence !== 'Offline') return scheduled === 'OnQueueWork' ? 'notOnQueue' : undefined;
    const offSince = Date.parse(r.presenceUpdateTime ?? '');
    // Offline since before the shift began: not logged in yet. Without the schedule, offline at any point of it.
    if (stretch && Number.isFinite(offSince) && offSince <= stretch.start) return 'lateLogIn';
    return 'earlyLogOut';
  }
  if (scheduled !== 'Break' && actual === 'Break') return 'breakOverrun';
  if (scheduled !== 'Meal' && actual === 'Meal') return 'mealOverrun';
  if (scheduled === 'OnQueueWork' && actual !== 'OnQueueWork') return 'notOnQueue';
  return undefined;
}
