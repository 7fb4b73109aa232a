/**
 * @module One cache for the org's data (business and management units, unit settings, activity codes, presence
 * definitions, teams), shared by every view of the tab. Each answer is kept under its key (a unit's settings under
 * that unit: an answer for the old unit can never show for a new one); the same key asked twice is one request;
 * a request nobody waits for any more (the selection changed) is cancelled; data older than `maxAgeMs` is shown
 * while it is read again; a failure is kept, with its reason, for the view to say.
 *
 * Our own code rather than TanStack Query: its core alone is about 12 KB gzip, and the app's first load is held
 * under 100 KB; what the views need here is these few rules.
 */

export interface Entry<T> {
  data: T | undefined;
  /** The last failure, until a read succeeds. */
  error: unknown;
  loading: boolean;
  /** When `data` was read (0: never). */
  fetchedAt: number;
}

interface Slot {
  entry: Entry<unknown>;
  inFlight: Promise<unknown> | undefined;
  abort: AbortController | undefined;
  /** Who waits for the read in flight: subscribed views and fetch callers. At 0 it is cancelled. */
  waiters: number;
  listeners: Set<() => void>;
  failedAt: number;
}

export interface OrgCacheOptions {
  /** Data older than this is read again (still shown meanwhile). Default 5 minutes. */
  maxAgeMs?: number;
  /** A failed read is tried again on the next use after this long. Default 30 s. */
  retryAfterMs?: number;
  now?: () => number;
}

const IDLE: Entry<never> = { data: undefined, error: undefined, loading: false, fetchedAt: 0 };

export class OrgCache {
  private readonly slots = new Map<string, Slot>();
  private readonly maxAgeMs: number;
  private readonly retryAfterMs: number;
  private readonly now: () => number;

  constructor(options: OrgCacheOptions = {}) {
    this.maxAgeMs = options.maxAgeMs ?? 5 * 60_000;
    this.retryAfterMs = options.retryAfterMs ?? 30_000;
    this.now = options.now ?? (() => Date.now());
  }

  /** The entry under `key` as it stands (the same object until it changes). */
  getSnapshot<T>(key: string): Entry<T> {
    return (this.slots.get(key)?.entry ?? IDLE) as Entry<T>;
  }

  /**
   * A view's interest in `key`: reads it if missing, stale or failed a while ago, and hears every change. The
   * read is cancelled when the last one waiting for it leaves.
   */
  subscribe<T>(key: string, load: (signal: AbortSignal) => Promise<T>, listener: () => void): () => void {
    const slot = this.slot(key);
    slot.listeners.add(listener);
    slot.waiters++;
    this.ensure(slot, load);
    let left = false;
    return () => {
      if (left) return;
      left = true;
      slot.listeners.delete(listener);
      this.leave(slot);
    };
  }

  /** The data under `key`, read once however many ask (for loads built from other keys). */
  async fetch<T>(key: string, load: (signal: AbortSignal) => Promise<T>, signal?: AbortSignal): Promise<T> {
    const slot = this.slot(key);
    const e = slot.entry as Entry<T>;
    if (e.data !== undefined && !this.stale(e) && !slot.inFlight) return e.data;
    slot.waiters++;
    let left = false;
    const leave = () => {
      if (left) return;
      left = true;
      this.leave(slot);
    };
    signal?.addEventListener('abort', leave, { once: true });
    try {
      this.ensure(slot, load);
      // Nothing started: the data is fresh, or it failed a moment ago (that failure, not a new request).
      if (!slot.inFlight) {
        if (slot.entry.error !== undefined) throw slot.entry.error;
        return slot.entry.data as T;
      }
      return (await slot.inFlight) as T;
    } finally {
      signal?.removeEventListener('abort', leave);
      leave();
    }
  }

  private slot(key: string): Slot {
    let slot = this.slots.get(key);
    if (!slot) {
      slot = {
        entry: IDLE,
        inFlight: undefined,
        abort: undefined,
        waiters: 0,
        listeners: new Set(),
        failedAt: 0,
      };
      this.slots.set(key, slot);
    }
    return slot;
  }

  private stale(e: Entry<unknown>): boolean {
    return this.now() - e.fetchedAt >= this.maxAgeMs;
  }

  private ensure(slot: Slot, load: (signal: AbortSignal) => Promise<unknown>): void {
    if (slot.inFlight) return;
    const e = slot.entry;
    const fresh = e.fetchedAt > 0 && !this.stale(e);
    const failedLately = e.error !== undefined && this.now() - slot.failedAt < this.retryAfterMs;
    if (fresh || failedLately) return;
    const ac = new AbortController();
    slot.abort = ac;
    this.set(slot, { ...e, loading: true });
    const run = load(ac.signal).then(
      (data) => {
        if (slot.abort !== ac) return data;
        this.finish(slot, { data, error: undefined, loading: false, fetchedAt: this.now() });
        return data;
      },
      (error: unknown) => {
        if (slot.abort === ac) {
          if (ac.signal.aborted) this.finish(slot, { ...slot.entry, loading: false });
          else {
            slot.failedAt = this.now();
            this.finish(slot, { ...slot.entry, error, loading: false });
          }
        }
        throw error;
      },
    );
    slot.inFlight = run;
    run.catch(() => {}); // a failure is kept in the entry; callers of fetch see it themselves
  }

  private finish(slot: Slot, entry: Entry<unknown>): void {
    slot.inFlight = undefined;
    slot.abort = undefined;
    this.set(slot, entry);
  }

  private leave(slot: Slot): void {
    slot.waiters = Math.max(0, slot.waiters - 1);
    if (slot.waiters === 0 && slot.abort) {
      // No one waits for this read any more (the view moved on): cancel it, and let the next use start afresh.
      const ac = slot.abort;
      this.finish(slot, { ...slot.entry, loading: false });
      ac.abort();
    }
  }

  private set(slot: Slot, entry: Entry<unknown>): void {
    slot.entry = entry;
    for (const l of [...slot.listeners]) l();
  }
}

const caches = new WeakMap<object, OrgCache>();

/** The tab's cache for a signed-in client. */
export function orgCacheFor(client: object): OrgCache {
  let cache = caches.get(client);
  if (!cache) caches.set(client, (cache = new OrgCache()));
  return cache;
}
