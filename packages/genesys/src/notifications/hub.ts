/**
 * @module The tab's one notification channel, shared by everything that listens (the board, the agent's day,
 * explanations, historical job completion). Genesys keeps at most 20 channels per user and app ("the new
 * channel replaces the oldest channel that does not have an active connection", Notifications: usage
 * limitations): a page that opened a channel per view, or per historical chunk, would push its own live board's
 * channel out. Listeners add and remove topics on the one channel; a reconnect resubscribes all of them.
 */
import type { GenesysClient } from '../client.js';
import { GenesysApiError, GenesysClientError } from '../errors.js';
import { request } from '../http.js';
import { apiPath, opaqueId } from '../api-path.js';
import { getMe } from '../users.js';
import { typedEvent, type NotificationEvent } from './topics.js';
import {
  ChannelConnection,
  connectionTimings,
  subscribeTopics,
  type ConnectionOptions,
  type ConnectionOwner,
  type ChannelInfo,
  type ConnectionTimings,
  type StreamStatus,
} from './channel-connection.js';

export interface NotificationHubOptions extends ConnectionOptions {
  /** Genesys allows 1,000 topics per channel; a listener that would pass it is refused. */
  maxTopicsPerChannel?: number;
  /** Who is signed in, if the app already asks (default: users/me, once for the hub's life). */
  whoAmI?: () => Promise<{ id: string }>;
  /**
   * Where the channel is kept between loads of the page (say, sessionStorage): a reload takes it up again,
   * checked with `HEAD /api/v2/notifications/channels/{id}`, instead of making another of the 20 Genesys allows.
   */
  keep?: { load(): string | undefined; save(value: string | undefined): void };
}

export interface HubListener {
  /** Topics the listener cannot do without: a refusal (400, 403) rejects its `ready` and removes it. */
  topics?: string[];
  /** Topics it can do without (a permission the user may lack): refused ones are left out quietly. */
  optionalTopics?: string[];
  onEvent: (event: NotificationEvent) => void;
  /** After any gap (reconnect, silent socket, channel renewal) events may have been missed. */
  onResync?: (reason: string) => void;
  onStatus?: (status: StreamStatus) => void;
  /**
   * A (re)connect attempt failed and will be tried again (a 401: the token is no longer accepted); or, as a
   * GenesysApiError 403 after which the listener hears nothing more, a reconnect found one of its topics
   * refused (the user's permission was removed mid-session).
   */
  onError?: (error: unknown) => void;
}

export interface HubSubscription {
  /** Resolves once the listener's topics are subscribed and the channel is live. */
  readonly ready: Promise<void>;
  close(): void;
}

interface Entry {
  listener: HubListener;
  required: Set<string>;
  optional: Set<string>;
  /** Subscribed on the channel (a reconnect resubscribes it). */
  active: boolean;
  closed: boolean;
}

interface RejectedTopic {
  id?: string;
  state?: string;
  rejectionReason?: string;
}

export class NotificationHub {
  private readonly entries = new Set<Entry>();
  private connection: ChannelConnection | undefined;
  private connecting: Promise<void> | undefined;
  private status_: StreamStatus = 'connecting';
  private closed = false;
  /** Topic changes, one at a time: an add and a remove must reach the channel in the order they were made. */
  private ops: Promise<unknown> = Promise.resolve();
  private me: Promise<{ id: string }> | undefined;
  private readonly whoAmI: () => Promise<{ id: string }>;
  private readonly keep: NotificationHubOptions['keep'];
  private readonly timings: ConnectionTimings;
  private readonly maxTopics: number;

  constructor(
    readonly client: GenesysClient,
    options: NotificationHubOptions = {},
  ) {
    this.timings = connectionTimings(options);
    this.maxTopics = options.maxTopicsPerChannel ?? 1000;
    this.whoAmI = options.whoAmI ?? (() => getMe(client));
    this.keep = options.keep;
  }

  /** The signed-in user (`users/me`), asked once for the hub's life: user topics are named by it. */
  userId(opts: { signal?: AbortSignal } = {}): Promise<string> {
    this.me ??= this.whoAmI().catch((e: unknown) => {
      this.me = undefined; // a failure is not remembered: the next caller asks again
      throw e;
    });
    const id = this.me.then((m) => m.id);
    if (!opts.signal) return id;
    const signal = opts.signal;
    return new Promise((resolve, reject) => {
      const abort = () => reject(new GenesysClientError('aborted', 'cancelled'));
      if (signal.aborted) return abort();
      signal.addEventListener('abort', abort, { once: true });
      id.then(resolve, reject).finally(() => signal.removeEventListener('abort', abort));
    });
  }

