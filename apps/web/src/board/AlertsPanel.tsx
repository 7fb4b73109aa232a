/** @module The board's alerts: the mass-deviation banner, the list of severe alerts, and their settings. */
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
          <p role="alert">
            Probable schedule or system issue: {summarize(mass, groupName)} went out of adherence within 2 minutes.
            Their individual alerts are held back.
          </p>
          {onExcuse
            ? mass.map((m) => (
                <button key={`${m.scope}:${m.id}`} type="button" onClick={() => onExcuse(m)}>
                  Excuse all {m.out} in {groupName(m)}
                </button>
              ))
            : null}
        </div>
      ) : null}
      <details className="alert-settings">
        <summary>Alerts{alerts.length ? ` (${alerts.length})` : ''} · settings</summary>
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
              Mute {u.name}
            </label>
          ))}
        </div>
      </details>
      {alreadyOut.length ? (
        <section className="already-out" aria-labelledby="already-out-title" data-testid="already-out">
          <h2 id="already-out-title">
            {alreadyOut.length === 1
              ? '1 agent was already severely out of adherence when you opened the board'
              : `${alreadyOut.length} agents were already severely out of adherence when you opened the board`}
          </h2>
          <p>Alerts below cover what happens while the board is open; these began before.</p>
          {/* Scrolls past a few names: reachable by keyboard, as any scrolling region must be. */}
          <ul className="alert-list" aria-label="Already severely out" tabIndex={0}>
            {alreadyOut.slice(0, LISTED).map((a) => (
              <li key={a.key} data-user={a.userId}>
                <strong>
                  <bdi>{nameOf(a.userId)}</bdi>
                </strong>{' '}
                out for {formatDuration(now - a.since)}
              </li>
            ))}
          </ul>
          {alreadyOut.length > LISTED ? (
            <p className="hint" data-testid="already-out-more">
              The {LISTED} longest are listed here; the other {alreadyOut.length - LISTED} are on the board, which puts
              the longest out of adherence first.
            </p>
          ) : null}
          <button type="button" onClick={dismissAlreadyOut}>
            Dismiss this list
          </button>
        </section>
      ) : null}
      {alerts.length ? (
        <ul className="alert-list" aria-label="Alerts" data-testid="alerts" tabIndex={0}>
          {alerts.slice(0, LISTED).map((a) => (
            <li key={a.key} data-user={a.userId} data-key={a.key} data-kind={a.kind}>
              <strong>
                <bdi>{nameOf(a.userId)}</bdi>
              </strong>{' '}
              {a.what} for {formatDuration(now - a.since)}{' '}
              <button
                type="button"
                onClick={() => setPrefs({ ...prefs, mutedAgents: [...prefs.mutedAgents, a.userId] })}
              >
                Mute this agent
              </button>{' '}
              <button type="button" onClick={() => dismiss(a.key)}>
                Dismiss
              </button>
            </li>
          ))}
        </ul>
      ) : null}
      {alerts.length > LISTED ? (
        <p className="hint" data-testid="alerts-more">
          The {LISTED} newest alerts are listed; dismiss some to see the {alerts.length - LISTED} before them.
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
    ? units.map(
        (u) =>
          `${u.out} of ${u.of} scheduled agents in ${groupName(u)}${teams.length ? ` (${teams.length} teams)` : ''}`,
      )
    : teams.length > 2
      ? // One line, not a paragraph a phone must scroll past: the teams are named on their buttons below.
        [
          `${teams.reduce((n, t) => n + t.out, 0)} of ${teams.reduce((n, t) => n + t.of, 0)} scheduled agents ` +
            `in ${teams.length} teams`,
        ]
      : teams.map((t) => `${t.out} of ${t.of} scheduled agents in ${groupName(t)}`);
  return parts.join('; ');
}
