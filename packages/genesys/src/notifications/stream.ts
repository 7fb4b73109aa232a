/** @module Live notifications over Genesys's WebSocket that never silently go stale. */
import type { GenesysClient } from '../client.js';
import { GenesysApiError, GenesysClientError } from '../errors.js';
import { request } from '../http.js';
import { typedEvent, type NotificationEvent } from './topics.js';
import { apiPath, opaqueId } from '../api-path.js';

export type StreamStatus = 'connecting' | 'live' | 'reconnecting' | 'closed';

/** The browser WebSocket interface (Node 20 has none built in: pass the `ws` package's). */
export interface WebSocketLike {
  readonly readyState: number;
  send(data: string): void;
  close(code?: number, reason?: string): void;
  addEventListener(type: 'open' | 'close' | 'error' | 'message', listener: (event: { data?: unknown }) => void): void;
}
export type WebSocketFactory = new (url: string) => WebSocketLike;

/** Time as the stream reads it: tests pass a manual clock and move it instead of waiting. */
export interface StreamClock {
  now(): number;
  /** Runs `fn` once after `ms`; returns a cancel function. */
  setTimer(fn: () => void, ms: number): () => void;
}

const REAL_CLOCK: StreamClock = {
  now: () => Date.now(),
  setTimer(fn, ms) {
    const t = setTimeout(fn, ms);
    (t as { unref?: () => void }).unref?.();
    return () => clearTimeout(t);
  },
};

export interface NotificationStreamOptions {
  topics: string[];
  /**
   * Topics the stream can do without (say, ones needing a permission the user may lack): added after the
   * required ones with `ignoreErrors=true`, so a refusal leaves the rest of the stream working.
   */
  optionalTopics?: string[];
  onEvent: (event: NotificationEvent) => void;
  /** After any gap (reconnect, silent socket, channel change) events may have been missed: refetch the snapshot. */
  onResync?: (reason: string) => void;
  onStatus?: (status: StreamStatus) => void;
  /**
   * A (re)connect attempt failed and will be tried again with backoff: a 401 here means the token is no
   * longer accepted (the user must sign in again; a new token from getAccessToken resumes the stream).
   */
  onError?: (error: unknown) => void;
  WebSocket?: WebSocketFactory;
  /** A socket silent this long is dead (default 75 s: 2.5 Genesys heartbeats of 30 s). */
  heartbeatTimeoutMs?: number;
  /** Move to a new channel this long before the current one expires (default 10 min). */
  renewBeforeExpiryMs?: number;
  /** Genesys allows 1,000 topics per channel; more topics are spread over several channels. */
  maxTopicsPerChannel?: number;
  reconnectBaseMs?: number;
  reconnectMaxMs?: number;
  /** Default: the system clock. Jitter comes from the client's `random`. */
  clock?: StreamClock;
}

interface Channel {
  id: string;
  connectUri: string;
  expires: string;
}

/**
 * Live notifications that never silently go stale: channels created and subscribed, sharded at the
 * per-channel topic limit, a heartbeat watchdog, reconnect with backoff, renewal before expiry and on
 * v2.system.socket_closing, and a resync signal after every gap.
 */
export class NotificationStream {
  private shards: Shard[] = [];
  private closed = false;
  private statuses = new Map<Shard, StreamStatus>();
  readonly options: Required<
    Omit<NotificationStreamOptions, 'onResync' | 'onStatus' | 'onError' | 'WebSocket' | 'clock'>
  > &
    Pick<NotificationStreamOptions, 'onResync' | 'onStatus' | 'onError'> & {
      WebSocket: WebSocketFactory;
      clock: StreamClock;
    };

