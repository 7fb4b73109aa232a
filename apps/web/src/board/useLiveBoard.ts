/** @module The board's data: snapshot + notifications for the selection, applied in batches once per animation frame. */
import { useEffect, useMemo, useRef, useState } from 'react';
import {
  NotificationStream,
  fromRest,
  fromTopic,
  getManagementUnitAdherence,
  getTeamAdherence,
  getUsersByIds,
  listTeams,
  managementUnitAdherenceTopic,
  teamAdherenceTopic,
  type AgentAdherence,
  type GenesysClient,
} from '@adhere/genesys';
import { BoardModel } from './board-model.js';

export type Connection = 'connecting' | 'live' | 'reconnecting' | 'resyncing' | 'offline';

export type LiveBoard = ReturnType<typeof useLiveBoard>;

/** Snapshot + notifications for the selection; events are applied in batches, once per animation frame. */
export function useLiveBoard(client: GenesysClient, muKey: string, teamId: string) {
  const model = useRef(new BoardModel()).current;
  const teamNames = useRef(new Map<string, string>()).current;
  const [version, setVersion] = useState(0);
  const [snapshotVersion, setSnapshotVersion] = useState(0);
  const [connection, setConnection] = useState<Connection>('connecting');
  const [error, setError] = useState<string>();
  const [now, setNow] = useState(Date.now());
  const [resortTick, setResortTick] = useState(0);
  useEffect(() => {
    let seen = model.version;
    const t = setInterval(() => {
      setNow(Math.max(Date.now(), model.latestStamp));
      if (model.version !== seen) {
        seen = model.version;
        setResortTick((x) => x + 1);
      }
    }, 1000);
    return () => clearInterval(t);
  }, [model]);

  useEffect(() => {
    listTeams(client).then(
      (ts) => {
        for (const t of ts) teamNames.set(t.id, t.name);
        setSnapshotVersion((v) => v + 1);
      },
      () => {},
    );
  }, [client, teamNames]);

  useEffect(() => {
    const muIds = muKey.split(',').filter(Boolean);
    if (muIds.length === 0) return;
    const ac = new AbortController();
    let queue: AgentAdherence[] = [];
    let frame = 0;
    const flush = () => {
      frame = 0;
      const batch = queue;
      queue = [];
      if (model.applyUpdates(batch)) setVersion(model.version);
    };
    const snapshot = async () => {
      const lists = teamId
        ? [await getTeamAdherence(client, teamId, { signal: ac.signal })]
        : await Promise.all(muIds.map((id) => getManagementUnitAdherence(client, id, { signal: ac.signal })));
      model.replaceAll(lists.flat().map(fromRest));
      setVersion(model.version);
      setSnapshotVersion((v) => v + 1);
      const missing = model
        .all()
        .map((r) => r.userId)
        .filter((id) => !model.names.has(id));
      for (const u of await getUsersByIds(client, missing, { signal: ac.signal }))
        model.names.set(u.id, u.name ?? u.id);
      setVersion(++model.version);
    };
    const stream = new NotificationStream(client, {
      topics: teamId ? [teamAdherenceTopic(teamId)] : muIds.map(managementUnitAdherenceTopic),
      onEvent: (e) => {
        if (e.kind !== 'adherence') return;
        queue.push(fromTopic(e.body));
        if (!frame) frame = requestAnimationFrame(flush);
      },
      onResync: () => {
        setConnection('resyncing');
        snapshot().then(
          () => setConnection(stream.status === 'live' ? 'live' : 'reconnecting'),
          (e: Error) => setError(e.message),
        );
      },
      onStatus: (s) => setConnection(s === 'closed' ? 'offline' : s),
    });
    setConnection('connecting');
    setError(undefined);
    Promise.all([stream.start(), snapshot()]).then(
      () => setConnection(stream.status === 'live' ? 'live' : 'reconnecting'),
      (e: Error) => {
        if (!ac.signal.aborted) setError(e.message);
      },
    );
    return () => {
      ac.abort();
      stream.close();
      if (frame) cancelAnimationFrame(frame);
    };
  }, [client, model, muKey, teamId]);
  // The model is mutable (20,000 rows at 500 changes/s must not be copied); these values get a new identity
  // whenever what they read from it may have changed, so memos depend on them honestly.
  /** Changes with every applied update: for what must repaint at once (rows, counts). */
  const current = useMemo(() => ({ model, version }), [model, version]);
  /** Changes with a new snapshot, new names or the once-a-second re-rank: for order and team lists. */
  const ranked = useMemo(
    () => ({ model, teamNames, snapshotVersion, resortTick }),
    [model, teamNames, snapshotVersion, resortTick],
  );
  return { model, current, ranked, connection, error, now };
}
