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
import { activityInSentence, percentWords } from '../words.js';
import { t, tx } from '../i18n/i18n.js';
import { periodFigures } from './closed-days.js';
import { useClosedDays, type RollupUnit } from './useClosedDays.js';

/** Rows in the act-now list: the first screenful; the board has the rest. */
const ACT_NOW_ROWS = 25;

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
      (e: unknown) => !ac.signal.aborted && setUnits(t('rollup.unitsUnread', { problem: problemWords(e) })),
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
        {percentWords(v, digits)}
      </strong>
    );

  return (
    <section className="rollup" aria-labelledby="rollup-title">
      <div className="board-head">
        <h1 id="rollup-title">{t('rollup.title')}</h1>
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
      {all === undefined ? <p role="status">{t('rollup.reading')}</p> : null}
      {Array.isArray(all) && all.length === 0 ? <p>{t('rollup.noUnits')}</p> : null}
      {history?.available === false ? (
        <p className="hint" data-testid="rollup-no-history">
          {t('rollup.periodsNeed', {
            missing: [...history.missingPermissions, ...history.missingScopes].map((r) => r.label).join(', '),
          })}
        </p>
      ) : null}
      {closed.noExplanations ? (
        <p className="hint">
          {/* Genesys's own name of the permission, as its admin screens show it. */}
          {t('rollup.noExplanations', { permission: 'Workforce Management > Adherence Explanation > View' })}
        </p>
      ) : null}
      <ul className="wall-tiles rollup-tiles" aria-label={t('wall.units')} data-testid="rollup-tiles">
        {units.map((u) => {
          const tile = byId.get(u.id);
          const target = tile?.target ?? 90;
          const p = closed.periods.get(u.id);
          const date = localDate(u.timeZone, now);
          const days = p && typeof p.days !== 'string' ? p.days : undefined;
          const within = (from: string) => [...(days ?? [])].filter(([d]) => d >= from && d < date).map(([, v]) => v);
          const week = days && p ? periodFigures(within(p.weekStart), tile?.todayTally) : undefined;
          const month = days && p ? periodFigures(within(p.monthStart), tile?.todayTally) : undefined;
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
                  <bdi>{u.name}</bdi>
                </a>
              </h2>
              <p data-testid="tile-now">
                {tile
                  ? tx(
                      'rollup.tileNow',
                      { out: tile.out, agents: tile.agents },
                      { now: () => pct(tile.inNow, target, 0), b: (c) => <strong>{c}</strong> },
                    )
                  : t('rollup.tileReading')}
              </p>
              <p data-testid="tile-today">
                {tx(
                  'rollup.tileToday',
                  { target: percentWords(target, 0) },
                  { today: () => pct(tile?.today, target), projected: () => pct(tile?.projected, target) },
                )}
              </p>
              <p data-testid="tile-periods">
                {!canReadDays ? (
                  <span className="hint">{t('rollup.periodsNoAccess')}</span>
                ) : typeof p?.days === 'string' ? (
                  <span className="error">{t('rollup.periodsProblem', { problem: p.days })}</span>
                ) : week && month && (tile?.todayTally || today.problem) ? (
                  tx(
                    'rollup.periods',
                    {},
                    {
                      week: () => pct(week.raw, target, 1, 'week'),
                      weekAdjusted: () => pct(week.adjusted, target, 1, 'week-adjusted'),
                      month: () => pct(month.raw, target, 1, 'month'),
                      monthAdjusted: () => pct(month.adjusted, target, 1, 'month-adjusted'),
                    },
                  )
                ) : (
                  <span className="hint">{t('rollup.periodsReading')}</span>
                )}
              </p>
            </li>
          );
        })}
      </ul>
      <p className="hint">{t('rollup.says', { adjusted: adjustedSays() })}</p>
      {closed.counts.cached + closed.counts.fetched > 0 ? (
        <p className="hint" data-testid="rollup-cache">
          {t(closed.kept ? 'rollup.cache' : 'rollup.cacheNotKept', {
            cached: closed.counts.cached,
            fetched: closed.counts.fetched,
          })}
        </p>
      ) : null}
      <h2>{t('rollup.actNow')}</h2>
      {actNow.length === 0 ? (
        <p className="hint">{t('rollup.nobodyOut')}</p>
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
                  (<bdi>{unitName.get(r.managementUnitId ?? '') ?? t('board.aUnit')}</bdi>) ·{' '}
                  {t('rollup.outLine', {
                    time: formatDuration(now - Date.parse(r.timeOfAdherenceChange ?? '')),
                    scheduled: activityInSentence(r.scheduledActivityCategory),
                    actual: activityInSentence(r.actualActivityCategory),
                  })}
                  {why === 'missed' ? (
                    <strong className="below-target"> · {t('rollup.missed')}</strong>
                  ) : why === 'will-miss' ? (
                    <strong className="below-target"> · {t('rollup.willMiss')}</strong>
                  ) : null}
                </li>
              );
            })}
          </ol>
          {actNow.length > ACT_NOW_ROWS ? (
            <p className="hint">
              {t('rollup.more', { count: actNow.length - ACT_NOW_ROWS })}{' '}
              <a
                href={`/?mu=${muKey}`}
                onClick={(e) => {
                  e.preventDefault();
                  navigate(`/?mu=${muKey}`);
                }}
              >
                {t('rollup.openAll')}
              </a>
              .
            </p>
          ) : null}
        </>
      )}
    </section>
  );
}
