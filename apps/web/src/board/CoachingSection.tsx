/**
 * @module From an agent's day to a coaching session (issue 20, item 5): "Schedule coaching" books a Genesys
 * coaching appointment whose description carries the evidence (the day, each exception's time and length, the
 * explanations), and the day then shows what is booked. Without the permission, the button says which one.
 */
import { useEffect, useState } from 'react';
import {
  addDays,
  coachingAppointmentsOf,
  createCoachingAppointment,
  localDate,
  localMinuteOfDay,
  type AdherenceExplanation,
  type CoachingAppointment,
  type FeatureCheck,
  type GenesysClient,
} from '@adhere/genesys';
import { problemWords } from '../access/denied.js';
import { fromDateTimeInput } from '../datetime-input.js';
import { clockTime, dateWords, explanationWords } from '../words.js';
import { t } from '../i18n/i18n.js';
import type { Block } from '../timeline/DayRows.js';

const LENGTHS = [15, 30, 45, 60];

/** The evidence, in words a coach and the agent read: the day, each exception, the explanations. */
export function coachingEvidence(
  name: string,
  timeZone: string,
  dayStart: number,
  exceptions: readonly Block[] | undefined,
  explanations: readonly AdherenceExplanation[] | undefined,
): string {
  const at = (t: number) => clockTime(localMinuteOfDay(timeZone, t));
  const lines = [t('evidence.head', { day: dateWords(timeZone, dayStart), zone: timeZone })];
  if (!exceptions) lines.push(`- ${t('evidence.noRecord')}`);
  else if (exceptions.length === 0) lines.push(`- ${t('evidence.none')}`);
  else {
    const minutes = Math.round(exceptions.reduce((n, b) => n + (b.end - b.start), 0) / 60_000);
    lines.push(`- ${t('evidence.out', { count: exceptions.length, minutes })}`);
    for (const b of exceptions)
      lines.push(
        `  ${at(b.start)}–${at(b.end)} (${Math.round((b.end - b.start) / 60_000)} min)${b.label ? `: ${b.label}` : ''}`,
      );
  }
  if (explanations && explanations.length > 0)
    lines.push(
      `- ${t('evidence.explanations', {
        name,
        list: explanations
          .map((e) =>
            t('evidence.explanation', {
              at: at(Date.parse(e.startDate)),
              minutes: e.lengthMinutes,
              status: explanationWords(e.status),
            }),
          )
          .join('; '),
      })}`,
    );
  return lines.join('\n');
}

