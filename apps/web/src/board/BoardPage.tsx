/** @module The live adherence board: the view. Its data comes from useLiveBoard. */
import { lazy, memo, Suspense, useCallback, useEffect, useMemo, useRef, useState } from 'react';
import {
  ADHERENCE_STATES,
  checkFeature,
  localMinuteOfDay,
  presenceLabel,
  type Access,
  type AgentAdherence,
  type GenesysClient,
} from '@adhere/genesys';
import { useOrgData } from '../org-data/useOrgData.js';
import {
  activityCodesQuery,
  businessUnitsQuery,
  managementUnitsQuery,
  presencesQuery,
} from '../org-data/org-queries.js';
import { problemWords } from '../access/denied.js';
import { navigate, useLocation } from '../router.js';
import { readAddressIds } from '../address-ids.js';
import { saveBoardOpensOn } from '../preferences/board-opens-on.js';
import { addressWithSavedUnits, openingBusinessUnit, openingUnitsKey } from './opening-units.js';
import type { SortKey } from './board-model.js';
import { AlertsPanel } from './AlertsPanel.js';
import { ConnectionBadge } from './ConnectionBadge.js';
import { useAlerts } from './useAlerts.js';
import { departedOutside, selectionFigures } from './today.js';
import { adjustedSays } from '../history/adjusted.js';
import { addTallies, agentTally, dayTally, project, runningOutMs, urgency } from './projection.js';
import { gapWords, staffingNow } from './staffing.js';
import { SITUATION_KINDS, SITUATION_WORDS, type SituationKind } from './situations.js';
import { situationMinutes } from '../preferences/situation-prefs.js';
import { useSoon } from './useSoon.js';
import { useLiveBoard } from './useLiveBoard.js';
import { AgentNowStore, interactionWords } from './agent-now.js';
import { formatDuration, styleOf } from './state-style.js';
import { DEFAULT_THRESHOLDS, describeOut, outLevel, thresholdWords } from './thresholds.js';
import {
  activityWords,
  clockTime,
  explanationWords,
  impactWords,
  minutesWords,
  presenceWords,
  routingWords,
  percentWords,
} from '../words.js';
import { t, useLocale } from '../i18n/i18n.js';
import { VirtualTable, type Column } from './VirtualTable.js';
import { useDistinctNames } from './useDistinctNames.js';
import { readColumnOrder, readColumnWidths, visibleColumns, writeColumns } from './columns.js';
import { ColumnChooser } from './ColumnChooser.js';
import { StaffingByTeam } from './StaffingByTeam.js';
import { SavedViews } from './SavedViews.js';
import { ExcuseDialog, type Spell } from './ExcuseDialog.js';
import { deviationMembers } from './alerts.js';

const NO_UNITS: never[] = [];

// The day view loads when first opened: most visits never open it.
const AgentDayView = lazy(() => import('./AgentDayView.js').then((m) => ({ default: m.AgentDayView })));
const TeamDayView = lazy(() => import('./TeamDayView.js').then((m) => ({ default: m.TeamDayView })));

