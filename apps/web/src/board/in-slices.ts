/**
 * @module Work over many items in slices of a few milliseconds, each its own task, so a frame is never held by one
 * long task (issue 20's frame target: 20 units' tiles over 25,000 agents took 60–75 ms in one go, once a second).
 */

export interface Slicing {
  /** Milliseconds one slice may run before it hands the thread back. */
  budgetMs: number;
  now: () => number;
  /** Runs `next` in a task of its own (in the browser, a macrotask). */
  later: (next: () => void) => void;
}

export const BROWSER_SLICING: Slicing = {
  budgetMs: 8,
  now: () => performance.now(),
  later: (next) => void setTimeout(next, 0),
};

/**
 * `work` applied to each of `items` in order, across as many slices as the budget needs; `done` is given every
 * result once all are in. At least one item runs per slice, so it always finishes. The returned function cancels
 * it (then `done` is never called).
 */
export function inSlices<T, R>(
  items: readonly T[],
  work: (item: T) => R,
  done: (results: R[]) => void,
  slicing: Slicing = BROWSER_SLICING,
): () => void {
  const results: R[] = [];
  let cancelled = false;
  const slice = () => {
    if (cancelled) return;
    const until = slicing.now() + slicing.budgetMs;
    do results.push(work(items[results.length]!));
    while (results.length < items.length && slicing.now() < until);
    if (results.length < items.length) slicing.later(slice);
    else done(results);
  };
  if (items.length === 0) done(results);
  else slice();
  return () => {
    cancelled = true;
  };
}