  /** Adds a listener's topics to the channel (opening it the first time). */
  listen(listener: HubListener): HubSubscription {
    const entry: Entry = {
      listener,
      required: new Set(listener.topics ?? []),
      optional: new Set((listener.optionalTopics ?? []).filter((t) => !(listener.topics ?? []).includes(t))),
      active: false,
      closed: false,
    };
    if (this.closed) {
      const ready = Promise.reject(new GenesysClientError('aborted', 'the notification hub is closed'));
      ready.catch(() => {});
      return { ready, close: () => {} };
    }
    const after = new Set(this.topics());
    for (const t of [...entry.required, ...entry.optional]) after.add(t);
    if (after.size > this.maxTopics) {
      const ready = Promise.reject(
        new GenesysClientError('invalid_argument', `a channel takes at most ${this.maxTopics} topics`),
      );
      ready.catch(() => {});
      return { ready, close: () => {} };
    }
    this.entries.add(entry);
    const added = this.enqueue(() => this.add(entry));
    const ready = added.catch((e: unknown) => {
      this.remove(entry);
      throw e;
    });
    return {
      ready,
      close: () => {
        if (entry.closed) return;
        this.remove(entry);
        // Topics no one listens to any more come off the channel (PUT replaces the list).
        void this.enqueue(() => this.resubscribe()).catch(() => {});
      },
    };
  }

  /** Status of the one channel. */
  get status(): StreamStatus {
    return this.closed ? 'closed' : this.status_;
  }

  /** The channel in use (at most one). */
  get channelIds(): string[] {
    return this.connection?.channelId ? [this.connection.channelId] : [];
  }

  /** Closes the channel's socket; every listener hears 'closed'. */
  close(): void {
    if (this.closed) return;
    this.closed = true;
    this.connection?.close();
    for (const e of this.entries) e.listener.onStatus?.('closed');
    this.entries.clear();
  }

  private topics(): string[] {
    const all = new Set<string>();
    for (const e of this.entries) if (!e.closed) for (const t of [...e.required, ...e.optional]) all.add(t);
    return [...all];
  }

  private remove(entry: Entry): void {
    entry.closed = true;
    this.entries.delete(entry);
  }

  private enqueue<T>(op: () => Promise<T>): Promise<T> {
    const run = this.ops.then(op, op);
    this.ops = run.catch(() => {});
    return run;
  }

  private async add(entry: Entry): Promise<void> {
    await this.open();
    for (;;) {
      if (entry.closed || this.closed) return;
      const path = this.connection?.subscriptionsPath;
      if (!path) {
        // Between channels (a reconnect under way): the new channel's subscription will include this entry.
        entry.active = true;
        await this.connecting;
        return;
      }
      // Topics another listener already holds on this channel need no request (an optional one may have been
      // refused quietly, so it vouches only for optional ones).
      const held = new Set<string>();
      const granted = new Set<string>();
      for (const e of this.entries)
        if (e.active) {
          for (const t of e.required) granted.add(t);
          for (const t of e.optional) held.add(t);
        }
      const required = [...entry.required].filter((t) => !granted.has(t));
      const optional = [...entry.optional].filter((t) => !held.has(t) && !granted.has(t));
      // Its own required topics first, without ignoreErrors: Genesys's own status and code for a refusal.
      await subscribeTopics(this.client, path, 'POST', required, optional);
      entry.active = true;
      // A channel replaced while that was in flight was subscribed without this entry: add it there too.
      if (this.connection?.subscriptionsPath === path) return;
      entry.active = false;
    }
  }

  /** Opens the channel the first time; later calls wait for the connect in progress, if any. */
  private async open(): Promise<void> {
    if (!this.connection) {
      const connection = new ChannelConnection(this.owner());
      this.connection = connection;
      this.connecting = connection.connect(false).catch((e: unknown) => {
        // Refused outright (400, 403): the next listener tries a new channel rather than this failure again.
        if (this.connection === connection) this.connection = undefined;
        throw e;
      });
    }
    await this.connecting;
  }

