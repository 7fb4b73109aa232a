/** @module Historical adherence: the form, one progress bar over every chunk, and the report's views. */
import { useMemo, useState, type FormEvent, type ReactNode } from 'react';
import {
  addDays,
  checkFeature,
  localDate,
  startOfDay,
  totalsOf,
  zoneOffsetMs,
  zonedDays,
  type Access,
  type GenesysClient,
  type ZonedDay,
} from '@adhere/genesys';
import { t, tx, useLocale } from '../i18n/i18n.js';
import type { MessageKey } from '../i18n/messages/en.js';
import {
  activityWords,
  dateWords,
  decimalWords,
  explanationWords,
  impactWords,
  listWords,
  percentWords,
} from '../words.js';
import { AgentTable } from './AgentTable.js';
import { isoWithOffset } from './csv.js';
import { exportTable, whenScheduled, type Cell, type Column, type ExportForm } from './export-table.js';
import { FILE_WORDS, saveTable, type FileKind } from './save-table.js';
import { summariseExceptions, type ExceptionSummary } from './exception-summary.js';
import { ExceptionList } from './ExceptionList.js';
import { PatternList } from './PatternList.js';
import { findPatterns } from './patterns.js';
import {
  exceptionRows,
  exceptionSlots,
  perAgent,
  adjustedOver,
  perDay,
  perTeam,
  perWeek,
  type AgentRow,
  type ExceptionRow,
} from './report-math.js';
import { SlotHeatmap } from './SlotHeatmap.js';
import { TeamComparison } from './TeamComparison.js';
import { Timeline } from './Timeline.js';
import { adjustedSays, adjustedPercent, approvedSeconds } from './adjusted.js';
import { BulkReview } from './BulkReview.js';
import { TrendChart } from './TrendChart.js';
import { timeLeftMs, timeLeftWords } from './time-left.js';
import { useHistoricalReport, type Report } from './useHistoricalReport.js';
import { useHistoryOptions, type UnitDetails } from './useHistoryOptions.js';
import { problemWords } from '../access/denied.js';

const ZONES = [
  'Europe/London',
  'Europe/Paris',
  'America/New_York',
  'America/Chicago',
  'America/Los_Angeles',
  'America/Sao_Paulo',
  'Asia/Kolkata',
  'Asia/Manila',
  'Asia/Tokyo',
  'Australia/Sydney',
  'UTC',
];
const VIEWS = [
  ['agents', 'hist.view.agents'],
  ['trends', 'hist.view.trends'],
  ['teams', 'hist.view.teams'],
  ['exceptions', 'hist.view.exceptions'],
  ['week', 'hist.view.week'],
  ['patterns', 'hist.view.patterns'],
] as const satisfies ReadonlyArray<readonly [string, MessageKey]>;
type View = (typeof VIEWS)[number][0];
/** Longest range offered: 13 months, as trends need. */
const MAX_DAYS = 397;

