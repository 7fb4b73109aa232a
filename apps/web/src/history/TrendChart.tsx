/** @module Adherence per period as bars with the unit's target as a line; the numbers as a table beside it. */
import { t } from '../i18n/i18n.js';
import { decimalWords, percentWords } from '../words.js';
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
          {t('hist.trendTitle', { title, periods: rows.length, missed, target: percentWords(target, 0) })}
        </title>
        {ticks.map((p) => (
          <g key={p}>
            <line x1={30} x2={plotEnd} y1={y(p)} y2={y(p)} className="grid" />
            <text x={0} y={y(p) + 4} className="axis">
              {percentWords(p, 0)}
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
          {t('hist.targetLine', { target: percentWords(target, 0) })}
        </text>
      </svg>
      <figcaption>
        {t('hist.chartCaption', {
          title,
          scale: floor > 0 ? percentWords(floor, 0) : 'none',
          unfinished: rows.some(unfinished) ? 'yes' : 'no',
        })}
      </figcaption>
      <details>
        <summary>{t('hist.asTable', { title })}</summary>
        <table className="results compact">
          <thead>
            <tr>
              <th scope="col">{t('hist.th.period')}</th>
              <th scope="col">{t('hist.th.hours')}</th>
              <th scope="col">{t('hist.th.agentsScheduled')}</th>
              <th scope="col">{t('hist.col.adherence')}</th>
              <th scope="col" title={t('hist.th.adjustedTitle')}>
                {t('hist.th.adjusted')}
              </th>
              <th scope="col">{t('hist.col.conformance')}</th>
              <th scope="col">{t('hist.col.exceptions')}</th>
            </tr>
          </thead>
          <tbody>
            {rows.map((r) => (
              <tr key={r.date} data-period={r.date}>
                <th scope="row">{unfinished(r) ? t('hist.soFar', { period: label(r) }) : label(r)}</th>
                <td>{r.hours}</td>
                <td>{r.agents}</td>
                <td data-testid="period-adherence">{r.scheduledSeconds ? decimalWords(r.adherence, 2) : '–'}</td>
                <td data-testid="period-adjusted">{r.adjusted === undefined ? '–' : decimalWords(r.adjusted, 2)}</td>
                <td>{r.scheduledSeconds ? decimalWords(r.conformance, 2) : '–'}</td>
                <td>{r.exceptionCount}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </details>
    </figure>
  );
}
