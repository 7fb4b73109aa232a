/** @module Channels, subscriptions and sockets of the Notifications API, with Genesys's limits and messages. */
import { randomUUID } from 'node:crypto';
import type { WebSocket } from 'ws';
import { every, type WallClock } from '../wall-clock.js';

export interface HubOptions {
  heartbeatMs: number;
  channelLifetimeMs: number;
  maxChannelsPerUser: number;
  maxTopicsPerChannel: number;
  /** Warning time between v2.system.socket_closing and the close (Genesys: about a minute). */
  closingGraceMs: number;
  /** Bytes a socket may have unsent before it is closed as a consumer too slow to serve. */
  maxSocketBacklogBytes: number;
  connectUri: (channelId: string) => string;
  log: (line: string) => void;
  clock: WallClock;
  /**
   * Checks and applies a subscribe message sent over the socket, with the same authorization and topic
   * limit as REST: a socket must not be a way around either. Returns the failure to report, if any.
   */
  subscribeFromSocket: (channel: Channel, topics: string[]) => { status: number; message: string } | undefined;
  /**
   * Whether the token that made a channel is still valid; when given, a channel whose token has expired is
   * closed (the harsher reading of what Genesys does then, which it does not document; off by default).
   */
  tokenAlive?: (token: string) => boolean;
}

/** Largest client frame accepted: client messages are pings and subscribe requests of at most 1,000 topics. */
export const MAX_CLIENT_FRAME_BYTES = 256 * 1024;

export interface ChannelOwner {
  userId: string | undefined;
  clientId: string;
  /** The access token that made the channel: its revocation (sign-out) closes the channel. */
  token?: string;
}

export interface Channel {
  id: string;
  owner: ChannelOwner;
  /** The scopes of the token that made the channel: what its socket's own subscribe messages may reach. */
  scopes: readonly string[];
  expires: number;
  lastUsed: number;
  topics: Set<string>;
  socket: WebSocket | undefined;
  cancelClose?: () => void;
  /** Whether v2.system.socket_closing was sent ahead of expiry. */
  warned?: boolean;
}

export class NotificationHub {
  private readonly channels = new Map<string, Channel>();
  private readonly byTopic = new Map<string, Set<Channel>>();
  private readonly stopTimers: Array<() => void>;
  /** While true, sockets get neither heartbeats nor events (fault injection: a silent socket). */
  silent = false;
  delivered = 0;
  /** Sockets closed because their reader fell too far behind. */
  slowConsumersClosed = 0;
  /** The most one socket has had waiting: what a slow reader cost at worst (bounded by the option). */
  peakBacklogBytes = 0;

  constructor(readonly options: HubOptions) {
    this.stopTimers = [
      every(options.clock, options.heartbeatMs, () => this.heartbeat()),
      every(options.clock, 1000, () => this.expire()),
    ];
  }

  create(owner: ChannelOwner, scopes: readonly string[] = []): Channel {
    const mine = [...this.channels.values()].filter(
      (c) => c.owner.userId === owner.userId && c.owner.clientId === owner.clientId,
    );
    if (mine.length >= this.options.maxChannelsPerUser) {
      // "Creating a 21st channel will remove the channel with oldest last used date. Channels without an active connection will be removed first."
      mine.sort((a, b) => Number(a.socket !== undefined) - Number(b.socket !== undefined) || a.lastUsed - b.lastUsed);
      this.remove(mine[0]!, 'evicted by a newer channel');
    }
    const now = this.options.clock.now();
    const channel: Channel = {
      id: randomUUID(),
      owner,
      scopes,
      expires: now + this.options.channelLifetimeMs,
      lastUsed: now,
      topics: new Set(),
      socket: undefined,
    };
    this.channels.set(channel.id, channel);
    return channel;
  }

  get(id: string): Channel | undefined {
    return this.channels.get(id);
  }

  list(owner: ChannelOwner): Channel[] {
    return [...this.channels.values()].filter(
      (c) => c.owner.userId === owner.userId && c.owner.clientId === owner.clientId,
    );
  }

