/**
 * @module "My day", for an agent signed in to Adhere (issue 20, item 4): their schedule today against the clock,
 * their explanations and what became of them (live), and a form to explain their own time. Only Genesys's agent
 * routes are used (their own schedule, their own explanations): an agent never sees another agent.
 */
import { useEffect, useMemo, useRef, useState, type FormEvent } from 'react';
import {
  addExplanation,
  addDays,
  getMyManagementUnit,
  getMySchedule,
  localDate,
  localMinuteOfDay,
  queryMyExplanations,
  startOfDay,
  zonedDays,
  type AdherenceExplanation,
  type AgentSchedule,
  type GenesysClient,
} from '@adhere/genesys';
import { DayRows } from '../timeline/DayRows.js';
import { DayLegend } from '../timeline/DayLegend.js';
import { scheduleBlocks } from '../timeline/blocks.js';
import { tabNotifications } from '../notifications.js';
import { signedInUser } from '../signed-in-user.js';
import { problemWords } from '../access/denied.js';
import { useExplanationFeed } from '../explanation-feed.js';
import { activityCodesQuery, readOrg } from '../org-data/org-queries.js';
import { clockTime, dateWords, explanationWords } from '../words.js';
import { t } from '../i18n/i18n.js';
import { checkExplanation, MAX_NOTES, type ExplanationDraft } from './explanation-form.js';
import { MyFigures } from './MyFigures.js';
import type { MyException } from './my-figures.js';

const NO_CODES = new Map<string, { name: string; category: string }>();
const NONE: AdherenceExplanation[] = [];

/** What "Explain this" puts in the form: the exception's whole minutes, from the minute it began. */
interface Prefill {
  startTime: string;
  minutes: string;
  /** A new one each time, so choosing the same exception again fills the form again. */
  n: number;
}

