/**
 * @module "All units" (issue 20, item 3): every management unit the user may watch, across business units, on
 * one page. A tile per unit (in adherence now, today so far, projected, week to date and month to date against
 * the unit's target) and one act-now list across them. Live figures come from the tab's one live-board store
 * over all the units; closed days from the day cache or Genesys (useClosedDays).
 */
import { useEffect, useMemo, useState } from 'react';
import { checkFeature, localDate, type Access, type GenesysClient, type ManagementUnit } from '@adhere/genesys';
import { useLiveBoard } from '../board/useLiveBoard.js';
import { useDistinctNames } from '../board/useDistinctNames.js';
import { useUnitSummary } from '../board/useUnitSummary.js';
import { ConnectionBadge } from '../board/ConnectionBadge.js';
import { formatDuration } from '../board/state-style.js';
import { featureUnitsQuery, readOrg, unitsQuery } from '../org-data/org-queries.js';
import { problemWords } from '../access/denied.js';
import { navigate } from '../router.js';
import { adjustedSays } from '../history/adjusted.js';
import { activityWords, countWords } from '../words.js';
import { periodFigures } from './closed-days.js';
import { useClosedDays, type RollupUnit } from './useClosedDays.js';

/** Rows in the act-now list: the first screenful; the board has the rest. */
const ACT_NOW_ROWS = 25;

const SAYS =
  'Week and month to date: closed days as Genesys counted them, plus today so far, summed over minutes. ' +
  adjustedSays() +
  ' Today counts raw until it closes; where today cannot be read, the closed days alone.';

/** Every unit the user may watch live, with its zone and first day of the week. */
function useAllUnits(client: GenesysClient): RollupUnit[] | string | undefined {
  const [units, setUnits] = useState<RollupUnit[] | string>();
  useEffect(() => {
    const ac = new AbortController();
    void (async () => {
      const listed = (await readOrg(client, featureUnitsQuery(client, 'RealTimeAdherence'), ac.signal)).filter(
        (m): m is ManagementUnit & { id: string } => !!m.id,
      );
      const full = listed.length
        ? await readOrg(
            client,
            unitsQuery(
              client,
              listed.map((m) => m.id),
            ),
            ac.signal,
          )
        : [];
      return full.map((m, i) => ({
        id: listed[i]!.id,
        name: m.name ?? listed[i]!.name ?? 'Unit',
        businessUnitId: m.businessUnit?.id ?? listed[i]!.businessUnit?.id,
        timeZone: m.timeZone ?? 'UTC',
        startDayOfWeek: m.startDayOfWeek ?? 'Monday',
      }));
    })().then(
      (list) => !ac.signal.aborted && setUnits(list),
      (e: unknown) => !ac.signal.aborted && setUnits(`The units could not be read: ${problemWords(e)}.`),
    );
    return () => ac.abort();
  }, [client]);
  return units;
}

const NONE: RollupUnit[] = [];

