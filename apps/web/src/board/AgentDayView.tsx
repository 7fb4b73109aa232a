/**
 * @module An agent's today, opened from the board: scheduled activities against what they did, exceptions
 * marked, the now-line and what comes next. A modal dialog; Escape closes it; the URL (?agent=) keeps it.
 */
import { useEffect, useRef, useState } from 'react';
import {
  addDays,
  historicalAdherence,
  localDate,
  localMinuteOfDay,
  queryAgentExplanations,
  reviewExplanation,
  getExplanation,
  type ExplanationStatus,
  searchAgentSchedules,
  startOfDay,
  zonedDays,
  type AdherenceExplanation,
  type AgentAdherence,
  type FeatureCheck,
  type GenesysClient,
  type HistoricalUserResult,
  type PresenceDefinition,
} from '@adhere/genesys';
import type { AgentNowStore } from './agent-now.js';
import { PresenceSection } from './PresenceSection.js';
import { adjustedSays, adjustedPercent, approvedOf, approvedSeconds } from '../history/adjusted.js';
import { DayRows, type Block } from '../timeline/DayRows.js';
import { historyBlocks, scheduleBlocks } from '../timeline/blocks.js';
import { activityWords, clockTime, dateWords, explanationWords, percentWords } from '../words.js';
import { t, tx } from '../i18n/i18n.js';
import { DialogButtons } from './DialogButtons.js';
import { DayLegend } from '../timeline/DayLegend.js';
import type { LiveTrail } from './live-trail.js';
import { formatDuration, styleOf } from './state-style.js';
import { tabNotifications } from '../notifications.js';
import { problemWords } from '../access/denied.js';
import { useExplanationFeed } from '../explanation-feed.js';
import { CoachingSection, coachingEvidence } from './CoachingSection.js';

interface Today {
  /** Undefined: the schedule could not be read (`missing` says why). */
  scheduled: Block[] | undefined;
  /** Undefined: today's history could not be read (`missing` says why). */
  actual: Block[] | undefined;
  exceptions: Block[] | undefined;
  /** Genesys's record of today (for the raw and adjusted figures); undefined when it could not be read. */
  result: HistoricalUserResult | undefined;
  asOf: number;
  /** What is left out and why, one sentence each. */
  missing: string[];
}

