/**
 * @module The wallboard, a kiosk for a screen across the room (issue 22, item 10): no app navigation; one tile per
 * unit (in adherence now, today so far, projected); the out-of-adherence list, longest first, as many rows as the
 * screen holds, turning its pages on its own.
 */
import { useLayoutEffect, useMemo, useRef, useState } from 'react';
import { localMinuteOfDay, type GenesysClient } from '@adhere/genesys';
import { navigate, useLocation } from '../router.js';
import { readAddressIds } from '../address-ids.js';
import { useOrgData } from '../org-data/useOrgData.js';
import { unitsQuery } from '../org-data/org-queries.js';
import { ThemeChoice } from '../preferences/ThemeChoice.js';
import { activityInSentence, clockTime, percentWords } from '../words.js';
import { t, tx } from '../i18n/i18n.js';
import { formatDuration, styleOf } from './state-style.js';
import { useLiveBoard } from './useLiveBoard.js';
import { selectionPercent } from './today.js';
import { useUnitSummary } from './useUnitSummary.js';
import { useDistinctNames } from './useDistinctNames.js';
import { ConnectionBadge } from './ConnectionBadge.js';
import { PAGE_MS, pageAt, perPageFor } from './wall-paging.js';

const NO_UNITS: never[] = [];

/** How long before the sign-in ends the wallboard says what will happen. */
const SESSION_NOTICE_MS = 10 * 60_000;

