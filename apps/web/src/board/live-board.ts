/**
 * @module The live board's one store, framework-free: the live adherence of the selection (units or a team), its
 * rows and ranking (BoardModel), agents' names and team names, the units' settings, today's figures (seeded from
 * Genesys's historical adherence every 15 minutes, carried forward live), pause, and the state the views show
 * (connection, problems in words). One per signed-in tab: the board, the wallboard and the agent's day read the same store,
 * so moving between them keeps the feed (and the snapshot) instead of starting again. React reads it through
 * `subscribe`/`getSnapshot` (useLiveBoard); nothing here knows React.
 */
import {
  GenesysApiError,
  businessUnitExplanationsTopic,
  createLiveAdherence,
  queryBusinessUnitExplanations,
  addDays,
  getUsersByIds,
  localDate,
  recordTime,
  startOfDay,
  type GenesysClient,
  type AdherenceExplanation,
  type GenesysError,
  type LiveAdherenceState,
} from '@adhere/genesys';
import { BoardModel } from './board-model.js';
import { boardSelection, takePreloaded } from './preload.js';
import { tabNotifications } from '../notifications.js';
import { deniedWords, problemWords } from '../access/denied.js';
import { activityCodesQuery, readOrg, teamsQuery, unitQuery, unitsQuery } from '../org-data/org-queries.js';
import { thresholdsOf, type Thresholds } from './thresholds.js';
import { seedUnit, takeRecord, TodayAdherence } from './today.js';
import { DaySchedules } from './day-schedules.js';
import { agentTally, project, runningOutMs, urgency } from './projection.js';
import { situationOf } from './situations.js';
import { situationMinutes } from '../preferences/situation-prefs.js';
import { namesakes } from '../same-names.js';
import { isolate, t } from '../i18n/i18n.js';
import { listWords } from '../words.js';

export type Connection = LiveAdherenceState['status'];

export interface LiveBoardState {
  /** The selection's rows: a new model for each selection opened, so no row of the last one shows in it. */
  model: BoardModel;
  connection: Connection;
  /** The live selection's failure, in words. */
  error: string | undefined;
  /** Why some agents show without a name, when a lookup failed. */
  namesProblem: string | undefined;
  /** Grows with every change the rows may show (events, snapshots, names, pause and resume). */
  version: number;
  /** Grows with new names and with pause and resume: what changes order and team lists besides the clock. */
  namesVersion: number;
  /** The selected units' settings: zone and thresholds per unit (Genesys's defaults until read). */
  units: { zones: ReadonlyMap<string, string>; thresholds: ReadonlyMap<string, Thresholds> };
  /** Why the units' settings are missing or partial, in words. */
  unitsProblem: string | undefined;
  /**
   * Today's adherence per unit, and each unit's published schedule for today (for the projection): a new object
   * after each seed, so memos can depend on it.
   */
  today: { byUnit: ReadonlyMap<string, TodayAdherence>; schedules: ReadonlyMap<string, DaySchedules> };
  /** Why the projection is missing for some or all units, when it is. */
  projectionProblem: string | undefined;
  /** Why today's figures are missing, when they are. */
  todayProblem: string | undefined;
  /** Today's explanations are read and their topic heard (or refused): what a row says of them is current. */
  explanationsLive: boolean;
}

/** Today's figures are seeded from Genesys again this often; live changes carry them forward in between. */
const TODAY_REFRESH_MS = 15 * 60_000;
const NO_UNITS = { zones: new Map<string, string>(), thresholds: new Map<string, Thresholds>() };

export interface LiveBoardOptions {
  /** How changes are announced (default: once a frame, so 500 events a second repaint once). */
  schedule?: (run: () => void) => number;
  cancel?: (handle: number) => void;
}

export class LiveBoardStore {
  readonly teamNames = new Map<string, string>();
  private state: LiveBoardState = {
    model: new BoardModel(),
    connection: 'connecting',
    error: undefined,
    namesProblem: undefined,
    version: 0,
    namesVersion: 0,
    units: NO_UNITS,
    unitsProblem: undefined,
    today: { byUnit: new Map(), schedules: new Map() },
    projectionProblem: undefined,
    todayProblem: undefined,
    explanationsLive: false,
  };
  private readonly listeners = new Set<() => void>();
  private key = '';
  private users = 0;
  private release: (() => void) | undefined;
  private teamsAsked = false;
  private readonly schedule: (run: () => void) => number;
  private readonly cancel: (handle: number) => void;