export function AgentDayView({
  client,
  userId,
  name,
  record,
  managementUnitId,
  timeZone,
  codes,
  trail,
  now,
  onClose,
  coaching,
  agentNow,
  presences,
  presencesProblem,
  setPresence,
}: {
  client: GenesysClient;
  userId: string;
  name: string;
  record: AgentAdherence | undefined;
  managementUnitId: string;
  timeZone: string;
  codes: ReadonlyMap<string, { name: string; category: string }>;
  /** The board's live trail: today so far as seen live, shown when historical adherence is refused. */
  trail: LiveTrail;
  now: number;
  onClose: () => void;
  /** Whether this user and app may book coaching (undefined: not known yet). */
  coaching?: FeatureCheck | undefined;
  /** What agents are doing now (the board's store). */
  agentNow: AgentNowStore;
  /** The org's presence definitions, to choose from; undefined while unread or refused (`presencesProblem`). */
  presences: readonly PresenceDefinition[] | undefined;
  presencesProblem?: string | undefined;
  /** Whether this app may set presences (undefined: not known yet). */
  setPresence?: FeatureCheck | undefined;
}) {
  const dialog = useRef<HTMLDialogElement>(null);
  const [today, setToday] = useState<Today>();
  const [refresh, setRefresh] = useState(0);
  const [error, setError] = useState<string>();
  const date = localDate(timeZone, now);
  const day = zonedDays(timeZone, date, date)[0]!;

  const title = useRef<HTMLHeadingElement>(null);
  useEffect(() => {
    const d = dialog.current;
    if (d && !d.open) d.showModal();
    // Focus on the title, not on the first button (Refresh): a screen reader starts with whose day this is.
    title.current?.focus();
  }, []);

  useEffect(() => {
    const ac = new AbortController();
    const signal = ac.signal;
    const start = new Date(startOfDay(timeZone, date)).toISOString();
    const end = new Date(startOfDay(timeZone, addDays(date, 1))).toISOString();
    setError(undefined);
    (async () => {
      // Each part on its own: a role with real-time adherence but not history (or the other way round) still
      // sees what it may, and is told what is left out and why.
      const [schedules, history] = await Promise.allSettled([
        // From the day before: a shift that began last evening still covers the first hours.
        searchAgentSchedules(
          client,
          managementUnitId,
          { startDate: new Date(Date.parse(start) - 86_400_000).toISOString(), endDate: end, userIds: [userId] },
          { signal, notifications: tabNotifications(client) },
        ),
        historicalAdherence(client, {
          managementUnitId,
          startDate: start,
          endDate: end,
          timeZone,
          userIds: [userId],
          includeExceptions: true,
          includeActuals: true,
          signal,
          notifications: tabNotifications(client),
          pollIntervalMs: 250,
        }),
      ]);
      if (signal.aborted) return;
      const missing: string[] = [];
      if (schedules.status === 'rejected')
        missing.push(t('day.scheduleMissing', { problem: problemWords(schedules.reason) }));
      if (history.status === 'rejected')
        missing.push(
          t('day.historyMissing', {
            problem: problemWords(history.reason),
            since: clockTime(localMinuteOfDay(timeZone, trail.since)),
          }),
        );
      const h = history.status === 'fulfilled' ? history.value.find((r) => r.userId === userId) : undefined;
      const done = history.status === 'fulfilled' ? historyBlocks(h) : { actual: undefined, exceptions: undefined };
      setToday({
        scheduled: schedules.status === 'fulfilled' ? scheduleBlocks(schedules.value, codes) : undefined,
        actual: done.actual,
        exceptions: done.exceptions,
        result: h,
        asOf: Date.now(),
        missing,
      });
    })().catch((e: Error) => {
      if (!signal.aborted) setError(problemWords(e));
    });
    return () => ac.abort();
  }, [client, userId, managementUnitId, timeZone, date, codes, trail, refresh]);

  // Today's explanations: read again after a review here, and whenever Genesys says one changed (a review
  // from another supervisor's screen, an agent adding one) on the agent's explanation topic.
  const [explanations, setExplanations] = useState<AdherenceExplanation[] | string>();
  const [explanationsRead, readExplanationsAgain] = useExplanationFeed(client, userId);
  useEffect(() => {
    const ac = new AbortController();
    const start = new Date(startOfDay(timeZone, date)).toISOString();
    const end = new Date(startOfDay(timeZone, addDays(date, 1))).toISOString();
    queryAgentExplanations(
      client,
      userId,
      { startDate: start, endDate: end },
      { signal: ac.signal, notifications: tabNotifications(client) },
    ).then(
      setExplanations,
      (e: Error) => !ac.signal.aborted && setExplanations(t('day.explanationsMissing', { problem: problemWords(e) })),
    );
    return () => ac.abort();
  }, [client, userId, timeZone, date, explanationsRead, refresh]);

  const [busy, setBusy] = useState<string>();
  const [reviewed, setReviewed] = useState<string>();
  const [conflict, setConflict] = useState<Conflict>();
  const review = async (e: AdherenceExplanation, status: 'Approved' | 'Denied', overrule = false) => {
    setBusy(e.id);
    setConflict(undefined);
    try {
      // Read as it stands first (issue 20): another supervisor may have reviewed it since this list was shown,
      // and a review here must not overturn theirs without the person knowing. Overruling is one more click.
      if (!overrule) {
        const current = await getExplanation(client, userId, e.id);
        if (current.status !== e.status) {
          setConflict({ explanation: { ...e, status: current.status }, want: status });
          readExplanationsAgain();
          return;
        }
      }
      await reviewExplanation(client, userId, e.id, status);
      // Its buttons go with the review: focus moves to what it now says, not to the page behind the dialog.
      setReviewed(e.id);
      readExplanationsAgain();
    } catch (err) {
      setError(problemWords(err));
    } finally {
      setBusy(undefined);
    }
  };
  // Without Genesys's record of the day, the day so far as the board saw it live (real-time permission alone).
  const seen = today && !today.actual ? trail.dayOf(record, day.start, now) : undefined;
  const next = today?.scheduled?.find((b) => b.start > now);
  const current = today?.scheduled?.find((b) => b.start <= now && b.end > now);
  // Raw (Genesys's) and adjusted (approved explained exception time counted as adherent) for today so far: they
  // follow each review made here or anywhere, with the explanations list.
  const figures = (() => {
    const r = today?.result;
    const d = r?.days[0];
    if (!r || !d || d.adherenceScheduleSeconds <= 0) return undefined;
    const approved = approvedOf(
      approvedSeconds([r], typeof explanations === 'string' ? [] : (explanations ?? [])),
      userId,
    );
    return {
      raw: adjustedPercent(d.adherenceScheduleSeconds, d.exceptionDurationSeconds, 0)!,
      adjusted: adjustedPercent(d.adherenceScheduleSeconds, d.exceptionDurationSeconds, approved)!,
    };
  })();
  const state = styleOf(record?.adherenceState);
  const at = (t: number) => clockTime(localMinuteOfDay(timeZone, t));
  return (
    <dialog ref={dialog} className="day-view" aria-labelledby="day-title" onClose={onClose} data-testid="day-view">
      <h2 id="day-title" ref={title} tabIndex={-1}>
        {tx('day.title', { zone: timeZone }, { name: () => <bdi>{name}</bdi> })}
      </h2>
      <p>
        <span className={`state ${state.className}`}>
          <span aria-hidden="true">{state.icon}</span> {state.label}
        </span>{' '}
        {sinceWords(Date.parse(record?.timeOfAdherenceChange ?? ''), now, at)}
        {/* Until today's schedule has come, say nothing of it rather than "not scheduled". */}
        {!today?.scheduled
          ? null
          : current
            ? ` · ${t('day.nowScheduled', { activity: current.label, until: at(current.end) })}`
            : ` · ${t('day.notScheduledNow')}`}
        {!today?.scheduled ? null : next ? (
          <span data-testid="day-next">
            {' '}
            ·{' '}
            {t('day.next', {
              activity: next.label,
              at: at(next.start),
              minutes: Math.round((next.end - next.start) / 60_000),
            })}
          </span>
        ) : (
          ` · ${t('day.nothingMore')}`
        )}
      </p>
      <PresenceSection
        client={client}
        userId={userId}
        name={name}
        record={record}
        agentNow={agentNow}
        definitions={presences}
        definitionsProblem={presencesProblem}
        check={setPresence}
        now={now}
        at={at}
      />
      {error ? <p role="alert">{t('day.couldNotRead', { problem: error })}</p> : null}
      {today ? (
        <>
          {today.scheduled || today.actual || seen ? (
            <DayRows
              day={day}
              timeZone={timeZone}
              label={dateWords(timeZone, day.start)}
              now={now}
              rows={[
                ...(today.scheduled ? [[t('day.rowScheduled'), today.scheduled] as [string, Block[]]] : []),
                ...(today.actual ? [[t('day.rowActual'), today.actual] as [string, Block[]]] : []),
                ...(today.exceptions ? [[t('day.rowExceptions'), today.exceptions] as [string, Block[]]] : []),
                ...(seen
                  ? [
                      [
                        t('day.rowSeenActual'),
                        seen.actual.map((x) => ({ ...x, label: activityWords(x.category) })),
                      ] as [string, Block[]],
                      [
                        t('day.rowSeenOut'),
                        seen.out.map((x) => ({ ...x, category: 'exception', label: t('state.OutOfAdherence') })),
                      ] as [string, Block[]],
                    ]
                  : []),
              ]}
            />
          ) : null}
          {today.scheduled || today.actual || seen ? <DayLegend /> : null}
          {today.missing.length > 0 ? (
            <ul className="hint" data-testid="day-missing">
              {today.missing.map((m) => (
                <li key={m}>{m}</li>
              ))}
            </ul>
          ) : null}
          {figures ? (
            <p data-testid="day-figures">
              {tx(
                'day.figures',
                { raw: percentWords(figures.raw, 2), adjusted: percentWords(figures.adjusted, 2) },
                { b: (c) => <strong>{c}</strong> },
              )}{' '}
              <span className="hint">({adjustedSays()})</span>
            </p>
          ) : null}
          {today.exceptions ? (
            <p className="hint">{t('day.exceptionsSoFar', { count: today.exceptions.length, asOf: at(today.asOf) })}</p>
          ) : null}
        </>
      ) : error ? null : (
        <p role="status">{t('day.reading')}</p>
      )}
      {explanations !== undefined ? (
        <Explanations list={explanations} review={review} at={at} busy={busy} reviewed={reviewed} conflict={conflict} />
      ) : null}
      <CoachingSection
        client={client}
        userId={userId}
        name={name}
        timeZone={timeZone}
        now={now}
        check={coaching}
        evidence={() =>
          coachingEvidence(
            name,
            timeZone,
            day.start,
            today?.exceptions,
            typeof explanations === 'string' ? undefined : explanations,
          )
        }
      />
      <DialogButtons dialog={dialog} onRefresh={() => setRefresh((r) => r + 1)} />
    </dialog>
  );
}

