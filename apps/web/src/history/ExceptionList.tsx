/** @module Every exception of the report: sortable, filterable, paged, exported as shown. */
import { useMemo, useState } from 'react';
import { activityWords, explanationWords, hoursMinutes, impactWords, presenceWords, routingWords } from '../words.js';
import type { ExceptionRow } from './report-math.js';
import { t } from '../i18n/i18n.js';

type SortKey = 'agent' | 'start' | 'seconds' | 'scheduled' | 'actual' | 'explanation';
const PAGE = 100;

export interface ExceptionListProps {
  rows: ExceptionRow[];
  names: ReadonlyMap<string, string>;
  codes: ReadonlyMap<string, { name: string }>;
  formatTime: (epochMs: number) => string;
  explanationsNote: string | undefined;
  onExport: (rows: ExceptionRow[]) => void;
  /** The file the export writes ("CSV", "Excel"). */
  fileWords: string;
  /** The report's count as Genesys gives it (by day): said beside the list's own when the two differ. */
  genesysCount: number;
}

export function ExceptionList({
  rows,
  names,
  codes,
  formatTime,
  explanationsNote,
  onExport,
  fileWords,
  genesysCount,
}: ExceptionListProps) {
  const [sort, setSort] = useState<{ key: SortKey; down: boolean }>({ key: 'start', down: false });
  const [agent, setAgent] = useState('');
  const [actual, setActual] = useState('');
  const [explanation, setExplanation] = useState('');
  const [minMinutes, setMinMinutes] = useState(0);
  const [page, setPage] = useState(0);
  const name = (id: string) => names.get(id) ?? id;

  const shown = useMemo(() => {
    const name = (id: string) => names.get(id) ?? id;
    const text = agent.trim().toLowerCase();
    const list = rows.filter(
      (r) =>
        (!text || name(r.userId).toLowerCase().includes(text)) &&
        (!actual || r.actual === actual) &&
        (!explanation || r.explanation === explanation) &&
        r.seconds >= minMinutes * 60,
    );
    const value = (r: ExceptionRow): string | number =>
      sort.key === 'agent'
        ? name(r.userId)
        : sort.key === 'start'
          ? r.start
          : sort.key === 'seconds'
            ? r.seconds
            : r[sort.key];
    const dir = sort.down ? -1 : 1;
    return list.sort((a, b) => {
      const x = value(a);
      const y = value(b);
      return (x < y ? -1 : x > y ? 1 : a.start - b.start) * dir;
    });
  }, [rows, names, agent, actual, explanation, minMinutes, sort]);
  const pages = Math.max(1, Math.ceil(shown.length / PAGE));
  const current = Math.min(page, pages - 1);
  const actuals = [...new Set(rows.map((r) => r.actual))].sort();

  const header = (key: SortKey, label: string) => (
    <th scope="col" aria-sort={sort.key === key ? (sort.down ? 'descending' : 'ascending') : 'none'}>
      <button
        type="button"
        className="sort"
        onClick={() => setSort({ key, down: sort.key === key ? !sort.down : key === 'seconds' })}
      >
        {label}
      </button>
    </th>
  );

  return (
    <section aria-labelledby="exceptions-title">
      <h2 id="exceptions-title">{t('hist.view.exceptions')}</h2>
      {explanationsNote ? <p className="hint">{explanationsNote}</p> : null}
      <div className="toolbar" role="group" aria-label={t('hist.filterExceptions')}>
        <label>
          {t('hist.col.agent')}{' '}
          <input
            type="search"
            value={agent}
            onChange={(e) => {
              setAgent(e.target.value);
              setPage(0);
            }}
          />
        </label>
        <label>
          {t('hist.col.actualActivity')}{' '}
          <select value={actual} onChange={(e) => (setActual(e.target.value), setPage(0))}>
            <option value="">{t('hist.any')}</option>
            {actuals.map((a) => (
              <option key={a} value={a}>
                {activityWords(a)}
              </option>
            ))}
          </select>
        </label>
        <label>
          {t('hist.col.explanation')}{' '}
          <select value={explanation} onChange={(e) => (setExplanation(e.target.value), setPage(0))}>
            <option value="">{t('hist.any')}</option>
            <option value="None">{t('hist.noExplanation')}</option>
            {(['Pending', 'Approved', 'Denied'] as const).map((s) => (
              <option key={s} value={s}>
                {explanationWords(s)}
              </option>
            ))}
          </select>
        </label>
        <label>
          {t('hist.atLeast')}{' '}
          <input
            type="number"
            min={0}
            max={1440}
            value={minMinutes}
            onChange={(e) => (setMinMinutes(Math.max(0, Number(e.target.value) || 0)), setPage(0))}
            className="narrow"
          />{' '}
          {t('hist.minutesUnit')}
        </label>
        <button type="button" onClick={() => onExport(shown)}>
          {t('hist.exportShown', { file: fileWords })}
        </button>
      </div>
      <p role="status" data-testid="exception-count">
        {shown.length === rows.length
          ? t('hist.exceptionCount', { count: rows.length })
          : t('hist.exceptionsMatch', { shown: shown.length, count: rows.length })}
        {genesysCount !== rows.length ? ` ${t('hist.genesysCounts', { count: genesysCount })}` : ''}
        {pages > 1 ? ` · ${t('hist.pageOf', { page: current + 1, pages })}` : ''}
      </p>
      <div className="results-scroll" tabIndex={0} aria-label={t('hist.exceptionList')}>
        <table className="results exceptions">
          <thead>
            <tr>
              {header('agent', t('hist.col.agent'))}
              {header('start', t('hist.col.start'))}
              {header('seconds', t('hist.th.duration'))}
              {header('scheduled', t('hist.col.scheduled'))}
              {header('actual', t('hist.th.actual'))}
              <th scope="col">{t('hist.th.presenceRouting')}</th>
              <th scope="col">{t('hist.col.effect')}</th>
              {header('explanation', t('hist.col.explanation'))}
            </tr>
          </thead>
          <tbody>
            {shown.slice(current * PAGE, current * PAGE + PAGE).map((r) => (
              <tr key={`${r.userId}-${r.start}`} data-user={r.userId} data-start={r.start}>
                <th scope="row">
                  <bdi>{name(r.userId)}</bdi>
                </th>
                <td>{formatTime(r.start)}</td>
                <td data-seconds={r.seconds}>{hoursMinutes(r.seconds)}</td>
                <td title={r.scheduled}>
                  {r.scheduledCodeId && codes.get(r.scheduledCodeId)?.name ? (
                    <bdi>{codes.get(r.scheduledCodeId)!.name}</bdi>
                  ) : (
                    activityWords(r.scheduled)
                  )}
                </td>
                <td title={r.actual}>{activityWords(r.actual)}</td>
                <td title={`${r.systemPresence} · ${r.routingStatus}`}>
                  {presenceWords(r.systemPresence)} · {routingWords(r.routingStatus)}
                </td>
                <td>{impactWords(r.impact)}</td>
                <td
                  data-testid="explanation"
                  data-status={r.explanation}
                  title={r.explanation === 'None' ? undefined : r.explanation}
                >
                  {r.explanation === 'None' ? '–' : explanationWords(r.explanation)}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      {pages > 1 ? (
        <div className="toolbar" role="group" aria-label={t('hist.pages')}>
          <button type="button" disabled={current === 0} onClick={() => setPage(current - 1)}>
            {t('hist.previousPage')}
          </button>
          <button type="button" disabled={current >= pages - 1} onClick={() => setPage(current + 1)}>
            {t('hist.nextPage')}
          </button>
        </div>
      ) : null}
    </section>
  );
}
