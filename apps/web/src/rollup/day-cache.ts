/**
 * @module Closed days' figures per unit, kept in the browser (IndexedDB) so a reload does not ask Genesys for a
 * month again (issue 20, item 3). A closed day's figures change only when an explanation of it is reviewed, and
 * the roll-up drops that day then. What is kept: per signed-in user, unit and local date, three sums of seconds
 * (no names, no ids of agents, nothing secret). A record that is not exactly that (corrupted, or written by an
 * older version) is dropped and read again, never shown.
 */

/** One unit's closed day: summed over its agents, as Genesys counted them. */
export interface UnitDay {
  scheduledSeconds: number;
  exceptionSeconds: number;
  /** Exception time covered by approved explanations (the adjusted figure's part). */
  approvedSeconds: number;
}

export interface DayCache {
  /** The valid records among `keys`; invalid ones are dropped as they are found. */
  read(keys: readonly string[]): Promise<Map<string, UnitDay>>;
  write(entries: ReadonlyMap<string, UnitDay>): Promise<void>;
  drop(keys: readonly string[]): Promise<void>;
}

/** The version of a record's shape: a record of another version is dropped. */
const SHAPE = 1;
const DB = 'adhere-closed-days';
const STORE = 'unitDays';

export const dayKey = (userId: string, managementUnitId: string, date: string) =>
  `${userId}|${managementUnitId}|${date}`;

/** A record as stored, checked: its figures, or undefined when it is not one. */
export function checkRecord(value: unknown): UnitDay | undefined {
  if (typeof value !== 'object' || value === null) return undefined;
  const v = value as Record<string, unknown>;
  const ok = (x: unknown): x is number => typeof x === 'number' && Number.isFinite(x) && x >= 0;
  if (v.shape !== SHAPE || !ok(v.scheduledSeconds) || !ok(v.exceptionSeconds) || !ok(v.approvedSeconds))
    return undefined;
  if (v.exceptionSeconds > v.scheduledSeconds || v.approvedSeconds > v.exceptionSeconds) return undefined;
  return {
    scheduledSeconds: v.scheduledSeconds,
    exceptionSeconds: v.exceptionSeconds,
    approvedSeconds: v.approvedSeconds,
  };
}

const record = (d: UnitDay) => ({ shape: SHAPE, ...d });

/** In memory: where IndexedDB is refused (a third-party frame with storage blocked), and for tests. */
export function memoryDayCache(store = new Map<string, unknown>()): DayCache {
  return {
    read: async (keys) => {
      const out = new Map<string, UnitDay>();
      for (const k of keys) {
        if (!store.has(k)) continue;
        const d = checkRecord(store.get(k));
        if (d) out.set(k, d);
        else store.delete(k);
      }
      return out;
    },
    write: async (entries) => {
      for (const [k, d] of entries) store.set(k, record(d));
    },
    drop: async (keys) => {
      for (const k of keys) store.delete(k);
    },
  };
}

const done = (r: IDBRequest | IDBTransaction) =>
  new Promise<void>((resolve, reject) => {
    if ('oncomplete' in r) {
      r.oncomplete = () => resolve();
      r.onabort = r.onerror = () => reject(r.error ?? new Error('IndexedDB transaction failed'));
    } else {
      r.onsuccess = () => resolve();
      r.onerror = () => reject(r.error ?? new Error('IndexedDB request failed'));
    }
  });

function open(): Promise<IDBDatabase> {
  const req = indexedDB.open(DB, 1);
  req.onupgradeneeded = () => req.result.createObjectStore(STORE);
  return done(req).then(() => req.result);
}

/** The browser's IndexedDB; memory when the browser refuses it (said by `kept`). */
export async function browserDayCache(): Promise<{ cache: DayCache; kept: boolean }> {
  let db: IDBDatabase;
  try {
    db = await open();
  } catch {
    return { cache: memoryDayCache(), kept: false };
  }
  const cache: DayCache = {
    read: async (keys) => {
      const tx = db.transaction(STORE, 'readwrite');
      const store = tx.objectStore(STORE);
      const out = new Map<string, UnitDay>();
      await Promise.all(
        keys.map(
          (k) =>
            new Promise<void>((resolve) => {
              const get = store.get(k);
              get.onsuccess = () => {
                if (get.result !== undefined) {
                  const d = checkRecord(get.result);
                  if (d) out.set(k, d);
                  else store.delete(k);
                }
                resolve();
              };
              get.onerror = () => resolve();
            }),
        ),
      );
      await done(tx);
      return out;
    },
    write: async (entries) => {
      const tx = db.transaction(STORE, 'readwrite');
      for (const [k, d] of entries) tx.objectStore(STORE).put(record(d), k);
      await done(tx);
    },
    drop: async (keys) => {
      const tx = db.transaction(STORE, 'readwrite');
      for (const k of keys) tx.objectStore(STORE).delete(k);
      await done(tx);
    },
  };
  return { cache, kept: true };
}

/** Forgets every kept day (at sign-out: the next user of this browser starts empty). */
export function forgetClosedDays(): void {
  try {
    indexedDB.deleteDatabase(DB);
  } catch {
    // Storage refused: nothing was kept.
  }
}
