/**
 * @module One notification channel kept alive: created, subscribed, its socket opened, watched for silence,
 * renewed before it expires and on v2.system.socket_closing, reconnected with backoff. What it subscribes to
 * and where its frames go belong to its owner (a NotificationStream's shard, or the tab's NotificationHub).
 */
import type { GenesysClient } from '../client.js';
import { GenesysApiError, GenesysClientError } from '../errors.js';
import { request } from '../http.js';
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

export interface ConnectionTimings {
  /** A socket silent this long is dead (default 75 s: 2.5 Genesys heartbeats of 30 s). */
  heartbeatTimeoutMs: number;
  /** Move to a new channel this long before the current one expires (default 10 min). */
  renewBeforeExpiryMs: number;
  reconnectBaseMs: number;
  reconnectMaxMs: number;
  WebSocket: WebSocketFactory;
  clock: StreamClock;
}

/** What a caller may set of a connection's timing (every field optional; defaults in `connectionTimings`). */
export interface ConnectionOptions {
  WebSocket?: WebSocketFactory;
  /** A socket silent this long is dead (default 75 s: 2.5 Genesys heartbeats of 30 s). */
  heartbeatTimeoutMs?: number;
  /** Move to a new channel this long before the current one expires (default 10 min). */
  renewBeforeExpiryMs?: number;
  reconnectBaseMs?: number;
  reconnectMaxMs?: number;
  /** Default: the system clock. Jitter comes from the client's `random`. */
  clock?: StreamClock;
}

/** A caller's timing options over the defaults; the WebSocket they name, else the platform's (Node 20 has none). */
export function connectionTimings(o: ConnectionOptions): ConnectionTimings {
  const WS = o.WebSocket ?? (globalThis as { WebSocket?: WebSocketFactory }).WebSocket;
  if (!WS) throw new GenesysClientError('invalid_argument', 'No WebSocket implementation: pass options.WebSocket');
  return {
    heartbeatTimeoutMs: o.heartbeatTimeoutMs ?? 75_000,
    renewBeforeExpiryMs: o.renewBeforeExpiryMs ?? 10 * 60_000,
    reconnectBaseMs: o.reconnectBaseMs ?? 1000,
    reconnectMaxMs: o.reconnectMaxMs ?? 30_000,
    WebSocket: WS,
    clock: o.clock ?? REAL_CLOCK,
  };
}

/**
 * Subscribes a channel: the required topics with `method` (PUT replaces, POST adds) and no ignoreErrors, so a
 * refusal is Genesys's own 400/403; then the optional ones with `ignoreErrors=true`, so a refusal leaves them out.
 */
export async function subscribeTopics(
  client: GenesysClient,
  path: string,
  method: 'PUT' | 'POST',
  required: readonly string[],
  optional: readonly string[],
): Promise<void> {
  if (required.length > 0) await request(client, { method, path, body: required.map((id) => ({ id })) });
  if (optional.length > 0)
    await request(client, {
      method: 'POST',
      path,
      query: { ignoreErrors: true },
      body: optional.map((id) => ({ id })),
    });
}

/** What a connection asks of its owner. */
export interface ConnectionOwner {
  readonly client: GenesysClient;
  readonly timings: ConnectionTimings;
  isClosed(): boolean;
  report(connection: ChannelConnection, status: StreamStatus): void;
  /** Subscribes a channel just made (PUT/POST on `subscriptions`); a 400 or 403 it throws ends the connection. */
  subscribe(subscriptions: string): Promise<void>;
  onFrame(topicName: string, body: unknown): void;
  /** After a gap (reconnect, silent socket, channel renewal) events may have been missed. */
  onResync(reason: string): void;
  /** A (re)connect attempt failed and will be tried again with backoff. */
  onError(error: unknown): void;
  /** A channel kept from before (a reload of the page) to try before making one; see NotificationHub's `keep`. */
  adopt?(): Promise<ChannelInfo | undefined>;
  /** A channel just made, to keep for the next page load. */
  made?(channel: ChannelInfo): void;
}

export interface ChannelInfo {
  id: string;
  connectUri: string;
  expires: string;
}

export class ChannelConnection {
  channelId: string | undefined;
  private socket: WebSocketLike | undefined;
  private channel: ChannelInfo | undefined;
  private cancelWatchdog: (() => void) | undefined;
  /** When this socket was last heard from (any message, heartbeats included). */
  private lastHeard = 0;
  private cancelRenewal: (() => void) | undefined;
  private attempt = 0;
  private generation = 0;

  constructor(private readonly owner: ConnectionOwner) {}

  /** The subscriptions path of the channel in use, if one is open. */
  get subscriptionsPath(): string | undefined {
    return this.channel
      ? apiPath`/api/v2/notifications/channels/${opaqueId(this.channel.id, 'notification channel id')}/subscriptions`
      : undefined;
  }

