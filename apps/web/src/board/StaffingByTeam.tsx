/** @module Staffing now per team (issue 22, what to build 5), folded under "By team" beside the selection's figure. */
import { t } from '../i18n/i18n.js';
import { useState } from 'react';
import { gapWords, type Staffing } from './staffing.js';

/**
 * The table is built only while it is open: at 20,000 agents it has a thousand teams, and diffing a thousand
 * hidden rows on every board refresh cost the board its frames (issue 20's frame target).
 */
export function StaffingByTeam({
  byTeam,
  teamNames,
  openTeam,
}: {
  byTeam: Map<string, Staffing>;
  teamNames: Map<string, string>;
  /** Opens the team's day by interval and agent. */
  openTeam: (teamId: string) => void;
}) {
  const [open, setOpen] = useState(false);
  return (
    <details className="staffing-teams" open={open} onToggle={(e) => setOpen(e.currentTarget.open)}>
      <summary>{t('staffing.byTeam')}</summary>
      {open ? (
        <table className="results compact" data-testid="staffing-teams">
          <caption className="hint">{t('staffing.caption')}</caption>
          <thead>
            <tr>
              <th scope="col">{t('staffing.team')}</th>
              <th scope="col">{t('staffing.onQueue')}</th>
              <th scope="col">{t('staffing.scheduled')}</th>
              <th scope="col">{t('staffing.gap')}</th>
            </tr>
          </thead>
          <tbody>
            {[...byTeam]
              .sort((a, b) => a[1].onQueue - a[1].scheduled - (b[1].onQueue - b[1].scheduled))
              .map(([id, s]) => (
                <tr key={id} data-team={id}>
                  <th scope="row">
                    {id ? (
                      <button type="button" className="link" onClick={() => openTeam(id)} title={t('board.byInterval')}>
                        <bdi>{teamNames.get(id) ?? t('staffing.aTeam')}</bdi>
                      </button>
                    ) : (
                      t('staffing.noTeam')
                    )}
                  </th>
                  <td>{s.onQueue}</td>
                  <td>{s.scheduled}</td>
                  <td>{gapWords(s)}</td>
                </tr>
              ))}
          </tbody>
        </table>
      ) : null}
    </details>
  );
}
