/** @module Teams side by side over the range and per day, against the unit's target. */
import type { TeamRow } from './report-math.js';

/** Teams drawn in the plot; the table lists them all. */
const DRAWN = 12;

export function TeamComparison({
  teams,
  teamName,
  target,
  dayLabel,
}: {
  teams: TeamRow[];
  teamName: (id: string) => string;
  target: number;
  dayLabel: (date: string) => string;
}) {
  const sorted = [...teams].sort((a, b) => a.adherence - b.adherence);
  // Drawn: the lowest teams, on a scale that starts near the lowest figure, so that 93% and 96% look different
  // (issue 22, item 9: fifty bars from 0 to 100% all looked the same). Every team is in the table below.
  const drawn = sorted.slice(0, DRAWN);
  const lowest = Math.min(target, ...drawn.map((t) => t.adherence));
  const floor = Math.max(0, Math.floor((lowest - 2) / 5) * 5);
  const at = (p: number) => `${((Math.max(floor, Math.min(100, p)) - floor) / (100 - floor)) * 100}%`;
  const ticks = [floor, Math.round((floor + 100) / 2), 100];
  const days = sorted[0]?.days ?? [];
  return (
    <section aria-labelledby="teams-title">
      <h2 id="teams-title">Teams</h2>
      {sorted.length === 0 ? (
        <p className="hint">No agent in this report has a team in the unit&apos;s adherence records.</p>
      ) : (
        <>
          <figure className="team-plot" data-testid="team-plot">
            <figcaption>
              {sorted.length > DRAWN
                ? `The ${DRAWN} lowest of ${sorted.length} teams, over the range; every team is in the table below.`
                : 'Adherence per team over the range, lowest first.'}{' '}
              The scale runs from {floor}% to 100%; the line is the {target}% target.
            </figcaption>
            <div className="plot-row" aria-hidden="true">
              <span />
              <span className="plot-scale">
                {ticks.map((p) => (
                  <span key={p} style={{ left: at(p) }}>
                    {p}%
                  </span>
                ))}
              </span>
              <span />
            </div>
            <ol>
              {drawn.map((t) => (
                <li key={t.teamId} data-team={t.teamId} className="plot-row">
                  <span className="plot-name">{teamName(t.teamId)}</span>
                  <span className="plot-track">
                    <span className="plot-target" style={{ left: at(target) }} aria-hidden="true" />
                    <span
                      className={t.adherence < target ? 'plot-dot below' : 'plot-dot'}
                      style={{ left: at(t.adherence) }}
                      aria-hidden="true"
                    />
                  </span>
                  <span className={t.adherence < target ? 'plot-value below-target' : 'plot-value'}>
                    {t.adherence.toFixed(1)}%{t.adherence < target ? ', below target' : ''}
                  </span>
                </li>
              ))}
            </ol>
          </figure>
          <div className="results-scroll wide" tabIndex={0} aria-label="Teams per day">
            <table className="results compact" data-testid="team-table">
              <caption>Adherence % per team and day (conformance % over the range beside it)</caption>
              <thead>
                <tr>
                  <th scope="col">Team</th>
                  <th scope="col">Agents</th>
                  <th scope="col">Adherence %</th>
                  <th scope="col" title="Exception time covered by an approved explanation counts as adherent">
                    Adjusted %
                  </th>
                  <th scope="col">Conformance %</th>
                  <th scope="col">Target</th>
                  {days.map((d) => (
                    <th scope="col" key={d.date}>
                      {dayLabel(d.date)}
                    </th>
                  ))}
                </tr>
              </thead>
              <tbody>
                {sorted.map((t) => (
                  <tr key={t.teamId} data-team={t.teamId}>
                    <th scope="row">{teamName(t.teamId)}</th>
                    <td>{t.agents}</td>
                    <td data-testid="team-adherence">{t.adherence.toFixed(2)}</td>
                    <td data-testid="team-adjusted">{t.adjusted === undefined ? '–' : t.adjusted.toFixed(2)}</td>
                    <td>{t.conformance.toFixed(2)}</td>
                    <td>{t.adherence < target ? 'Missed' : 'Met'}</td>
                    {t.days.map((d) => (
                      <td key={d.date} className={d.scheduledSeconds && d.adherence < target ? 'below' : undefined}>
                        {d.scheduledSeconds ? d.adherence.toFixed(1) : '–'}
                      </td>
                    ))}
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        </>
      )}
    </section>
  );
}