  describe(c: Channel) {
    return { connectUri: this.options.connectUri(c.id), id: c.id, expires: new Date(c.expires).toISOString() };
  }

  /** Adds (or with replace, sets) topics; re-subscribing extends the channel's life. */
  subscribe(channel: Channel, topics: string[], replace: boolean): void {
    if (replace) for (const t of channel.topics) this.unindex(t, channel);
    if (replace) channel.topics.clear();
    for (const t of topics) {
      channel.topics.add(t);
      let set = this.byTopic.get(t);
      if (!set) this.byTopic.set(t, (set = new Set()));
      set.add(channel);
    }
    channel.lastUsed = this.options.clock.now();
    channel.expires = Math.max(channel.expires, this.options.clock.now() + this.options.channelLifetimeMs);
    channel.warned = false;
  }

  clear(channel: Channel): void {
    for (const t of channel.topics) this.unindex(t, channel);
    channel.topics.clear();
  }

  /** Whether anyone listens: publishers skip building bodies nobody will read. */
  hasSubscribers(topic: string): boolean {
    return (this.byTopic.get(topic)?.size ?? 0) > 0;
  }

  publish(topicName: string, eventBody: unknown): void {
    const set = this.byTopic.get(topicName);
    if (!set || this.silent) return;
    const frame = JSON.stringify({ topicName, version: '2', eventBody, metadata: { CorrelationId: randomUUID() } });
    for (const c of set) {
      if (!c.socket || c.socket.readyState !== 1) continue;
      // A reader that stops reading would otherwise make every frame wait in this process's memory (about
      // 100 MB a minute for 20 busy units). Past the bound the socket is cut, as a server that cannot serve
      // a consumer does; the client reconnects and resyncs, as after any other gap. A close frame would queue
      // behind the backlog it is meant to end, so the connection is destroyed at once.
      if (c.socket.bufferedAmount + frame.length > this.options.maxSocketBacklogBytes) {
        this.cutSlowConsumer(c);
        continue;
      }
      c.socket.send(frame);
      this.delivered++;
      if (c.socket.bufferedAmount > this.peakBacklogBytes) this.peakBacklogBytes = c.socket.bufferedAmount;
    }
  }

  private cutSlowConsumer(channel: Channel): void {
    const socket = channel.socket!;
    this.options.log(
      `[emulator] socket on channel ${channel.id} closed: ${socket.bufferedAmount} bytes unread (limit ${this.options.maxSocketBacklogBytes})`,
    );
    this.slowConsumersClosed++;
    channel.socket = undefined;
    socket.terminate();
  }

  /** Bytes waiting to be sent over every socket: what a slow reader costs this process. */
  backlogBytes(): number {
    let n = 0;
    for (const c of this.channels.values()) n += c.socket?.bufferedAmount ?? 0;
    return n;
  }

  /** One connection per channel: a new one replaces the old. */
  attach(channel: Channel, socket: WebSocket): void {
    if (channel.socket && channel.socket !== socket) channel.socket.close(4000, 'replaced by a new connection');
    channel.socket = socket;
    channel.lastUsed = this.options.clock.now();
    socket.on('message', (data) => this.onClientMessage(channel, socket, String(data)));
    // ws reports protocol violations (unmasked frames, bad UTF-8, oversized frames…) as 'error' and then
    // closes the socket itself; without a listener the error would take the whole process down.
    socket.on('error', (err) => this.options.log(`[emulator] socket on channel ${channel.id} closed: ${err.message}`));
    socket.on('close', () => {
      if (channel.socket === socket) channel.socket = undefined;
    });
  }

  /** Maintenance: warn with v2.system.socket_closing, then close after the grace period. */
  announceClosing(channel: Channel, graceMs = this.options.closingGraceMs): void {
    const socket = channel.socket;
    if (!socket) return;
    socket.send(
      JSON.stringify({
        topicName: 'v2.system.socket_closing',
        version: '2',
        eventBody: { message: 'The socket will close for maintenance', channelId: channel.id },
        metadata: { CorrelationId: randomUUID() },
      }),
    );
    channel.cancelClose = this.options.clock.setTimer(() => socket.close(1001, 'closing for maintenance'), graceMs);
  }

