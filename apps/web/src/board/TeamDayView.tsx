/**
 * @module The whole team on one timeline (issue 22, what to build 4) with staffing per interval (5): today's
 * published schedule against what each agent did, one row per agent, virtualised, the current time marked,
 * exceptions outlined, a click on a name opening the agent's day; above the rows, per 15 or 30 minutes, agents
 * scheduled on queue against agents on queue. A modal dialog; the address (?timeline=) keeps it.
 *
 * What each agent did comes from Genesys's historical adherence for today (actuals and exceptions), carried from
 * when it was read to now by the board's live trail; without the historical permission, from the live trail alone.
 */
import { memo, useEffect, useLayoutEffect, useMemo, useRef, useState } from 'react';
import {
  addDays,
  historicalAdherence,
  localDate,
  localMinuteOfDay,
  searchAgentSchedules,
  startOfDay,
  wallClockTime,
  zonedDays,
  type AgentAdherence,
  type AgentSchedule,
  type GenesysClient,
  type ZonedDay,
} from '@adhere/genesys';
import { classOf, dayScale, type Block } from '../timeline/DayRows.js';
import { DialogButtons } from './DialogButtons.js';
import { DayLegend } from '../timeline/DayLegend.js';
import { historyBlocks, scheduleBlocks, type ActivityCodes } from '../timeline/blocks.js';
import { activityWords, clockTime, dateWords, minutesWords } from '../words.js';
import { t, tx } from '../i18n/i18n.js';
import { tabNotifications } from '../notifications.js';
import { problemWords } from '../access/denied.js';
import type { LiveTrail } from './live-trail.js';
import { agentsWords, intervalGapWords, staffingByInterval, type IntervalStaffing } from './interval-staffing.js';

export interface TimelineMember {
  userId: string;
  name: string;
  record: AgentAdherence;
}

interface Done {
  actual: Block[];
  exceptions: Block[];
}

interface Loaded {
  /** Per agent; undefined when the schedule could not be read. */
  scheduled: Map<string, Block[]> | undefined;
  /** Per agent; undefined when today's history could not be read (the live trail stands in). */
  done: Map<string, Done> | undefined;
  asOf: number;
  missing: string[];
}

/** Row height when the stylesheet gives none (it sets --team-row per screen width, in rem). */
const ROW_REM = 2.5;
/** Rows drawn above and below the visible ones, so a fast scroll does not show blanks. */
const OVERSCAN = 6;
const NONE: Block[] = [];

