/**
 * @module An agent's explanation as typed into the form, checked before it goes to Genesys: each problem said in
 * words beside its field, so the agent fixes it without a round trip (Genesys would refuse most of them with a
 * 400). Notes are required here, though Genesys takes none: a supervisor decides on what the agent says.
 */
import { wallClockTime, type ExplanationInput } from '@adhere/genesys';
import { t } from '../i18n/i18n.js';

/** As long as Genesys's emulator accepts (Genesys documents no limit); the form counts down to it. */
export const MAX_NOTES = 1000;
const MAX_MINUTES = 24 * 60;

export interface ExplanationDraft {
  /** "HH:MM" on the unit's clock, today. */
  startTime: string;
  minutes: string;
  notes: string;
}

export type CheckedExplanation =
  | { ok: true; input: ExplanationInput; start: number }
  | { ok: false; problems: Partial<Record<keyof ExplanationDraft, string>> };

export function checkExplanation(
  draft: ExplanationDraft,
  where: { timeZone: string; date: string; now: number },
): CheckedExplanation {
  const problems: Partial<Record<keyof ExplanationDraft, string>> = {};
  const time = /^(\d{1,2}):(\d{2})$/.exec(draft.startTime.trim());
  const minuteOfDay = time ? Number(time[1]) * 60 + Number(time[2]) : NaN;
  if (!time || Number(time[1]) > 23 || Number(time[2]) > 59) problems.startTime = t('explain.giveStart');
  const minutes = Number(draft.minutes);
  if (!/^\d+$/.test(draft.minutes.trim()) || minutes < 1 || minutes > MAX_MINUTES)
    problems.minutes = t('explain.giveMinutes', { max: MAX_MINUTES });
  const notes = draft.notes.trim();
  if (!notes) problems.notes = t('explain.sayWhat');
  else if (notes.length > MAX_NOTES) problems.notes = t('explain.tooLong', { max: MAX_NOTES, length: notes.length });
  let start = NaN;
  if (!problems.startTime) {
    start = wallClockTime(where.timeZone, where.date, minuteOfDay);
    if (!problems.minutes && start + minutes * 60_000 > where.now) problems.startTime = t('explain.notYet');
  }
  if (Object.keys(problems).length > 0) return { ok: false, problems };
  return { ok: true, start, input: { startDate: new Date(start).toISOString(), lengthMinutes: minutes, notes } };
}