  constructor(
    private readonly client: GenesysClient,
    options: LiveBoardOptions = {},
  ) {
    this.schedule = options.schedule ?? ((run) => requestAnimationFrame(run));
    this.cancel = options.cancel ?? ((h) => cancelAnimationFrame(h));
  }

  subscribe = (listener: () => void): (() => void) => {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  };

  getSnapshot = (): LiveBoardState => this.state;

  /**
   * A view wants the live feed of `muKey` (units, comma-separated) or `teamId`. The same selection is shared;
   * a new one replaces it. Returns the view's release. The feed stays while the app shows live views (the
   * board to the wallboard keeps it, however long the wallboard's code takes to load) and closes at `idle()`.
   */
  select(muKey: string, teamId: string): () => void {
    const key = `${muKey}|${teamId}`;
    if (key !== this.key) this.open(muKey, teamId, key);
    this.users++;
    let released = false;
    return () => {
      if (released) return;
      released = true;
      this.users--;
    };
  }

  /** The app left the live views (History, Settings): a feed no view uses is closed, its events no longer read. */
  idle(): void {
    if (this.users === 0) this.close();
  }

  get model(): BoardModel {
    return this.state.model;
  }

  pause(): void {
    this.model.pause();
    this.changed({ namesVersion: this.state.namesVersion + 1 });
  }

  resume(): void {
    this.model.resume();
    this.changed({ namesVersion: this.state.namesVersion + 1 });
  }

  /** Team names for the team filter, read once (from the tab's org cache) after the feed has started. */
  private loadTeamNames(): void {
    if (this.teamsAsked) return;
    this.teamsAsked = true;
    readOrg(this.client, teamsQuery(this.client)).then(
      (teams) => {
        for (const t of teams) this.teamNames.set(t.id, t.name);
        this.changed({ namesVersion: this.state.namesVersion + 1 });
      },
      // Optional: without groups:team:view the filter offers teams by id, as the records name them.
      () => (this.teamsAsked = false),
    );
  }

