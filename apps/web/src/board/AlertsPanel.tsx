/** @module The board's alerts: the mass-deviation banner, the list of severe alerts, and their settings. */
import { t, tx } from '../i18n/i18n.js';
import { formatDuration } from './state-style.js';
import type { Alert, AlertPrefs, MassDeviation } from './alerts.js';
import type { ListedAlert } from './useAlerts.js';
import { AlertChoices } from '../preferences/AlertChoices.js';

/**
 * How many of a list are drawn. Both lists re-render each second (their durations move), and at 20,000 agents
 * they held hundreds of rows: diffing them every second cost the board its frames (issue 20's frame target).
 */
export const LISTED = 50;

export function AlertsPanel({
  alerts,
  alreadyOut,
  dismissAlreadyOut,
  mass,
  prefs,
  setPrefs,
  dismiss,
  nameOf,
  groupName,
  onExcuse,
  now,
  units,
}: {
  alerts: ListedAlert[];
  /** Past the threshold when the board opened: alerts cover what changes while the board is open. */
  alreadyOut: Alert[];
  dismissAlreadyOut: () => void;
  mass: MassDeviation[];
  prefs: AlertPrefs;
  setPrefs: (p: AlertPrefs) => void;
  dismiss: (key: string) => void;
  /** The agent's name, with what tells them apart from a namesake. */
  nameOf: (userId: string) => string;
  groupName: (m: MassDeviation) => string;
  /** Excuse a mass deviation's agents in one action, where the role may add explanations. */
  onExcuse?: ((m: MassDeviation) => void) | undefined;
  now: number;
  /** The units on the board, to mute one. */
  units: Array<{ id: string; name: string }>;
}) {
  return (
    <div className="alerts">
      {mass.length ? (
        <div className="mass" data-testid="mass-deviation">
          <p role="alert">{t('alerts.mass', { who: summarize(mass, groupName) })}</p>
          {onExcuse
            ? mass.map((m) => (
                <button key={`${m.scope}:${m.id}`} type="button" onClick={() => onExcuse(m)}>
                  {t('alerts.excuseAll', { count: m.out, group: groupName(m) })}
                </button>
              ))
            : null}
        </div>
      ) : null}
      <details className="alert-settings">
        <summary>{t('alerts.settings', { count: alerts.length })}</summary>
        <div className="toolbar">
          <AlertChoices prefs={prefs} setPrefs={setPrefs} />
          {units.map((u) => (
            <label key={u.id}>
              <input
                type="checkbox"
                checked={prefs.mutedUnits.includes(u.id)}
                onChange={(e) =>
                  setPrefs({
                    ...prefs,
                    mutedUnits: e.target.checked
                      ? [...prefs.mutedUnits, u.id]
                      : prefs.mutedUnits.filter((x) => x !== u.id),
                  })
                }
              />{' '}
              {tx('alerts.muteUnit', {}, { unit: () => <bdi>{u.name}</bdi> })}
            </label>
          ))}
        </div>
      </details>
      {alreadyOut.length ? (
        <section className="already-out" aria-labelledby="already-out-title" data-testid="already-out">
          <h2 id="already-out-title">{t('alerts.alreadyOutTitle', { count: alreadyOut.length })}</h2>
          <p>{t('alerts.alreadyOutLead')}</p>
          {/* Scrolls past a few names: reachable by keyboard, as any scrolling region must be. */}
          <ul className="alert-list" aria-label={t('alerts.alreadyOutList')} tabIndex={0}>
            {alreadyOut.slice(0, LISTED).map((a) => (
              <li key={a.key} data-user={a.userId}>
                <strong>
                  <bdi>{nameOf(a.userId)}</bdi>
                </strong>{' '}
                {t('alerts.outFor', { time: formatDuration(now - a.since) })}
              </li>
            ))}
          </ul>
          {alreadyOut.length > LISTED ? (
            <p className="hint" data-testid="already-out-more">
              {t('alerts.alreadyOutMore', { listed: LISTED, rest: alreadyOut.length - LISTED })}
            </p>
          ) : null}
          <button type="button" onClick={dismissAlreadyOut}>
            {t('alerts.dismissList')}
          </button>
        </section>
      ) : null}
      {alerts.length ? (
        <ul className="alert-list" aria-label={t('alerts.list')} data-testid="alerts" tabIndex={0}>
          {alerts.slice(0, LISTED).map((a) => (
            <li key={a.key} data-user={a.userId} data-key={a.key} data-kind={a.kind}>
              <strong>
                <bdi>{nameOf(a.userId)}</bdi>
              </strong>{' '}
              {t('alerts.whatFor', { what: a.what, time: formatDuration(now - a.since) })}{' '}
              <button
                type="button"
                onClick={() => setPrefs({ ...prefs, mutedAgents: [...prefs.mutedAgents, a.userId] })}
              >
                {t('alerts.muteAgent')}
              </button>{' '}
              <button type="button" onClick={() => dismiss(a.key)}>
                {t('alerts.dismiss')}
              </button>
            </li>
          ))}
        </ul>
      ) : null}
      {alerts.length > LISTED ? (
        <p className="hint" data-testid="alerts-more">
          {t('alerts.more', { listed: LISTED, rest: alerts.length - LISTED })}
        </p>
      ) : null}
    </div>
  );
}

/** A unit that qualifies speaks for its teams: "53 of 90 scheduled agents in London MU 1 (8 teams)". */
function summarize(mass: MassDeviation[], groupName: (m: MassDeviation) => string): string {
  const units = mass.filter((m) => m.scope === 'unit');
  const teams = mass.filter((m) => m.scope === 'team');
  const parts = units.length
    ? units.map((u) =>
        teams.length
          ? t('alerts.massUnitTeams', { out: u.out, of: u.of, group: groupName(u), teams: teams.length })
          : t('alerts.massGroup', { out: u.out, of: u.of, group: groupName(u) }),
      )
    : teams.length > 2
      ? // One line, not a paragraph a phone must scroll past: the teams are named on their buttons below.
        [
          t('alerts.massTeams', {
            out: teams.reduce((n, m) => n + m.out, 0),
            of: teams.reduce((n, m) => n + m.of, 0),
            teams: teams.length,
          }),
        ]
      : teams.map((m) => t('alerts.massGroup', { out: m.out, of: m.of, group: groupName(m) }));
  return parts.join(t('alerts.partsJoin'));
}
