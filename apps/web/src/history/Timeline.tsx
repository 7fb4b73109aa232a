/**
 * @module One agent's schedule against what they did: per local day, three aligned rows (scheduled activities
 * by activity-code name, actual activity, exceptions), zoomable from one day to the whole range.
 */
import { useEffect, useState } from 'react';
import {
  searchAgentSchedules,
  type GenesysClient,
  type HistoricalUserResult,
  zoneOffsetMs,
  type ZonedDay,
} from '@adhere/genesys';
import { activityWords } from '../words.js';

const CATEGORY_CLASS: Record<string, string> = {
  OnQueueWork: 'cat-queue',
  Break: 'cat-break',
  Meal: 'cat-meal',
  Meeting: 'cat-meeting',
  Training: 'cat-training',
  OffQueueWork: 'cat-offqueue',
  Unavailable: 'cat-unavailable',
  TimeOff: 'cat-timeoff',
};
const classOf = (category: string) => CATEGORY_CLASS[category] ?? 'cat-other';

interface Block {
  start: number;
  end: number;
  category: string;
  label: string;
}

type Zoom = 'day' | 'week' | 'range';
// The schedule search answers at most about two months at once; ask in 31-day pieces.
const SEARCH_DAYS = 31;

export interface TimelineProps {
  client: GenesysClient;
  managementUnitId: string;
  result: HistoricalUserResult;
  name: string;
  days: ZonedDay[];
  codes: ReadonlyMap<string, { name: string; category: string }>;
  formatDate: (epochMs: number) => string;
  timeZone: string;
}

export function Timeline({ client, managementUnitId, result, name, days, codes, formatDate, timeZone }: TimelineProps) {
  const [zoom, setZoom] = useState<Zoom>(days.length > 7 ? 'week' : 'range');
  const [first, setFirst] = useState(Math.max(0, days.length - 7));
  const [scheduled, setScheduled] = useState<Block[]>();
  const [scheduleError, setScheduleError] = useState<string>();

  useEffect(() => {
    const ac = new AbortController();
    setScheduled(undefined);
    setScheduleError(undefined);
    (async () => {
      const blocks: Block[] = [];
      for (let i = 0; i < days.length; i += SEARCH_DAYS) {
        const piece = days.slice(i, i + SEARCH_DAYS);
        const schedules = await searchAgentSchedules(
          client,
          managementUnitId,
          {
            // A shift that started the evening before the range still covers its first hours.
            startDate: new Date(piece[0]!.start - (i === 0 ? 86_400_000 : 0)).toISOString(),
            endDate: new Date(piece[piece.length - 1]!.end).toISOString(),
            userIds: [result.userId],
          },
          { signal: ac.signal },
        );
        for (const s of schedules)
          for (const shift of s.shifts ?? [])
            for (const a of shift.activities ?? []) {
              const start = Date.parse(a.startDate);
              const code = codes.get(a.activityCodeId);
              blocks.push({
                start,
                end: start + a.lengthMinutes * 60_000,
                category: code?.category ?? 'Unavailable',
                label: code?.name ?? (a.description || a.activityCodeId),
              });
            }
      }
      setScheduled(blocks);
    })().catch((e: Error) => {
      if (!ac.signal.aborted) setScheduleError(e.message);
    });
    return () => ac.abort();
  }, [client, managementUnitId, result.userId, days, codes]);

  const base = Date.parse(result.startDate);
  const actual: Block[] = result.actuals
    .filter((a) => a.actualActivityCategory !== 'Unavailable')
    .map((a) => ({
      start: base + a.startOffsetSeconds * 1000,
      end: base + a.endOffsetSeconds * 1000,
      category: a.actualActivityCategory,
      label: activityWords(a.actualActivityCategory),
    }));
  const exceptions: Block[] = result.exceptions.map((e) => ({
    start: base + e.startOffsetSeconds * 1000,
    end: base + e.endOffsetSeconds * 1000,
    category: 'exception',
    label: `Scheduled ${activityWords(e.scheduledActivityCategory)}, actually ${activityWords(e.actualActivityCategory)}`,
  }));

  const count = zoom === 'day' ? 1 : zoom === 'week' ? 7 : days.length;
  const start = zoom === 'range' ? 0 : Math.min(first, Math.max(0, days.length - count));
  const shown = days.slice(start, start + count);

  return (
    <figure className="timeline" aria-labelledby="timeline-title">
      <figcaption id="timeline-title">
        Timeline of {name}: scheduled, actual and exceptions per day ({timeZone})
      </figcaption>
      <div className="toolbar" role="group" aria-label="Zoom">
        {(['day', 'week', 'range'] as const).map((z) => (
          <button key={z} type="button" aria-pressed={zoom === z} onClick={() => setZoom(z)}>
            {z === 'day' ? 'One day' : z === 'week' ? 'One week' : 'Whole range'}
          </button>
        ))}
        {zoom !== 'range' ? (
          <>
            <button type="button" disabled={start === 0} onClick={() => setFirst(Math.max(0, start - count))}>
              Earlier
            </button>
            <button
              type="button"
              disabled={start + count >= days.length}
              onClick={() => setFirst(Math.min(days.length - count, start + count))}
            >
              Later
            </button>
          </>
        ) : null}
        {scheduleError ? (
          <span role="alert">Schedule not shown: {scheduleError}</span>
        ) : scheduled ? null : (
          <span role="status">Loading the schedule…</span>
        )}
      </div>
      {shown.map((d) => (
        <DayRows
          key={d.date}
          day={d}
          timeZone={timeZone}
          label={formatDate(d.start)}
          rows={[
            ['Scheduled', scheduled ?? []],
            ['Actual', actual],
            ['Exceptions', exceptions],
          ]}
        />
      ))}
      <ul className="legend">
        {Object.entries(CATEGORY_CLASS).map(([c, cls]) => (
          <li key={c}>
            <span className={`swatch ${cls}`} aria-hidden="true" />
            {activityWords(c)}
          </li>
        ))}
        <li>
          <span className="swatch exception" aria-hidden="true" />
          Exception
        </li>
      </ul>
    </figure>
  );
}