export function RollupPage({ client, access }: { client: GenesysClient; access: Access | undefined }) {
  const all = useAllUnits(client);
  const units = Array.isArray(all) ? all : NONE;
  const muKey = useMemo(() => units.map((u) => u.id).join(','), [units]);
  const live = useLiveBoard(client, muKey, '');
  const { ranked, now, today } = live;
  const { nameOf } = useDistinctNames(live.model, ranked.snapshots, ranked.namesVersion, ranked.teamNames);
  const history = access ? checkFeature(access, 'history') : undefined;
  const canReadDays = history?.available !== false;
  const closed = useClosedDays(client, units, now, canReadDays && units.length > 0);

  const { tiles, out: actNow } = useUnitSummary(live, true);
  const byId = new Map(tiles.map((t) => [t.id, t]));
  const unitName = new Map(units.map((u) => [u.id, u.name]));
  // The figure whole in data-value: what is shown is rounded, and a test reads what was summed.
  const pct = (v: number | undefined, target: number, digits = 1, figure?: string) =>
    v === undefined ? (
      <strong>–</strong>
    ) : (
      <strong className={v < target ? 'below-target' : undefined} data-figure={figure} data-value={v}>
        {v.toFixed(digits)}%
      </strong>
    );

  return (
    <section className="rollup" aria-labelledby="rollup-title">
      <div className="board-head">
        <h1 id="rollup-title">All units</h1>
        <ConnectionBadge state={live.connection} />
      </div>
      {typeof all === 'string' ? (
        <p role="alert" className="error">
          {all}
        </p>
      ) : null}
      {live.error || live.unitsProblem ? (
        // The feed's failure, or the units' settings (zones, targets) unread: Genesys's defaults are used then.
        <p role="alert" className="error">
          {live.error ?? live.unitsProblem}
        </p>
      ) : null}
      {all === undefined ? <p role="status">Reading your units…</p> : null}
      {Array.isArray(all) && all.length === 0 ? <p>No management units are available to you.</p> : null}
      {history?.available === false ? (
        <p className="hint" data-testid="rollup-no-history">
          Week and month to date need{' '}
          {[...history.missingPermissions, ...history.missingScopes].map((r) => r.label).join(', ')}.
        </p>
      ) : null}
      {closed.noExplanations ? (
        <p className="hint">
          Adjusted figures equal raw: reading explanations needs Workforce Management &gt; Adherence Explanation &gt;
          View.
        </p>
      ) : null}
      <ul className="wall-tiles rollup-tiles" aria-label="Units" data-testid="rollup-tiles">
        {units.map((u) => {
          const t = byId.get(u.id);
          const target = t?.target ?? 90;
          const p = closed.periods.get(u.id);
          const date = localDate(u.timeZone, now);
          const days = p && typeof p.days !== 'string' ? p.days : undefined;
          const within = (from: string) => [...(days ?? [])].filter(([d]) => d >= from && d < date).map(([, v]) => v);
          const week = days && p ? periodFigures(within(p.weekStart), t?.todayTally) : undefined;
          const month = days && p ? periodFigures(within(p.monthStart), t?.todayTally) : undefined;
          return (
            <li key={u.id} data-unit={u.id}>
              <h2>
                <a
                  href={`/?mu=${u.id}`}
                  onClick={(e) => {
                    e.preventDefault();
                    navigate(`/?mu=${u.id}`);
                  }}
                >
                  {u.name}
                </a>
              </h2>
              <p data-testid="tile-now">
                {t ? (
                  <>
                    {pct(t.inNow, target, 0)} in adherence now · <strong>{t.out}</strong> out ·{' '}
                    {countWords(t.agents, 'agent')}
                  </>
                ) : (
                  'Reading…'
                )}
              </p>
              <p data-testid="tile-today">
                Today {pct(t?.today, target)} · projected {pct(t?.projected, target)} · target {target}%
              </p>
              <p data-testid="tile-periods">
                {!canReadDays ? (
                  <span className="hint">Week and month to date: no access</span>
                ) : typeof p?.days === 'string' ? (
                  <span className="error">Week and month to date {p.days}</span>
                ) : week && month && (t?.todayTally || today.problem) ? (
                  <>
                    Week to date {pct(week.raw, target, 1, 'week')} (adjusted{' '}
                    {pct(week.adjusted, target, 1, 'week-adjusted')}) · month to date{' '}
                    {pct(month.raw, target, 1, 'month')} (adjusted {pct(month.adjusted, target, 1, 'month-adjusted')})
                  </>
                ) : (
                  <span className="hint">Week and month to date: reading…</span>
                )}
              </p>
            </li>
          );
        })}
      </ul>
      <p className="hint">{SAYS}</p>
      {closed.counts.cached + closed.counts.fetched > 0 ? (
        <p className="hint" data-testid="rollup-cache">
          Closed days: {closed.counts.cached} from this browser, {closed.counts.fetched} read from Genesys
          {closed.kept ? '' : ' (this browser keeps nothing here: they are read again next time)'}.
        </p>
      ) : null}
      <h2>Act now, across all units</h2>
      {actNow.length === 0 ? (
        <p className="hint">Nobody is out of adherence.</p>
      ) : (
        <>
          <ol className="rollup-act-now" data-testid="rollup-act-now">
            {actNow.slice(0, ACT_NOW_ROWS).map((r) => {
              const why = ranked.model.urgencyOf?.(r, now);
              return (
                <li key={r.userId} data-key={r.userId}>
                  <strong>
                    <bdi>{nameOf(r.userId)}</bdi>
                  </strong>{' '}
                  ({unitName.get(r.managementUnitId ?? '') ?? 'unit'}) · out for{' '}
                  {formatDuration(now - Date.parse(r.timeOfAdherenceChange ?? ''))} · scheduled{' '}
                  {activityWords(r.scheduledActivityCategory)}, actually {activityWords(r.actualActivityCategory)}
                  {why === 'missed' ? (
                    <strong className="below-target"> · target already missed today</strong>
                  ) : why === 'will-miss' ? (
                    <strong className="below-target"> · will miss the target unless acted on now</strong>
                  ) : null}
                </li>
              );
            })}
          </ol>
          {actNow.length > ACT_NOW_ROWS ? (
            <p className="hint">
              and {countWords(actNow.length - ACT_NOW_ROWS, 'more agent')} out of adherence:{' '}
              <a
                href={`/?mu=${muKey}`}
                onClick={(e) => {
                  e.preventDefault();
                  navigate(`/?mu=${muKey}`);
                }}
              >
                open them all on the board
              </a>
              .
            </p>
          ) : null}
        </>
      )}
    </section>
  );
}