  private open(muKey: string, teamId: string, key: string): void {
    this.close();
    this.key = key;
    const selection = boardSelection(muKey, teamId);
    if (!selection) return;
    const model = new BoardModel();
    this.changed({
      model,
      connection: 'connecting',
      error: undefined,
      namesProblem: undefined,
      units: NO_UNITS,
      unitsProblem: undefined,
      today: { byUnit: new Map(), schedules: new Map() },
      projectionProblem: undefined,
      todayProblem: undefined,
      explanationsLive: false,
    });
    const firstSnapshot = takePreloaded(muKey, teamId, this.client);
    const live = createLiveAdherence(this.client, {
      ...selection,
      ...(firstSnapshot ? { firstSnapshot } : {}),
      view: model,
      notifications: tabNotifications(this.client),
      // 500 events a second repaint once a frame.
      schedule: (notify) => void this.schedule(notify),
    });
    const offLive = live.subscribe(() => {
      const s = live.getSnapshot();
      this.changed({ connection: s.status, error: liveProblem(s.error) });
    });
    // Names for agents a snapshot brought without one (Genesys's snapshot names its agents; a record that
    // lacks it is looked up): asked for as the snapshot is merged, in act-now order, so the rows on screen
    // are named by the first answers.
    const ac = new AbortController();
    // Ids asked for and not answered yet: the resync right after the socket opens must not ask for all
    // 20,000 names a second time while the first answers are on their way.
    const asked = new Set<string>();
    const emailsAsked = new Set<string>();
    let pending = 0;
    const named = () => {
      model.version++;
      this.changed({ namesVersion: this.state.namesVersion + 1 });
    };
    // The units' settings (zones, thresholds), from the tab's org cache, for a team's board too (its unit's); today's
    // figures once they and the first snapshot are in (the seed pairs Genesys's figures with each agent's state now).
    const muIds = muKey.split(',').filter(Boolean);
    const units = this.loadUnits(muIds, ac.signal);
    const byUnit = new Map<string, TodayAdherence>();
    // Every record the board takes moves its unit's count on: at the record's own time, or its arrival when that
    // is later (a change of scheduled activity alone moves neither of the record's times).
    // An agent moved to another unit today leaves the old unit's count (what they did there stays in it) and joins
    // the new one's from now, as Genesys counts each unit (issue 20's "an agent moved between units mid-day").
    model.onApplied = (r) => takeRecord(byUnit, r, Math.max(recordTime(r), Date.now()));
    // Situations by the supervisor's own thresholds (Settings changes them).
    model.situationOf = (r, now) =>
      situationOf(
        r,
        now,
        situationMinutes(),
        this.state.today.schedules.get(r.managementUnitId ?? '')?.stretchAt(r.userId, now),
      );
    // The act-now order's "will miss the target unless acted on now", from today's figures and schedule once in.
    model.urgencyOf = (r, now) => {
      const running = runningOutMs(r, now);
      if (running === undefined) return undefined;
      const target = this.state.units.thresholds.get(r.managementUnitId ?? '')?.targetPercent ?? 90;
      const tally = agentTally(this.state.today, r, target, now);
      return tally ? urgency(project(tally), running) : undefined;
    };
    let seeding: ReturnType<typeof setInterval> | undefined;
    const seed = () =>
      void units
        .then(() => this.seedToday(model, muIds, byUnit, ac.signal))
        .catch((e: Error) => {
          if (!ac.signal.aborted)
            this.changed({ todayProblem: t('board.todayNotAnswered', { problem: problemWords(e) }) });
        });
    model.onSnapshot = () => {
      if (!seeding) {
        seed();
        seeding = setInterval(seed, TODAY_REFRESH_MS);
        // Explanations on every board (issue 20, item 7): the rows are in, and so are the units.
        void units
          .then(() => this.watchExplanations(model, muIds, ac.signal))
          .catch(() => {})
          .finally(() => !ac.signal.aborted && this.changed({ explanationsLive: true }));
      }
      this.askEmails(model, emailsAsked, ac.signal, () => this.changed({ namesVersion: this.state.namesVersion + 1 }));
      const unnamed = (id: string) => !model.names.has(id) && !asked.has(id);
      // Usually none (the snapshot names its agents): then no sort at all.
      if (!model.all().some((r) => unnamed(r.userId))) return;
      const missing = model
        .selectIds({ states: new Set(), search: '', sortKey: 'actNow', descending: false }, Date.now())
        .filter(unnamed);
      for (const id of missing) asked.add(id);
      getUsersByIds(this.client, missing, {
        signal: ac.signal,
        onBatch: (users) => {
          for (const u of users) model.names.set(u.id, u.name ?? u.id);
          // Repainted at most once a frame, however many batches land in it.
          if (pending === 0) pending = this.schedule(() => ((pending = 0), named()));
        },
      })
        .then(
          () => this.changed({ namesProblem: undefined }),
          (e: unknown) => {
            if (!ac.signal.aborted)
              this.changed({
                namesProblem: t('board.namesProblem', { problem: problemWords(e) }),
              });
          },
        )
        // Asked again at the next snapshot if no answer named them (failed, or unknown ids).
        .finally(() => missing.forEach((id) => asked.delete(id)));
    };
    live.start().catch(() => {}); // the failure is in the live state, said by `error`
    // Team names after the snapshot's request, so that request goes out first.
    this.loadTeamNames();
    this.release = () => {
      ac.abort();
      clearInterval(seeding);
      model.onApplied = undefined;
      this.cancel(pending);
      model.onSnapshot = undefined;
      offLive();
      live.close();
    };
  }

  /**
   * Emails of agents who share a name with another on the board and whose teams do not tell them apart (issue 22,
   * item 5): the row says which is which by email. A few in a real org, so a request or two; asked once per agent.
   * Optional: without them the row falls back to the start of the id.
   */
  private askEmails(model: BoardModel, asked: Set<string>, signal: AbortSignal, done: () => void): void {
    const people = model.all().map((r) => ({ id: r.userId, name: model.names.get(r.userId) ?? '', team: r.teamId }));
    const ids = namesakes(people).filter((id) => !asked.has(id) && !model.emails.has(id));
    if (ids.length === 0) return;
    for (const id of ids) asked.add(id);
    getUsersByIds(this.client, ids, { signal }).then(
      (users) => {
        for (const u of users) if (u.email) model.emails.set(u.id, u.email);
        model.version++;
        done();
      },
      () => {},
    );
  }