function DayRows({
  day,
  timeZone,
  label,
  rows,
}: {
  day: ZonedDay;
  timeZone: string;
  label: string;
  rows: Array<[string, Block[]]>;
}) {
  const span = day.end - day.start;
  // Local h:00 (wall clock): on a clock-change day it is an hour off from "h hours after midnight".
  const wall = (h: number) => {
    const t = day.start + h * 3_600_000;
    return t + zoneOffsetMs(timeZone, day.start) - zoneOffsetMs(timeZone, t);
  };
  const x = (t: number) => ((Math.max(day.start, Math.min(day.end, t)) - day.start) / span) * 1000;
  const rowH = 14;
  const inDay = (b: Block) => b.end > day.start && b.start < day.end;
  return (
    <div className="day-rows" data-date={day.date}>
      <span className="day-label">
        {label}
        {day.hours !== 24 ? ` (${day.hours} hours: clocks change)` : ''}
      </span>
      <span className="row-names" aria-hidden="true">
        {rows.map(([n]) => (
          <span key={n}>{n}</span>
        ))}
      </span>
      <svg
        viewBox={`0 0 1000 ${rows.length * rowH + 12}`}
        width="100%"
        height={rows.length * rowH + 12}
        role="img"
        aria-label={`${label}: ${rows.map(([n, bs]) => `${bs.filter(inDay).length} ${n.toLowerCase()}`).join(', ')}`}
      >
        {Array.from({ length: day.hours + 1 }, (_, h) => (
          <line
            key={h}
            x1={x(day.start + h * 3_600_000)}
            x2={x(day.start + h * 3_600_000)}
            y1={0}
            y2={rows.length * rowH}
            className="grid"
          />
        ))}
        {rows.map(([rowName, blocks], r) => (
          <g key={rowName} data-row={rowName}>
            {blocks.filter(inDay).map((b, i) => (
              <rect
                key={i}
                x={x(b.start)}
                y={r * rowH + 1}
                width={Math.max(0.8, x(b.end) - x(b.start))}
                height={rowH - 2}
                className={b.category === 'exception' ? 'exception' : classOf(b.category)}
              >
                <title>{b.label}</title>
              </rect>
            ))}
          </g>
        ))}
        {[0, 6, 12, 18].map((h) => (
          <text key={h} x={x(wall(h)) + 2} y={rows.length * rowH + 10} className="axis">
            {String(h).padStart(2, '0')}:00
          </text>
        ))}
      </svg>
    </div>
  );
}
