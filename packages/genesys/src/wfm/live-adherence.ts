/**
 * @module Live adherence for a selection (management units or a team): the notification stream and the REST
 * snapshot started together, merged latest-wins, resynced after any gap, one snapshot in flight at a time.
 * UI code subscribes; it never wires the stream, the snapshot and the resync itself.
 */
import type { GenesysClient } from '../client.js';
import { GenesysClientError, type GenesysError, isGenesysError } from '../errors.js';
import { NotificationHub, type HubListener, type HubSubscription } from '../notifications/hub.js';
import type { StreamClock, WebSocketFactory } from '../notifications/channel-connection.js';
import {
  businessUnitExplanationsTopic,
  managementUnitAdherenceTopic,
  teamAdherenceTopic,
} from '../notifications/topics.js';
import type { CallOptions } from '../http.js';
import type { UserScheduleAdherence } from './models.js';
import { getManagementUnitAdherence, getTeamAdherence } from './adherence.js';
import { AdherenceView, fromRest, fromTopic, type AgentAdherence } from './adherence-view.js';
import type { AdherenceExplanation } from './explanations.js';

/** Where records go: an AdherenceView, or anything that keeps more beside it (counts, ranking) the same way. */
export interface AdherenceSink {
  beginSnapshot(): number;
  mergeSnapshot(records: readonly AgentAdherence[], since: number): void;
  apply(record: AgentAdherence): boolean;
}

export type LiveStatus = 'connecting' | 'live' | 'reconnecting' | 'resyncing' | 'offline';

export interface LiveAdherenceState {
  /** Grows with every snapshot merged and every event that changed something. */
  version: number;
  status: LiveStatus;
  /** The last failure (a snapshot refused, the stream unable to start), until the next success. */
  error: GenesysError | undefined;
}

export interface LiveAdherenceOptions<S extends AdherenceSink = AdherenceView> {
  /** What to watch: one or more management units, or one team. */
  managementUnitIds?: string[];
  teamId?: string;
  /** Where records go (default: a new AdherenceView). */
  view?: S;
  /**
   * The tab's notification hub: the live topics ride on its one channel (what an app should pass). Without
   * one, the instance opens a channel of its own.
   */
  notifications?: NotificationHub;
  /** Node 20 has no WebSocket: pass the `ws` package's (used without `notifications`). */
  WebSocket?: WebSocketFactory;
  clock?: StreamClock;
  /** How listeners are called after changes: at most once per call of `schedule` (a browser passes
   *  requestAnimationFrame, so 500 events a second repaint once a frame). Default: a microtask. */
  schedule?: (notify: () => void) => void;
  /**
   * Hear explanations added or reviewed in these business units, live (their explanation topics; a user
   * without wfm:adherenceExplanation:view just hears nothing: the topic is optional). The records' own
   * adherenceExplanation changes arrive as adherence events either way.
   */
  explanations?: { businessUnitIds: string[]; onChange: (explanation: AdherenceExplanation) => void };
  /**
   * The first snapshot, already asked for (the same selection, say as sign-in completed, before the page
   * rendered): `start()` merges its answer instead of asking again. Later resyncs ask afresh.
   */
  firstSnapshot?: Promise<UserScheduleAdherence[]>;
}

/** What live adherence watches: one or more management units, or one team. */
export type AdherenceSelection = { managementUnitIds: string[] } | { teamId: string };

/** The real-time records of a selection, its units asked for together. */
export async function fetchAdherenceSnapshot(
  client: GenesysClient,
  selection: AdherenceSelection,
  opts: CallOptions = {},
): Promise<UserScheduleAdherence[]> {
  if ('teamId' in selection) return getTeamAdherence(client, selection.teamId, opts);
  const lists = await Promise.all(
    selection.managementUnitIds.map((id) => getManagementUnitAdherence(client, id, opts)),
  );
  return lists.flat();
}

export class LiveAdherence<S extends AdherenceSink = AdherenceView> {
  readonly view: S;
  /** The hub its topics ride on: the tab's, or one of its own (closed with it) when none was given. */
  private readonly hub: NotificationHub;
  private readonly ownHub: NotificationHub | undefined;
  private readonly listener: HubListener;
  private subscription: HubSubscription | undefined;
  private readonly listeners = new Set<() => void>();
  private state: LiveAdherenceState = { version: 0, status: 'connecting', error: undefined };
  private snapshotAbort: AbortController | undefined;
  private firstSnapshot: Promise<UserScheduleAdherence[]> | undefined;
  private readonly selection: AdherenceSelection;
  private scheduled = false;
  private closed = false;

  private readonly options: Omit<LiveAdherenceOptions<S>, 'firstSnapshot'>;

