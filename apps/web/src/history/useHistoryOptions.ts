/** @module What the history form offers: management units, teams, and the chosen unit's agents by name. */
import { useEffect, useState } from 'react';
import {
  getUsersByIds,
  listBusinessUnits,
  listManagementUnitUsers,
  listManagementUnits,
  listTeams,
  type GenesysClient,
  type ManagementUnit,
  type Team,
} from '@adhere/genesys';

export interface HistoryOptions {
  mus: ManagementUnit[];
  teams: Team[];
  /** The chosen management unit, or the first one until the user picks. */
  muId: string;
  /** The agents of `muId`, sorted by name. */
  members: Array<{ id: string; name: string }>;
  error: string | undefined;
}

export function useHistoryOptions(client: GenesysClient, chosenMu: string): HistoryOptions {
  const [mus, setMus] = useState<ManagementUnit[]>([]);
  const [teams, setTeams] = useState<Team[]>([]);
  const [members, setMembers] = useState<Array<{ id: string; name: string }>>([]);
  const [error, setError] = useState<string>();
  const muId = chosenMu || mus[0]?.id || '';

  useEffect(() => {
    const ac = new AbortController();
    (async () => {
      const bus = await listBusinessUnits(client, { signal: ac.signal });
      setMus((await Promise.all(bus.map((b) => listManagementUnits(client, b.id, { signal: ac.signal })))).flat());
      setTeams(await listTeams(client, { signal: ac.signal }));
    })().catch((e: Error) => {
      if (!ac.signal.aborted) setError(e.message);
    });
    return () => ac.abort();
  }, [client]);

  // The agents of the chosen management unit, by name, to pick some instead of a team or the whole unit.
  useEffect(() => {
    if (!muId) return;
    const ac = new AbortController();
    (async () => {
      const ids = (await listManagementUnitUsers(client, muId, { signal: ac.signal })).map((u) => u.id);
      const users = await getUsersByIds(client, ids, { signal: ac.signal });
      setMembers(users.map((u) => ({ id: u.id, name: u.name ?? u.id })).sort((a, b) => a.name.localeCompare(b.name)));
    })().catch(() => {});
    return () => ac.abort();
  }, [client, muId]);

  return { mus, teams, muId, members, error };
}
