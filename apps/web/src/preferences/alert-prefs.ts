/** @module Alert settings and the episodes already alerted, kept in localStorage (preferences, never tokens). */
import { preferenceStorage } from '../browser-storage.js';
import { DEFAULT_PREFS, type AlertPrefs } from '../board/alerts.js';

const PREFS = 'adhere:alerts';
const ALERTED = 'adhere:alerted';
/** Episodes remembered across reloads: enough for a long day of a large unit. */
const MAX_ALERTED = 2000;

function read<T>(key: string, fallback: T): T {
  try {
    const raw = preferenceStorage.getItem(key);
    return raw ? { ...fallback, ...(JSON.parse(raw) as T) } : fallback;
  } catch {
    return fallback;
  }
}

function write(key: string, value: unknown): void {
  try {
    preferenceStorage.setItem(key, JSON.stringify(value));
  } catch {
    // Storage refused (private mode, full): the setting lasts for this page only.
  }
}

export function loadAlertPrefs(): AlertPrefs {
  const p = read<AlertPrefs>(PREFS, DEFAULT_PREFS);
  return {
    desktop: p.desktop === true,
    sound: p.sound === true,
    minutes: typeof p.minutes === 'number' && p.minutes > 0 ? p.minutes : undefined,
    mutedAgents: Array.isArray(p.mutedAgents) ? p.mutedAgents.filter((x) => typeof x === 'string') : [],
    mutedUnits: Array.isArray(p.mutedUnits) ? p.mutedUnits.filter((x) => typeof x === 'string') : [],
  };
}

export const saveAlertPrefs = (p: AlertPrefs) => write(PREFS, p);

export function loadAlerted(): string[] {
  const list = read<{ keys: string[] }>(ALERTED, { keys: [] }).keys;
  return Array.isArray(list) ? list.filter((k) => typeof k === 'string') : [];
}

export const saveAlerted = (keys: string[]) => write(ALERTED, { keys: keys.slice(-MAX_ALERTED) });