export function MyDayPage({ client, canExplain }: { client: GenesysClient; canExplain: boolean }) {
  const [now, setNow] = useState(Date.now());
  useEffect(() => {
    const t = setInterval(() => setNow(Date.now()), 30_000);
    return () => clearInterval(t);
  }, []);
  const [me, setMe] = useState<string>();
  const [schedule, setSchedule] = useState<{ schedule: AgentSchedule | undefined; zone: string }>();
  // The business unit's activity codes name and colour the schedule; without them it shows each activity's own
  // description, in one colour.
  const [codes, setCodes] = useState<ReadonlyMap<string, { name: string; category: string }>>(NO_CODES);
  const [problem, setProblem] = useState<string>();
  useEffect(() => {
    const ac = new AbortController();
    void signedInUser(client).then(
      (u) => !ac.signal.aborted && setMe(u.id),
      () => {},
    );
    getMyManagementUnit(client, { signal: ac.signal })
      .then(({ businessUnitId }) =>
        businessUnitId ? readOrg(client, activityCodesQuery(client, businessUnitId), ac.signal) : [],
      )
      .then(
        (list) =>
          !ac.signal.aborted &&
          setCodes(new Map(list.map((c) => [c.id, { name: c.name ?? c.id, category: c.category ?? 'Unavailable' }]))),
        () => {},
      );
    // Wide enough for today in any zone, and last night's shift; the answer says the zone.
    const at = Date.now();
    getMySchedule(
      client,
      { startDate: new Date(at - 2 * 86_400_000).toISOString(), endDate: new Date(at + 2 * 86_400_000).toISOString() },
      { signal: ac.signal },
    ).then(
      (s) => setSchedule({ schedule: s.schedule, zone: s.businessUnitTimeZone ?? 'UTC' }),
      (e: unknown) => !ac.signal.aborted && setProblem(t('me.scheduleUnread', { problem: problemWords(e) })),
    );
    return () => ac.abort();
  }, [client]);
  const zone = schedule?.zone ?? 'UTC';
  const date = localDate(zone, now);
  const day = useMemo(() => zonedDays(zone, date, date)[0]!, [zone, date]);
  const blocks = useMemo(
    () =>
      schedule?.schedule
        ? scheduleBlocks([schedule.schedule], codes).filter((b) => b.end > day.start && b.start < day.end)
        : [],
    [schedule, day, codes],
  );
  const at = (t: number) => clockTime(localMinuteOfDay(zone, t));
  const current = blocks.find((b) => b.start <= now && b.end > now);
  const next = blocks.find((b) => b.start > now);

  // My explanations today: read again whenever Genesys says one changed (a supervisor's decision, my own new one).
  const [explanations, setExplanations] = useState<AdherenceExplanation[] | string>();
  const [reads, readAgain] = useExplanationFeed(client, me);
  useEffect(() => {
    if (!schedule) return;
    const ac = new AbortController();
    queryMyExplanations(
      client,
      {
        startDate: new Date(startOfDay(zone, date)).toISOString(),
        endDate: new Date(startOfDay(zone, addDays(date, 1))).toISOString(),
      },
      { signal: ac.signal, notifications: tabNotifications(client) },
    ).then(
      (list) => setExplanations([...list].sort((a, b) => Date.parse(a.startDate) - Date.parse(b.startDate))),
      (e: unknown) => !ac.signal.aborted && setExplanations(t('me.explanationsUnread', { problem: problemWords(e) })),
    );
    return () => ac.abort();
  }, [client, schedule, zone, date, reads]);

  const [prefill, setPrefill] = useState<Prefill>();
  const explain = (x: MyException) => {
    const from = Math.floor(x.start / 60_000) * 60_000;
    setPrefill((p) => ({
      startTime: at(from),
      // Never past now: Genesys refuses an explanation of time still to come.
      minutes: String(
        Math.max(1, Math.min(Math.ceil((x.end - from) / 60_000), Math.floor((Date.now() - from) / 60_000))),
      ),
      n: (p?.n ?? 0) + 1,
    }));
  };

  return (
    <section className="my-day" aria-labelledby="my-day-title">
      <h1 id="my-day-title">{t('me.title')}</h1>
      {problem ? (
        <p role="alert" className="error">
          {problem}
        </p>
      ) : null}
      {!schedule ? (
        problem ? null : (
          <p role="status">{t('me.readingSchedule')}</p>
        )
      ) : (
        <>
          <p data-testid="my-now">
            {current ? t('me.now', { activity: current.label, until: at(current.end) }) : t('me.nothingNow')}
            {next
              ? ` · ${t('me.next', { activity: next.label, at: at(next.start) })}`
              : blocks.length
                ? ` · ${t('me.nothingMore')}`
                : ''}
          </p>
          {blocks.length ? (
            <>
              <DayRows
                day={day}
                timeZone={zone}
                label={dateWords(zone, day.start)}
                now={now}
                rows={[[t('day.rowScheduled'), blocks]]}
              />
              <DayLegend />
            </>
          ) : (
            <p>{t('me.noShift')}</p>
          )}
          <h2>{t('me.todaySoFar')}</h2>
          <MyFigures
            client={client}
            zone={zone}
            day={day}
            schedule={schedule.schedule}
            explanations={Array.isArray(explanations) ? explanations : NONE}
            onExplain={canExplain ? explain : undefined}
          />
        </>
      )}
      <h2>{t('me.explanationsTitle')}</h2>
      {explanations === undefined ? (
        <p role="status">{t('me.readingExplanations')}</p>
      ) : typeof explanations === 'string' ? (
        <p className="hint">{explanations}</p>
      ) : explanations.length === 0 ? (
        <p className="hint">{t('me.noneToday')}</p>
      ) : (
        <ul className="explanations" data-testid="my-explanations">
          {explanations.map((e) => (
            <li key={e.id} data-id={e.id} data-status={e.status}>
              {t('me.explanationLine', { from: at(Date.parse(e.startDate)), minutes: e.lengthMinutes })}
              {e.notes ? (
                <>
                  : “<bdi>{e.notes}</bdi>”
                </>
              ) : null}{' '}
              — <strong>{explanationWords(e.status)}</strong>
            </li>
          ))}
        </ul>
      )}
      {canExplain && schedule ? (
        <ExplainForm client={client} zone={zone} date={date} onSent={readAgain} prefill={prefill} />
      ) : null}
    </section>
  );
}

