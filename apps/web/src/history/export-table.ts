/**
 * @module The history exports as tables, in two forms. For people (the default): headers in words with their
 * units, durations as h:mm and as minutes, days with no schedule left empty instead of 100 % adherence and 0 %
 * conformance (averaged in a spreadsheet, those overstate the unit). For tools: Genesys's field names and seconds,
 * the same empty cells. Pure: the page hands the rows to downloadCsv.
 */

import { t } from '../i18n/i18n.js';

export type Cell = string | number;

export interface Column<R> {
  /** The header for people. */
  words: string;
  /** The header for tools: Genesys's field name where there is one. */
  field: string;
  /** `seconds`: written as h:mm and minutes for people, seconds for tools. Undefined: an empty cell. */
  kind?: 'seconds';
  value: (row: R) => Cell | undefined;
}

export type ExportForm = 'people' | 'tools';

/** "7:05" for 7 h 5 min; over a day stays in hours ("31:00"); negative durations keep their sign. */
export function hoursMinutes(seconds: number): string {
  const sign = seconds < 0 ? '-' : '';
  const minutes = Math.round(Math.abs(seconds) / 60);
  return `${sign}${Math.floor(minutes / 60)}:${String(minutes % 60).padStart(2, '0')}`;
}

/** Minutes to one decimal: summed in a spreadsheet, the rounding stays under a minute per hundred rows. */
export function minutes(seconds: number): number {
  return Math.round(seconds / 6) / 10;
}

export function exportTable<R>(columns: Array<Column<R>>, rows: readonly R[], form: ExportForm): Cell[][] {
  const header = columns.flatMap((c) =>
    form === 'tools'
      ? [c.field]
      : c.kind === 'seconds'
        ? [t('hist.col.hmm', { words: c.words }), t('hist.col.minutes', { words: c.words })]
        : [c.words],
  );
  return [
    header,
    ...rows.map((r) =>
      columns.flatMap((c) => {
        const v = c.value(r);
        if (c.kind !== 'seconds' || form === 'tools') return [v ?? ''];
        return typeof v === 'number' ? [hoursMinutes(v), minutes(v)] : ['', ''];
      }),
    ),
  ];
}

/** Percentages only where there was schedule to judge: a day off has no adherence, not 100 %. */
export function whenScheduled(scheduledSeconds: number, percent: number): number | undefined {
  return scheduledSeconds > 0 ? percent : undefined;
}
