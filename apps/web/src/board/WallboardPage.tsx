/** @module The wallboard: the selection's state now, readable from across the room; the worst ten by act-now. */
import { useMemo } from 'react';
import type { GenesysClient } from '@adhere/genesys';
import { navigate, useLocation } from '../router.js';
import { readAddressIds } from '../address-ids.js';
import { activityWords } from '../words.js';
import { formatDuration, styleOf } from './state-style.js';
import { useLiveBoard } from './useLiveBoard.js';
import { selectionPercent } from './today.js';
import { useDistinctNames } from './useDistinctNames.js';

export function WallboardPage({ client }: { client: GenesysClient }) {
  const q = useLocation().searchParams;
  const address = readAddressIds(q);
  const muKey = address.managementUnitIds.join(',');
  const teamId = address.teamId ?? '';
  const live = useLiveBoard(client, muKey, teamId);
  const muIds = useMemo(() => muKey.split(',').filter(Boolean), [muKey]);
  const units = live.units;
  const today = live.today;
  const { current, ranked, now } = live;
  const { nameOf } = useDistinctNames(live.model, ranked.snapshots, ranked.namesVersion, ranked.teamNames);
  const counts = useMemo(() => current.model.counts(), [current]);
  const worst = useMemo(
    () =>
      ranked.model
        .select({ states: new Set(['OutOfAdherence']), search: '', sortKey: 'actNow', descending: false }, now)
        .slice(0, 10),
    [ranked, now],
  );
  const todayPercent = useMemo(
    () => selectionPercent(today.units.byUnit, ranked.model.all(), now),
    [ranked, now, today.units],
  );
  const target = units.thresholds.get(muIds[0] ?? '')?.targetPercent ?? 90;
  const scheduled = current.model.size - (counts.Unscheduled ?? 0);
  const inNow = scheduled > 0 ? ((counts.InAdherence ?? 0) / scheduled) * 100 : 100;
  return (
    <section className="wallboard" aria-labelledby="wall-title">
      <div className="wall-head">
        <h1 id="wall-title">Adherence now</h1>
        <div className="wall-actions">
          <button type="button" onClick={() => void document.documentElement.requestFullscreen?.().catch(() => {})}>
            Full screen
          </button>
          <button type="button" onClick={() => navigate(`/?${q.toString()}`)}>
            Back to the board
          </button>
        </div>
      </div>
      {address.problems.map((p) => (
        <p key={p} role="alert" className="error">
          {p}
        </p>
      ))}
      {live.unitsProblem ? (
        <p role="status" className="error" data-testid="settings-problem">
          {live.unitsProblem}
        </p>
      ) : null}
      {live.error ? (
        <p role="alert" className="error">
          {live.error}
        </p>
      ) : null}
      {live.model.size === 0 && !muKey && !teamId ? (
        <p>Choose management units or a team on the board first, then open the wallboard from there.</p>
      ) : null}
      <div className="wall-figures">
        <p className="wall-big" data-testid="wall-today">
          <strong className={todayPercent !== undefined && todayPercent < target ? 'below-target' : undefined}>
            {todayPercent === undefined ? '–' : `${todayPercent.toFixed(1)}%`}
          </strong>{' '}
          adherence today (target {target}%)
        </p>
        <p className="wall-big" data-testid="wall-in-now">
          <strong>{inNow.toFixed(0)}%</strong> of scheduled agents in adherence
        </p>
        {(['OutOfAdherence', 'InAdherence', 'Unscheduled'] as const).map((s) => (
          <p key={s} className={`wall-count ${styleOf(s).className}`}>
            <span aria-hidden="true">{styleOf(s).icon}</span> {styleOf(s).label} <strong>{counts[s] ?? 0}</strong>
          </p>
        ))}
      </div>
      <h2>Longest out of adherence</h2>
      <ol className="wall-worst" data-testid="wall-worst">
        {worst.map((r) => (
          <li key={r.userId} data-key={r.userId}>
            <span className="wall-name">{nameOf(r.userId)}</span>
            <span className="wall-time">{formatDuration(now - Date.parse(r.timeOfAdherenceChange ?? ''))}</span>
            <span className="wall-what">
              scheduled {activityWords(r.scheduledActivityCategory)}, actually {activityWords(r.actualActivityCategory)}
            </span>
          </li>
        ))}
      </ol>
    </section>
  );
}
