/** @module Live notifications over Genesys's WebSocket that never silently go stale. */
import type { GenesysClient } from '../client.js';
import { typedEvent, type NotificationEvent } from './topics.js';
import {
  ChannelConnection,
  connectionTimings,
  subscribeTopics,
  type ConnectionOptions,
  type ConnectionOwner,
  type ConnectionTimings,
  type StreamStatus,
} from './channel-connection.js';

export type { StreamClock, StreamStatus, WebSocketFactory, WebSocketLike } from './channel-connection.js';

export interface NotificationStreamOptions extends ConnectionOptions {
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
  /** Genesys allows 1,000 topics per channel; more topics are spread over several channels. */
  maxTopicsPerChannel?: number;
}

/**
 * Live notifications that never silently go stale: channels created and subscribed, sharded at the
 * per-channel topic limit, a heartbeat watchdog, reconnect with backoff, renewal before expiry and on
 * v2.system.socket_closing, and a resync signal after every gap. (A tab that listens for several things
 * shares one channel through a NotificationHub instead.)
 */
export class NotificationStream {
  private shards: ChannelConnection[] = [];
  private closed = false;
  private statuses = new Map<ChannelConnection, StreamStatus>();
  private readonly timings: ConnectionTimings;

  constructor(
    readonly client: GenesysClient,
    private readonly options: NotificationStreamOptions,
  ) {
    this.timings = connectionTimings(options);
  }

  /** Connects every shard; resolves when all are live. */
  async start(): Promise<void> {
    const topics = [...new Set(this.options.topics)];
    const optional = [...new Set(this.options.optionalTopics ?? [])].filter((t) => !topics.includes(t));
    const max = this.options.maxTopicsPerChannel ?? 1000;
    // Required topics fill channels first; optional ones ride on the last channel while it has room.
    for (let i = 0; i < Math.max(1, topics.length); i += max) {
      const required = topics.slice(i, i + max);
      const last = i + max >= topics.length;
      const extra = last ? optional.splice(0, max - required.length) : [];
      this.shards.push(this.shard(required, extra));
    }
    for (let i = 0; i < optional.length; i += max) this.shards.push(this.shard([], optional.slice(i, i + max)));
    await Promise.all(this.shards.map((s) => s.connect(false)));
  }

  private shard(required: string[], optional: string[]): ChannelConnection {
    const o = this.options;
    const owner: ConnectionOwner = {
      client: this.client,
      timings: this.timings,
      isClosed: () => this.closed,
      report: (shard, status) => {
        const before = this.status;
        this.statuses.set(shard, status);
        if (this.status !== before) o.onStatus?.(this.status);
      },
      subscribe: (path) => subscribeTopics(this.client, path, 'PUT', required, optional),
      onFrame: (topicName, body) => o.onEvent(typedEvent(topicName, body)),
      onResync: (reason) => o.onResync?.(reason),
      onError: (e) => o.onError?.(e),
    };
    return new ChannelConnection(owner);
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
}
