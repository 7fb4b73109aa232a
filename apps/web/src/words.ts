/** @module Genesys's enums as people say them; the raw value stays available for a title or tooltip. */

import { currentLocale, numberFormat, t } from './i18n/i18n.js';
import type { MessageKey } from './i18n/messages/en.js';

// Genesys's activity categories, named as a label (`activity.*`) and inside a sentence (`activityInSentence.*`: lower
// case where the language writes it so, "on queue", "in der Warteschlange").
const ACTIVITIES = [
  'OnQueueWork',
  'OffQueueWork',
  'Break',
  'Meal',
  'Meeting',
  'Training',
  'TimeOff',
  'Unavailable',
  'Unscheduled',
] as const;
type ActivityKey = `${'activity' | 'activityInSentence'}.${(typeof ACTIVITIES)[number]}`;
// Every category has both messages: one missing from the catalogue fails to compile here.
const activityTable = (prefix: 'activity' | 'activityInSentence'): Record<string, MessageKey> =>
  Object.fromEntries(ACTIVITIES.map((a) => [a, `${prefix}.${a}` satisfies ActivityKey]));
const ROUTING: Record<string, MessageKey> = {
  OFF_QUEUE: 'routing.OFF_QUEUE',
  IDLE: 'routing.IDLE',
  INTERACTING: 'routing.INTERACTING',
  COMMUNICATING: 'routing.COMMUNICATING',
  NOT_RESPONDING: 'routing.NOT_RESPONDING',
};
// System presences; an org's own presence definitions are named by Genesys's languageLabels instead.
const PRESENCE: Record<string, MessageKey> = {
  OnQueue: 'presence.OnQueue',
  Available: 'presence.Available',
  Away: 'presence.Away',
  Busy: 'presence.Busy',
  Offline: 'presence.Offline',
  Idle: 'presence.Idle',
  Meal: 'presence.Meal',
  Training: 'presence.Training',
  Meeting: 'presence.Meeting',
  Break: 'presence.Break',
};
// Genesys's impact of a deviation on service: more time on queue than planned helps, less hurts.
const IMPACT: Record<string, MessageKey> = {
  Positive: 'impact.Positive',
  Negative: 'impact.Negative',
  Neutral: 'impact.Neutral',
  Unknown: 'impact.Unknown',
};

// A supervisor approves or declines; Genesys says Denied. One wording on the board, in the agent's day and in
// history's exception list.
const EXPLANATION: Record<string, MessageKey> = {
  Pending: 'explanationStatus.Pending',
  Approved: 'explanationStatus.Approved',
  Denied: 'explanationStatus.Denied',
};

// A value Genesys adds after this was written is shown as Genesys spells it rather than hidden.
const say = (table: Record<string, MessageKey>) => (value: string | undefined) =>
  value === undefined || value === '' ? '–' : table[value] ? t(table[value]) : value;

export const activityWords = say(activityTable('activity'));
/** An activity inside a sentence ("scheduled on queue, actually unavailable"), as the language writes it there. */
export const activityInSentence = say(activityTable('activityInSentence'));
export const routingWords = say(ROUTING);
export const presenceWords = say(PRESENCE);
export const impactWords = say(IMPACT);
export const explanationWords = say(EXPLANATION);

/** Genesys's day names (a unit's startDayOfWeek), Sunday first, as Date.getUTCDay() counts. */
export const WEEKDAYS = ['Sunday', 'Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday'];

/** A length of time in seconds as people say it, the one way the app says one: "2 h 05 min", "7 min 30 s", "40 s". */
export function hoursMinutes(seconds: number): string {
  const s = Math.round(seconds);
  const h = Math.floor(s / 3600);
  const m = Math.floor((s % 3600) / 60);
  if (h > 0) return t('duration.hm', { h, m: String(m).padStart(2, '0') });
  const sec = s % 60;
  if (m === 0) return t('duration.s', { s: sec });
  return sec ? t('duration.ms', { m, s: sec }) : t('duration.m', { m });
}