/** The form to explain time: checked here first, then sent; what Genesys says back is shown in words. */
function ExplainForm({
  client,
  zone,
  date,
  onSent,
  prefill,
}: {
  client: GenesysClient;
  zone: string;
  date: string;
  onSent: () => void;
  prefill: Prefill | undefined;
}) {
  const [draft, setDraft] = useState<ExplanationDraft>({ startTime: '', minutes: '', notes: '' });
  const notesRef = useRef<HTMLTextAreaElement>(null);
  // An exception chosen above: its time in the form, the cursor where the agent says what happened.
  useEffect(() => {
    if (!prefill) return;
    setDraft((d) => ({ ...d, startTime: prefill.startTime, minutes: prefill.minutes }));
    notesRef.current?.focus();
  }, [prefill]);
  const [problems, setProblems] = useState<Partial<Record<keyof ExplanationDraft, string>>>({});
  const [said, setSaid] = useState<string>();
  const [sending, setSending] = useState(false);
  const saidRef = useRef<HTMLParagraphElement>(null);
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    const checked = checkExplanation(draft, { timeZone: zone, date, now: Date.now() });
    if (!checked.ok) {
      setProblems(checked.problems);
      setSaid(undefined);
      return;
    }
    setProblems({});
    setSending(true);
    try {
      await addExplanation(client, checked.input);
      setSaid(t('me.sent'));
      setDraft({ startTime: '', minutes: '', notes: '' });
      onSent();
    } catch (err) {
      setSaid(t('me.notSent', { problem: problemWords(err) }));
    } finally {
      setSending(false);
      saidRef.current?.focus();
    }
  };
  const field = (key: keyof ExplanationDraft) => ({
    'aria-invalid': problems[key] ? true : undefined,
    'aria-describedby': problems[key] ? `explain-${key}-problem` : undefined,
  });
  const problem = (key: keyof ExplanationDraft) =>
    problems[key] ? (
      <span id={`explain-${key}-problem`} className="field-problem">
        {problems[key]}
      </span>
    ) : null;
  return (
    <form className="explain-form" onSubmit={(e) => void submit(e)} noValidate aria-labelledby="explain-title">
      <h2 id="explain-title">{t('me.explainTitle')}</h2>
      <p className="hint">{t('me.explainHint', { zone })}</p>
      <label>
        {t('me.from')}{' '}
        <input
          type="time"
          value={draft.startTime}
          onChange={(e) => setDraft({ ...draft, startTime: e.target.value })}
          {...field('startTime')}
        />
      </label>
      {problem('startTime')}
      <label>
        {t('me.for')}{' '}
        <input
          type="number"
          className="narrow"
          min={1}
          max={1440}
          value={draft.minutes}
          onChange={(e) => setDraft({ ...draft, minutes: e.target.value })}
          {...field('minutes')}
        />{' '}
        {t('me.minutes')}
      </label>
      {problem('minutes')}
      <label className="notes">
        {t('me.whatHappened')}{' '}
        <textarea
          ref={notesRef}
          rows={3}
          maxLength={MAX_NOTES * 2}
          value={draft.notes}
          onChange={(e) => setDraft({ ...draft, notes: e.target.value })}
          {...field('notes')}
        />
      </label>
      <span className="hint">{t('me.characters', { count: draft.notes.trim().length, max: MAX_NOTES })}</span>
      {problem('notes')}
      <button type="submit" className="primary" disabled={sending}>
        {sending ? t('me.sending') : t('me.send')}
      </button>
      {said ? (
        <p role="status" ref={saidRef} tabIndex={-1} data-testid="explain-said">
          {said}
        </p>
      ) : null}
    </form>
  );
}
