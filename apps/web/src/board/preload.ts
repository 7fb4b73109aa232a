/** @module The board's first snapshot, asked for as sign-in completes: before the board has rendered. */
import {
  fetchAdherenceSnapshot,
  localMinuteOfDay,
  type GenesysClient,
  type UserScheduleAdherence,
} from '@adhere/genesys';

let preloaded: { key: string; snapshot: Promise<UserScheduleAdherence[]> } | undefined;

/** How useLiveBoard's selection is keyed: a team wins over units, as it does there. */
const keyOf = (muKey: string, teamId: string) => (teamId ? `team:${teamId}` : `mu:${muKey}`);

/**
 * Starts the snapshot of the selection a board address names (`/?mu=a,b`, `/?team=t`, `/wallboard?…`);
 * nothing for other pages, or a board that picks its unit after listing them.
 */
export function preloadBoard(client: GenesysClient, path: string, origin: string = location.origin): void {
  const url = new URL(path, origin);
  if (url.pathname !== '/' && url.pathname !== '/wallboard') return;
  const muKey = url.searchParams.get('mu') ?? '';
  const teamId = url.searchParams.get('team') ?? '';
  const managementUnitIds = muKey.split(',').filter(Boolean);
  if (!teamId && managementUnitIds.length === 0) return;
  const snapshot = fetchAdherenceSnapshot(client, teamId ? { teamId } : { managementUnitIds });
  // Its failure belongs to the board that takes it (shown there); one never taken is dropped quietly.
  snapshot.catch(() => {});
  preloaded = { key: keyOf(muKey, teamId), snapshot };
  // The browser's time-zone data loads with the first zoned time (20-50 ms): now, in a task of its own while
  // the snapshot is on its way, not in the board's first render of rows (which may come before the units'
  // own zones are known, and show times in UTC meanwhile).
  setTimeout(() => localMinuteOfDay('UTC', Date.now()), 0);
}

/** The preloaded snapshot if it is of this selection; given once (later boards ask afresh). */
export function takePreloaded(muKey: string, teamId: string): Promise<UserScheduleAdherence[]> | undefined {
  const p = preloaded;
  preloaded = undefined;
  return p?.key === keyOf(muKey, teamId) ? p.snapshot : undefined;
}