  /**
   * Today's explanations of the selection's agents, kept live: the business units' explanation topics (an agent
   * adding one, any supervisor's review), and once subscribed, today's query, so one made before the board opened
   * shows too. Optional both: without wfm:adherenceExplanation:view the rows say what the live records carry.
   */
  private async watchExplanations(model: BoardModel, muIds: string[], signal: AbortSignal): Promise<void> {
    if (muIds.length === 0 || signal.aborted) return;
    const units = await readOrg(this.client, unitsQuery(this.client, muIds), signal);
    const bus = [...new Set(units.map((u) => u.businessUnit?.id).filter((id): id is string => !!id))];
    if (bus.length === 0 || signal.aborted) return;
    const keep = (e: AdherenceExplanation): boolean => {
      const id = e.agent?.id;
      if (!id || !model.get(id)) return false;
      // Every approved one of today counts for the adjusted figure, not only the latest shown on the row.
      const approved = noteApproved(model, e);
      const had = model.explanations.get(id);
      // The latest by start: a review of an older one updates it only if it is the one shown.
      if (had && had.id !== e.id && Date.parse(e.startDate) < Date.parse(had.startDate)) return approved;
      model.explanations.set(id, e);
      return true;
    };
    const shown = () => {
      model.version++;
      // Rows re-render on namesVersion besides their record: an explanation changes no record.
      this.changed({ namesVersion: this.state.namesVersion + 1 });
    };
    const read = async () => {
      // Today in the earliest of the units' zones: every unit's today is inside [start, now].
      const now = Date.now();
      const start = Math.min(...units.map((u) => startOfDay(u.timeZone ?? 'UTC', localDate(u.timeZone ?? 'UTC', now))));
      const lists = await Promise.all(
        bus.map((bu) =>
          queryBusinessUnitExplanations(
            this.client,
            bu,
            {
              startDate: new Date(start).toISOString(),
              endDate: new Date(now + 60_000).toISOString(),
              managementUnitIds: muIds,
            },
            { signal, notifications: tabNotifications(this.client) },
          ).catch(() => [] as AdherenceExplanation[]),
        ),
      );
      if (signal.aborted) return;
      let any = false;
      for (const e of lists.flat()) any = keep(e) || any;
      if (any) shown();
    };
    const feed = tabNotifications(this.client).listen({
      optionalTopics: bus.map(businessUnitExplanationsTopic),
      onEvent: (e) => {
        if (e.kind === 'explanation' && keep(e.body)) shown();
      },
      // After a gap a change may have been missed: read today again.
      onResync: () => void read(),
    });
    signal.addEventListener('abort', () => feed.close());
    // Subscribed first, then read: a change between the two is heard, not lost.
    await feed.ready.catch(() => {});
    if (!signal.aborted) await read();
  }

  /** The units' zones and thresholds, said in words when they could not be read. */
  private async loadUnits(muIds: string[], signal: AbortSignal): Promise<void> {
    if (muIds.length === 0) return;
    try {
      const list = await readOrg(this.client, unitsQuery(this.client, muIds), signal);
      if (signal.aborted) return;
      const unzoned = list.filter((u) => !u.timeZone).map((u) => u.name ?? u.id);
      this.changed({
        units: {
          zones: new Map(list.map((u) => [u.id, u.timeZone ?? 'UTC'])),
          thresholds: new Map(list.map((u) => [u.id, thresholdsOf(u.settings?.adherence)])),
        },
        unitsProblem: unzoned.length > 0 ? t('board.noZone', { units: listWords(unzoned.map(isolate)) }) : undefined,
      });
    } catch (e) {
      if (signal.aborted) return;
      this.changed({
        unitsProblem: t('board.unitsProblem', { problem: problemWords(e) }),
      });
    }
  }

  /** Today's figures per unit from Genesys's historical adherence for today, in each unit's zone. */
  private async seedToday(
    model: BoardModel,
    muIds: string[],
    byUnit: Map<string, TodayAdherence>,
    signal: AbortSignal,
  ): Promise<void> {
    // Loaded now, not with the board: the query's parser and job handling are not on the path to the first rows.
    const { historicalAdherence } = await import('./today-history.js');
    const problems: string[] = [];
    let refused: string | undefined;
    const schedules = new Map<string, DaySchedules>();
    const scheduleProblems: string[] = [];
    // Beside the figures, not after them: two independent questions to Genesys.
    const schedulesRead = Promise.all(
      muIds.map(async (mu) => {
        try {
          const s = await this.daySchedules(mu, signal);
          if (s) schedules.set(mu, s);
        } catch (e) {
          if (!signal.aborted) scheduleProblems.push(problemWords(e));
        }
      }),
    );
    await Promise.all(
      muIds.map(async (mu) => {
        const zone = this.state.units.zones.get(mu);
        if (!zone) return;
        const at = Date.now();
        const date = localDate(zone, at);
        const dayStart = startOfDay(zone, date);
        try {
          const results = await historicalAdherence(this.client, {
            managementUnitId: mu,
            startDate: new Date(dayStart).toISOString(),
            endDate: new Date(startOfDay(zone, addDays(date, 1))).toISOString(),
            timeZone: zone,
            // Where the exception seconds lie: the adjusted figure counts those approved explanations cover.
            includeExceptions: true,
            signal,
            notifications: tabNotifications(this.client),
            pollIntervalMs: 1000,
          });
          const t = new TodayAdherence(
            dayStart,
            () => (this.state.units.thresholds.get(mu)?.exceptionSeconds ?? 0) * 1000,
          );
          seedUnit(t, mu, results, (id) => model.get(id), at);
          byUnit.set(mu, t);
        } catch (e) {
          if (signal.aborted) return;
          const denied = deniedWords(e);
          if (denied) refused = denied;
          else problems.push(problemWords(e));
        }
      }),
    );
    await schedulesRead;
    if (signal.aborted) return;
    this.changed({
      today: { byUnit, schedules },
      projectionProblem: scheduleProblems.length
        ? t('board.projectionProblem', { problem: scheduleProblems[0]! })
        : undefined,
      todayProblem: refused
        ? t('board.todayRefused', { refused })
        : problems.length
          ? t('board.todayNotAnswered', { problem: problems[0]! })
          : undefined,
    });
  }

