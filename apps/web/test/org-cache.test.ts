// The org cache's rules, with a hand-moved clock and loads the test answers itself: one request per key,
// a read nobody waits for is cancelled, an answer lands only under its own key, stale data shows while it is
// read again, and a failure is kept (and not asked again at once).
import { describe, expect, it } from 'vitest';
import { OrgCache } from '../src/org-data/org-cache.js';

/** A load the test answers: each call is recorded with its signal and resolves or fails when told. */
function controlledLoad<T>() {
  const calls: Array<{ signal: AbortSignal; resolve: (v: T) => void; reject: (e: unknown) => void }> = [];
  const load = (signal: AbortSignal) =>
    new Promise<T>((resolve, reject) => {
      calls.push({ signal, resolve, reject });
      signal.addEventListener('abort', () => reject(new Error('aborted')));
    });
  return { calls, load };
}
const settle = () => new Promise((r) => setTimeout(r, 0));

describe('OrgCache', () => {
  it('asks once for a key however many views and callers want it', async () => {
    const cache = new OrgCache();
    const { calls, load } = controlledLoad<string>();
    const seen: string[] = [];
    const off1 = cache.subscribe('unit:a', load, () => seen.push('1'));
    const off2 = cache.subscribe('unit:a', load, () => seen.push('2'));
    const fetched = cache.fetch('unit:a', load);
    expect(calls).toHaveLength(1);
    expect(cache.getSnapshot('unit:a').loading).toBe(true);
    calls[0]!.resolve('A');
    expect(await fetched).toBe('A');
    expect(cache.getSnapshot('unit:a')).toMatchObject({ data: 'A', loading: false, error: undefined });
    expect(seen).toContain('1');
    expect(seen).toContain('2');
    // Fresh: a later view reads it without asking.
    expect(await cache.fetch('unit:a', load)).toBe('A');
    expect(calls).toHaveLength(1);
    off1();
    off2();
  });

  it('cancels a read when the last view waiting for it leaves; the next use asks afresh', async () => {
    const cache = new OrgCache();
    const { calls, load } = controlledLoad<string>();
    const off = cache.subscribe('unit:a', load, () => {});
    off();
    expect(calls[0]!.signal.aborted).toBe(true);
    await settle();
    expect(cache.getSnapshot('unit:a')).toMatchObject({ data: undefined, loading: false, error: undefined });
    const off2 = cache.subscribe('unit:a', load, () => {});
    expect(calls).toHaveLength(2);
    calls[1]!.resolve('A');
    await settle();
    expect(cache.getSnapshot('unit:a').data).toBe('A');
    off2();
  });

  it('a read another caller still waits for is not cancelled when one leaves', async () => {
    const cache = new OrgCache();
    const { calls, load } = controlledLoad<string>();
    const ac = new AbortController();
    const first = cache.fetch('unit:a', load, ac.signal).catch((e: unknown) => e);
    const second = cache.fetch('unit:a', load);
    ac.abort();
    expect(calls[0]!.signal.aborted).toBe(false);
    calls[0]!.resolve('A');
    expect(await second).toBe('A');
    await first;
  });

  it('an answer for the unit left behind lands under that unit, never under the one chosen since', async () => {
    const cache = new OrgCache();
    const a = controlledLoad<string>();
    const b = controlledLoad<string>();
    // A second view keeps unit a wanted, so its read is not cancelled when the board moves on.
    const keep = cache.subscribe('unit:a', a.load, () => {});
    const offA = cache.subscribe('unit:a', a.load, () => {});
    offA();
    const offB = cache.subscribe('unit:b', b.load, () => {});
    b.calls[0]!.resolve('B');
    await settle();
    a.calls[0]!.resolve('A (late)');
    await settle();
    expect(cache.getSnapshot('unit:b').data).toBe('B');
    expect(cache.getSnapshot('unit:a').data).toBe('A (late)');
    keep();
    offB();
  });

  it('stale data shows while it is read again; a failure is kept and asked again only after a while', async () => {
    let now = 1_000_000;
    const cache = new OrgCache({ maxAgeMs: 60_000, retryAfterMs: 30_000, now: () => now });
    const { calls, load } = controlledLoad<string>();
    let off = cache.subscribe('teams', load, () => {});
    calls[0]!.resolve('v1');
    await settle();
    off();
    now += 61_000;
    off = cache.subscribe('teams', load, () => {});
    expect(cache.getSnapshot('teams')).toMatchObject({ data: 'v1', loading: true });
    calls[1]!.reject(new Error('503 Service Unavailable'));
    await settle();
    // The old data stays, with the failure beside it for the view to say.
    expect(cache.getSnapshot('teams')).toMatchObject({ data: 'v1', loading: false });
    expect((cache.getSnapshot('teams').error as Error).message).toBe('503 Service Unavailable');
    off();
    now += 10_000;
    off = cache.subscribe('teams', load, () => {});
    expect(calls).toHaveLength(2);
    off();
    now += 30_000;
    off = cache.subscribe('teams', load, () => {});
    expect(calls).toHaveLength(3);
    calls[2]!.resolve('v2');
    await settle();
    expect(cache.getSnapshot('teams')).toMatchObject({ data: 'v2', error: undefined });
    off();
  });
});