  constructor(
    readonly client: GenesysClient,
    options: NotificationStreamOptions,
  ) {
    const WS = options.WebSocket ?? (globalThis as { WebSocket?: WebSocketFactory }).WebSocket;
    if (!WS) throw new GenesysClientError('invalid_argument', 'No WebSocket implementation: pass options.WebSocket');
    this.options = {
      heartbeatTimeoutMs: 75_000,
      renewBeforeExpiryMs: 10 * 60_000,
      maxTopicsPerChannel: 1000,
      reconnectBaseMs: 1000,
      reconnectMaxMs: 30_000,
      ...options,
      optionalTopics: options.optionalTopics ?? [],
      WebSocket: WS,
      clock: options.clock ?? REAL_CLOCK,
    };
  }

  /** Connects every shard; resolves when all are live. */
  async start(): Promise<void> {
    const topics = [...new Set(this.options.topics)];
    const optional = [...new Set(this.options.optionalTopics)].filter((t) => !topics.includes(t));
    const max = this.options.maxTopicsPerChannel;
    // Required topics fill channels first; optional ones ride on the last channel while it has room.
    for (let i = 0; i < Math.max(1, topics.length); i += max) {
      const required = topics.slice(i, i + max);
      const last = i + max >= topics.length;
      const extra = last ? optional.splice(0, max - required.length) : [];
      this.shards.push(new Shard(this, required, extra));
    }
    for (let i = 0; i < optional.length; i += max) this.shards.push(new Shard(this, [], optional.slice(i, i + max)));
    await Promise.all(this.shards.map((s) => s.connect(false)));
  }

  /** The worst status over all shards. */
  get status(): StreamStatus {
    if (this.closed) return 'closed';
    const all = [...this.statuses.values()];
    if (all.includes('reconnecting')) return 'reconnecting';
    if (all.includes('connecting') || all.length < this.shards.length) return 'connecting';
    return 'live';
  }

  /** Channels in use (one per shard). */
  get channelIds(): string[] {
    return this.shards.map((s) => s.channelId).filter((id): id is string => id !== undefined);
  }

  close(): void {
    this.closed = true;
    for (const s of this.shards) s.close();
    this.options.onStatus?.('closed');
  }

  /** @internal */
  isClosed(): boolean {
    return this.closed;
  }

  /** @internal */
  report(shard: Shard, status: StreamStatus): void {
    const before = this.status;
    this.statuses.set(shard, status);
    if (this.status !== before) this.options.onStatus?.(this.status);
  }
}

class Shard {
  channelId: string | undefined;
  private socket: WebSocketLike | undefined;
  private channel: Channel | undefined;
  private cancelWatchdog: (() => void) | undefined;
  /** When this socket was last heard from (any message, heartbeats included). */
  private lastHeard = 0;
  private cancelRenewal: (() => void) | undefined;
  private attempt = 0;
  private generation = 0;

  constructor(
    private readonly stream: NotificationStream,
    private readonly topics: string[],
    private readonly optionalTopics: string[] = [],
  ) {}

  /** Creates a channel, subscribes, opens its socket. `gap` says events may have been missed before. */
  async connect(gap: boolean, reason = 'reconnected'): Promise<void> {
    const o = this.stream.options;
    this.stream.report(this, gap ? 'reconnecting' : 'connecting');
    const generation = ++this.generation;
    for (;;) {
      if (this.stream.isClosed() || generation !== this.generation) return;
      try {
        const channel = await request<Channel>(this.stream.client, {
          method: 'POST',
          path: '/api/v2/notifications/channels',
        });
        const subscriptions = apiPath`/api/v2/notifications/channels/${opaqueId(channel.id, 'notification channel id')}/subscriptions`;
        if (this.topics.length > 0)
          await request(this.stream.client, {
            method: 'PUT',
            path: subscriptions,
            body: this.topics.map((id) => ({ id })),
          });
        if (this.optionalTopics.length > 0)
          await request(this.stream.client, {
            method: 'POST',
            path: subscriptions,
            query: { ignoreErrors: true },
            body: this.optionalTopics.map((id) => ({ id })),
          });
        await this.open(channel, generation);
        this.attempt = 0;
        this.stream.report(this, 'live');
        if (gap) o.onResync?.(reason);
        return;
      } catch (err) {
        if (err instanceof GenesysApiError && (err.status === 400 || err.status === 403)) throw err; // a bad topic will not get better
        // Anything else may pass (the network, Genesys, an expired token once a new one comes): say so, then
        // try again after a backoff.
        o.onError?.(err);
        const wait =
          Math.min(o.reconnectMaxMs, o.reconnectBaseMs * 2 ** this.attempt++) *
          (0.5 + this.stream.client.options.random() / 2);
        await new Promise<void>((r) => o.clock.setTimer(r, wait));
      }
    }
  }

