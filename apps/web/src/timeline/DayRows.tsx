/** @module One local day as aligned rows of blocks (scheduled, actual, exceptions), hour lines, a now-line. */
import { t } from '../i18n/i18n.js';
import { wallClockTime, type ZonedDay } from '@adhere/genesys';

export const CATEGORY_CLASS: Record<string, string> = {
  OnQueueWork: 'cat-queue',
  Break: 'cat-break',
  Meal: 'cat-meal',
  Meeting: 'cat-meeting',
  Training: 'cat-training',
  OffQueueWork: 'cat-offqueue',
  Unavailable: 'cat-unavailable',
  TimeOff: 'cat-timeoff',
};
/** The colour class of an activity category (any category Genesys adds later is grey). */
export const classOf = (category: string) => CATEGORY_CLASS[category] ?? 'cat-other';

/** Where an instant falls across a drawing of the day 1000 wide (clamped to the day). */
export function dayScale(day: ZonedDay): (t: number) => number {
  const span = day.end - day.start;
  return (t) => ((Math.max(day.start, Math.min(day.end, t)) - day.start) / span) * 1000;
}

export interface Block {
  start: number;
  end: number;
  category: string;
  label: string;
}

export function DayRows({
  day,
  timeZone,
  label,
  rows,
  now,
}: {
  day: ZonedDay;
  timeZone: string;
  label: string;
  rows: Array<[string, Block[]]>;
  /** Draws the now-line when now falls in the day. */
  now?: number | undefined;
}) {
  // Local h:00 (wall clock): on a clock-change day it is an hour off from "h hours after midnight".
  const wall = (h: number) => wallClockTime(timeZone, day.date, h * 60);
  const x = dayScale(day);
  // The drawing stretches to the width; its rows keep a fixed height, so the row names beside it and the hour labels
  // under it are real text at the page's size (text inside a scaled drawing shrank to 9 px on a laptop).
  const rowH = 18;
  const inDay = (b: Block) => b.end > day.start && b.start < day.end;
  return (
    <div className="day-rows" data-date={day.date}>
      <span className="day-label">
        {label}
        {day.hours !== 24 ? ` ${t('day.clocksChange', { hours: day.hours })}` : ''}
      </span>
      <span className="row-names" aria-hidden="true">
        {rows.map(([n]) => (
          <span key={n}>{n}</span>
        ))}
      </span>
      <svg
        viewBox={`0 0 1000 ${rows.length * rowH}`}
        preserveAspectRatio="none"
        style={{ height: `${rows.length * rowH}px` }}
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
            vectorEffect="non-scaling-stroke"
          />
        ))}
        {rows.map(([rowName, blocks], r) => (
          <g key={rowName} data-row={rowName}>
            {blocks.filter(inDay).map((b, i) => (
              <rect
                key={i}
                x={x(b.start)}
                y={r * rowH + 2}
                width={Math.max(0.8, x(b.end) - x(b.start))}
                height={rowH - 4}
                className={b.category === 'exception' ? 'exception' : classOf(b.category)}
              >
                <title>{b.label}</title>
              </rect>
            ))}
          </g>
        ))}
        {now !== undefined && now >= day.start && now < day.end ? (
          <line
            x1={x(now)}
            x2={x(now)}
            y1={0}
            y2={rows.length * rowH}
            className="now-line"
            vectorEffect="non-scaling-stroke"
          />
        ) : null}
      </svg>
      <span className="day-axis" aria-hidden="true">
        {[0, 6, 12, 18].map((h) => (
          <span key={h} style={{ left: `${x(wall(h)) / 10}%` }}>
            {String(h).padStart(2, '0')}:00
          </span>
        ))}
      </span>
    </div>
  );
}