export function TeamDayView({
  client,
  title,
  members,
  wholeUnits,
  timeZone,
  codes,
  trail,
  exceptionMsOf,
  now,
  onOpenAgent,
  onClose,
}: {
  client: GenesysClient;
  /** What the timeline is of, in words ("Team Blue", "the units shown"). */
  title: string;
  members: readonly TimelineMember[];
  /** The members are whole units (no team filter): the queries ask for the units, not a list of 20,000 ids. */
  wholeUnits: boolean;
  timeZone: string;
  codes: ActivityCodes;
  trail: LiveTrail;
  /** The unit's exception threshold for an agent: a live spell shorter than it is not an exception yet. */
  exceptionMsOf: (r: AgentAdherence) => number;
  now: number;
  onOpenAgent: (userId: string) => void;
  onClose: () => void;
}) {
  const dialog = useRef<HTMLDialogElement>(null);
  const heading = useRef<HTMLHeadingElement>(null);
  const [loaded, setLoaded] = useState<Loaded>();
  const [error, setError] = useState<string>();
  const [refresh, setRefresh] = useState(0);
  const [minutes, setMinutes] = useState<15 | 30>(30);
  const [order, setOrder] = useState<'name' | 'exceptions'>('name');
  const date = localDate(timeZone, now);
  const day = zonedDays(timeZone, date, date)[0]!;

  useEffect(() => {
    const d = dialog.current;
    if (d && !d.open) d.showModal();
    heading.current?.focus();
  }, []);

  // The members' units and ids: a new snapshot of the same people does not read the day again.
  const byUnit = useMemo(() => {
    const m = new Map<string, string[]>();
    for (const x of members) {
      const mu = x.record.managementUnitId ?? '';
      const list = m.get(mu) ?? [];
      list.push(x.userId);
      m.set(mu, list);
    }
    return m;
  }, [members]);
  const unitsKey = [...byUnit].map(([mu, ids]) => `${mu}:${ids.length}:${ids[0]}`).join('|');

  useEffect(() => {
    const ac = new AbortController();
    const signal = ac.signal;
    const start = startOfDay(timeZone, date);
    const end = startOfDay(timeZone, addDays(date, 1));
    setError(undefined);
    (async () => {
      const units = [...byUnit].filter(([mu]) => mu);
      // Each unit's schedule and history side by side; each part on its own, so a role with one and not the other
      // still sees what it may, told what is left out and why.
      const asked = await Promise.all(
        units.map(([mu, ids]) =>
          Promise.allSettled([
            // From the day before: a shift that began last evening still covers the first hours.
            searchAgentSchedules(
              client,
              mu,
              {
                startDate: new Date(start - 86_400_000).toISOString(),
                endDate: new Date(end).toISOString(),
                ...(wholeUnits ? {} : { userIds: ids }),
              },
              { signal, notifications: tabNotifications(client) },
            ),
            historicalAdherence(client, {
              managementUnitId: mu,
              startDate: new Date(start).toISOString(),
              endDate: new Date(end).toISOString(),
              timeZone,
              ...(wholeUnits ? {} : { userIds: ids }),
              includeExceptions: true,
              includeActuals: true,
              signal,
              notifications: tabNotifications(client),
              pollIntervalMs: 500,
            }),
          ]),
        ),
      );
      if (signal.aborted) return;
      const asOf = Date.now();
      const missing: string[] = [];
      let scheduled: Map<string, Block[]> | undefined = new Map();
      let done: Map<string, Done> | undefined = new Map();
      for (const [schedules, history] of asked) {
        if (schedules.status === 'rejected') {
          if (scheduled) missing.push(t('day.scheduleMissing', { problem: problemWords(schedules.reason) }));
          scheduled = undefined;
        } else if (scheduled)
          for (const [id, blocks] of schedulesByAgent(schedules.value, codes)) scheduled.set(id, blocks);
        if (history.status === 'rejected') {
          if (done)
            missing.push(
              t('team.historyMissing', {
                problem: problemWords(history.reason),
                since: clockTime(localMinuteOfDay(timeZone, trail.since)),
              }),
            );
          done = undefined;
        } else if (done) for (const r of history.value) done.set(r.userId, historyBlocks(r));
      }
      setLoaded({ scheduled, done, asOf, missing });
    })().catch((e: Error) => {
      if (!signal.aborted) setError(problemWords(e));
    });
    return () => ac.abort();
    // byUnit is read through unitsKey: the same people in a new snapshot ask nothing again.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [client, unitsKey, wholeUnits, timeZone, date, codes, trail, refresh]);

  // Each agent's day so far: Genesys's record up to when it was read, then the live trail up to now.
  const days = useMemo(() => {
    if (!loaded) return undefined;
    const out = new Map<string, { scheduled: Block[]; actual: Block[]; exceptions: Block[]; exceptionMs: number }>();
    for (const m of members) {
      const recorded = loaded.done?.get(m.userId);
      const from = recorded ? loaded.asOf : day.start;
      const seen = trail.dayOf(m.record, day.start, now);
      const actual = [
        ...(recorded?.actual ?? NONE),
        ...seen.actual
          .filter((s) => s.end > from && s.category !== 'Unavailable')
          .map((s) => ({
            start: Math.max(s.start, from),
            end: s.end,
            category: s.category,
            label: activityWords(s.category),
          })),
      ];
      const threshold = exceptionMsOf(m.record);
      const exceptions = [
        ...(recorded?.exceptions ?? NONE),
        ...seen.out
          // A live spell is an exception once it has lasted the unit's threshold (then all of it, as Genesys counts).
          .filter((s) => s.end > from && s.end - s.start >= threshold)
          .map((s) => ({
            start: Math.max(s.start, from),
            end: s.end,
            category: 'exception',
            label: t('state.OutOfAdherence'),
          })),
      ];
      out.set(m.userId, {
        scheduled: loaded.scheduled?.get(m.userId) ?? NONE,
        actual,
        exceptions,
        exceptionMs: exceptions.reduce((sum, b) => sum + Math.min(b.end, now) - b.start, 0),
      });
    }
    return out;
  }, [loaded, members, trail, day.start, now, exceptionMsOf]);

  const rows = useMemo(() => {
    const list = [...members];
    list.sort((a, b) =>
      order === 'exceptions'
        ? (days?.get(b.userId)?.exceptionMs ?? 0) - (days?.get(a.userId)?.exceptionMs ?? 0) ||
          a.name.localeCompare(b.name)
        : a.name.localeCompare(b.name),
    );
    return list;
  }, [members, order, days]);

  const staffing = useMemo(
    () => (days && loaded?.scheduled ? staffingByInterval(days.values(), day.start, day.end, minutes, now) : undefined),
    [days, loaded, day.start, day.end, minutes, now],
  );
  const at = (t: number) => clockTime(localMinuteOfDay(timeZone, t));

  return (
    <dialog
      ref={dialog}
      className="day-view team-day"
      aria-labelledby="team-day-title"
      onClose={onClose}
      data-testid="team-day"
    >
      <h2 id="team-day-title" ref={heading} tabIndex={-1}>
        {tx('team.title', { count: members.length, zone: timeZone }, { title: () => <bdi>{title}</bdi> })}
      </h2>
      {error ? <p role="alert">{t('day.couldNotRead', { problem: error })}</p> : null}
      {!loaded && !error ? <p role="status">{t('team.reading')}</p> : null}
      {loaded?.missing.length ? (
        <ul className="hint" data-testid="team-day-missing">
          {loaded.missing.map((m) => (
            <li key={m}>{m}</li>
          ))}
        </ul>
      ) : null}
      {staffing ? (
        <StaffingStrip
          staffing={staffing}
          day={day}
          timeZone={timeZone}
          now={now}
          at={at}
          minutes={minutes}
          setMinutes={setMinutes}
        />
      ) : null}
      {days ? (
        <>
          <div className="toolbar">
            <label>
              {t('board.order')}{' '}
              <select value={order} onChange={(e) => setOrder(e.target.value as 'name' | 'exceptions')}>
                <option value="name">{t('team.byName')}</option>
                <option value="exceptions">{t('team.byExceptions')}</option>
              </select>
            </label>
            <span className="hint">{t('team.hint', { day: dateWords(timeZone, day.start), asOf: at(now) })}</span>
          </div>
          <TeamRows rows={rows} days={days} day={day} timeZone={timeZone} now={now} at={at} onOpenAgent={onOpenAgent} />
          <DayLegend />
        </>
      ) : null}
      <DialogButtons dialog={dialog} onRefresh={() => setRefresh((r) => r + 1)} />
    </dialog>
  );
}

function schedulesByAgent(schedules: readonly AgentSchedule[], codes: ActivityCodes): Map<string, Block[]> {
  const byAgent = new Map<string, AgentSchedule[]>();
  for (const s of schedules) {
    const id = s.user?.id;
    if (!id) continue;
    const list = byAgent.get(id) ?? [];
    list.push(s);
    byAgent.set(id, list);
  }
  return new Map([...byAgent].map(([id, list]) => [id, scheduleBlocks(list, codes)]));
}

/** The hours marked on the axis: every third, at its wall-clock time (an hour off on a clock-change day). */
const AXIS_HOURS = [0, 3, 6, 9, 12, 15, 18, 21];

function StaffingStrip({
  staffing,
  day,
  timeZone,
  now,
  at,
  minutes,
  setMinutes,
}: {
  staffing: IntervalStaffing[];
  day: ZonedDay;
  timeZone: string;
  now: number;
  at: (t: number) => string;
  minutes: 15 | 30;
  setMinutes: (m: 15 | 30) => void;
}) {
  const x = dayScale(day);
  const top = Math.max(1, ...staffing.map((i) => Math.max(i.scheduled, i.actual ?? 0)));
  const H = 60;
  const y = (n: number) => H - (n / top) * (H - 2);
  const current = staffing.find((i) => i.start <= now && now < i.end);
  const past = staffing.filter((i) => i.actual !== undefined && i.scheduled > 0);
  const short = past.filter((i) => Math.round(i.actual! - i.scheduled) < 0);
  const worst = short.reduce<IntervalStaffing | undefined>(
    (w, i) => (!w || i.actual! - i.scheduled < w.actual! - w.scheduled ? i : w),
    undefined,
  );
  const span = (i: IntervalStaffing) => `${at(i.start)}–${at(i.end)}`;
  return (
    <section className="staffing-strip" aria-labelledby="staffing-title" data-testid="interval-staffing">
      <h3 id="staffing-title">{t('team.staffingTitle')}</h3>
      <div className="toolbar" role="group" aria-label={t('team.interval')}>
        {([15, 30] as const).map((m) => (
          <button key={m} type="button" aria-pressed={minutes === m} onClick={() => setMinutes(m)}>
            {t('team.minutes', { count: m })}
          </button>
        ))}
      </div>
      <p data-testid="staffing-now">
        {current
          ? t('team.now', {
              span: span(current),
              onQueue: agentsWords(current.actual ?? 0),
              scheduled: agentsWords(current.scheduled),
              gap: intervalGapWords(current),
            })
          : t('team.over')}{' '}
        {past.length === 0
          ? t('team.nothingScheduled')
          : short.length === 0
            ? t('team.notShort', { count: past.length })
            : t('team.short', {
                short: short.length,
                count: past.length,
                worst: span(worst!),
                gap: intervalGapWords(worst!),
              })}
      </p>
      <p className="hint">{t('team.average')}</p>
      <div className="team-grid gutter">
        <span className="hint" aria-hidden="true">
          {t('team.bars')}
        </span>
        <svg
          viewBox={`0 0 1000 ${H}`}
          preserveAspectRatio="none"
          style={{ height: `${H}px` }}
          role="img"
          aria-label={t('team.chartLabel', { minutes })}
        >
          {staffing.map((i) =>
            i.actual === undefined ? null : (
              <rect
                key={i.start}
                x={x(i.start) + 0.5}
                width={Math.max(0.5, x(i.end) - x(i.start) - 1)}
                y={y(i.actual)}
                height={H - y(i.actual)}
                className={Math.round(i.actual - i.scheduled) < 0 ? 'staff-short' : 'staff-actual'}
              />
            ),
          )}
          <path
            className="staff-scheduled"
            vectorEffect="non-scaling-stroke"
            d={staffing.map((i) => `M${x(i.start)},${y(i.scheduled)}H${x(i.end)}`).join('')}
          />
          {now >= day.start && now < day.end ? (
            <line x1={x(now)} x2={x(now)} y1={0} y2={H} className="now-line" vectorEffect="non-scaling-stroke" />
          ) : null}
        </svg>
        <span />
      </div>
      <Axis day={day} timeZone={timeZone} className="gutter" />
      <details>
        <summary>{t('team.asTable')}</summary>
        <div className="results-scroll">
          <table className="results compact" data-testid="interval-table">
            <thead>
              <tr>
                <th scope="col">{t('team.interval')}</th>
                <th scope="col">{t('staffing.scheduled')}</th>
                <th scope="col">{t('staffing.onQueue')}</th>
                <th scope="col">{t('staffing.gap')}</th>
              </tr>
            </thead>
            <tbody>
              {staffing.map((i) => (
                <tr key={i.start} data-start={i.start}>
                  <th scope="row">{span(i)}</th>
                  <td>{agentsWords(i.scheduled)}</td>
                  <td>{i.actual === undefined ? '–' : agentsWords(i.actual)}</td>
                  <td>{intervalGapWords(i)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      </details>
    </section>
  );
}

function Axis({ day, timeZone, className = '' }: { day: ZonedDay; timeZone: string; className?: string }) {
  const x = dayScale(day);
  return (
    <div className={`team-grid team-axis ${className}`} aria-hidden="true">
      <span />
      <span className="team-hours">
        {AXIS_HOURS.map((h) => (
          <span
            key={h}
            className={h % 6 ? 'minor' : undefined}
            style={{ left: `${x(wallClockTime(timeZone, day.date, h * 60)) / 10}%` }}
          >
            {String(h).padStart(2, '0')}:00
          </span>
        ))}
      </span>
      <span />
    </div>
  );
}

interface AgentDay {
  scheduled: Block[];
  actual: Block[];
  exceptions: Block[];
  exceptionMs: number;
}

/** Only the rows in view are in the page: 200 agents or 20,000, a frame touches the few dozen on screen. */
function TeamRows({
  rows,
  days,
  day,
  timeZone,
  now,
  at,
  onOpenAgent,
}: {
  rows: readonly TimelineMember[];
  days: ReadonlyMap<string, AgentDay>;
  day: ZonedDay;
  timeZone: string;
  now: number;
  at: (t: number) => string;
  onOpenAgent: (userId: string) => void;
}) {
  const box = useRef<HTMLDivElement>(null);
  const [scrollTop, setScrollTop] = useState(0);
  const [viewport, setViewport] = useState(600);
  const [rowPx, setRowPx] = useState(40);
  // Rows are --team-row tall in the page's own rem (taller on a phone, where the exceptions go under the name):
  // measured, so zoom and the user's font size keep them whole.
  useLayoutEffect(() => {
    const el = box.current;
    if (!el) return;
    const measure = () => {
      const rem = parseFloat(getComputedStyle(el).getPropertyValue('--team-row')) || ROW_REM;
      setRowPx(rem * parseFloat(getComputedStyle(document.documentElement).fontSize));
      setViewport(el.clientHeight);
    };
    measure();
    const ro = new ResizeObserver(measure);
    ro.observe(el);
    return () => ro.disconnect();
  }, []);
  const first = Math.max(0, Math.floor(scrollTop / rowPx) - OVERSCAN);
  const last = Math.min(rows.length, Math.ceil((scrollTop + viewport) / rowPx) + OVERSCAN);
  return (
    <div
      ref={box}
      className="team-rows"
      onScroll={(e) => setScrollTop(e.currentTarget.scrollTop)}
      data-testid="team-rows"
    >
      <Axis day={day} timeZone={timeZone} className="sticky" />
      <ul aria-label={t('team.rowsLabel')} style={{ height: `${rows.length * rowPx}px` }}>
        {rows.slice(first, last).map((m, k) => (
          <TeamRow
            key={m.userId}
            member={m}
            agentDay={days.get(m.userId)}
            index={first + k}
            total={rows.length}
            top={(first + k) * rowPx}
            day={day}
            now={now}
            at={at}
            onOpenAgent={onOpenAgent}
          />
        ))}
      </ul>
    </div>
  );
}

const TeamRow = memo(function TeamRow({
  member,
  agentDay,
  index,
  total,
  top,
  day,
  now,
  at,
  onOpenAgent,
}: {
  member: TimelineMember;
  agentDay: AgentDay | undefined;
  index: number;
  total: number;
  top: number;
  day: ZonedDay;
  now: number;
  at: (t: number) => string;
  onOpenAgent: (userId: string) => void;
}) {
  const x = dayScale(day);
  const inDay = (b: Block) => b.end > day.start && b.start < day.end;
  const scheduled = (agentDay?.scheduled ?? NONE).filter(inDay);
  const actual = (agentDay?.actual ?? NONE).filter(inDay);
  const exceptions = (agentDay?.exceptions ?? NONE).filter(inDay);
  const shift = scheduled.length
    ? t('team.shift', { from: at(scheduled[0]!.start), to: at(scheduled[scheduled.length - 1]!.end) })
    : '';
  const exceptionWords = exceptions.length
    ? t('team.exceptions', { count: exceptions.length, time: minutesWords(agentDay?.exceptionMs ?? 0) })
    : scheduled.length
      ? t('team.noExceptions')
      : t('team.notScheduled');
  return (
    <li
      className="team-grid team-row"
      style={{ transform: `translateY(${top}px)` }}
      aria-setsize={total}
      aria-posinset={index + 1}
      data-user={member.userId}
      data-exceptions={exceptions.length}
    >
      <button type="button" className="link" onClick={() => onOpenAgent(member.userId)}>
        <bdi>{member.name}</bdi>
      </button>
      <svg
        viewBox="0 0 1000 20"
        preserveAspectRatio="none"
        role="img"
        aria-label={t('team.rowLabel', { name: member.name, shift: shift || 'none', exceptions: exceptionWords })}
      >
        <Rects blocks={scheduled} y={1} height={8} x={x} at={at} />
        <Rects blocks={actual} y={11} height={8} x={x} at={at} />
        <Rects blocks={exceptions} y={0.5} height={19} x={x} at={at} outline />
        {now >= day.start && now < day.end ? (
          <line x1={x(now)} x2={x(now)} y1={0} y2={20} className="now-line" vectorEffect="non-scaling-stroke" />
        ) : null}
      </svg>
      <span className="team-exceptions">{exceptionWords}</span>
    </li>
  );
});

/** One band of a row: each block a rect at its share of the day, named with its times; exceptions as outlines. */
function Rects({
  blocks,
  y,
  height,
  x,
  at,
  outline = false,
}: {
  blocks: readonly Block[];
  y: number;
  height: number;
  x: (t: number) => number;
  at: (t: number) => string;
  outline?: boolean;
}) {
  return (
    <>
      {blocks.map((b, i) => (
        <rect
          key={i}
          x={x(b.start)}
          y={y}
          width={Math.max(0.8, x(b.end) - x(b.start))}
          height={height}
          className={outline ? 'exception-outline' : classOf(b.category)}
          {...(outline ? { vectorEffect: 'non-scaling-stroke' } : {})}
        >
          <title>{`${b.label} ${at(b.start)}–${at(b.end)}`}</title>
        </rect>
      ))}
    </>
  );
}