export function WallboardPage({
  client,
  sessionEndsAt,
}: {
  client: GenesysClient;
  /** When this sign-in stops being used (epoch ms): the app signs in again then. Said ahead on screen. */
  sessionEndsAt?: number | undefined;
}) {
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
  // The units' names from the tab's org cache (the board read them already).
  const unitList = useOrgData(client, muIds.length ? unitsQuery(client, muIds) : undefined).data ?? NO_UNITS;
  const counts = useMemo(() => current.model.counts(), [current]);
  const summary = useUnitSummary(live, !teamId);
  const out = summary.out;
  const todayPercent = useMemo(
    () => selectionPercent(today.units.byUnit, ranked.model.all(), now, teamId ? [] : muIds),
    [ranked, now, today.units, teamId, muIds],
  );
  const tiles = useMemo(
    () => summary.tiles.map((t) => ({ ...t, name: unitList.find((u) => u.id === t.id)?.name ?? 'Unit' })),
    [summary.tiles, unitList],
  );
  const target = units.thresholds.get(muIds[0] ?? '')?.targetPercent ?? 90;
  const scheduled = current.model.size - (counts.Unscheduled ?? 0);
  const inNow = scheduled > 0 ? ((counts.InAdherence ?? 0) / scheduled) * 100 : 100;

  // As many rows as the screen holds below the tiles, measured (fonts and screens differ); the pages turn on the
  // clock the board already keeps, so a test moves them by moving the clock.
  const list = useRef<HTMLOListElement>(null);
  const [perPage, setPerPage] = useState(10);
  /** The tallest row seen since the screen last changed size (see perPageFor). */
  const tallest = useRef(0);
  // After every render: the tiles and figures above the list change height as their figures arrive.
  useLayoutEffect(() => {
    const measure = () => {
      const el = list.current;
      if (!el) return;
      const layout = {
        bottom: window.innerHeight - 8,
        listTop: el.getBoundingClientRect().top,
        rows: [...el.querySelectorAll('li')].map((li) => li.getBoundingClientRect()),
      };
      setPerPage((n) => {
        const next = perPageFor(n, layout, tallest.current);
        tallest.current = next.tallest;
        return next.perPage;
      });
    };
    const resized = () => {
      // Another width wraps rows differently: what was tallest says nothing now.
      tallest.current = 0;
      measure();
    };
    measure();
    addEventListener('resize', resized);
    return () => removeEventListener('resize', resized);
  });
  const [openedAt] = useState(now);
  const { page, pages } = pageAt(now, openedAt, out.length, perPage);
  const shown = out.slice(page * perPage, (page + 1) * perPage);
  const zone = units.zones.get(muIds[0] ?? '') ?? 'UTC';

  return (
    <section className="wallboard" aria-labelledby="wall-title">
      <div className="wall-head">
        <h1 id="wall-title">{t('wall.title')}</h1>
        <span className="wall-clock">{clockTime(localMinuteOfDay(zone, now))}</span>
        <ConnectionBadge state={live.connection} />
        <div className="wall-actions">
          <button type="button" onClick={() => void document.documentElement.requestFullscreen?.().catch(() => {})}>
            {t('wall.fullScreen')}
          </button>
          <ThemeChoice />
          <button type="button" onClick={() => navigate(`/?${q.toString()}`)}>
            {t('wall.back')}
          </button>
        </div>
      </div>
      {/* Issue 22, item 8: a kiosk signs in again by itself (the app re-runs sign-in, and Genesys answers without a
          form while its browser session lasts); where the org asks for the password each time, a person must. */}
      {sessionEndsAt !== undefined && sessionEndsAt - now <= SESSION_NOTICE_MS ? (
        <p role="status" className="hint" data-testid="session-ends">
          {t('wall.sessionEnds', { at: clockTime(localMinuteOfDay(zone, sessionEndsAt)) })}
        </p>
      ) : null}
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
      {live.model.size === 0 && !muKey && !teamId ? <p>{t('wall.chooseFirst')}</p> : null}
      <div className="wall-figures">
        <p className="wall-big" data-testid="wall-today">
          {tx(
            'wall.today',
            { percent: todayPercent === undefined ? '–' : percentWords(todayPercent), target: percentWords(target, 0) },
            {
              b: (c) => (
                <strong className={todayPercent !== undefined && todayPercent < target ? 'below-target' : undefined}>
                  {c}
                </strong>
              ),
            },
          )}
        </p>
        <p className="wall-big" data-testid="wall-in-now">
          {tx('wall.inNow', { percent: percentWords(inNow, 0) }, { b: (c) => <strong>{c}</strong> })}
        </p>
        {(['OutOfAdherence', 'InAdherence', 'Unscheduled'] as const).map((s) => (
          <p key={s} className={`wall-count ${styleOf(s).className}`}>
            <span aria-hidden="true">{styleOf(s).icon}</span> {styleOf(s).label} <strong>{counts[s] ?? 0}</strong>
          </p>
        ))}
      </div>
      {tiles.length > 1 ? (
        <ul className="wall-tiles" aria-label={t('wall.units')} data-testid="wall-tiles">
          {tiles.map((tile) => (
            <li key={tile.id} data-unit={tile.id}>
              <h2>
                <bdi>{tile.name}</bdi>
              </h2>
              <p>
                {tx(
                  'wall.tileNow',
                  { percent: tile.inNow === undefined ? '–' : percentWords(tile.inNow, 0), out: tile.out },
                  { b: (c) => <strong>{c}</strong> },
                )}
              </p>
              <p>
                {tx(
                  'wall.tileToday',
                  {
                    today: tile.today === undefined ? '–' : percentWords(tile.today),
                    projected: tile.projected === undefined ? '–' : percentWords(tile.projected),
                    target: percentWords(tile.target, 0),
                  },
                  {
                    low: (c) => (
                      <strong
                        className={tile.today !== undefined && tile.today < tile.target ? 'below-target' : undefined}
                      >
                        {c}
                      </strong>
                    ),
                    b: (c) => <strong>{c}</strong>,
                  },
                )}
              </p>
            </li>
          ))}
        </ul>
      ) : null}
      <h2 className="wall-list-title">
        {t('wall.listTitle')}
        {pages > 1 ? (
          <span className="wall-page" data-testid="wall-page">
            {' '}
            {t('wall.page', { page: page + 1, pages, seconds: PAGE_MS / 1000 })}
          </span>
        ) : null}
      </h2>
      <ol className="wall-worst" data-testid="wall-worst" ref={list} start={page * perPage + 1} data-per-page={perPage}>
        {shown.map((r) => (
          <li key={r.userId} data-key={r.userId}>
            <bdi className="wall-name">{nameOf(r.userId)}</bdi>
            <span className="wall-time">{formatDuration(now - Date.parse(r.timeOfAdherenceChange ?? ''))}</span>
            <span className="wall-what">
              {t('wall.what', {
                scheduled: activityInSentence(r.scheduledActivityCategory),
                actual: activityInSentence(r.actualActivityCategory),
              })}
            </span>
          </li>
        ))}
      </ol>
    </section>
  );
}
