/** @module Teams side by side over the range and per day, against the unit's target. */
import { t } from '../i18n/i18n.js';
import { decimalWords, percentWords } from '../words.js';
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
  const lowest = Math.min(target, ...drawn.map((team) => team.adherence));
  const floor = Math.max(0, Math.floor((lowest - 2) / 5) * 5);
  const at = (p: number) => `${((Math.max(floor, Math.min(100, p)) - floor) / (100 - floor)) * 100}%`;
  const ticks = [floor, Math.round((floor + 100) / 2), 100];
  const days = sorted[0]?.days ?? [];
  return (
    <section aria-labelledby="teams-title">
      <h2 id="teams-title">{t('hist.view.teams')}</h2>
      {sorted.length === 0 ? (
        <p className="hint">{t('hist.teamsNone')}</p>
      ) : (
        <>
          <figure className="team-plot" data-testid="team-plot">
            <figcaption>
              {sorted.length > DRAWN
                ? t('hist.teamsLowest', { drawn: DRAWN, teams: sorted.length })
                : t('hist.teamsAll')}{' '}
              {t('hist.teamsScale', {
                floor: percentWords(floor, 0),
                top: percentWords(100, 0),
                target: percentWords(target, 0),
              })}
            </figcaption>
            <div className="plot-row" aria-hidden="true">
              <span />
              <span className="plot-scale">
                {ticks.map((p) => (
                  <span key={p} style={{ left: at(p) }}>
                    {percentWords(p, 0)}
                  </span>
                ))}
              </span>
              <span />
            </div>
            <ol>
              {drawn.map((team) => (
                <li key={team.teamId} data-team={team.teamId} className="plot-row">
                  <bdi className="plot-name">{teamName(team.teamId)}</bdi>
                  <span className="plot-track">
                    <span className="plot-target" style={{ left: at(target) }} aria-hidden="true" />
                    <span
                      className={team.adherence < target ? 'plot-dot below' : 'plot-dot'}
                      style={{ left: at(team.adherence) }}
                      aria-hidden="true"
                    />
                  </span>
                  <span className={team.adherence < target ? 'plot-value below-target' : 'plot-value'}>
                    {team.adherence < target
                      ? t('hist.belowTarget', { percent: percentWords(team.adherence) })
                      : percentWords(team.adherence)}
                  </span>
                </li>
              ))}
            </ol>
          </figure>
          <div className="results-scroll wide" tabIndex={0} aria-label={t('hist.teamsPerDay')}>
            <table className="results compact" data-testid="team-table">
              <caption>{t('hist.teamsCaption')}</caption>
              <thead>
                <tr>
                  <th scope="col">{t('hist.team')}</th>
                  <th scope="col">{t('hist.agents')}</th>
                  <th scope="col">{t('hist.col.adherence')}</th>
                  <th scope="col" title={t('hist.th.adjustedTitle')}>
                    {t('hist.th.adjusted')}
                  </th>
                  <th scope="col">{t('hist.col.conformance')}</th>
                  <th scope="col">{t('hist.th.target')}</th>
                  {days.map((d) => (
                    <th scope="col" key={d.date}>
                      {dayLabel(d.date)}
                    </th>
                  ))}
                </tr>
              </thead>
              <tbody>
                {sorted.map((team) => (
                  <tr key={team.teamId} data-team={team.teamId}>
                    <th scope="row">
                      <bdi>{teamName(team.teamId)}</bdi>
                    </th>
                    <td>{team.agents}</td>
                    <td data-testid="team-adherence">{decimalWords(team.adherence, 2)}</td>
                    <td data-testid="team-adjusted">
                      {team.adjusted === undefined ? '–' : decimalWords(team.adjusted, 2)}
                    </td>
                    <td>{decimalWords(team.conformance, 2)}</td>
                    <td>{t(team.adherence < target ? 'hist.missed' : 'hist.met')}</td>
                    {team.days.map((d) => (
                      <td key={d.date} className={d.scheduledSeconds && d.adherence < target ? 'below' : undefined}>
                        {d.scheduledSeconds ? decimalWords(d.adherence) : '–'}
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
