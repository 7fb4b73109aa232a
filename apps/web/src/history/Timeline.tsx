/**
 * @module One agent's schedule against what they did: per local day, three aligned rows (scheduled activities
 * by activity-code name, actual activity, exceptions), zoomable from one day to the whole range.
 */
import { useEffect, useState, type ReactNode } from 'react';
import { searchAgentSchedules, type GenesysClient, type HistoricalUserResult, type ZonedDay } from '@adhere/genesys';
import { DayRows, type Block } from '../timeline/DayRows.js';
import { DayLegend } from '../timeline/DayLegend.js';
import { historyBlocks, scheduleBlocks } from '../timeline/blocks.js';
import { t, tx } from '../i18n/i18n.js';
import { problemWords } from '../access/denied.js';

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
        blocks.push(...scheduleBlocks(schedules, codes));
      }
      setScheduled(blocks);
    })().catch((e: Error) => {
      if (!ac.signal.aborted) setScheduleError(problemWords(e));
    });
    return () => ac.abort();
  }, [client, managementUnitId, result.userId, days, codes]);

  const { actual, exceptions } = historyBlocks(result);

  const count = zoom === 'day' ? 1 : zoom === 'week' ? 7 : days.length;
  const start = zoom === 'range' ? 0 : Math.min(first, Math.max(0, days.length - count));
  const shown = days.slice(start, start + count);

  return (
    <figure className="timeline" aria-labelledby="timeline-title">
      <figcaption id="timeline-title">
        {tx<ReactNode>('hist.timelineOf', { zone: timeZone }, { name: () => <bdi key="name">{name}</bdi> })}
      </figcaption>
      <div className="toolbar" role="group" aria-label={t('hist.zoom')}>
        {(['day', 'week', 'range'] as const).map((z) => (
          <button key={z} type="button" aria-pressed={zoom === z} onClick={() => setZoom(z)}>
            {t(z === 'day' ? 'hist.zoomDay' : z === 'week' ? 'hist.zoomWeek' : 'hist.zoomRange')}
          </button>
        ))}
        {zoom !== 'range' ? (
          <>
            <button type="button" disabled={start === 0} onClick={() => setFirst(Math.max(0, start - count))}>
              {t('hist.earlier')}
            </button>
            <button
              type="button"
              disabled={start + count >= days.length}
              onClick={() => setFirst(Math.min(days.length - count, start + count))}
            >
              {t('hist.later')}
            </button>
          </>
        ) : null}
        {scheduleError ? (
          <span role="alert">{t('day.scheduleMissing', { problem: scheduleError })}</span>
        ) : scheduled ? null : (
          <span role="status">{t('hist.loadingSchedule')}</span>
        )}
      </div>
      {shown.map((d) => (
        <DayRows
          key={d.date}
          day={d}
          timeZone={timeZone}
          label={formatDate(d.start)}
          rows={[
            [t('day.rowScheduled'), scheduled ?? []],
            [t('day.rowActual'), actual],
            [t('day.rowExceptions'), exceptions],
          ]}
        />
      ))}
      <DayLegend />
    </figure>
  );
}
