/** @module A value computed in a task of its own, soon after the render that asked for it. */
import { useEffect, useState, type DependencyList } from 'react';

/**
 * `compute()` run in its own macrotask after the commit whose `deps` changed, so that a heavy once-a-second
 * sum does not share one long task with the render that re-ranked the board. Until the first result, and for
 * one frame or so after each change, the previous value stands.
 */
export function useSoon<T>(compute: () => T, deps: DependencyList): T | undefined {
  const [value, setValue] = useState<T>();
  useEffect(() => {
    const t = setTimeout(() => setValue(() => compute()), 0);
    return () => clearTimeout(t);
    // eslint-disable-next-line react-hooks/exhaustive-deps -- the caller's deps are compute's inputs
  }, deps);
  return value;
}
