/** @module Teams side by side over the range and per day, against the unit's target. */
import type { TeamRow } from './report-math.js';

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
  const barW = 420;
  const rowH = 22;
  const x = (p: number) => 180 + (Math.max(0, Math.min(100, p)) / 100) * barW;
  const days = sorted[0]?.days ?? [];
  return (
    <section aria-labelledby="teams-title">
      <h2 id="teams-title">Teams</h2>
      {sorted.length === 0 ? (
        <p className="hint">No agent in this report has a team in the unit&apos;s adherence records.</p>
      ) : (
        <>
          <figure className="chart">
            <svg
              role="img"
              aria-labelledby="teams-chart-title"
              width={x(100) + 60}
              height={sorted.length * rowH + 20}
              viewBox={`0 0 ${x(100) + 60} ${sorted.length * rowH + 20}`}
            >
              <title id="teams-chart-title">
                {`Adherence per team against the ${target}% target: ${sorted
                  .map((t) => `${teamName(t.teamId)} ${t.adherence.toFixed(1)}%`)
                  .join(', ')}`}
              </title>
              {sorted.map((t, i) => (
                <g key={t.teamId}>
                  <text x={0} y={i * rowH + 15} className="axis">
                    {teamName(t.teamId).slice(0, 30)}
                  </text>
                  <rect
                    x={180}
                    y={i * rowH + 4}
                    width={x(t.adherence) - 180}
                    height={rowH - 8}
                    className={t.adherence < target ? 'bar below' : 'bar'}
                  />
                  <text x={x(t.adherence) + 4} y={i * rowH + 15} className="axis">
                    {t.adherence.toFixed(1)}%
                  </text>
                </g>
              ))}
              <line x1={x(target)} x2={x(target)} y1={0} y2={sorted.length * rowH + 4} className="target" />
              <text x={x(target) + 2} y={sorted.length * rowH + 16} className="axis">
                target {target}%
              </text>
            </svg>
            <figcaption>Adherence per team over the range, lowest first</figcaption>
          </figure>
          <div className="results-scroll wide" tabIndex={0} aria-label="Teams per day">
            <table className="results compact" data-testid="team-table">
              <caption>Adherence % per team and day (conformance % over the range beside it)</caption>
              <thead>
                <tr>
                  <th scope="col">Team</th>
                  <th scope="col">Agents</th>
                  <th scope="col">Adherence %</th>
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