  constructor(
    private readonly client: GenesysClient,
    // Kept apart from the options the instance keeps: once merged, the raw first snapshot (all 20,000 records
    // with every field Genesys sends, 28 MB of JSON at 20,000 agents) must be free for the collector.
    { firstSnapshot, ...options }: LiveAdherenceOptions<S>,
  ) {
    this.options = options;
    const mus = options.managementUnitIds ?? [];
    if (!options.teamId && mus.length === 0)
      throw new GenesysClientError('invalid_argument', 'live adherence needs managementUnitIds or a teamId');
    this.view = options.view ?? (new AdherenceView() as unknown as S);
    this.firstSnapshot = firstSnapshot;
    this.selection = options.teamId ? { teamId: options.teamId } : { managementUnitIds: mus };
    this.listener = {
      topics: options.teamId ? [teamAdherenceTopic(options.teamId)] : mus.map(managementUnitAdherenceTopic),
      optionalTopics: (options.explanations?.businessUnitIds ?? []).map(businessUnitExplanationsTopic),
      onEvent: (e) => {
        if (e.kind === 'adherence' && this.view.apply(fromTopic(e.body))) this.changed({});
        else if (e.kind === 'explanation') options.explanations?.onChange(e.body);
      },
      // After any gap (reconnect, silent socket, renewed channel) events may be missing: fetch the truth again.
      // A failure is already in the state (and the next gap tries again): nothing to throw to.
      onResync: () => void this.resync().catch(() => {}),
      // A reconnect that keeps failing (say, an expired token: 401) shows in the state while it retries; a
      // topic refused on reconnect (permission removed) shows as the 403 it is.
      onError: (e) => this.changed({ error: asGenesysError(e) }),
      onStatus: (s) => {
        if (s === 'closed') this.changed({ status: 'offline' });
        else if (this.state.status !== 'resyncing' || s !== 'live') this.changed({ status: s });
      },
    };
    // Without the tab's hub, a hub of its own: one way to listen, whoever owns the channel.
    this.ownHub = options.notifications
      ? undefined
      : new NotificationHub(client, {
          ...(options.WebSocket ? { WebSocket: options.WebSocket } : {}),
          ...(options.clock ? { clock: options.clock } : {}),
        });
    this.hub = options.notifications ?? this.ownHub!;
  }

  /**
   * Starts the stream and the first snapshot together (the board fills without waiting for the socket), then
   * takes one more snapshot once the socket is open: the first may have been answered before it opened, and
   * what changed in between came to no socket. Resolves when both are merged.
   */
  async start(): Promise<void> {
    this.changed({ status: 'connecting' });
    // The snapshot is asked for first: over HTTP/1.1 a browser opens six connections to a host, and the
    // request that fills the board must not queue behind the channel's.
    const snapshot = this.refresh(true);
    this.subscription = this.hub.listen(this.listener);
    const stream = this.subscription.ready.catch((e: unknown) => {
      this.changed({ error: asGenesysError(e) });
      throw e;
    });
    await Promise.all([stream, snapshot]);
    // Both snapshots of a start are planned, not gaps: said as "connecting" until live (a normal sign-in must
    // not flash "Resyncing…").
    await this.refresh(true);
  }

  /** Fetches a snapshot and merges it; a snapshot still in flight is superseded (its answer is dropped). */
  resync(): Promise<void> {
    return this.refresh(false);
  }

  private async refresh(quiet: boolean): Promise<void> {
    this.snapshotAbort?.abort();
    const ac = new AbortController();
    this.snapshotAbort = ac;
    if (this.state.version > 0 && !quiet) this.changed({ status: 'resyncing' });
    // A preloaded snapshot was asked for before any event could arrive (the stream starts after it): every
    // event applied from here on is newer than it, as for a snapshot asked for now.
    const since = this.view.beginSnapshot();
    const given = this.firstSnapshot;
    this.firstSnapshot = undefined;
    try {
      const records = await (given ?? fetchAdherenceSnapshot(this.client, this.selection, { signal: ac.signal }));
      if (ac.signal.aborted || this.closed) return;
      this.view.mergeSnapshot(records.map(fromRest), since);
      this.changed({ error: undefined, status: this.streamStatus() });
    } catch (e) {
      if (ac.signal.aborted || this.closed) return;
      this.changed({ error: asGenesysError(e) });
      throw e;
    } finally {
      if (this.snapshotAbort === ac) this.snapshotAbort = undefined;
    }
  }

  /** The stream's state as the board says it: a socket not yet open the first time is "connecting". */
  private streamStatus(): LiveStatus {
    const s = this.hub.status;
    return s === 'live' ? 'live' : s === 'connecting' ? 'connecting' : s === 'closed' ? 'offline' : 'reconnecting';
  }

  /** For useSyncExternalStore: called after changes, at most once per `schedule`. */
  subscribe = (listener: () => void): (() => void) => {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  };

  /** The same object until something changes. */
  getSnapshot = (): LiveAdherenceState => this.state;

  close(): void {
    this.closed = true;
    this.snapshotAbort?.abort();
    this.subscription?.close();
    this.ownHub?.close();
    this.listener.onStatus?.('closed');
    this.listeners.clear();
  }

  private changed(patch: Partial<LiveAdherenceState>): void {
    this.state = { ...this.state, ...patch, version: this.state.version + 1 };
    if (this.scheduled || this.closed) return;
    this.scheduled = true;
    (this.options.schedule ?? queueMicrotask)(() => {
      this.scheduled = false;
      for (const l of this.listeners) l();
    });
  }
}

/** Live adherence for management units or a team; call `start()`, subscribe, and `close()` when done. */
export function createLiveAdherence<S extends AdherenceSink = AdherenceView>(
  client: GenesysClient,
  options: LiveAdherenceOptions<S>,
): LiveAdherence<S> {
  return new LiveAdherence(client, options);
}

function asGenesysError(e: unknown): GenesysError {
  return isGenesysError(e)
    ? e
    : new GenesysClientError('network_error', (e as Error)?.message ?? String(e), { cause: e });
}