export function CoachingSection({
  client,
  userId,
  name,
  timeZone,
  now,
  check,
  evidence,
  booked: given,
  onBooked,
  headed = true,
}: {
  client: GenesysClient;
  userId: string;
  name: string;
  timeZone: string;
  now: number;
  check: FeatureCheck | undefined;
  /** The description to start from (the day's evidence), made when the form opens. */
  evidence: () => string;
  /** What is booked, when the caller reads it for many agents at once (a list of patterns); else read here. */
  booked?: CoachingAppointment[] | string | undefined;
  onBooked?: () => void;
  /** With its own "Coaching" heading (the agent's day) or without (a line of a list). */
  headed?: boolean;
}) {
  // Nothing is asked of Genesys until the role is known: a role without coaching must meet no 403.
  const available = check !== undefined && check.available !== false;
  const [own, setBooked] = useState<CoachingAppointment[] | string>();
  const [version, setVersion] = useState(0);
  const controlled = onBooked !== undefined;
  const booked = controlled ? given : own;
  useEffect(() => {
    if (!available || controlled) return;
    const ac = new AbortController();
    coachingAppointmentsOf(client, [userId], { signal: ac.signal }).then(
      setBooked,
      (e: Error) => !ac.signal.aborted && setBooked(t('coaching.bookedMissing', { problem: problemWords(e) })),
    );
    return () => ac.abort();
  }, [client, userId, available, version, controlled]);

  const [open, setOpen] = useState(false);
  // Tomorrow at 10:00 in the unit's time zone: a coach rarely books the same hour.
  const tomorrow = addDays(localDate(timeZone, now), 1);
  const [when, setWhen] = useState(`${tomorrow}T10:00`);
  const [length, setLength] = useState(30);
  const [title, setTitle] = useState(() => t('coaching.defaultTitle', { name }));
  const [description, setDescription] = useState('');
  const [said, setSaid] = useState<string>();
  const [busy, setBusy] = useState(false);
  const at = (ms: number) => `${dateWords(timeZone, ms)} ${clockTime(localMinuteOfDay(timeZone, ms))}`;

  if (check === undefined) return null;
  if (!available) {
    const missing = [...(check?.missingPermissions ?? []), ...(check?.missingScopes ?? [])]
      .map((r) => r.label)
      .join(', ');
    return (
      <section aria-label={t('coaching.label', { name })} className="coaching">
        {headed ? <h3>{t('coaching.title')}</h3> : null}
        <button type="button" disabled aria-describedby={`coaching-needs-${userId}`}>
          {t('coaching.schedule')}
        </button>{' '}
        <span id={`coaching-needs-${userId}`} className="hint" data-testid="coaching-needs">
          {t('coaching.needs', { missing })}
        </span>
      </section>
    );
  }

  const book = async () => {
    const start = fromDateTimeInput(when, timeZone);
    if (start === undefined) return setSaid(t('coaching.chooseWhen'));
    if (title.trim() === '') return setSaid(t('coaching.giveTitle'));
    setBusy(true);
    try {
      await createCoachingAppointment(client, {
        name: title.trim(),
        description,
        dateStart: new Date(start).toISOString(),
        lengthInMinutes: length,
        attendeeIds: [userId],
        addToSchedule: true,
      });
      setSaid(t('coaching.booked', { at: at(start), minutes: length }));
      setOpen(false);
      if (onBooked) onBooked();
      else setVersion((v) => v + 1);
    } catch (e) {
      setSaid(t('coaching.notBooked', { problem: problemWords(e) }));
    } finally {
      setBusy(false);
    }
  };

  const upcoming =
    typeof booked === 'string'
      ? []
      : (booked ?? []).filter((a) => Date.parse(a.dateStart) + a.lengthInMinutes * 60_000 > now);
  return (
    <section aria-label={t('coaching.label', { name })} className="coaching">
      {headed ? <h3>{t('coaching.title')}</h3> : null}
      {typeof booked === 'string' ? <p className="hint">{booked}</p> : null}
      {upcoming.length > 0 ? (
        <ul data-testid="coaching-booked">
          {upcoming.map((a) => (
            <li key={a.id}>
              {t('coaching.bookedLine', { at: at(Date.parse(a.dateStart)), minutes: a.lengthInMinutes })} ·{' '}
              <bdi>{a.name}</bdi>
            </li>
          ))}
        </ul>
      ) : booked !== undefined && typeof booked !== 'string' ? (
        <p className="hint">{t('coaching.noneBooked')}</p>
      ) : null}
      {said ? (
        <p role="status" data-testid="coaching-said">
          {said}
        </p>
      ) : null}
      {open ? (
        <form
          className="coaching-form"
          onSubmit={(e) => {
            e.preventDefault();
            void book();
          }}
        >
          <label>
            {t('coaching.titleField')}{' '}
            <input value={title} maxLength={200} onChange={(e) => setTitle(e.target.value)} />
          </label>
          <label>
            {t('coaching.when', { zone: timeZone })}{' '}
            <input type="datetime-local" value={when} required onChange={(e) => setWhen(e.target.value)} />
          </label>
          <label>
            {t('coaching.length')}{' '}
            <select value={length} onChange={(e) => setLength(Number(e.target.value))}>
              {LENGTHS.map((l) => (
                <option key={l} value={l}>
                  {t('duration.m', { m: l })}
                </option>
              ))}
            </select>
          </label>
          <label className="wide">
            {t('coaching.description')}{' '}
            <textarea
              rows={6}
              value={description}
              maxLength={10_000}
              onChange={(e) => setDescription(e.target.value)}
            />
          </label>
          <div className="toolbar">
            <button type="submit" className="primary" disabled={busy}>
              {t('coaching.book')}
            </button>
            <button type="button" onClick={() => setOpen(false)}>
              {t('coaching.cancel')}
            </button>
          </div>
        </form>
      ) : (
        <button
          type="button"
          onClick={() => {
            setDescription(evidence());
            setSaid(undefined);
            setOpen(true);
          }}
        >
          {t('coaching.scheduleEllipsis')}
        </button>
      )}
    </section>
  );
}