/** The live adherence board: choose BU, management units and team; watch agents move in and out of adherence. */
export function BoardPage({ client, access }: { client: GenesysClient; access?: Access | undefined }) {
  const url = useLocation();
  const q = url.searchParams;
  const locale = useLocale();
  // Org data from the tab's cache: one request per key for every view, the old unit's answer never shown for a
  // new one. Only the business units the user may watch live (Genesys lists them for feature=RealTimeAdherence):
  // the default unit is then one whose board the user can open.
  const busEntry = useOrgData(client, businessUnitsQuery(client, 'RealTimeAdherence'));
  const bus = busEntry.data ?? NO_UNITS;
  // Ids from the address are checked before use; one that is not a Genesys id is left out and said.
  const address = readAddressIds(q);
  const buId = openingBusinessUnit(address, bus);
  const musEntry = useOrgData(client, buId ? managementUnitsQuery(client, buId) : undefined);
  const mus = musEntry.data ?? NO_UNITS;
  const listError = busEntry.error ?? musEntry.error;
  const error = listError === undefined ? undefined : problemWords(listError);
  // The selection as one string: effects and memos compare it by value, not by array identity.
  const muKey = openingUnitsKey(address, mus);
  const muIds = useMemo(() => muKey.split(',').filter(Boolean), [muKey]);
  const teamId = address.teamId ?? '';
  const setParam = (key: string, value: string | undefined) => {
    const next = new URL(location.href);
    if (value) next.searchParams.set(key, value);
    else next.searchParams.delete(key);
    navigate(next.pathname + next.search, true);
    // The board opens on the units chosen last (Settings says which, and forgets them).
    if (key === 'bu' || key === 'mu' || key === 'team' || key === 'cols') saveBoardOpensOn(next.searchParams);
  };
  // An address without units opens the board on those chosen last, written into the address (a link copied
  // from it then opens the same board for anyone).
  useEffect(() => {
    const saved = addressWithSavedUnits(q);
    if (saved) navigate(`${location.pathname}?${saved}`, true);
    // Once, on opening: later changes of the address are the user's own.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, []);

  // First of the page's requests: the snapshot that fills the board must not queue behind the others (a
  // browser opens six connections to a host; the rest of the page's requests wait their turn).
  const live = useLiveBoard(client, muKey, teamId);
  // Each unit's own thresholds (settings.adherence): how long is too long, and when it is severe; its zone. Read by
  // the live-board store, with today's figures.
  const { zones, thresholds } = live.units;
  const settingsProblem = live.unitsProblem;
  useEffect(() => {
    // The first zoned date costs the browser ~50 ms (its time-zone data loads): pay it now, while the snapshot
    // is still on its way, not in the first render of the rows.
    for (const zone of zones.values()) localMinuteOfDay(zone, Date.now());
  }, [zones]);
  // Activity codes by id, for the day view's scheduled activities.
  const codesEntry = useOrgData(client, buId ? activityCodesQuery(client, buId) : undefined);
  const codes = useMemo(
    () =>
      new Map(
        (codesEntry.data ?? []).map((c) => [c.id, { name: c.name ?? c.id, category: c.category ?? 'Unavailable' }]),
      ),
    [codesEntry.data],
  );
  // The org's presence definitions, to name secondary presences ("Away · Coaching"). Optional: without the
  // permission or scope the column shows the system presence alone, and says why.
  const presencesEntry = useOrgData(client, presencesQuery(client));
  const presences = useMemo(() => new Map((presencesEntry.data ?? []).map((d) => [d.id, d])), [presencesEntry.data]);
  // What the agents on screen are doing now (issue 22, item 3): asked for the rows drawn, a batch at a time.
  const agentNow = useMemo(() => new AgentNowStore(client), [client]);
  const [, setAgentNowVersion] = useState(0);
  useEffect(() => {
    const stop = agentNow.onChange(() => setAgentNowVersion(agentNow.version));
    return () => {
      stop();
      agentNow.stop();
    };
  }, [agentNow]);
  const degraded = [
    live.namesProblem,
    codesEntry.error !== undefined && !codesEntry.data
      ? t('board.codesProblem', { problem: problemWords(codesEntry.error) })
      : undefined,
    presencesEntry.error !== undefined && !presencesEntry.data
      ? t('board.presencesProblem', { problem: problemWords(presencesEntry.error) })
      : undefined,
    agentNow.problem ? t('board.agentNowProblem', { problem: agentNow.problem }) : undefined,
  ].filter((x): x is string => x !== undefined);
  const dayAgent = address.agentId ?? '';
  // Today's timeline of a team, or of the whole selection: its members are the board's, as of the re-rank.
  const timeline = address.timeline ?? '';
  // Excusing from the board: the role's permission, the spells being excused, and what came of it.
  const canExcuse = access !== undefined && checkFeature(access, 'excuse').available === true;
  const [excusing, setExcusing] = useState<{ spells: Spell[]; suggestion: string }>();
  const [excuseSaid, setExcuseSaid] = useState<string>();
  const thresholdOf = (r: AgentAdherence) => thresholds.get(r.managementUnitId ?? '') ?? DEFAULT_THRESHOLDS;

  const [sortKey, setSortKey] = useState<SortKey>((q.get('sort') as SortKey) ?? 'actNow');
  const [paused, setPaused] = useState(false);
  // While the pointer is on the list or focus is in it, rows keep their places: a re-rank must not move the
  // row being read. Changes still repaint in place; the order catches up when the pointer leaves, or at once
  // when the user sorts or filters.
  const [holding, setHolding] = useState(false);
  const heldIds = useRef<string[]>([]);
  const [descending, setDescending] = useState(false);
  const stateParam = q.get('state') ?? '';
  const states = useMemo(() => new Set(stateParam.split(',').filter(Boolean)), [stateParam]);
  const search = q.get('q') ?? '';
  // The situation filter, from the address: one of the known kinds, else none.
  const situationParam = q.get('situation') ?? '';
  const situation = (SITUATION_KINDS as readonly string[]).includes(situationParam) ? situationParam : '';
  const minutes = situationMinutes();
  // Order and filter are recomputed at most once a second (and at once when the query changes); in
  // between, live changes repaint the visible rows in place. Sorting 20,000 rows every frame would not
  // keep up with 500 changes a second.
  const { current, ranked, now } = live;
  const ranking = useMemo(
    () => ranked.model.selectIds({ states, search, situation, sortKey, descending }, now),
    [ranked, now, states, search, situation, sortKey, descending],
  );
  // What the user asked for (order, direction, filters, selection): a change of it reorders at once, pointer
  // or no pointer. Holding still keeps rows in place through the once-a-second re-rank of live changes.
  const asked = `${sortKey}|${descending}|${stateParam}|${search}|${situation}|${muKey}|${teamId}`;
  const heldFor = useRef(asked);
  if (!holding || heldIds.current.length === 0 || heldFor.current !== asked) {
    heldIds.current = ranking;
    heldFor.current = asked;
  }
  const ids = holding ? heldIds.current : ranking;
  // Rows are looked up as they scroll into view: a frame touches the 40 on screen, never all 20,000.
  const rowOf = (id: string) => current.model.get(id);
  const counts = useMemo(() => current.model.counts(), [current]);
  const today = live.today;
  const todayOf = (r: AgentAdherence) => today.units.byUnit.get(r.managementUnitId ?? '')?.percent([r.userId], now);
  // Once-a-second sums over every agent run in tasks of their own after the re-rank has painted (see
  // useSoon): one task doing all of it at 20,000 agents would hold the page for a frame or three.
  // Raw and, once today's explanations are read and heard, adjusted beside it (issue 20, item 2).
  // A unit's figures keep what agents who left it today did while members (Genesys keeps it there); a team's
  // selection is its members now.
  const wholeUnits = useMemo(() => (teamId ? [] : muIds), [teamId, muIds]);
  const todayFigures = useSoon(
    () =>
      selectionFigures(
        today.units.byUnit,
        ranked.model.all(),
        live.explanationsLive ? ranked.model.approved : undefined,
        (id) => ranked.model.get(id),
        now,
        wholeUnits,
      ),
    [ranked, now, today.units, live.explanationsLive, wholeUnits],
  );
  const selectionToday = todayFigures?.raw;
  const selectionAdjustedToday = todayFigures?.adjusted;
  const target = thresholds.get(muIds[0] ?? '')?.targetPercent ?? 90;
  // Where the day is going (issue 20, item 1): each agent's and the selection's projection and budget, summed in
  // minutes over the agents whose figures and schedule are in.
  // The store's own judgement, the one the situation filter uses.
  const situationNow = (r: AgentAdherence) => live.model.situationOf?.(r, now);
  // How many agents are in each situation now: listed as soon as the board opens, one line, each a filter.
  const situations = useSoon(() => {
    const n = new Map<SituationKind, number>();
    for (const r of ranked.model.all()) {
      const s = situationNow(r);
      if (s) n.set(s.kind, (n.get(s.kind) ?? 0) + 1);
    }
    return n;
  }, [ranked, now, today.units]);
  // On queue now against scheduled on queue, for the selection and each team.
  // Once a second with the re-rank, not every frame: a count over every agent, read by people, not animated.
  const staffing = useMemo(() => staffingNow(ranked.model.all()), [ranked]);
  const tallyOf = (r: AgentAdherence) => agentTally(today.units, r, thresholdOf(r).targetPercent, now);
  const selectionDay = useSoon(() => {
    const tallies = [];
    for (const r of ranked.model.all()) {
      const t = agentTally(today.units, r, thresholdOf(r).targetPercent, now);
      if (t) tallies.push(t);
    }
    // Those who left a unit today: their part there stands, with nothing more to come.
    if (tallies.length)
      for (const mu of wholeUnits) {
        const gone = departedOutside(today.units.byUnit, [mu], ranked.model.all(), now);
        if (gone) tallies.push(dayTally(gone, 0, thresholds.get(mu)?.targetPercent ?? 90));
      }
    return tallies.length ? project(addTallies(tallies)) : undefined;
  }, [ranked, now, today.units, thresholds, wholeUnits]);
  // The units' thresholds said once for the board (the rows say only "severe" or "not counted yet").
  const unitThresholds = muIds.map((id) => thresholds.get(id)).filter((t) => t !== undefined);
  const thresholdsSaid =
    unitThresholds.length === 0
      ? ''
      : new Set(unitThresholds.map(thresholdWords)).size === 1
        ? thresholdWords(unitThresholds[0]!)
        : t('board.thresholdsDiffer');
  // Teams change with a snapshot or new names, not with the once-a-second re-rank.
  const { snapshots, namesVersion, teamNames } = ranked;
  const { distinct, nameOf } = useDistinctNames(live.model, snapshots, namesVersion, teamNames);
  const timelineMembers = useMemo(() => {
    if (!timeline) return [];
    const list = [];
    for (const r of ranked.model.all())
      if (timeline === 'all' || r.teamId === timeline)
        list.push({ userId: r.userId, name: nameOf(r.userId), record: r });
    return list;
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [timeline, ranked, namesVersion]);
  const exceptionMsOf = useCallback(
    (r: AgentAdherence) => (thresholds.get(r.managementUnitId ?? '')?.exceptionSeconds ?? 0) * 1000,
    [thresholds],
  );
  const alerting = useAlerts(live.model, now, ranked.snapshots + ranked.resortTick, thresholdOf, nameOf);
  const teams = useMemo(() => {
    void namesVersion;
    void snapshots;
    const seen = new Map<string, string>();
    for (const r of live.model.all()) if (r.teamId) seen.set(r.teamId, teamNames.get(r.teamId) ?? r.teamId);
    return [...seen].sort((x, y) => x[1].localeCompare(y[1]));
  }, [live.model, snapshots, namesVersion, teamNames]);

  // Everything the cells read beside the record itself: a row whose record is unchanged re-renders only when
  // one of these does (the once-a-second clock, names, settings, today's figures).
  const rowEpoch = [now, namesVersion, distinct, canExcuse, thresholds, zones, codes, presences, today.units, locale];
  /** A time as the agent's unit reads its clocks. */
  const at = (r: AgentAdherence, t: number) =>
    clockTime(localMinuteOfDay(zones.get(r.managementUnitId ?? '') ?? 'UTC', t));
  /** The activity code's own name where the business unit has one, else the category in words. */
  const activityNameOf = (codeId: string | undefined, category: string | undefined) =>
    (codeId ? codes.get(codeId)?.name : undefined) ?? activityWords(category);
  /**
   * The explanation a row shows: the one the live record carries (it covers now), else the agent's latest of
   * today from the explanation topic (time already past: "· 09:10" says when it began).
   */
  const explanationOfRow = (r: AgentAdherence) => {
    if (r.explanation) return { ...r.explanation, now: true };
    const e = live.model.explanations.get(r.userId);
    return e
      ? { id: e.id, status: e.status, startDate: e.startDate, lengthMinutes: e.lengthMinutes, now: false }
      : undefined;
  };
  const explanationTitle = (r: AgentAdherence, e: NonNullable<ReturnType<typeof explanationOfRow>>) => {
    const start = Date.parse(e.startDate ?? '');
    return t('board.explanationTitle', {
      span: Number.isFinite(start) ? 'yes' : 'no',
      from: Number.isFinite(start) ? at(r, start) : '',
      to: Number.isFinite(start) ? at(r, start + (e.lengthMinutes ?? 0) * 60_000) : '',
      when: e.now ? 'now' : 'earlier',
      status: explanationWords(e.status),
    });
  };
  const columns: Column<AgentAdherence>[] = [
    {
      key: 'name',
      label: t('column.name'),
      minRem: 9,
      grow: 1.4,
      priority: 0,
      sortable: true,
      render: (r) => (
        <button type="button" className="link" onClick={() => setParam('agent', r.userId)}>
          <bdi>{live.model.names.get(r.userId) ?? '…'}</bdi>
          {distinct.has(r.userId) ? <span className="namesake"> · {distinct.get(r.userId)}</span> : null}
        </button>
      ),
    },
    {
      key: 'adherenceState',
      label: t('column.adherenceState'),
      minRem: 12,
      grow: 1.8,
      priority: 1,
      sortable: true,
      render: (r) => {
        const s = styleOf(r.adherenceState);
        const out = r.adherenceState === 'OutOfAdherence';
        const ms = now - Date.parse(r.timeOfAdherenceChange ?? '');
        const level = out ? outLevel(ms, thresholdOf(r)) : undefined;
        const spell = out ? describeOut(ms, thresholdOf(r)) : undefined;
        return (
          <span
            className={`state ${s.className}${level === 'severe' ? ' severe' : ''}`}
            data-level={level}
            title={
              spell
                ? t('board.stateTitle', { state: s.label, spell, thresholds: thresholdWords(thresholdOf(r)) })
                : s.label
            }
          >
            <span aria-hidden="true">{s.icon}</span> {s.label}
            {spell ? <span className="out-time"> · {spell}</span> : null}
          </span>
        );
      },
    },
    {
      // What the agent is doing wrong, in the supervisor's words, past the supervisor's own threshold.
      key: 'situation',
      label: t('column.situation'),
      minRem: 10,
      grow: 1,
      priority: 2,
      render: (r) => {
        const s = situationNow(r);
        if (!s) return null;
        const words = t('board.situationCell', {
          situation: SITUATION_WORDS[s.kind],
          time: formatDuration(s.ms),
          severe: s.severe ? 'yes' : 'no',
        });
        return (
          <span
            className={s.severe ? 'situation severe' : 'situation'}
            data-situation={s.kind}
            title={t('board.situationTitle', { words, from: minutes[s.kind], severe: 3 * minutes[s.kind] })}
          >
            {words}
          </span>
        );
      },
    },
    {
      // The agent's explanation covering now (Genesys puts it on the live record), and its review.
      key: 'explanation',
      label: t('column.explanation'),
      minRem: 8.5,
      grow: 0.9,
      priority: 3,
      render: (r) => {
        const e = explanationOfRow(r);
        return (
          <>
            {e ? (
              <span className="explanation" data-status={e.status} title={explanationTitle(r, e)}>
                {explanationWords(e.status)}
                {e.now || !e.startDate ? '' : ` · ${at(r, Date.parse(e.startDate))}`}
              </span>
            ) : null}
            {canExcuse && r.adherenceState === 'OutOfAdherence' && !r.explanation ? (
              <button
                type="button"
                className="excuse-link"
                onClick={() =>
                  setExcusing({
                    spells: [
                      { userId: r.userId, name: nameOf(r.userId), start: Date.parse(r.timeOfAdherenceChange ?? '') },
                    ],
                    suggestion: '',
                  })
                }
              >
                {t('board.excuse')}
              </button>
            ) : null}
          </>
        );
      },
    },
    {
      key: 'previous',
      label: t('column.previous'),
      minRem: 8,
      grow: 0.9,
      priority: 12,
      render: (r) => {
        const p = live.model.previous.get(r.userId);
        if (!p) return <span title={t('board.previousUnknown')}>–</span>;
        return (
          // Issue 20, item 7: how long ago the previous activity ended, beside when.
          <span title={t('board.previousTitle', { category: p.category ?? '–', at: at(r, p.until) })}>
            {now - p.until < 60_000
              ? t('board.previousJustNow', { activity: activityNameOf(p.codeId, p.category) })
              : t('board.previousAgo', {
                  activity: activityNameOf(p.codeId, p.category),
                  ago: formatDuration(now - p.until),
                })}
          </span>
        );
      },
    },
    {
      key: 'scheduledActivityCategory',
      label: t('column.scheduledActivityCategory'),
      minRem: 8.5,
      grow: 1,
      priority: 5,
      sortable: true,
      // "Break until 10:15": the current activity ends where the next begins.
      render: (r) => {
        const ends = Date.parse(r.nextActivity?.startDate ?? '');
        return (
          <span title={r.scheduledActivityCategory}>
            {Number.isFinite(ends)
              ? t('board.activityUntil', {
                  activity: activityNameOf(r.scheduledActivityCodeId, r.scheduledActivityCategory),
                  until: at(r, ends),
                })
              : activityNameOf(r.scheduledActivityCodeId, r.scheduledActivityCategory)}
          </span>
        );
      },
    },
    {
      key: 'actualActivityCategory',
      label: t('column.actualActivityCategory'),
      minRem: 7.5,
      grow: 1,
      priority: 6,
      sortable: true,
      render: (r) => <span title={r.actualActivityCategory}>{activityWords(r.actualActivityCategory)}</span>,
    },
    {
      key: 'systemPresence',
      label: t('column.systemPresence'),
      minRem: 7.5,
      grow: 0.8,
      priority: 9,
      sortable: true,
      render: (r) => {
        // A secondary presence the org added shows beside the system one; the system's own adds nothing.
        const secondary = presences.get(r.secondaryPresenceId ?? '');
        // In the page's language where the org wrote one (Genesys's languageLabels).
        const extra = secondary && secondary.type !== 'System' ? presenceLabel(secondary, locale) : undefined;
        return (
          <span title={extra ? `${r.systemPresence} · ${extra}` : r.systemPresence} data-secondary={extra}>
            {presenceWords(r.systemPresence)}
            {extra ? ` · ${extra}` : ''}
          </span>
        );
      },
    },
    {
      key: 'routingStatus',
      label: t('column.routingStatus'),
      minRem: 7.5,
      grow: 0.9,
      priority: 11,
      sortable: true,
      render: (r) => {
        // On an interaction: which media, and for how long (Genesys's routing status start), once known.
        const doing = agentNow.of(r);
        const words = doing ? interactionWords(doing) : undefined;
        if (!doing || !words) return <span title={r.routingStatus}>{routingWords(r.routingStatus)}</span>;
        const since = doing.routingSince;
        return (
          <span
            title={
              since
                ? t('board.routingSince', { status: r.routingStatus ?? '', since: new Date(since).toISOString() })
                : r.routingStatus
            }
            data-media={doing.media}
          >
            {words}
            {since ? ` · ${formatDuration(now - since)}` : ''}
          </span>
        );
      },
    },
    {
      key: 'timeInState',
      label: t('column.timeInState'),
      minRem: 6,
      grow: 0.7,
      priority: 4,
      sortable: true,
      render: (r) => formatDuration(now - Date.parse(r.timeOfAdherenceChange ?? '')),
    },
    {
      key: 'timeInPresence',
      label: t('column.timeInPresence'),
      minRem: 6.5,
      grow: 0.7,
      priority: 14,
      render: (r) => formatDuration(now - Date.parse(r.presenceUpdateTime ?? '')),
    },
    {
      key: 'next',
      label: t('column.next'),
      minRem: 7.5,
      grow: 0.9,
      priority: 10,
      render: (r) => {
        const n = r.nextActivity;
        const starts = Date.parse(n?.startDate ?? '');
        if (!n || !Number.isFinite(starts)) return '–';
        return t('board.nextAt', { activity: activityWords(n.category), at: at(r, starts) });
      },
    },
    {
      key: 'today',
      label: t('column.today'),
      minRem: 5,
      grow: 0.6,
      priority: 8,
      render: (r) => {
        const p = todayOf(r);
        // Nothing scheduled so far today: no adherence to judge, so no figure (Genesys's 100 % would overstate the
        // team, as days off did in the exports; issue 22, item 2).
        const sched = today.units.byUnit.get(r.managementUnitId ?? '')?.tally(r.userId, now)?.scheduledMs;
        if (p !== undefined && sched === 0) return <span title={t('board.todayNothingScheduled')}>–</span>;
        return p === undefined ? (
          <span title={t('board.todayNotYet')}>–</span>
        ) : (
          <span className={p < (thresholdOf(r).targetPercent ?? 90) ? 'below-target' : undefined}>
            {percentWords(p)}
          </span>
        );
      },
    },
    {
      key: 'budget',
      label: t('column.budget'),
      minRem: 8,
      grow: 0.9,
      priority: 7,
      render: (r) => {
        const tally = tallyOf(r);
        if (!tally) return <span title={today.projectionProblem ?? t('board.budgetNotYet')}>–</span>;
        const p = project(tally);
        if (p.projectedPercent === undefined) return <span>{t('board.notScheduledToday')}</span>;
        const why = urgency(p, runningOutMs(r, now));
        const title = t('board.budgetTitle', {
          projected: percentWords(p.projectedPercent),
          target: percentWords(thresholdOf(r).targetPercent, 0),
          allowed: minutesWords(tally.allowedMs),
          scheduled: minutesWords(tally.scheduledMs),
          used: minutesWords(tally.exceptionMs),
        });
        return (
          <span className={p.budgetMs < 0 || why ? 'below-target' : undefined} data-urgency={why} title={title}>
            {p.budgetMs < 0
              ? t('board.targetMissedBy', { time: minutesWords(-p.budgetMs) })
              : why === 'will-miss'
                ? t('board.budgetLeftActNow', { time: minutesWords(p.budgetMs) })
                : t('board.budgetLeft', { time: minutesWords(p.budgetMs) })}
          </span>
        );
      },
    },
    {
      key: 'impact',
      label: t('column.impact'),
      minRem: 6.5,
      grow: 0.6,
      priority: 13,
      sortable: true,
      render: (r) => <span title={r.impact}>{impactWords(r.impact)}</span>,
    },
  ];

  // The columns shown and their order: the supervisor's (the address's `cols`, kept with saved views), less those
  // with nothing to show for this user, each said with its reason in the chooser.
  const explanationsCheck = access ? checkFeature(access, 'explanations') : undefined;
  const unavailable = new Map<string, string>();
  if (explanationsCheck?.available === false)
    unavailable.set(
      'explanation',
      explanationsCheck.missingPermissions.length
        ? t('board.roleLacks', { missing: explanationsCheck.missingPermissions.map((p) => p.label).join(', ') })
        : t('board.roleLacksExplanations'),
    );
  if (today.problem && selectionToday === undefined) unavailable.set('today', today.problem);
  if (today.problem && selectionDay === undefined) unavailable.set('budget', today.problem);
  else if (today.projectionProblem && selectionDay === undefined) unavailable.set('budget', today.projectionProblem);
  const order = readColumnOrder(
    q.get('cols'),
    columns.map((c) => c.key),
  );
  // Widths the supervisor dragged (issue 22, item 6), kept in `cols` with the order, so saved views keep them too.
  const widths = readColumnWidths(
    q.get('cols'),
    columns.map((c) => c.key),
  );
  // A narrow table keeps the most important columns and moves the rest into each row's details: the supervisor's
  // own order (when they chose one) says what matters most to them; else the board's.
  const chosen = visibleColumns(columns, order, unavailable).map((c) =>
    widths.has(c.key) ? { ...c, minRem: widths.get(c.key)!, grow: 0 } : c,
  );
  const shownColumns = order ? chosen.map((c, i) => ({ ...c, priority: i })) : chosen;
  const resize = (key: string, rem: number) =>
    setParam('cols', writeColumns(order ?? columns.map((c) => c.key), new Map(widths).set(key, rem)));
  const [toolsOpen, setToolsOpen] = useWideScreen();
  return (
    <section
      className="board"
      aria-labelledby="board-title"
      data-now={now}
      data-explanations={live.explanationsLive ? 'live' : undefined}
    >
      <h1 id="board-title" className="visually-hidden">
        {t('board.title')}
      </h1>
      <div className="toolbar-line">
        {/* On a phone the filters fold away so the act-now list comes first (issue 21, item 3); wide, always open. */}
        <details className="toolbar-fold" open={toolsOpen} onToggle={(e) => setToolsOpen(e.currentTarget.open)}>
          <summary>{t('board.tools')}</summary>
          <div className="toolbar">
            <label>
              {t('board.businessUnit')}{' '}
              <select value={buId ?? ''} onChange={(e) => (setParam('bu', e.target.value), setParam('mu', undefined))}>
                {bus.map((b) => (
                  <option key={b.id} value={b.id}>
                    {b.name}
                  </option>
                ))}
              </select>
            </label>
            <fieldset className="mus">
              <legend>{t('board.managementUnits')}</legend>
              {mus.map((m) => (
                <label key={m.id}>
                  <input
                    type="checkbox"
                    checked={muIds.includes(m.id)}
                    onChange={(e) =>
                      setParam(
                        'mu',
                        (e.target.checked ? [...muIds, m.id] : muIds.filter((x) => x !== m.id)).join(',') || undefined,
                      )
                    }
                  />{' '}
                  <bdi>{m.name}</bdi>
                </label>
              ))}
            </fieldset>
            <label>
              {t('board.team')}{' '}
              <select value={teamId} onChange={(e) => setParam('team', e.target.value || undefined)}>
                <option value="">{t('board.allTeams')}</option>
                <TeamOptions teams={teams} />
              </select>
            </label>
            <label>
              {t('board.search')}{' '}
              <input
                type="search"
                value={search}
                placeholder={t('board.searchPlaceholder')}
                onChange={(e) => setParam('q', e.target.value || undefined)}
              />
            </label>
            <label>
              {t('board.order')}{' '}
              <select
                value={sortKey}
                onChange={(e) => {
                  setSortKey(e.target.value as SortKey);
                  setDescending(false);
                }}
              >
                <option value="actNow">{t('board.orderActNow')}</option>
                <option value="name">{t('board.orderName')}</option>
                <option value="adherenceState">{t('board.orderState')}</option>
                <option value="timeInState">{t('board.orderTime')}</option>
              </select>
            </label>
            <button
              type="button"
              aria-pressed={paused}
              onClick={() => {
                if (paused) live.resume();
                else live.pause();
                setPaused(!paused);
              }}
            >
              {paused ? t('board.resume') : t('board.pause')}
            </button>
            <a
              href={`/wallboard?${q.toString()}`}
              onClick={(e) => {
                e.preventDefault();
                navigate(
                  `/wallboard?${new URLSearchParams({ ...(muKey ? { mu: muKey } : {}), ...(teamId ? { team: teamId } : {}) })}`,
                );
              }}
            >
              {t('board.wallboard')}
            </a>
            <ColumnChooser
              columns={columns}
              shown={order ?? columns.map((c) => c.key)}
              unavailable={unavailable}
              onChange={(keys) => setParam('cols', writeColumns(keys, widths))}
            />
            <SavedViews />
          </div>
        </details>
        <ConnectionBadge state={live.connection} />
      </div>
      {excusing ? (
        <ExcuseDialog
          client={client}
          spells={excusing.spells}
          suggestion={excusing.suggestion}
          at={(t) => clockTime(localMinuteOfDay(zones.get(muIds[0] ?? '') ?? 'UTC', t))}
          onClose={(said) => {
            setExcusing(undefined);
            if (said) setExcuseSaid(said);
          }}
        />
      ) : null}
      {excuseSaid ? (
        <p role="status" className="hint" data-testid="excuse-said">
          {excuseSaid}
        </p>
      ) : null}
      {paused ? (
        <p role="status" className="paused" data-testid="paused">
          {t('board.paused', { count: live.model.queued })}
        </p>
      ) : null}
      {address.problems.length > 0 ? (
        <ul role="alert" className="error address-problems" data-testid="address-problems">
          {address.problems.map((p) => (
            <li key={p}>{p}</li>
          ))}
        </ul>
      ) : null}
      {settingsProblem ? (
        <p role="status" className="error" data-testid="settings-problem">
          {settingsProblem}
        </p>
      ) : null}
      {degraded.length > 0 ? (
        <ul className="hint" data-testid="board-degraded">
          {degraded.map((d) => (
            <li key={d}>{d}</li>
          ))}
        </ul>
      ) : null}
      {error || live.error ? (
        <p role="alert" className="error">
          {error ?? live.error}
        </p>
      ) : null}
      {dayAgent && !live.model.get(dayAgent) && ranked.snapshots > 0 ? (
        <p role="alert" className="error" data-testid="no-such-agent">
          {t('board.noSuchAgent')}
        </p>
      ) : null}
      {timeline && timelineMembers.length > 0 ? (
        <Suspense fallback={null}>
          <TeamDayView
            key={timeline}
            client={client}
            title={
              timeline === 'all'
                ? teamId
                  ? (teamNames.get(teamId) ?? t('board.theTeamShown'))
                  : t('board.theUnitsShown')
                : (teamNames.get(timeline) ?? t('board.aTeam'))
            }
            members={timelineMembers}
            wholeUnits={timeline === 'all' && !teamId}
            timeZone={zones.get(timelineMembers[0]?.record.managementUnitId ?? muIds[0] ?? '') ?? 'UTC'}
            codes={codes}
            trail={live.model.trail}
            exceptionMsOf={exceptionMsOf}
            now={now}
            onOpenAgent={(id) => setParam('agent', id)}
            onClose={() => setParam('timeline', undefined)}
          />
        </Suspense>
      ) : null}
      {timeline && timelineMembers.length === 0 && ranked.snapshots > 0 ? (
        <p role="alert" className="error" data-testid="no-such-team">
          {t('board.noSuchTeam')}
        </p>
      ) : null}
      {dayAgent && live.model.get(dayAgent) ? (
        <Suspense fallback={null}>
          <AgentDayView
            key={dayAgent}
            client={client}
            userId={dayAgent}
            name={nameOf(dayAgent)}
            record={live.model.get(dayAgent)}
            managementUnitId={live.model.get(dayAgent)?.managementUnitId ?? muIds[0] ?? ''}
            timeZone={zones.get(live.model.get(dayAgent)?.managementUnitId ?? muIds[0] ?? '') ?? 'UTC'}
            codes={codes}
            trail={live.model.trail}
            now={now}
            onClose={() => setParam('agent', undefined)}
            coaching={access ? checkFeature(access, 'coaching') : undefined}
            agentNow={agentNow}
            presences={presencesEntry.data}
            presencesProblem={presencesEntry.error !== undefined ? problemWords(presencesEntry.error) : undefined}
            setPresence={access ? checkFeature(access, 'setPresence') : undefined}
          />
        </Suspense>
      ) : null}
      <AlertsPanel
        {...alerting}
        nameOf={nameOf}
        onExcuse={
          canExcuse
            ? (m) =>
                setExcusing({
                  spells: deviationMembers(live.model.all(), m, now).map((r) => ({
                    userId: r.userId,
                    name: nameOf(r.userId),
                    start: Date.parse(r.timeOfAdherenceChange ?? ''),
                  })),
                  suggestion: t('board.massSuggestion'),
                })
            : undefined
        }
        now={now}
        units={mus.filter((m) => muIds.includes(m.id)).map((m) => ({ id: m.id, name: m.name ?? m.id }))}
        groupName={(m) =>
          m.scope === 'team'
            ? (ranked.teamNames.get(m.id) ?? t('board.aTeam'))
            : (mus.find((u) => u.id === m.id)?.name ?? t('board.aUnit'))
        }
      />
      <div className="counts" role="group" aria-label={t('board.countsLabel')}>
        {/* The count and today's figure as data too: benches and tools read them in any language. */}
        <span className="total" data-testid="agent-count" data-count={live.model.size}>
          {t('board.agents', { count: live.model.size })}
        </span>
        <span
          className="today"
          data-testid="today"
          title={adjustedSays()}
          data-adjusted={selectionAdjustedToday}
          data-percent={selectionToday}
        >
          {selectionToday === undefined
            ? (today.problem ?? t('board.todayWaiting'))
            : selectionAdjustedToday === undefined
              ? t('board.todaySoFar', { percent: percentWords(selectionToday), target: percentWords(target, 0) })
              : t('board.todaySoFarAdjusted', {
                  percent: percentWords(selectionToday),
                  adjusted: percentWords(selectionAdjustedToday),
                  target: percentWords(target, 0),
                })}
        </span>
        <span className="projection" data-testid="projection" title={t('board.projectionSays')}>
          {selectionDay === undefined
            ? (today.projectionProblem ?? '')
            : selectionDay.projectedPercent === undefined
              ? t('board.noProjection')
              : selectionDay.budgetMs >= 0
                ? t('board.projectedLeft', {
                    percent: percentWords(selectionDay.projectedPercent),
                    time: minutesWords(selectionDay.budgetMs),
                  })
                : t('board.projectedMissed', {
                    percent: percentWords(selectionDay.projectedPercent),
                    time: minutesWords(-selectionDay.budgetMs),
                  })}
        </span>
        <span className="staffing" data-testid="staffing">
          {t('board.onQueueNow', {
            onQueue: staffing.all.onQueue,
            scheduled: staffing.all.scheduled,
            gap: gapWords(staffing.all),
          })}
        </span>
        <button type="button" className="link" onClick={() => setParam('timeline', teamId || 'all')}>
          {t('board.byInterval')}
        </button>
        {staffing.byTeam.size > 1 ? (
          <StaffingByTeam byTeam={staffing.byTeam} teamNames={teamNames} openTeam={(id) => setParam('timeline', id)} />
        ) : null}
        <span className="hint thresholds" data-testid="thresholds">
          {thresholdsSaid}
        </span>
        {ADHERENCE_STATES.map((s) => {
          const st = styleOf(s);
          const on = states.has(s);
          return (
            <button
              type="button"
              key={s}
              aria-pressed={on}
              className={`count ${st.className}`}
              data-state={s}
              onClick={() =>
                setParam(
                  'state',
                  [...(on ? [...states].filter((x) => x !== s) : [...states, s])].join(',') || undefined,
                )
              }
            >
              <span aria-hidden="true">{st.icon}</span> {st.label} <strong>{counts[s] ?? 0}</strong>
            </button>
          );
        })}
      </div>
      {situations && situations.size > 0 ? (
        <div className="situations" role="group" aria-label={t('board.situationsLabel')} data-testid="situations">
          <span>{t('board.inSituationNow')}</span>
          {SITUATION_KINDS.filter((k) => situations.has(k)).map((k) => (
            <button
              type="button"
              key={k}
              data-situation={k}
              aria-pressed={situation === k}
              onClick={() => setParam('situation', situation === k ? undefined : k)}
            >
              {SITUATION_WORDS[k]} <strong>{situations.get(k)}</strong>
            </button>
          ))}
        </div>
      ) : null}
      <div
        className="board-list"
        onPointerEnter={() => setHolding(true)}
        onPointerLeave={() => setHolding(false)}
        onFocus={() => setHolding(true)}
        onBlur={(e) => {
          if (!e.currentTarget.contains(e.relatedTarget as Node | null)) setHolding(false);
        }}
      >
        <VirtualTable
          epoch={[...rowEpoch, shownColumns.map((c) => c.key).join()]}
          keys={ids}
          rowOf={rowOf}
          columns={shownColumns}
          rowLabel={(r) => nameOf(r.userId)}
          onResize={resize}
          label={t('board.tableLabel')}
          sortKey={sortKey}
          descending={descending}
          onSort={(k) =>
            k === sortKey ? setDescending(!descending) : (setSortKey(k as SortKey), setDescending(false))
          }
        />
      </div>
    </section>
  );
}

/** Open on a wide screen, and opened again when the screen becomes wide; on a narrow one, as the person leaves it. */
function useWideScreen(): [boolean, (open: boolean) => void] {
  const [query] = useState(() => (typeof matchMedia === 'function' ? matchMedia('(min-width: 48rem)') : undefined));
  const [open, setOpen] = useState(() => query?.matches ?? true);
  useEffect(() => {
    if (!query) return;
    const onChange = () => query.matches && setOpen(true);
    query.addEventListener('change', onChange);
    return () => query.removeEventListener('change', onChange);
  }, [query]);
  return [open, setOpen];
}

/** The team picker's options: a thousand at 20,000 agents, so diffed only when the teams change, not each refresh. */
const TeamOptions = memo(function TeamOptions({ teams }: { teams: Array<[string, string]> }) {
  return (
    <>
      {teams.map(([id, name]) => (
        <option key={id} value={id}>
          {name}
        </option>
      ))}
    </>
  );
});