  /** Drops every socket abruptly (fault injection: a network cut, no close frame). */
  dropAllSockets(): number {
    let n = 0;
    for (const c of this.channels.values()) {
      if (!c.socket) continue;
      c.socket.terminate();
      n++;
    }
    return n;
  }

  /** Makes channels expire in `ms` (fault injection: early channel expiry); those within the grace period are warned at once. */
  expireSoon(ms: number): void {
    for (const c of this.channels.values()) c.expires = Math.min(c.expires, this.options.clock.now() + ms);
    this.expire();
  }

  allChannels(): Channel[] {
    return [...this.channels.values()];
  }

  close(): void {
    for (const stop of this.stopTimers) stop();
    for (const c of this.channels.values()) this.remove(c, 'emulator stopping');
  }

  private onClientMessage(channel: Channel, socket: WebSocket, text: string): void {
    let parsed: unknown;
    try {
      parsed = JSON.parse(text);
    } catch {
      return;
    }
    // Any JSON may arrive (`null`, `5`, `[]`): only objects are messages.
    if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed)) return;
    const msg = parsed as { message?: unknown; topics?: unknown; correlationId?: unknown };
    const correlationId = typeof msg.correlationId === 'string' ? msg.correlationId : undefined;
    channel.lastUsed = this.options.clock.now();
    if (msg.message === 'ping') {
      socket.send(JSON.stringify({ topicName: 'channel.metadata', eventBody: { message: 'pong' } }));
    } else if (msg.message === 'subscribe') {
      const failure = (status: number, message: string) =>
        socket.send(JSON.stringify({ result: String(status), status: 'failure', message, correlationId, topics: [] }));
      if (!Array.isArray(msg.topics) || !msg.topics.every((t) => typeof t === 'string')) {
        failure(400, 'Required data missing from subscribe request.');
        return;
      }
      const refused = this.options.subscribeFromSocket(channel, msg.topics as string[]);
      if (refused) return failure(refused.status, refused.message);
      socket.send(JSON.stringify({ result: '200', status: 'subscribed', correlationId, topics: msg.topics }));
    }
  }

  private heartbeat(): void {
    if (this.silent) return;
    const frame = JSON.stringify({ topicName: 'channel.metadata', eventBody: { message: 'WebSocket Heartbeat' } });
    for (const c of this.channels.values()) if (c.socket?.readyState === 1) c.socket.send(frame);
  }

  /** Closes every channel a token made (the token was revoked: its user signed out). */
  closeChannelsOf(token: string, why: string): number {
    const gone = [...this.channels.values()].filter((c) => c.owner.token === token);
    for (const c of gone) this.remove(c, why);
    return gone.length;
  }

  private expire(): void {
    const now = this.options.clock.now();
    const alive = this.options.tokenAlive;
    for (const c of this.channels.values()) {
      if (c.expires <= now) this.remove(c, 'channel expired');
      else if (alive && c.owner.token && !alive(c.owner.token)) this.remove(c, 'its token expired');
      else if (!c.warned && c.socket && c.expires - now <= this.options.closingGraceMs) {
        // Warn a connected client before its channel goes, so it can move to a new one without a gap.
        c.warned = true;
        this.announceClosing(c, c.expires - now);
      }
    }
  }

  /** Drops sockets at a set interval (fault injection); returns a stop function. */
  dropEvery(ms: number): () => void {
    return every(this.options.clock, ms, () => this.dropAllSockets());
  }

  private remove(channel: Channel, why: string): void {
    this.clear(channel);
    this.channels.delete(channel.id);
    channel.cancelClose?.();
    channel.socket?.close(1000, why);
    this.options.log(`[emulator] channel ${channel.id} removed: ${why}`);
  }

  private unindex(topic: string, channel: Channel): void {
    const set = this.byTopic.get(topic);
    set?.delete(channel);
    if (set?.size === 0) this.byTopic.delete(topic);
  }
}
