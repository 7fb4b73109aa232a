/**
 * @module The live board's one store, framework-free: the live adherence of the selection (units or a team), its
 * rows and ranking (BoardModel), agents' names and team names, pause, and the state the views show (connection,
 * problems in words). One per signed-in tab: the board, the wallboard and the agent's day read the same store,
 * so moving between them keeps the feed (and the snapshot) instead of starting again. React reads it through
 * `subscribe`/`getSnapshot` (useLiveBoard); nothing here knows React.
 */
import {
  GenesysApiError,
  createLiveAdherence,
  getUsersByIds,
  type GenesysClient,
  type GenesysError,
  type LiveAdherenceState,
} from '@adhere/genesys';
import { BoardModel } from './board-model.js';
import { boardSelection, takePreloaded } from './preload.js';
import { tabNotifications } from '../notifications.js';
import { problemWords } from '../access/denied.js';
import { readOrg, teamsQuery } from '../org-data/org-queries.js';

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
}

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
    this.changed({ model, connection: 'connecting', error: undefined, namesProblem: undefined });
    const firstSnapshot = takePreloaded(muKey, teamId);
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
    let pending = 0;
    const named = () => {
      model.version++;
      this.changed({ namesVersion: this.state.namesVersion + 1 });
    };
    model.onSnapshot = () => {
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
                namesProblem: `Some names could not be read (${problemWords(e)}): those agents show by id until the next try.`,
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
      this.cancel(pending);
      model.onSnapshot = undefined;
      offLive();
      live.close();
    };
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
    return 'Genesys knows no such management unit or team (or it is not one you may see): choose another above.';
  return error.message;
}