/** A review not sent: the explanation was reviewed elsewhere since it was shown here. */
interface Conflict {
  /** As it stands now. */
  explanation: AdherenceExplanation;
  want: 'Approved' | 'Denied';
}

function Explanations({
  list,
  review,
  at,
  busy,
  reviewed,
  conflict,
}: {
  list: AdherenceExplanation[] | string;
  review: (e: AdherenceExplanation, status: 'Approved' | 'Denied', overrule?: boolean) => Promise<void>;
  conflict: Conflict | undefined;
  at: (t: number) => string;
  busy: string | undefined;
  /** The explanation just reviewed here: focus goes to its new status once the list shows it. */
  reviewed: string | undefined;
}) {
  const focusTo = useRef<HTMLElement>(null);
  const reviewedStatus = typeof list === 'string' ? undefined : list.find((e) => e.id === reviewed)?.status;
  useEffect(() => {
    if (reviewedStatus && reviewedStatus !== 'Pending') focusTo.current?.focus();
  }, [reviewed, reviewedStatus]);
  if (typeof list === 'string') return <p className="hint">{list}</p>;
  if (list.length === 0) return <p className="hint">{t('day.noExplanations')}</p>;
  return (
    <section aria-labelledby="explanations-title">
      <h3 id="explanations-title">{t('day.explanations')}</h3>
      {conflict ? (
        <p role="alert" data-testid="review-conflict">
          {conflictWords(conflict.explanation.status, conflict.want)}{' '}
          {conflict.explanation.status !== conflict.want ? (
            <button
              type="button"
              disabled={busy === conflict.explanation.id}
              onClick={() => void review(conflict.explanation, conflict.want, true)}
            >
              {conflict.want === 'Approved' ? t('day.approveAnyway') : t('day.declineAnyway')}
            </button>
          ) : null}
        </p>
      ) : null}
      <ul className="explanations" data-testid="explanations">
        {list.map((e) => (
          <li key={e.id} data-id={e.id} data-status={e.status}>
            {t('day.explanationLine', {
              type: e.type === 'Late' ? t('day.late') : e.type,
              from: at(Date.parse(e.startDate)),
              minutes: e.lengthMinutes,
            })}
            {e.notes ? (
              <>
                : “<bdi>{e.notes}</bdi>”
              </>
            ) : null}{' '}
            —{' '}
            <strong
              title={e.status}
              ref={e.id === reviewed ? focusTo : undefined}
              tabIndex={e.id === reviewed ? -1 : undefined}
            >
              {explanationWords(e.status)}
            </strong>{' '}
            {e.status === 'Pending' ? (
              <>
                <button type="button" disabled={busy === e.id} onClick={() => void review(e, 'Approved')}>
                  {t('day.approve')}
                </button>{' '}
                <button type="button" disabled={busy === e.id} onClick={() => void review(e, 'Denied')}>
                  {t('day.decline')}
                </button>
              </>
            ) : null}
          </li>
        ))}
      </ul>
    </section>
  );
}

/** "Someone has declined this explanation since it was shown here: your approval was not sent." */
function conflictWords(now: ExplanationStatus, want: 'Approved' | 'Denied'): string {
  if (now === 'Pending') return t('conflict.backToWaiting', { want });
  return now === want ? t('conflict.already', { done: now }) : t('conflict.since', { done: now, want });
}

/**
 * Since when the state holds, by the unit's clock, and for how long: "since 10:42 (for 3 min 10 s)"; "since 10:42
 * (just now)" in its first minute — not "for 0:00" (issue 22, item 7).
 */
function sinceWords(since: number, now: number, at: (t: number) => string): string {
  if (!Number.isFinite(since)) return '';
  const ms = now - since;
  return ms < 60_000
    ? t('day.sinceJustNow', { at: at(since) })
    : t('day.sinceFor', { at: at(since), time: formatDuration(ms) });
}
