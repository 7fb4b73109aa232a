/** @module Per-agent results against the unit's target, lowest adherence first. */
import { hoursMinutes, impactWords } from '../words.js';
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
    <div className="results-scroll" tabIndex={0} aria-label="Per-agent results">
      <table className="results agent-results" role="table">
        <caption>
          Per agent, lowest adherence first; target {target}%. Exception time is the time counted in adherence
          (Genesys’s “Exceptions Duration (Adherence)”); Genesys’s “Exceptions Duration” also adds each exception’s{' '}
          {thresholdSeconds}-second threshold, and is in the export. Adjusted: exception time covered by an approved
          explanation counts as adherent.
        </caption>
        <thead role="rowgroup">
          <tr role="row">
            <th role="columnheader" scope="col">
              Agent
            </th>
            <th role="columnheader" scope="col">
              Adherence %
            </th>
            <th
              role="columnheader"
              scope="col"
              title="Exception time covered by an approved explanation counts as adherent"
            >
              Adjusted %
            </th>
            <th role="columnheader" scope="col">
              Target
            </th>
            <th role="columnheader" scope="col">
              Conformance %
            </th>
            <th role="columnheader" scope="col">
              Exceptions
            </th>
            <th role="columnheader" scope="col">
              Exception time
            </th>
            <th role="columnheader" scope="col">
              Scheduled
            </th>
            <th role="columnheader" scope="col">
              Actual
            </th>
            <th role="columnheader" scope="col">
              Effect on service
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
                {r.adherence.toFixed(2)}
              </td>
              <td role="cell" data-testid="adjusted" data-approved={r.approvedSeconds}>
                {r.adjusted === undefined ? '–' : r.adjusted.toFixed(2)}
              </td>
              <td role="cell" className="target">
                {r.scheduledSeconds === 0 ? 'Not scheduled' : r.missedTarget ? '✕ Missed' : '✓ Met'}
              </td>
              <td role="cell">{r.conformance.toFixed(2)}</td>
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
