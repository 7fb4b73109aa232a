/** @module Genesys's enums as people say them; the raw value stays available for a title or tooltip. */

const ACTIVITY: Record<string, string> = {
  OnQueueWork: 'On queue',
  OffQueueWork: 'Off-queue work',
  Break: 'Break',
  Meal: 'Meal',
  Meeting: 'Meeting',
  Training: 'Training',
  TimeOff: 'Time off',
  Unavailable: 'Unavailable',
  Unscheduled: 'Unscheduled',
};
const ROUTING: Record<string, string> = {
  OFF_QUEUE: 'Off queue',
  IDLE: 'Idle',
  INTERACTING: 'Interacting',
  COMMUNICATING: 'Communicating',
  NOT_RESPONDING: 'Not responding',
};
const PRESENCE: Record<string, string> = {
  OnQueue: 'On queue',
  Available: 'Available',
  Away: 'Away',
  Busy: 'Busy',
  Offline: 'Offline',
  Idle: 'Idle',
  Meal: 'Meal',
  Training: 'Training',
  Meeting: 'Meeting',
  Break: 'Break',
};
// Genesys's impact of a deviation on service: more time on queue than planned helps, less hurts.
const IMPACT: Record<string, string> = {
  Positive: 'Helps service',
  Negative: 'Hurts service',
  Neutral: 'No effect',
  Unknown: 'Not known',
};

// A supervisor approves or declines; Genesys says Denied. One wording on the board, in the agent's day and in
// history's exception list.
const EXPLANATION: Record<string, string> = {
  Pending: 'Waiting for review',
  Approved: 'Approved',
  Denied: 'Declined',
};

const say = (table: Record<string, string>) => (value: string | undefined) =>
  value === undefined || value === '' ? '–' : (table[value] ?? value);

export const activityWords = say(ACTIVITY);
export const routingWords = say(ROUTING);
export const presenceWords = say(PRESENCE);
export const impactWords = say(IMPACT);
export const explanationWords = say(EXPLANATION);

export const WEEKDAYS = ['Sunday', 'Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday'];

/** A length of time in seconds as people say it, the one way the app says one: "2 h 05 min", "7 min 30 s", "40 s". */
export function hoursMinutes(seconds: number): string {
  const s = Math.round(seconds);
  const h = Math.floor(s / 3600);
  const m = Math.floor((s % 3600) / 60);
  if (h > 0) return `${h} h ${String(m).padStart(2, '0')} min`;
  const sec = s % 60;
  if (m === 0) return `${sec} s`;
  return sec ? `${m} min ${sec} s` : `${m} min`;
}

/** A budget of time in whole minutes (seconds would be noise): "2 h 21 min", "46 min", "under 1 min". */
export function minutesWords(ms: number): string {
  return ms < 60_000 ? 'under 1 min' : hoursMinutes(Math.floor(ms / 60_000) * 60);
}

/** A local minute of the day as 24-hour time, "09:30". */
export function clockTime(minuteOfDay: number): string {
  return `${String(Math.floor(minuteOfDay / 60)).padStart(2, '0')}:${String(minuteOfDay % 60).padStart(2, '0')}`;
}

/** A day as every screen writes it ("Sat, 5 Dec 2026" in the browser's language), in the unit's zone. */
export function dateWords(timeZone: string, epochMs: number): string {
  return new Intl.DateTimeFormat(undefined, {
    timeZone,
    weekday: 'short',
    day: 'numeric',
    month: 'short',
    year: 'numeric',
  }).format(epochMs);
}

/** "1 exception", "3 exceptions": a count with its noun. */
export function countWords(n: number, one: string, many = `${one}s`): string {
  return `${wholeNumbers.format(n)} ${n === 1 ? one : many}`;
}
// One formatter: Number.toLocaleString builds a new one on every call (a third of a millisecond each), and All
// units writes its counts each second.
const wholeNumbers = new Intl.NumberFormat();
