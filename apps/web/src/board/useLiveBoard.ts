/** @module The board's data: a thin adapter over @adhere/genesys's live adherence, repainting once a frame. */
import { startTransition, useEffect, useLayoutEffect, useMemo, useRef, useState, useSyncExternalStore } from 'react';
import {
  GenesysApiError,
  createLiveAdherence,
  getUsersByIds,
  listTeams,
  type GenesysClient,
  type GenesysError,
  type LiveAdherence,
  type LiveAdherenceState,
} from '@adhere/genesys';
import { BoardModel } from './board-model.js';
import { boardSelection, takePreloaded } from './preload.js';
import { tabNotifications } from '../notifications.js';
import { problemWords } from '../access/denied.js';

export type Connection = LiveAdherenceState['status'];

export type LiveBoard = ReturnType<typeof useLiveBoard>;

const CONNECTING: LiveAdherenceState = { version: 0, status: 'connecting', error: undefined };
const noSubscription = () => () => {};
const connecting = () => CONNECTING;

/** Live adherence for the selection (units or a team), names for its agents, and a once-a-second clock. */
export function useLiveBoard(client: GenesysClient, muKey: string, teamId: string) {
  const model = useRef(new BoardModel()).current;
  const teamNames = useRef(new Map<string, string>()).current;
  const [live, setLive] = useState<LiveAdherence<BoardModel>>();
  const [namesVersion, setNamesVersion] = useState(0);
  /** Why some agents are shown without a name, when a lookup failed. */
  const [namesProblem, setNamesProblem] = useState<string>();
  const [now, setNow] = useState(Date.now());
  const [resortTick, setResortTick] = useState(0);
  // Bumped by pause and resume, which change the board without a new event.
  const [held, setHeld] = useState(0);
  const state = useSyncExternalStore(live?.subscribe ?? noSubscription, live?.getSnapshot ?? connecting);

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

  // A layout effect: the snapshot's request goes out as the board commits, not after the first paint
  // (a frame or more later on a busy machine); that request is the board's critical path.
  useLayoutEffect(() => {
    const selection = boardSelection(muKey, teamId);
    if (!selection) return;
    const firstSnapshot = takePreloaded(muKey, teamId);
    const l = createLiveAdherence(client, {
      ...selection,
      ...(firstSnapshot ? { firstSnapshot } : {}),
      view: model,
      notifications: tabNotifications(client),
      // 500 events a second repaint once a frame.
      schedule: (notify) => requestAnimationFrame(notify),
    });
    setLive(l);
    // Names for agents a snapshot brought without one (Genesys's snapshot names its agents; a record that
    // lacks it is looked up): asked for as the snapshot is merged, in act-now order, so the rows on screen
    // are named by the first answers.
    const ac = new AbortController();
    // Ids asked for and not answered yet: the resync right after the socket opens must not ask for all
    // 20,000 names a second time while the first answers are on their way.
    const asked = new Set<string>();
    let pending = 0;
    const named = () => {
      model.version++;
      setNamesVersion((v) => v + 1);
    };
    model.onSnapshot = () => {
      const unnamed = (id: string) => !model.names.has(id) && !asked.has(id);
      // Usually none (the snapshot names its agents): then no sort at all.
      if (!model.all().some((r) => unnamed(r.userId))) return;
      const missing = model
        .selectIds({ states: new Set(), search: '', sortKey: 'actNow', descending: false }, Date.now())
        .filter(unnamed);
      for (const id of missing) asked.add(id);
      getUsersByIds(client, missing, {
        signal: ac.signal,
        onBatch: (users) => {
          for (const u of users) model.names.set(u.id, u.name ?? u.id);
          // Repainted at most once a frame, however many batches land in it.
          if (pending === 0) pending = requestAnimationFrame(() => ((pending = 0), named()));
        },
      })
        .then(
          () => setNamesProblem(undefined),
          (e: unknown) => {
            if (!ac.signal.aborted)
              setNamesProblem(
                `Some names could not be read (${problemWords(e)}): those agents show by id until the next try.`,
              );
          },
        )
        // Asked again at the next snapshot if no answer named them (failed, or unknown ids).
        .finally(() => missing.forEach((id) => asked.delete(id)));
    };
    l.start().catch(() => {}); // the failure is in the state, shown by the board
    return () => {
      ac.abort();
      cancelAnimationFrame(pending);
      model.onSnapshot = undefined;
      l.close();
    };
  }, [client, model, muKey, teamId]);

  // Team names after the live effect above, so the snapshot's request goes out first.
  useEffect(() => {
    listTeams(client, { priority: 'low' }).then(
      (ts) => {
        for (const t of ts) teamNames.set(t.id, t.name);
        setNamesVersion((v) => v + 1);
      },
      () => {},
    );
  }, [client, teamNames]);

  const version = state.version + namesVersion + held;
  // The model is mutable (20,000 rows at 500 changes/s must not be copied); these values get a new identity
  // whenever what they read from it may have changed, so memos depend on them honestly.
  /** Changes with every applied update: for what must repaint at once (rows, counts). */
  const current = useMemo(() => ({ model, version }), [model, version]);
  const snapshots = model.snapshots;
  /** Changes with a new snapshot, new names or the once-a-second re-rank: for order and team lists. */
  const ranked = useMemo(
    () => ({ model, teamNames, snapshots, namesVersion, resortTick, held }),
    [model, teamNames, snapshots, namesVersion, resortTick, held],
  );
  const pause = () => {
    model.pause();
    setHeld((v) => v + 1);
  };
  const resume = () => {
    model.resume();
    setHeld((v) => v + 1);
  };
  return {
    model,
    current,
    ranked,
    connection: state.status,
    error: liveProblem(state.error),
    namesProblem,
    now,
    pause,
    resume,
  };
}

/**
 * The live selection's failure in a supervisor's words. A unit or team Genesys does not know (a link to
 * another org's unit, one since deleted) answers 404 to the snapshot and 400 to the topic: both mean the same.
 */
function liveProblem(error: GenesysError | undefined): string | undefined {
  if (!error) return undefined;
  if (
    error instanceof GenesysApiError &&
    (error.status === 404 ||
      (error.status === 400 && /no such entity|not\.found/i.test(error.message + error.errorCode)))
  )
    return 'Genesys knows no such management unit or team (or it is not one you may see): choose another above.';
  return error.message;
}
