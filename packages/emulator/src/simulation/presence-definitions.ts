/**
 * @module The org's presence definitions: one per system presence (Genesys's own), and the secondary ones an
 * org adds under some of them ("Away · Coaching"). Each agent's secondary presence is seeded per stretch of
 * presence, so a record says which one the agent chose.
 */
import type { SystemPresence } from './categories.js';
import { hash32, seededUuid } from './random.js';

export interface PresenceDefinition {
  id: string;
  /** The label people see (languageLabels.en_US). */
  label: string;
  systemPresence: SystemPresence;
  /** Genesys's own definition of the system presence ('System'), or one the org added ('User'). */
  type: 'System' | 'User';
}

const SECONDARY: Partial<Record<SystemPresence, string[]>> = {
  Available: ['Admin work'],
  Away: ['Personal', 'Coaching', 'IT issue'],
  Busy: ['Focus time', 'Back office'],
  Break: ['Comfort break'],
  Meal: ['Lunch'],
  Meeting: ['Team huddle', 'One-to-one'],
  Training: ['E-learning'],
};
const SYSTEM_LABELS: Record<SystemPresence, string> = {
  Available: 'Available',
  Away: 'Away',
  Busy: 'Busy',
  Offline: 'Offline',
  Idle: 'Idle',
  OnQueue: 'On Queue',
  Meal: 'Meal',
  Training: 'Training',
  Meeting: 'Meeting',
  Break: 'Break',
};
// Their own id kind, apart from topology's and explanations'.
const PRESENCE_ID_KIND = 41;

export function presenceDefinitions(seed: number): PresenceDefinition[] {
  const out: PresenceDefinition[] = [];
  let n = 0;
  for (const [presence, label] of Object.entries(SYSTEM_LABELS) as Array<[SystemPresence, string]>) {
    out.push({ id: seededUuid(seed, PRESENCE_ID_KIND, n++), label, systemPresence: presence, type: 'System' });
    for (const s of SECONDARY[presence] ?? [])
      out.push({ id: seededUuid(seed, PRESENCE_ID_KIND, n++), label: s, systemPresence: presence, type: 'User' });
  }
  return out;
}

const bySeed = new Map<number, Map<SystemPresence, PresenceDefinition[]>>();

/** The presence definition an agent chose for a stretch of `presence` that began at `since`. */
export function secondaryPresenceOf(
  seed: number,
  agentIndex: number,
  presence: SystemPresence,
  since: number,
): PresenceDefinition | undefined {
  let options = bySeed.get(seed);
  if (!options) {
    options = new Map();
    for (const d of presenceDefinitions(seed))
      options.set(d.systemPresence, [...(options.get(d.systemPresence) ?? []), d]);
    bySeed.set(seed, options);
  }
  const list = options.get(presence) ?? [];
  return list[hash32(seed, agentIndex, Math.floor(since / 1000), 71) % Math.max(1, list.length)];
}