  /** The channel's list replaced by what active listeners want now. */
  private async resubscribe(): Promise<void> {
    const path = this.connection?.subscriptionsPath;
    if (!path || this.closed) return;
    await this.put(path);
  }

  /** PUT (replace) with ignoreErrors: a refused required topic fails its listener, not the channel. */
  private async put(path: string): Promise<void> {
    const wanted = new Set<string>();
    for (const e of this.entries) if (e.active) for (const t of [...e.required, ...e.optional]) wanted.add(t);
    const res = await request<{ entities?: RejectedTopic[] }>(this.client, {
      method: 'PUT',
      path,
      query: { ignoreErrors: true },
      body: [...wanted].map((id) => ({ id })),
    });
    const refused = new Map<string, string>();
    for (const t of res?.entities ?? [])
      if (t.state === 'Rejected' && t.id) refused.set(t.id, t.rejectionReason ?? 'refused');
    for (const e of [...this.entries]) {
      const lost = [...e.required].find((t) => refused.has(t));
      if (!lost || !e.active) continue;
      const error = new GenesysApiError({
        status: 403,
        errorCode: 'notification.unauthorized.topic',
        message: `Genesys no longer allows ${lost}: ${refused.get(lost)}`,
      });
      this.remove(e);
      e.listener.onError?.(error);
    }
  }

  /** A kept channel that Genesys still knows and that is not about to expire. */
  private async adopt(): Promise<ChannelInfo | undefined> {
    const keep = this.keep;
    if (!keep) return undefined;
    let kept: ChannelInfo | undefined;
    try {
      const v = JSON.parse(keep.load() ?? 'null') as Partial<ChannelInfo> | null;
      if (v && typeof v.id === 'string' && typeof v.connectUri === 'string' && typeof v.expires === 'string')
        kept = { id: v.id, connectUri: v.connectUri, expires: v.expires };
    } catch {
      kept = undefined; // unreadable: a new channel is made
    }
    keep.save(undefined);
    if (!kept || Date.parse(kept.expires) - this.timings.clock.now() <= this.timings.renewBeforeExpiryMs)
      return undefined;
    // Only a socket URL on the API's own streaming host is taken up (what is kept is read back, not trusted).
    if (!isChannelUri(kept.connectUri, kept.id)) return undefined;
    try {
      await request(this.client, {
        method: 'HEAD',
        path: apiPath`/api/v2/notifications/channels/${opaqueId(kept.id, 'notification channel id')}`,
      });
    } catch {
      return undefined; // gone (24 hours, replaced, another token): a new one is made
    }
    keep.save(JSON.stringify(kept));
    return kept;
  }

  private owner(): ConnectionOwner {
    return {
      adopt: () => this.adopt(),
      made: (channel) => this.keep?.save(JSON.stringify(channel)),
      client: this.client,
      timings: this.timings,
      isClosed: () => this.closed,
      report: (_, status) => {
        if (status === this.status_) return;
        this.status_ = status;
        for (const e of [...this.entries]) if (e.active) e.listener.onStatus?.(status);
      },
      subscribe: (path) => this.put(path),
      onFrame: (topicName, body) => {
        const event = typedEvent(topicName, body);
        for (const e of [...this.entries])
          if (e.active && (e.required.has(topicName) || e.optional.has(topicName))) e.listener.onEvent(event);
      },
      onResync: (reason) => {
        for (const e of [...this.entries]) if (e.active) e.listener.onResync?.(reason);
      },
      onError: (error) => {
        for (const e of [...this.entries]) e.listener.onError?.(error);
      },
    };
  }
}

/** The tab's notification hub for a client; `close()` it at sign-out. */
export function createNotificationHub(client: GenesysClient, options: NotificationHubOptions = {}): NotificationHub {
  return new NotificationHub(client, options);
}

/** `wss://…/channels/{id}` (or ws:// on a loopback host, as the emulator serves it) for that very channel. */
function isChannelUri(uri: string, id: string): boolean {
  try {
    const u = new URL(uri);
    const loopback = u.hostname === 'localhost' || u.hostname === '127.0.0.1';
    return (u.protocol === 'wss:' || (u.protocol === 'ws:' && loopback)) && u.pathname.endsWith(`/channels/${id}`);
  } catch {
    return false;
  }
}
