// Work in slices (issue 20's frame target): each slice within its budget by an injected clock, every item once, in
// order; cancelled work never reports.
import { describe, expect, it } from 'vitest';
import { inSlices, type Slicing } from '../src/board/in-slices.js';

/** A clock each item moves on by `cost` ms, and a queue of the slices handed back for later. */
function manual(cost: number, budgetMs = 8) {
  let t = 0;
  const queue: Array<() => void> = [];
  const slicing: Slicing = { budgetMs, now: () => t, later: (next) => void queue.push(next) };
  return { slicing, queue, spend: () => (t += cost) };
}

describe('inSlices', () => {
  it('runs every item once, in order, a budget’s worth per slice, and reports once at the end', () => {
    const m = manual(3);
    const seen: number[] = [];
    const done: number[][] = [];
    inSlices(
      [1, 2, 3, 4, 5, 6, 7],
      (x) => (seen.push(x), m.spend(), x * 10),
      (r) => done.push(r),
      m.slicing,
    );
    // 8 ms at 3 ms an item: three items in the first slice (3, 6, 9 ms: the third crosses the budget).
    expect(seen).toEqual([1, 2, 3]);
    expect(done).toEqual([]);
    let slices = 1;
    while (m.queue.length) {
      m.queue.shift()!();
      slices++;
    }
    expect(seen).toEqual([1, 2, 3, 4, 5, 6, 7]);
    expect(slices).toBe(3);
    expect(done).toEqual([[10, 20, 30, 40, 50, 60, 70]]);
  });

  it('an item over the whole budget still moves on, one per slice', () => {
    const m = manual(50);
    const done: string[][] = [];
    inSlices(
      ['a', 'b'],
      (x) => (m.spend(), x),
      (r) => done.push(r),
      m.slicing,
    );
    expect(m.queue).toHaveLength(1);
    m.queue.shift()!();
    expect(done).toEqual([['a', 'b']]);
  });

  it('nothing to do reports at once; cancelled work never reports', () => {
    const m = manual(3);
    const done: unknown[] = [];
    inSlices(
      [],
      (x) => x,
      (r) => done.push(r),
      m.slicing,
    );
    expect(done).toEqual([[]]);
    const cancel = inSlices(
      [1, 2, 3, 4, 5],
      (x) => (m.spend(), x),
      (r) => done.push(r),
      m.slicing,
    );
    cancel();
    while (m.queue.length) m.queue.shift()!();
    expect(done).toEqual([[]]);
  });
});