  /** Creates a channel, subscribes, opens its socket. `gap` says events may have been missed before. */
  async connect(gap: boolean, reason = 'reconnected'): Promise<void> {
    const o = this.owner.timings;
    this.owner.report(this, gap ? 'reconnecting' : 'connecting');
    const generation = ++this.generation;
    // The first connect of a page may take up a channel kept from its last load; after a gap, always a new one.
    let adopt = !gap;
    for (;;) {
      if (this.owner.isClosed() || generation !== this.generation) return;
      try {
        const kept = adopt ? await this.owner.adopt?.() : undefined;
        adopt = false;
        const channel =
          kept ??
          (await request<ChannelInfo>(this.owner.client, {
            method: 'POST',
            path: '/api/v2/notifications/channels',
          }));
        if (!kept) this.owner.made?.(channel);
        await this.owner.subscribe(
          apiPath`/api/v2/notifications/channels/${opaqueId(channel.id, 'notification channel id')}/subscriptions`,
        );
        await this.open(channel, generation);
        this.attempt = 0;
        this.owner.report(this, 'live');
        if (gap) this.owner.onResync(reason);
        return;
      } catch (err) {
        if (err instanceof GenesysApiError && (err.status === 400 || err.status === 403)) throw err; // a bad topic will not get better
        // Anything else may pass (the network, Genesys, an expired token once a new one comes): say so, then
        // try again after a backoff.
        this.owner.onError(err);
        const wait =
          Math.min(o.reconnectMaxMs, o.reconnectBaseMs * 2 ** this.attempt++) *
          (0.5 + this.owner.client.options.random() / 2);
        await new Promise<void>((r) => o.clock.setTimer(r, wait));
      }
    }
  }

  private open(channel: ChannelInfo, generation: number): Promise<void> {
    return new Promise((resolve, reject) => {
      const ws = new this.owner.timings.WebSocket(channel.connectUri);
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
        if (this.socket === ws && generation === this.generation && !this.owner.isClosed())
          void this.connect(true, 'socket closed').catch((e: unknown) => this.owner.onError(e));
      });
    });
  }

  private onMessage(text: string, generation: number): void {
    if (generation !== this.generation) return;
    // Only noted: at 600 events a second, re-arming a timer per message is a measurable share of the page's
    // main thread. The watchdog looks at this when it fires.
    this.lastHeard = this.owner.timings.clock.now();
    let frame: { topicName?: string; eventBody?: unknown };
    try {
      frame = JSON.parse(text);
    } catch {
      return; // not a notification frame: nothing in it to deliver
    }
    if (!frame.topicName || frame.topicName === 'channel.metadata') return;
    if (frame.topicName === 'v2.system.socket_closing') {
      void this.connect(true, 'socket closing').catch((e: unknown) => this.owner.onError(e));
      return;
    }
    this.owner.onFrame(frame.topicName, frame.eventBody);
  }

  /** Starts watching a socket just opened: it is replaced once silent for longer than heartbeats allow. */
  private armWatchdog(generation: number): void {
    this.lastHeard = this.owner.timings.clock.now();
    this.watch(generation, this.owner.timings.heartbeatTimeoutMs);
  }

  private watch(generation: number, inMs: number): void {
    const { clock, heartbeatTimeoutMs } = this.owner.timings;
    this.cancelWatchdog?.();
    this.cancelWatchdog = clock.setTimer(() => {
      if (generation !== this.generation || this.owner.isClosed()) return;
      const silentFor = clock.now() - this.lastHeard;
      // Heard from since the timer was set: look again when the silence since then would be too long.
      if (silentFor < heartbeatTimeoutMs) return this.watch(generation, heartbeatTimeoutMs - silentFor);
      // Silent for longer than heartbeats allow: the socket is dead even if it looks open.
      const dead = this.socket;
      void this.connect(true, 'heartbeat missed').then(
        () => dead?.close(4000, 'silent'),
        (e: unknown) => this.owner.onError(e),
      );
    }, inMs);
  }

  private armRenewal(generation: number): void {
    this.cancelRenewal?.();
    const expires = Date.parse(this.channel?.expires ?? '');
    if (Number.isNaN(expires)) return;
    const { clock, renewBeforeExpiryMs } = this.owner.timings;
    const inMs = Math.max(0, expires - clock.now() - renewBeforeExpiryMs);
    this.cancelRenewal = clock.setTimer(() => {
      if (generation === this.generation && !this.owner.isClosed())
        void this.connect(true, 'channel renewed').catch((e: unknown) => this.owner.onError(e));
    }, inMs);
  }

  close(): void {
    this.generation++;
    this.cancelWatchdog?.();
    this.cancelRenewal?.();
    this.socket?.close(1000, 'closed by client');
    this.socket = undefined;
    this.channel = undefined;
  }
}