/** Historical adherence over any range of the unit's days, in the unit's time zone unless another is chosen. */
export function HistoryPage({ client, access }: { client: GenesysClient; access?: Access | undefined }) {
  useLocale();
  const [form, setForm] = useState({ mu: '', team: '', from: '', to: '', timeZone: '', exceptions: true });
  const [agents, setAgents] = useState<string[]>([]);
  const options = useHistoryOptions(client, form.mu);
  const { mus, muId: mu, details } = options;
  // Until the user picks: the unit's own zone, and its last 7 days up to today.
  const timeZone = form.timeZone || details?.timeZone || '';
  const today = timeZone ? localDate(timeZone, Date.now()) : '';
  const to = form.to || today;
  const from = form.from || (to ? addDays(to, -6) : '');
  // Changing one end of the range fixes the other where it is shown, so a default never moves under the user.
  const reportState = useHistoricalReport(client);
  const { report, running, statuses, fraction } = reportState;
  const error = reportState.error ?? options.error;
  const failed = statuses.some((s) => s.state === 'failed');
  const fetchedParts = statuses.filter((s) => s.state === 'done' || s.state === 'cached').length;
  const rangeDays = from && to ? zonedDays('UTC', from, to).length : 0;

  const run = (e: FormEvent) => {
    e.preventDefault();
    if (!details || !from || !to) return;
    const userIds = agents.length
      ? agents
      : form.team
        ? [...details.teamOf].filter(([, t]) => t === form.team).map(([u]) => u)
        : undefined;
    void reportState.run({
      mu,
      businessUnitId: details.businessUnitId,
      userIds,
      from,
      to,
      timeZone,
      exceptions: form.exceptions,
    });
  };

  return (
    <section aria-labelledby="history-title" className="history">
      <h1 id="history-title">{t('hist.title')}</h1>
      <form onSubmit={run} className="toolbar no-print">
        <label>
          {t('hist.mu')}{' '}
          <select
            value={mu}
            onChange={(e) => {
              setAgents([]);
              setForm({ ...form, mu: e.target.value, team: '', timeZone: '' });
            }}
          >
            {mus.map((m) => (
              <option key={m.id} value={m.id}>
                {m.name}
              </option>
            ))}
          </select>
        </label>
        <label>
          {t('hist.team')}{' '}
          <select value={form.team} onChange={(e) => setForm({ ...form, team: e.target.value })}>
            <option value="">{t('hist.wholeUnit')}</option>
            {details?.teams.map((t) => (
              <option key={t.id} value={t.id}>
                {t.name}
              </option>
            ))}
          </select>
        </label>
        <label>
          {t('hist.agents')}{' '}
          <select
            multiple
            size={3}
            value={agents}
            onChange={(e) => setAgents([...e.target.selectedOptions].map((o) => o.value))}
            aria-describedby="agents-hint"
          >
            {details?.members.map((m) => (
              <option key={m.id} value={m.id}>
                {m.name}
              </option>
            ))}
          </select>
        </label>
        <span id="agents-hint" className="hint">
          {agents.length ? t('hist.agentsChosen', { count: agents.length }) : t('hist.noneChosen')}
        </span>
        <label>
          {t('hist.from')}{' '}
          <input
            type="date"
            value={from}
            max={to}
            onChange={(e) => setForm({ ...form, from: e.target.value, to })}
            required
          />
        </label>
        <label>
          {t('hist.to')}{' '}
          <input
            type="date"
            value={to}
            min={from}
            onChange={(e) => setForm({ ...form, from, to: e.target.value })}
            required
          />
        </label>
        <label>
          {t('hist.timeZone')}{' '}
          <select value={timeZone} onChange={(e) => setForm({ ...form, timeZone: e.target.value })}>
            {[...new Set([timeZone, ...ZONES])].filter(Boolean).map((z) => (
              <option key={z} value={z}>
                {z === details?.timeZone ? t('hist.unitsZone', { zone: z }) : z}
              </option>
            ))}
          </select>
        </label>
        <label>
          <input
            type="checkbox"
            checked={form.exceptions}
            onChange={(e) => setForm({ ...form, exceptions: e.target.checked })}
          />{' '}
          {t('hist.withExceptions')}
        </label>
        <button
          type="submit"
          className="primary"
          disabled={running || !details || rangeDays < 1 || rangeDays > MAX_DAYS}
        >
          {t('hist.run')}
        </button>
        {running ? (
          <button type="button" onClick={reportState.cancel}>
            {t('hist.cancel')}
          </button>
        ) : null}
        <span className="hint">
          {rangeDays > MAX_DAYS
            ? t('hist.tooLong', { days: MAX_DAYS })
            : rangeDays > 0
              ? rangeParts(rangeDays, form.exceptions)
              : ''}
        </span>
      </form>
      {details && details.missing.length > 0 ? (
        <ul className="notice" data-testid="history-missing" aria-label={t('hist.leftOut')}>
          {details.missing.map((m) => (
            <li key={m}>{m}</li>
          ))}
        </ul>
      ) : null}
      {running || (statuses.length > 1 && !report) ? (
        <div className="progress no-print">
          <progress max={1} value={fraction} aria-label={t('hist.progress')} />
          <span role="status">
            {running
              ? t('hist.partRunning', {
                  part: Math.min(statuses.length, fetchedParts + 1),
                  parts: statuses.length,
                  left: timeLeftWords(timeLeftMs(reportState.partTimes, Date.now())),
                })
              : t('hist.partsFetched', { done: fetchedParts, parts: statuses.length })}
          </span>
        </div>
      ) : null}
      {error ? (
        <p role="alert" className="error">
          {error}{' '}
          {failed && !running ? (
            <button type="button" onClick={() => void reportState.retry()}>
              {t('hist.retry')}
            </button>
          ) : null}
        </p>
      ) : null}
      {report && details ? <ReportView client={client} report={report} details={details} access={access} /> : null}
    </section>
  );
}