  /**
   * The unit's published schedule for today, as the time that counts for adherence: every agent's shifts from the
   * day before on (a night shift that began last evening still covers today's first hours). Activities of a
   * category the unit ignores are left out, as Genesys leaves them out of adherence; their categories come from
   * the business unit's activity codes, read only when the unit ignores some.
   */
  private async daySchedules(mu: string, signal: AbortSignal): Promise<DaySchedules | undefined> {
    const zone = this.state.units.zones.get(mu);
    if (!zone) return undefined;
    const date = localDate(zone, Date.now());
    const dayStart = startOfDay(zone, date);
    const dayEnd = startOfDay(zone, addDays(date, 1));
    const ignored = this.state.units.thresholds.get(mu)?.ignoredCategories ?? [];
    const { searchAgentSchedules } = await import('./today-history.js');
    const [found, categoryOf] = await Promise.all([
      searchAgentSchedules(
        this.client,
        mu,
        { startDate: new Date(dayStart - 86_400_000).toISOString(), endDate: new Date(dayEnd).toISOString() },
        { signal, notifications: tabNotifications(this.client) },
      ),
      ignored.length === 0 ? undefined : this.categories(mu, signal),
    ]);
    return new DaySchedules(dayStart, dayEnd, found, (code) => !ignored.includes(categoryOf?.get(code) ?? ''));
  }

  private async categories(mu: string, signal: AbortSignal): Promise<Map<string, string>> {
    const unit = await readOrg(this.client, unitQuery(this.client, mu), signal);
    const bu = unit.businessUnit?.id;
    if (!bu) return new Map();
    const codes = await readOrg(this.client, activityCodesQuery(this.client, bu), signal);
    return new Map(codes.map((c) => [c.id, c.category ?? '']));
  }

  private close(): void {
    this.release?.();
    this.release = undefined;
    this.key = '';
  }

  private changed(patch: Partial<LiveBoardState>): void {
    this.state = { ...this.state, ...patch, version: this.state.version + 1 };
    for (const l of [...this.listeners]) l();
  }
}

const stores = new WeakMap<GenesysClient, LiveBoardStore>();

/** The tab's live board for a signed-in client. */
export function liveBoardFor(client: GenesysClient): LiveBoardStore {
  let store = stores.get(client);
  if (!store) stores.set(client, (store = new LiveBoardStore(client)));
  return store;
}

/**
 * The live selection's failure in a supervisor's words. A unit or team Genesys does not know (a link to
 * another org's unit, one since deleted) answers 404 to the snapshot and 400 to the topic: both mean the same.
 */
function liveProblem(error: GenesysError | undefined): string | undefined {
  if (!error) return undefined;
  if (
    error instanceof GenesysApiError &&
    (error.status === 404 ||
      (error.status === 400 && /no such entity|not\.found/i.test(error.message + error.errorCode)))
  )
    return t('board.noSuchSelection');
  return problemWords(error);
}

/** Keeps `model.approved` current with one explanation; returns whether it changed. */
function noteApproved(model: BoardModel, e: AdherenceExplanation): boolean {
  const mine = model.approved.get(e.agent.id);
  if (e.status !== 'Approved') return mine?.delete(e.id) ?? false;
  const start = Date.parse(e.startDate);
  if (!Number.isFinite(start)) return false;
  const span = [start, start + e.lengthMinutes * 60_000] as const;
  if (mine) mine.set(e.id, span);
  else model.approved.set(e.agent.id, new Map([[e.id, span]]));
  return true;
}
