/** @module The supervisor's own situation thresholds, kept in localStorage (a preference, never a token). */
import { preferenceStorage } from '../browser-storage.js';
import { DEFAULT_SITUATION_MINUTES, SITUATION_KINDS, type SituationThresholds } from '../board/situations.js';

const KEY = 'adhere:situations';
/** The longest threshold one may set: a working day. */
export const MAX_SITUATION_MINUTES = 600;

/** What is kept, each value checked; anything else falls back to the default for that situation. */
export function loadSituationMinutes(): SituationThresholds {
  let raw: unknown;
  try {
    raw = JSON.parse(preferenceStorage.getItem(KEY) ?? 'null');
  } catch {
    raw = null;
  }
  const kept = typeof raw === 'object' && raw !== null ? (raw as Record<string, unknown>) : {};
  const out = { ...DEFAULT_SITUATION_MINUTES };
  for (const k of SITUATION_KINDS) {
    const v = kept[k];
    if (typeof v === 'number' && Number.isInteger(v) && v >= 1 && v <= MAX_SITUATION_MINUTES) out[k] = v;
  }
  return out;
}

/** The thresholds in force: read once, then kept as saved (the board asks for each agent every second). */
let current: SituationThresholds | undefined;
export function situationMinutes(): SituationThresholds {
  return (current ??= loadSituationMinutes());
}

export function saveSituationMinutes(minutes: SituationThresholds): void {
  current = minutes;
  try {
    preferenceStorage.setItem(KEY, JSON.stringify(minutes));
  } catch {
    // Storage refused (private mode, full): the choice lasts for this page only.
  }
}
