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

/**
 * The labels the org gave its own presences in other languages, as an org's admin writes them under Admin ›
 * Presences (Genesys keys them by language code: the SDK's examples show `en_US`; a bare `de` is accepted too).
 * Some are left untranslated on purpose, as orgs do: a client must fall back to English.
 */
const TRANSLATED: Record<string, Record<string, string>> = {
  'Admin work': {
    de: 'Verwaltungsarbeit',
    es: 'Trabajo administrativo',
    fr: 'Travail administratif',
    ja: '事務作業',
    pt_BR: 'Trabalho administrativo',
  },
  Personal: { de: 'Privat', es: 'Personal', fr: 'Personnel', ja: '私用', pt_BR: 'Pessoal' },
  Coaching: { de: 'Coaching', es: 'Coaching', fr: 'Coaching', ja: 'コーチング', pt_BR: 'Coaching' },
  'IT issue': {
    de: 'IT-Problem',
    es: 'Problema informático',
    fr: 'Problème informatique',
    ja: 'IT トラブル',
    pt_BR: 'Problema de TI',
  },
  'Focus time': {
    de: 'Fokuszeit',
    es: 'Tiempo de concentración',
    fr: 'Temps de concentration',
    ja: '集中時間',
    pt_BR: 'Tempo de foco',
  },
  'Comfort break': { de: 'Kurze Pause', es: 'Pausa breve', fr: 'Pause rapide', ja: '小休憩', pt_BR: 'Pausa rápida' },
  Lunch: { de: 'Mittagessen', es: 'Almuerzo', fr: 'Déjeuner', ja: '昼食', pt_BR: 'Almoço' },
  'Team huddle': {
    de: 'Teambesprechung',
    es: 'Reunión de equipo',
    fr: 'Point d’équipe',
    ja: 'チームミーティング',
    pt_BR: 'Reunião de equipe',
  },
  'One-to-one': {
    de: 'Einzelgespräch',
    es: 'Reunión individual',
    fr: 'Entretien individuel',
    ja: '1 対 1',
    pt_BR: 'Conversa individual',
  },
};

/** A definition's languageLabels: English as `en_US`, and what the org translated. */
export function languageLabelsOf(d: PresenceDefinition): Record<string, string> {
  return { en_US: d.label, ...(d.type === 'User' ? TRANSLATED[d.label] : undefined) };
}

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
