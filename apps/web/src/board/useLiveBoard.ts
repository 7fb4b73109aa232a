/** @module The board's data for React: the tab's live-board store, and a once-a-second clock for the ranking. */
import { startTransition, useEffect, useLayoutEffect, useMemo, useState, useSyncExternalStore } from 'react';
import type { GenesysClient } from '@adhere/genesys';
import { liveBoardFor, type Connection } from './live-board.js';

export type { Connection };
export type LiveBoard = ReturnType<typeof useLiveBoard>;

/** Live adherence for the selection (units or a team), names for its agents, and a once-a-second clock. */
export function useLiveBoard(client: GenesysClient, muKey: string, teamId: string) {
  const store = liveBoardFor(client);
  // A layout effect: the snapshot's request goes out as the board commits, not after the first paint (a frame
  // or more later on a busy machine); that request is the board's critical path.
  useLayoutEffect(() => store.select(muKey, teamId), [store, muKey, teamId]);
  const state = useSyncExternalStore(store.subscribe, store.getSnapshot);
  const { model, namesVersion, version } = state;
  const [now, setNow] = useState(Date.now());
  const [resortTick, setResortTick] = useState(0);
  useEffect(() => {
    let seen = model.version;
    const t = setInterval(() => {
      const n = Math.max(Date.now(), model.latestStamp);
      // The sort of up to 20,000 rows runs here, in this timer's task, not in the render below.
      model.prerank(n);
      // A transition: React renders the once-a-second re-rank in slices that yield to the browser, so the
      // render of 40 re-ordered rows never holds the main thread for a long task.
      startTransition(() => {
        setNow(n);
        if (model.version !== seen) {
          seen = model.version;
          setResortTick((x) => x + 1);
        }
      });
    }, 1000);
    return () => clearInterval(t);
  }, [model]);

  // The model is mutable (20,000 rows at 500 changes/s must not be copied); these values get a new identity
  // whenever what they read from it may have changed, so memos depend on them honestly.
  /** Changes with every applied update: for what must repaint at once (rows, counts). */
  const current = useMemo(() => ({ model, version }), [model, version]);
  const snapshots = model.snapshots;
  const teamNames = store.teamNames;
  /** Changes with a new snapshot, new names, pause or the once-a-second re-rank: for order and team lists. */
  const ranked = useMemo(
    () => ({ model, teamNames, snapshots, namesVersion, resortTick }),
    [model, teamNames, snapshots, namesVersion, resortTick],
  );
  return {
    model,
    current,
    ranked,
    connection: state.connection,
    error: state.error,
    namesProblem: state.namesProblem,
    units: state.units,
    unitsProblem: state.unitsProblem,
    /** Today's adherence per unit, and why it is missing when it is. */
    today: { units: state.today, problem: state.todayProblem, projectionProblem: state.projectionProblem },
    explanationsLive: state.explanationsLive,
    now,
    pause: () => store.pause(),
    resume: () => store.resume(),
  };
}