  private open(channel: Channel, generation: number): Promise<void> {
    return new Promise((resolve, reject) => {
      const ws = new this.stream.options.WebSocket(channel.connectUri);
      let opened = false;
      ws.addEventListener('open', () => {
        opened = true;
        const old = this.socket;
        // Make before break: the new socket is live before the old one is let go.
        this.socket = ws;
        this.channel = channel;
        this.channelId = channel.id;
        old?.close(1000, 'replaced');
        this.armWatchdog(generation);
        this.armRenewal(generation);
        resolve();
      });
      ws.addEventListener('message', (e) => this.onMessage(String(e.data), generation));
      ws.addEventListener('error', () => {
        if (!opened) reject(new GenesysClientError('network_error', 'notification socket failed to open'));
      });
      ws.addEventListener('close', () => {
        if (!opened)
          return reject(new GenesysClientError('network_error', 'notification socket closed before opening'));
        if (this.socket === ws && generation === this.generation && !this.stream.isClosed())
          void this.connect(true, 'socket closed');
      });
    });
  }

  private onMessage(text: string, generation: number): void {
    if (generation !== this.generation) return;
    // Only noted: at 600 events a second, re-arming a timer per message is a measurable share of the page's
    // main thread. The watchdog looks at this when it fires.
    this.lastHeard = this.stream.options.clock.now();
    let frame: { topicName?: string; eventBody?: unknown };
    try {
      frame = JSON.parse(text);
    } catch {
      return;
    }
    if (!frame.topicName || frame.topicName === 'channel.metadata') return;
    if (frame.topicName === 'v2.system.socket_closing') {
      void this.connect(true, 'socket closing');
      return;
    }
    this.stream.options.onEvent(typedEvent(frame.topicName, frame.eventBody));
  }

  /** Starts watching a socket just opened: it is replaced once silent for longer than heartbeats allow. */
  private armWatchdog(generation: number): void {
    this.lastHeard = this.stream.options.clock.now();
    this.watch(generation, this.stream.options.heartbeatTimeoutMs);
  }

  private watch(generation: number, inMs: number): void {
    const { clock, heartbeatTimeoutMs } = this.stream.options;
    this.cancelWatchdog?.();
    this.cancelWatchdog = clock.setTimer(() => {
      if (generation !== this.generation || this.stream.isClosed()) return;
      const silentFor = clock.now() - this.lastHeard;
      // Heard from since the timer was set: look again when the silence since then would be too long.
      if (silentFor < heartbeatTimeoutMs) return this.watch(generation, heartbeatTimeoutMs - silentFor);
      // Silent for longer than heartbeats allow: the socket is dead even if it looks open.
      const dead = this.socket;
      void this.connect(true, 'heartbeat missed').then(() => dead?.close(4000, 'silent'));
    }, inMs);
  }

  private armRenewal(generation: number): void {
    this.cancelRenewal?.();
    const expires = Date.parse(this.channel?.expires ?? '');
    if (Number.isNaN(expires)) return;
    const inMs = Math.max(0, expires - this.stream.options.clock.now() - this.stream.options.renewBeforeExpiryMs);
    this.cancelRenewal = this.stream.options.clock.setTimer(() => {
      if (generation === this.generation && !this.stream.isClosed()) void this.connect(true, 'channel renewed');
    }, inMs);
  }

  close(): void {
    this.generation++;
    this.cancelWatchdog?.();
    this.cancelRenewal?.();
    this.socket?.close(1000, 'closed by client');
    this.socket = undefined;
  }
}
