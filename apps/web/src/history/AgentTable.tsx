/** @module Per-agent results against the unit's target, lowest adherence first. */
import { t } from '../i18n/i18n.js';
import { decimalWords, hoursMinutes, impactWords, percentWords } from '../words.js';
import type { AgentRow } from './report-math.js';

/**
 * The table's parts carry their roles explicitly: its rows are laid out as a grid (styles.css, for 1,500 agents),
 * and a browser may drop a table's meaning when its CSS display is not a table's.
 */
export function AgentTable({
  rows,
  names,
  target,
  thresholdSeconds,
  selected,
  onSelect,
}: {
  rows: AgentRow[];
  names: ReadonlyMap<string, string>;
  target: number;
  thresholdSeconds: number;
  selected: string | undefined;
  onSelect: (userId: string) => void;
}) {
  return (
    <div className="results-scroll" tabIndex={0} aria-label={t('hist.agentResults')}>
      <table className="results agent-results" role="table">
        <caption>{t('hist.agentsCaption', { target: percentWords(target, 0), threshold: thresholdSeconds })}</caption>
        <thead role="rowgroup">
          <tr role="row">
            <th role="columnheader" scope="col">
              {t('hist.col.agent')}
            </th>
            <th role="columnheader" scope="col">
              {t('hist.col.adherence')}
            </th>
            <th role="columnheader" scope="col" title={t('hist.th.adjustedTitle')}>
              {t('hist.th.adjusted')}
            </th>
            <th role="columnheader" scope="col">
              {t('hist.th.target')}
            </th>
            <th role="columnheader" scope="col">
              {t('hist.col.conformance')}
            </th>
            <th role="columnheader" scope="col">
              {t('hist.col.exceptions')}
            </th>
            <th role="columnheader" scope="col">
              {t('hist.th.exceptionTime')}
            </th>
            <th role="columnheader" scope="col">
              {t('hist.col.scheduled')}
            </th>
            <th role="columnheader" scope="col">
              {t('hist.th.actual')}
            </th>
            <th role="columnheader" scope="col">
              {t('hist.col.effect')}
            </th>
          </tr>
        </thead>
        <tbody role="rowgroup">
          {rows.map((r) => (
            <tr
              role="row"
              key={r.userId}
              data-user={r.userId}
              aria-selected={selected === r.userId}
              className={r.missedTarget ? 'missed' : undefined}
            >
              <th role="rowheader" scope="row">
                <button type="button" className="link" onClick={() => onSelect(r.userId)}>
                  <bdi>{names.get(r.userId) ?? r.userId}</bdi>
                </button>
              </th>
              <td role="cell" data-testid="adherence">
                {decimalWords(r.adherence, 2)}
              </td>
              <td role="cell" data-testid="adjusted" data-approved={r.approvedSeconds}>
                {r.adjusted === undefined ? '–' : decimalWords(r.adjusted, 2)}
              </td>
              <td role="cell" className="target">
                {t(
                  r.scheduledSeconds === 0 ? 'hist.notScheduled' : r.missedTarget ? 'hist.missedMark' : 'hist.metMark',
                )}
              </td>
              <td role="cell">{decimalWords(r.conformance, 2)}</td>
              <td role="cell">{r.exceptionCount}</td>
              <td role="cell" data-seconds={r.exceptionSeconds}>
                {hoursMinutes(r.exceptionSeconds)}
              </td>
              <td role="cell">{hoursMinutes(r.scheduledSeconds)}</td>
              <td role="cell">{hoursMinutes(r.actualSeconds)}</td>
              <td role="cell">{impactWords(r.impact)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
