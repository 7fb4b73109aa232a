/**
 * @module How long a report still needs (issue 22, item 9: a 13-month report ran 2.5 minutes saying only "part 9 of
 * 57"). Parts are fetched one after another, so the parts done so far say how long the rest will take.
 */
import { t } from '../i18n/i18n.js';
import { hoursMinutes } from '../words.js';

export interface PartTimes {
  /** How long each part fetched so far took (parts from this session's cache cost nothing and are not here). */
  finishedMs: readonly number[];
  /** Parts still to fetch, the running one included. */
  remaining: number;
  /** When the running part began, or undefined between parts. */
  runningSince: number | undefined;
}

/** The time the rest should take at the pace so far, or undefined before a first part has finished. */
export function timeLeftMs(t: PartTimes, now: number): number | undefined {
  if (t.finishedMs.length === 0) return undefined;
  const average = t.finishedMs.reduce((a, b) => a + b, 0) / t.finishedMs.length;
  const running = t.runningSince === undefined ? 0 : Math.min(average, Math.max(0, now - t.runningSince));
  return Math.max(0, average * t.remaining - running);
}

/** "about 2 min left", "under a minute left", or how it is being worked out. */
export function timeLeftWords(ms: number | undefined): string {
  if (ms === undefined) return t('hist.left.working');
  if (ms < 60_000) return t('hist.left.underAMinute');
  // Whole minutes rounded up, said as every duration is (hoursMinutes): 61 s is "about 2 min left".
  return t('hist.left.about', { time: hoursMinutes(Math.ceil(ms / 60_000) * 60) });
}