const seconds = (ms: number) => t('duration.s', { s: decimalWords(ms / 1000) });

function ReportView({
  client,
  report,
  details,
  access,
}: {
  client: GenesysClient;
  report: Report;
  details: UnitDetails;
  access: Access | undefined;
}) {
  const { request, results } = report;
  const zone = request.timeZone;
  const locale = useLocale();
  // Today in the unit's zone: a period that includes it is not over, and is drawn as "so far".
  const todayDate = localDate(zone, Date.now());
  const [view, setView] = useState<View>('agents');
  const [selected, setSelected] = useState<string>();
  const [forTools, setForTools] = useState(false);
  const [fileKind, setFileKind] = useState<FileKind>('csv');
  const { targetPercent: target, thresholdSeconds, names } = details;

  const days = useMemo(() => zonedDays(zone, request.from, request.to), [zone, request.from, request.to]);
  // Dates in the page's language, in the report's zone.
  const fmt = useMemo(() => {
    const short = new Intl.DateTimeFormat(locale, { timeZone: zone, day: 'numeric', month: 'short' });
    const time = new Intl.DateTimeFormat(locale, { timeZone: zone, dateStyle: 'medium', timeStyle: 'short' });
    return {
      date: (at: number) => dateWords(zone, at),
      short: (at: number) => short.format(at),
      time: (at: number) => time.format(at),
    };
  }, [zone, locale]);
  const startOf = useMemo(() => new Map(days.map((d) => [d.date, d.start])), [days]);
  // Adjusted beside raw (issue 20, item 2): exception time approved explanations cover, per agent and day. It
  // follows every review live (the report's explanations are kept current by their topic).
  // Known only with the exceptions and the explanations: without them there is no adjusted figure (said, not raw).
  const approved = useMemo(
    () =>
      request.exceptions && report.explanationsNote === undefined
        ? approvedSeconds(results, report.explanations)
        : undefined,
    [results, report.explanations, request.exceptions, report.explanationsNote],
  );
  const agentRows = useMemo(
    () => perAgent(results, target, thresholdSeconds, approved).sort((a, b) => a.adherence - b.adherence),
    [results, target, thresholdSeconds, approved],
  );
  const daily = useMemo(() => perDay(results, days, approved), [results, days, approved]);
  const weekly = useMemo(() => perWeek(results, days, approved), [results, days, approved]);
  const teams = useMemo(
    () => perTeam(results, details.teamOf, days, approved),
    [results, details.teamOf, days, approved],
  );
  // The exception list (and what is computed from it) is built when a view or an export first needs it: a
  // month of a full unit holds some 170,000 exceptions, and the agents' table should not wait for them.
  const needsExceptions = view === 'exceptions' || view === 'week' || view === 'patterns';
  const allExceptions = useMemo(() => {
    let rows: ExceptionRow[] | undefined;
    return () => (rows ??= request.exceptions ? exceptionRows(results, zone, report.explanations) : []);
  }, [results, zone, report.explanations, request.exceptions]);
  const exceptions = useMemo(() => (needsExceptions ? allExceptions() : []), [needsExceptions, allExceptions]);
  const slots = useMemo(() => (view === 'week' ? exceptionSlots(exceptions, zone) : []), [view, exceptions, zone]);
  const rangeEnd = days[days.length - 1]!.end;
  const patterns = useMemo(
    () => (view === 'patterns' ? findPatterns(exceptions, rangeEnd, zone) : []),
    [view, exceptions, rangeEnd, zone],
  );
  const total = totalsOf(results.flatMap((r) => r.days));
  const adjustedTotal = adjustedOver(daily, approved !== undefined);
  const belowTarget = agentRows.filter((r) => r.missedTarget).length;
  const exceptionCount = agentRows.reduce((n, r) => n + r.exceptionCount, 0);
  const teamName = (id: string) => details.teams.find((t) => t.id === id)?.name ?? id;
  const name = (id: string) => names.get(id) ?? id;
  const iso = (t: number) => isoWithOffset(t, zoneOffsetMs(zone, t));
  const file = (kind: string) => `adherence-${kind}-${request.from}-to-${request.to}`;
  const [saving, setSaving] = useState<string>();
  // A month of a unit's exceptions is a large workbook (seconds to write): said while it is written, and if it fails.
  const save = (kind: string, sheet: string, rows: Cell[][]) => {
    if (fileKind === 'csv') return void saveTable(file(kind), rows, fileKind, sheet);
    setSaving(t('hist.writingWorkbook', { rows: rows.length - 1 }));
    saveTable(file(kind), rows, fileKind, sheet).then(
      () => setSaving(undefined),
      (e: Error) => setSaving(t('hist.workbookFailed', { problem: problemWords(e) })),
    );
  };
  const dayOfOffset = (d: ZonedDay[]) => new Map(d.map((x) => [Math.round((x.start - d[0]!.start) / 1000), x]));

  // Columns for people (words, h:mm and minutes) or for tools (Genesys's field names, seconds): one choice, beside
  // the buttons. Days and agents with no schedule are left empty either way (issue 22, item 2).
  const exportForm: ExportForm = forTools ? 'tools' : 'people';
  // Yes and no in words for people; for tools, the same two values in any language.
  const yesNo = (yes: boolean) => (exportForm === 'tools' ? (yes ? 'yes' : 'no') : t(yes ? 'hist.yes' : 'hist.no'));
  const exportAgents = () =>
    save(
      'agents',
      t('hist.sheet.agents'),
      exportTable<AgentRow>(
        [
          { words: t('hist.col.agent'), field: 'agent', value: (r) => name(r.userId) },
          { words: t('hist.col.agentId'), field: 'userId', value: (r) => r.userId },
          {
            words: t('hist.col.adherence'),
            field: 'adherencePercentage',
            value: (r) => whenScheduled(r.scheduledSeconds, r.adherence),
          },
          {
            words: t('hist.col.adjusted'),
            field: 'adjustedAdherencePercentage',
            value: (r) => (r.scheduledSeconds > 0 ? r.adjusted : undefined),
          },
          {
            words: t('hist.col.approved'),
            field: 'approvedExplanationSeconds',
            kind: 'seconds',
            value: (r) => (approved ? r.approvedSeconds : undefined),
          },
          {
            words: t('hist.col.conformance'),
            field: 'conformancePercentage',
            value: (r) => whenScheduled(r.scheduledSeconds, r.conformance),
          },
          { words: t('hist.col.target'), field: 'adherenceTargetPercent', value: () => target },
          {
            words: t('hist.col.missedTarget'),
            field: 'missedTarget',
            value: (r) => (r.scheduledSeconds > 0 ? yesNo(r.missedTarget) : undefined),
          },
          { words: t('hist.col.exceptions'), field: 'exceptionCount', value: (r) => r.exceptionCount },
          {
            words: t('hist.col.exceptionTime'),
            field: 'exceptionDurationSeconds',
            kind: 'seconds',
            value: (r) => r.exceptionSeconds,
          },
          {
            words: t('hist.col.exceptionTimeThresholds'),
            field: 'exceptionDurationSecondsAsGenesysUi',
            kind: 'seconds',
            value: (r) => r.exceptionSecondsAsGenesysUi,
          },
          {
            words: t('hist.col.scheduledTime'),
            field: 'scheduleLengthSeconds',
            kind: 'seconds',
            value: (r) => r.scheduledSeconds,
          },
          { words: t('hist.col.worked'), field: 'actualLengthSeconds', kind: 'seconds', value: (r) => r.actualSeconds },
          {
            words: t('hist.col.effect'),
            field: 'impact',
            value: (r) => (exportForm === 'tools' ? r.impact : impactWords(r.impact)),
          },
          { words: t('hist.col.from'), field: 'from', value: () => request.from },
          { words: t('hist.col.to'), field: 'to', value: () => request.to },
          { words: t('hist.col.timeZone'), field: 'timeZone', value: () => zone },
        ],
        agentRows,
        exportForm,
      ),
    );
  const exportAgentDays = () => {
    const at = dayOfOffset(days);
    type DayRow = { userId: string; d: (typeof results)[number]['days'][number] };
    // A day's duration under Genesys's own field name.
    const daySeconds = (words: string, field: keyof DayRow['d']): Column<DayRow> => ({
      words,
      field,
      kind: 'seconds',
      value: (r) => r.d[field],
    });
    save(
      'agent-days',
      t('hist.sheet.agentDays'),
      exportTable<DayRow>(
        [
          { words: t('hist.col.agent'), field: 'agent', value: (r) => name(r.userId) },
          { words: t('hist.col.agentId'), field: 'userId', value: (r) => r.userId },
          { words: t('hist.col.date'), field: 'date', value: (r) => at.get(r.d.dayStartOffsetSeconds)?.date },
          {
            words: t('hist.col.dayStarts'),
            field: 'dayStart',
            value: (r) => {
              const day = at.get(r.d.dayStartOffsetSeconds);
              return day ? iso(day.start) : undefined;
            },
          },
          { words: t('hist.col.hours'), field: 'hours', value: (r) => at.get(r.d.dayStartOffsetSeconds)?.hours },
          {
            words: t('hist.col.scheduled'),
            field: 'scheduled',
            value: (r) =>
              r.d.scheduleLengthSeconds > 0 ? yesNo(true) : exportForm === 'tools' ? 'no' : t('hist.dayOff'),
          },
          {
            words: t('hist.col.adherence'),
            field: 'adherencePercentage',
            value: (r) => whenScheduled(r.d.adherenceScheduleSeconds, r.d.adherencePercentage),
          },
          {
            words: t('hist.col.adjusted'),
            field: 'adjustedAdherencePercentage',
            value: (r) =>
              approved
                ? adjustedPercent(
                    r.d.adherenceScheduleSeconds,
                    r.d.exceptionDurationSeconds,
                    approved.get(r.userId)?.get(r.d.dayStartOffsetSeconds) ?? 0,
                  )
                : undefined,
          },
          {
            words: t('hist.col.approved'),
            field: 'approvedExplanationSeconds',
            kind: 'seconds',
            value: (r) => (approved ? (approved.get(r.userId)?.get(r.d.dayStartOffsetSeconds) ?? 0) : undefined),
          },
          {
            words: t('hist.col.conformance'),
            field: 'conformancePercentage',
            value: (r) => whenScheduled(r.d.conformanceScheduleSeconds, r.d.conformancePercentage),
          },
          { words: t('hist.col.exceptions'), field: 'exceptionCount', value: (r) => r.d.exceptionCount },
          daySeconds(t('hist.col.exceptionTime'), 'exceptionDurationSeconds'),
          daySeconds(t('hist.col.scheduledForAdherence'), 'adherenceScheduleSeconds'),
          daySeconds(t('hist.col.scheduledTime'), 'scheduleLengthSeconds'),
          daySeconds(t('hist.col.worked'), 'actualLengthSeconds'),
          daySeconds(t('hist.col.net'), 'impactSeconds'),
          { words: t('hist.col.timeZone'), field: 'timeZone', value: () => zone },
        ],
        results.flatMap((r) => r.days.map((d) => ({ userId: r.userId, d }))),
        exportForm,
      ),
    );
  };
  const exportExceptions = (rows: ExceptionRow[]) =>
    save(
      'exceptions',
      t('hist.sheet.exceptions'),
      exportTable<ExceptionRow>(
        [
          { words: t('hist.col.agent'), field: 'agent', value: (r) => name(r.userId) },
          { words: t('hist.col.agentId'), field: 'userId', value: (r) => r.userId },
          { words: t('hist.col.start'), field: 'start', value: (r) => iso(r.start) },
          { words: t('hist.col.end'), field: 'end', value: (r) => iso(r.end) },
          { words: t('hist.col.length'), field: 'durationSeconds', kind: 'seconds', value: (r) => r.seconds },
          {
            words: t('hist.col.scheduledActivity'),
            field: 'scheduledActivity',
            value: (r) => activityWords(r.scheduled),
          },
          {
            words: t('hist.col.scheduledCode'),
            field: 'scheduledActivityCode',
            value: (r) => (r.scheduledCodeId && details.codes.get(r.scheduledCodeId)?.name) || '',
          },
          { words: t('hist.col.actualActivity'), field: 'actualActivity', value: (r) => activityWords(r.actual) },
          { words: t('hist.col.presence'), field: 'systemPresence', value: (r) => r.systemPresence },
          { words: t('hist.col.routing'), field: 'routingStatus', value: (r) => r.routingStatus },
          {
            words: t('hist.col.effect'),
            field: 'impact',
            value: (r) => (exportForm === 'tools' ? r.impact : impactWords(r.impact)),
          },
          {
            words: t('hist.col.explanation'),
            field: 'explanation',
            value: (r) =>
              r.explanation === 'None' ? '' : exportForm === 'tools' ? r.explanation : explanationWords(r.explanation),
          },
          // What the adjusted figure counts as adherent: summed over the rows, the per-agent file's column of the
          // same name (issue 20, item 2). Empty where the explanations could not be read.
          {
            words: t('hist.col.approved'),
            field: 'approvedExplanationSeconds',
            kind: 'seconds',
            value: (r) => (approved ? r.approvedSeconds : undefined),
          },
          { words: t('hist.col.timeZone'), field: 'timeZone', value: () => zone },
        ],
        rows,
        exportForm,
      ),
    );

  // Per agent and kind of exception: what a supervisor brings to a one-to-one (issue 22, item 9).
  const exportExceptionSummary = () =>
    save(
      'exceptions-summary',
      t('hist.sheet.summary'),
      exportTable<ExceptionSummary>(
        [
          { words: t('hist.col.agent'), field: 'agent', value: (r) => name(r.userId) },
          { words: t('hist.col.agentId'), field: 'userId', value: (r) => r.userId },
          { words: t('hist.col.exception'), field: 'exception', value: (r) => r.what },
          { words: t('hist.col.times'), field: 'count', value: (r) => r.times },
          { words: t('hist.col.inAll'), field: 'durationSeconds', kind: 'seconds', value: (r) => r.seconds },
          { words: t('hist.col.longest'), field: 'longestSeconds', kind: 'seconds', value: (r) => r.longestSeconds },
          { words: t('hist.col.explainedApproved'), field: 'approvedCount', value: (r) => r.approved },
          {
            words: t('hist.col.approved'),
            field: 'approvedExplanationSeconds',
            kind: 'seconds',
            value: (r) => (approved ? r.approvedSeconds : undefined),
          },
          { words: t('hist.col.timeZone'), field: 'timeZone', value: () => zone },
        ],
        summariseExceptions(allExceptions(), name),
        exportForm,
      ),
    );

  const selectedResult = selected ? results.find((r) => r.userId === selected) : undefined;
  const review = access ? checkFeature(access, 'review') : undefined;
  const weeksCovered = request.exceptions && days.length >= 21;
  return (
    <div className="report" data-testid="report">
      <p className="report-head">
        {tx<ReactNode>(
          'hist.head',
          { from: fmt.date(days[0]!.start), to: fmt.date(days[days.length - 1]!.start) },
          {
            unit: () => (
              <strong key="unit">
                <bdi>{details.unit.name}</bdi>
              </strong>
            ),
            zone: () => (
              <strong key="zone" data-testid="report-zone">
                {zone}
              </strong>
            ),
          },
        )}
        {days.some((d) => d.hours !== 24)
          ? ` ${t('hist.clocksChange', {
              days: listWords(
                days
                  .filter((d) => d.hours !== 24)
                  .map((d) => t('hist.dayHasHours', { day: fmt.short(d.start), hours: d.hours })),
              ),
            })}`
          : ''}
      </p>
      <div className="summary">
        <p>
          {tx<ReactNode>(
            'hist.summary',
            {
              adherence: percentWords(total.adherencePercentage, 2),
              target: percentWords(target, 0),
              conformance: percentWords(total.conformancePercentage, 2),
              agents: results.length,
              below: belowTarget,
              exceptions: exceptionCount,
            },
            {
              avg: (c) => (
                <strong key="avg" data-testid="average-adherence">
                  {c}
                </strong>
              ),
              b: (c) => <strong>{c}</strong>,
            },
          )}
        </p>
        <p data-testid="adjusted-summary">
          {request.exceptions && adjustedTotal !== undefined ? (
            <>
              {tx<ReactNode>(
                'hist.adjusted',
                { percent: percentWords(adjustedTotal, 2) },
                {
                  b: (c) => (
                    <strong key="adjusted" data-testid="adjusted-adherence">
                      {c}
                    </strong>
                  ),
                },
              )}{' '}
              <span className="hint">{adjustedSays()}</span>
            </>
          ) : (
            <span className="hint">
              {request.exceptions
                ? `${t('hist.noAdjustedExplanations')} ${report.explanationsNote ?? ''}`
                : t('hist.noAdjustedExceptions')}
            </span>
          )}
        </p>
        <p className="hint" data-testid="fetch-timings">
          {report.timings.parts === 0
            ? t('hist.allCached')
            : t('hist.timings', {
                parts: report.timings.parts,
                chunks: report.chunks.length,
                server: seconds(report.timings.serverMs),
                download: seconds(report.timings.downloadMs),
                parse: seconds(report.timings.parseMs),
              })}
        </p>
        <div className="toolbar no-print" role="group" aria-label={t('hist.export')}>
          <button type="button" onClick={exportAgents}>
            {t('hist.exportAgents', { file: FILE_WORDS[fileKind] })}
          </button>
          <button type="button" onClick={exportAgentDays}>
            {t('hist.exportAgentDays', { file: FILE_WORDS[fileKind] })}
          </button>
          {request.exceptions ? (
            <>
              <button type="button" onClick={() => exportExceptions(allExceptions())}>
                {t('hist.exportExceptions', { file: FILE_WORDS[fileKind] })}
              </button>
              <button type="button" onClick={exportExceptionSummary}>
                {t('hist.exportSummary', { file: FILE_WORDS[fileKind] })}
              </button>
            </>
          ) : null}
          <label>
            {t('hist.file')}{' '}
            <select value={fileKind} onChange={(e) => setFileKind(e.target.value as FileKind)}>
              <option value="csv">{FILE_WORDS.csv}</option>
              <option value="xlsx">{t('hist.fileXlsx')}</option>
            </select>
          </label>
          <label>
            <input type="checkbox" checked={forTools} onChange={(e) => setForTools(e.target.checked)} />{' '}
            {t('hist.forTools')}
          </label>
          <button type="button" onClick={() => window.print()}>
            {t('hist.print')}
          </button>
          {saving ? (
            <span role="status" data-testid="export-saving">
              {saving}
            </span>
          ) : null}
        </div>
      </div>
      <div className="views no-print" role="group" aria-label={t('hist.viewLabel')}>
        {VIEWS.map(([v, label]) => (
          <button key={v} type="button" aria-pressed={view === v} onClick={() => setView(v)}>
            {t(label)}
          </button>
        ))}
      </div>
      {view === 'agents' ? (
        <>
          {selectedResult ? (
            request.exceptions ? (
              <Timeline
                client={client}
                managementUnitId={request.mu}
                result={selectedResult}
                name={name(selectedResult.userId)}
                days={days}
                codes={details.codes}
                formatDate={fmt.date}
                timeZone={zone}
              />
            ) : (
              <p className="hint">{t('hist.tickForTimelines', { option: t('hist.withExceptions') })}</p>
            )
          ) : (
            <p className="hint">{t('hist.chooseAgent')}</p>
          )}
          <AgentTable
            rows={agentRows}
            names={names}
            target={target}
            thresholdSeconds={thresholdSeconds}
            selected={selected}
            onSelect={setSelected}
          />
        </>
      ) : null}
      {view === 'trends' ? (
        <section aria-labelledby="trends-title">
          <h2 id="trends-title">{t('hist.view.trends')}</h2>
          <TrendChart
            id="per-day"
            title={t('hist.perDay')}
            rows={daily}
            target={target}
            label={(r) => fmt.short(startOf.get(r.date)!)}
            unfinished={(r) => r.date === todayDate}
          />
          <TrendChart
            id="per-week"
            title={t('hist.perWeek')}
            rows={weekly}
            target={target}
            label={(r) => fmt.short(startOfDay(zone, r.date))}
            unfinished={(r) => r.date <= todayDate && todayDate < addDays(r.date, 7)}
          />
        </section>
      ) : null}
      {view === 'teams' ? (
        <TeamComparison
          teams={teams}
          teamName={teamName}
          target={target}
          dayLabel={(d) => fmt.short(startOf.get(d)!)}
        />
      ) : null}
      {view === 'exceptions' && request.exceptions && report.explanationsNote === undefined ? (
        review?.available === false ? (
          <p className="hint" data-testid="bulk-review-needs">
            {t('hist.reviewNeeds', {
              missing: listWords([...review.missingPermissions, ...review.missingScopes].map((r) => r.label)),
            })}
          </p>
        ) : (
          <BulkReview
            client={client}
            explanations={report.explanations}
            timeZone={zone}
            rangeStart={days[0]!.start}
            rangeEnd={days[days.length - 1]!.end}
            names={names}
            formatTime={fmt.time}
          />
        )
      ) : null}
      {view === 'exceptions' ? (
        request.exceptions ? (
          <ExceptionList
            rows={exceptions}
            names={names}
            codes={details.codes}
            formatTime={fmt.time}
            explanationsNote={report.explanationsNote}
            onExport={exportExceptions}
            fileWords={FILE_WORDS[fileKind]}
            genesysCount={exceptionCount}
          />
        ) : (
          <p className="hint">{t('hist.tickForExceptions', { option: t('hist.withExceptions') })}</p>
        )
      ) : null}
      {view === 'week' ? <SlotHeatmap grid={slots} timeZone={zone} /> : null}
      {view === 'patterns' ? (
        <PatternList
          patterns={patterns}
          names={names}
          formatDate={fmt.time}
          covered={weeksCovered}
          client={client}
          timeZone={zone}
          coaching={access ? checkFeature(access, 'coaching') : undefined}
        />
      ) : null}
    </div>
  );
}

/**
 * The range in words, and how it will load: "31 days, loaded in 5 parts". Genesys prepares a week at a time with
 * exceptions, a month without (the report's chunks), each part in turn with its own progress.
 */
function rangeParts(days: number, exceptions: boolean): string {
  const parts = Math.ceil(days / (exceptions ? 7 : 31));
  return parts > 1 ? t('hist.rangeParts', { days, parts }) : t('hist.range', { days });
}
