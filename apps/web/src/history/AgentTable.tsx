/** @module Per-agent results against the unit's target, lowest adherence first. */
import { hoursMinutes, impactWords } from '../words.js';
import type { AgentRow } from './report-math.js';

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
      <table className="results">
        <caption>
          Per agent, lowest adherence first; target {target}%. Exception time is the time counted in adherence
          (Genesys’s “Exceptions Duration (Adherence)”); Genesys’s “Exceptions Duration” also adds each exception’s{' '}
          {thresholdSeconds}-second threshold, and is in the export. Adjusted: exception time covered by an approved
          explanation counts as adherent.
        </caption>
        <thead>
          <tr>
            <th scope="col">Agent</th>
            <th scope="col">Adherence %</th>
            <th scope="col" title="Exception time covered by an approved explanation counts as adherent">
              Adjusted %
            </th>
            <th scope="col">Target</th>
            <th scope="col">Conformance %</th>
            <th scope="col">Exceptions</th>
            <th scope="col">Exception time</th>
            <th scope="col">Scheduled</th>
            <th scope="col">Actual</th>
            <th scope="col">Effect on service</th>
          </tr>
        </thead>
        <tbody>
          {rows.map((r) => (
            <tr
              key={r.userId}
              data-user={r.userId}
              aria-selected={selected === r.userId}
              className={r.missedTarget ? 'missed' : undefined}
            >
              <th scope="row">
                <button type="button" className="link" onClick={() => onSelect(r.userId)}>
                  {names.get(r.userId) ?? r.userId}
                </button>
              </th>
              <td data-testid="adherence">{r.adherence.toFixed(2)}</td>
              <td data-testid="adjusted" data-approved={r.approvedSeconds}>
                {r.adjusted === undefined ? '–' : r.adjusted.toFixed(2)}
              </td>
              <td className="target">
                {r.scheduledSeconds === 0 ? 'Not scheduled' : r.missedTarget ? '✕ Missed' : '✓ Met'}
              </td>
              <td>{r.conformance.toFixed(2)}</td>
              <td>{r.exceptionCount}</td>
              <td data-seconds={r.exceptionSeconds}>{hoursMinutes(r.exceptionSeconds)}</td>
              <td>{hoursMinutes(r.scheduledSeconds)}</td>
              <td>{hoursMinutes(r.actualSeconds)}</td>
              <td>{impactWords(r.impact)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
