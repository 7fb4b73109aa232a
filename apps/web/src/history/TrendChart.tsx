/** @module Adherence per period as bars with the unit's target as a line; the numbers as a table beside it. */
import type { PeriodRow } from './report-math.js';

export function TrendChart({
  id,
  title,
  rows,
  target,
  label,
  unfinished = () => false,
}: {
  id: string;
  title: string;
  rows: PeriodRow[];
  target: number;
  /** How a period is named under its bar and in the table. */
  label: (row: PeriodRow) => string;
  /** A period not over yet (today, this week): drawn as "so far", not as a finished period's figure. */
  unfinished?: (row: PeriodRow) => boolean;
}) {
  const h = 160;
  const step = Math.max(3, Math.min(40, Math.floor(900 / Math.max(1, rows.length))));
  const plotEnd = 34 + rows.length * step;
  const width = plotEnd + 80;
  // The scale starts near the lowest value so that a drop from 96% to 91% is visible; the axis says where.
  const lowest = Math.min(target, ...rows.filter((r) => r.scheduledSeconds > 0).map((r) => r.adherence));
  const floor = Math.max(0, Math.floor((lowest - 5) / 10) * 10);
  const y = (p: number) => h - ((Math.max(floor, Math.min(100, p)) - floor) / (100 - floor)) * h + 10;
  const ticks = [floor, Math.round((floor + 100) / 2), 100];
  // Labels only where they fit: about every 60 px.
  const every = Math.max(1, Math.ceil(60 / step));
  const missed = rows.filter((r) => r.scheduledSeconds > 0 && r.adherence < target).length;
  return (
    <figure className="chart">
      <svg role="img" aria-labelledby={`${id}-title`} width={width} height={h + 40} viewBox={`0 0 ${width} ${h + 40}`}>
        <title id={`${id}-title`}>
          {`${title}: ${rows.length} periods, ${missed} below the ${target}% target. The table below lists every value.`}
        </title>
        {ticks.map((p) => (
          <g key={p}>
            <line x1={30} x2={plotEnd} y1={y(p)} y2={y(p)} className="grid" />
            <text x={0} y={y(p) + 4} className="axis">
              {p}%
            </text>
          </g>
        ))}
        {rows.map((r, i) => (
          <g key={r.date}>
            <rect
              x={34 + i * step}
              y={y(r.adherence)}
              width={Math.max(1, step - 2)}
              height={h + 10 - y(r.adherence)}
              className={`${r.scheduledSeconds === 0 ? 'bar empty' : r.adherence < target ? 'bar below' : 'bar'}${
                unfinished(r) ? ' partial' : ''
              }`}
              data-unfinished={unfinished(r) || undefined}
            />
            {i % every === 0 ? (
              <text x={34 + i * step} y={h + 28} className="axis">
                {label(r)}
              </text>
            ) : null}
          </g>
        ))}
        <line x1={30} x2={plotEnd} y1={y(target)} y2={y(target)} className="target" />
        <text x={plotEnd + 6} y={y(target) + 4} className="axis">
          target {target}%
        </text>
      </svg>
      <figcaption>
        {title}
        {floor > 0 ? ` (the scale starts at ${floor}%)` : ''}
        {rows.some(unfinished) ? '. The last period is not over: its pale bar is what has happened so far.' : ''}
      </figcaption>
      <details>
        <summary>{title} as a table</summary>
        <table className="results compact">
          <thead>
            <tr>
              <th scope="col">Period</th>
              <th scope="col">Hours</th>
              <th scope="col">Agents scheduled</th>
              <th scope="col">Adherence %</th>
              <th scope="col" title="Exception time covered by an approved explanation counts as adherent">
                Adjusted %
              </th>
              <th scope="col">Conformance %</th>
              <th scope="col">Exceptions</th>
            </tr>
          </thead>
          <tbody>
            {rows.map((r) => (
              <tr key={r.date} data-period={r.date}>
                <th scope="row">
                  {label(r)}
                  {unfinished(r) ? ' (so far)' : ''}
                </th>
                <td>{r.hours}</td>
                <td>{r.agents}</td>
                <td data-testid="period-adherence">{r.scheduledSeconds ? r.adherence.toFixed(2) : '–'}</td>
                <td data-testid="period-adjusted">{r.adjusted === undefined ? '–' : r.adjusted.toFixed(2)}</td>
                <td>{r.scheduledSeconds ? r.conformance.toFixed(2) : '–'}</td>
                <td>{r.exceptionCount}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </details>
    </figure>
  );
}