/** A budget of time in whole minutes (seconds would be noise): "2 h 21 min", "46 min", "under 1 min". */
export function minutesWords(ms: number): string {
  return ms < 60_000 ? t('duration.underAMinute') : hoursMinutes(Math.floor(ms / 60_000) * 60);
}

/** A local minute of the day as 24-hour time, "09:30". */
export function clockTime(minuteOfDay: number): string {
  return `${String(Math.floor(minuteOfDay / 60)).padStart(2, '0')}:${String(minuteOfDay % 60).padStart(2, '0')}`;
}

/** A day as every screen writes it ("Sat, 5 Dec 2026" in the page's language), in the unit's zone. */
export function dateWords(timeZone: string, epochMs: number): string {
  return formatter(`date ${timeZone}`, () => ({
    timeZone,
    weekday: 'short',
    day: 'numeric',
    month: 'short',
    year: 'numeric',
  })).format(epochMs);
}

/** A day of the week (0 = Sunday, as WEEKDAYS counts) by its name in the page's language: "Monday", "lunes". */
export function weekdayWords(day: number): string {
  // 1 January 2023 was a Sunday; in UTC, so the name does not depend on the browser's zone.
  return formatter('weekday', () => ({ weekday: 'long', timeZone: 'UTC' })).format(Date.UTC(2023, 0, 1 + day));
}

// Number formats are kept beside the catalogue (numberFormat), which writes the numbers in messages too.
export { wholeNumber } from './i18n/i18n.js';

// Date formatters, kept per language and options: Intl builds a new one on every toLocale… call, and the board
// writes its dates each second.
const dateFormats = new Map<string, Intl.DateTimeFormat>();
function formatter(name: string, options: () => Intl.DateTimeFormatOptions): Intl.DateTimeFormat {
  const key = `${currentLocale()} ${name}`;
  let f = dateFormats.get(key);
  if (!f) dateFormats.set(key, (f = new Intl.DateTimeFormat(currentLocale(), options())));
  return f;
}

/** A percentage (92.5 for 92.5 %) in the page's language: "92.5%", "92,5 %", with `digits` decimals. */
export function percentWords(percent: number, digits = 1): string {
  // The number itself formatted as a decimal, not percent / 100: dividing first can round 92.45 to 92.4 where
  // every other figure of the app (and Genesys's) says 92.5. Intl's percent pattern places it ("92,5 %", "92.5%").
  const [before, after] = percentPattern();
  return `${before}${decimalWords(percent, digits)}${after}`;
}

/** What the language writes before and after a percentage's number ("", "%"; "", " %"; "%", ""), read once. */
function percentPattern(): readonly [string, string] {
  // Read from Intl once per language: the board writes hundreds of percentages a second.
  const locale = currentLocale();
  let pattern = percentPatterns.get(locale);
  if (!pattern) {
    const parts = numberFormat('percent', () => ({ style: 'percent' })).formatToParts(1);
    const isNumber = (p: Intl.NumberFormatPart) => ['integer', 'group', 'decimal', 'fraction'].includes(p.type);
    const first = parts.findIndex(isNumber);
    const last = parts.length - 1 - [...parts].reverse().findIndex(isNumber);
    pattern = [
      parts
        .slice(0, first)
        .map((p) => p.value)
        .join(''),
      parts
        .slice(last + 1)
        .map((p) => p.value)
        .join(''),
    ];
    percentPatterns.set(locale, pattern);
  }
  return pattern;
}
const percentPatterns = new Map<string, readonly [string, string]>();

/** A number with `digits` decimals (one unless said) in the page's language: "6.5", "6,5". */
export function decimalWords(n: number, digits = 1): string {
  return numberFormat(`decimal ${digits}`, () => ({
    minimumFractionDigits: digits,
    maximumFractionDigits: digits,
  })).format(n);
}

/** A list as the page's language joins one: "1 management unit and one team", "1 unidad y un equipo". */
export function listWords(items: readonly string[]): string {
  const key = currentLocale();
  let f = lists.get(key);
  if (!f) lists.set(key, (f = new Intl.ListFormat(key, { type: 'conjunction' })));
  return f.format(items);
}
const lists = new Map<string, Intl.ListFormat>();
