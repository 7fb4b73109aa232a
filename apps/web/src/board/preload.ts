/** @module The board's first snapshot, asked for as sign-in completes: before the board has rendered. */
import {
  fetchAdherenceSnapshot,
  localMinuteOfDay,
  type AdherenceSelection,
  type GenesysClient,
  type UserScheduleAdherence,
} from '@adhere/genesys';
import { readAddressIds } from '../address-ids.js';

let preloaded: { key: string; snapshot: Promise<UserScheduleAdherence[]> } | undefined;

/** What a board watches, from its address's `mu` (comma-separated) and `team`: a team wins over units. */
export function boardSelection(muKey: string, teamId: string): AdherenceSelection | undefined {
  if (teamId) return { teamId };
  const managementUnitIds = muKey.split(',').filter(Boolean);
  return managementUnitIds.length > 0 ? { managementUnitIds } : undefined;
}

const keyOf = (selection: AdherenceSelection | undefined) => JSON.stringify(selection ?? null);

/**
 * Starts the snapshot of the selection a board address names (`/?mu=a,b`, `/?team=t`, `/wallboard?…`);
 * nothing for other pages, or a board that picks its unit after listing them.
 */
export function preloadBoard(client: GenesysClient, path: string, origin: string = location.origin): void {
  const url = new URL(path, origin);
  if (url.pathname !== '/' && url.pathname !== '/wallboard') return;
  const address = readAddressIds(url.searchParams);
  const selection = boardSelection(address.managementUnitIds.join(','), address.teamId ?? '');
  if (!selection) return;
  const snapshot = fetchAdherenceSnapshot(client, selection);
  // Its failure belongs to the board that takes it (shown there); one never taken is dropped quietly.
  snapshot.catch(() => {});
  preloaded = { key: keyOf(selection), snapshot };
  // The browser's time-zone data loads with the first zoned time (20-50 ms): now, in a task of its own while
  // the snapshot is on its way, not in the board's first render of rows (which may come before the units'
  // own zones are known, and show times in UTC meanwhile).
  setTimeout(() => localMinuteOfDay('UTC', Date.now()), 0);
}

/** The preloaded snapshot if it is of this selection; given once (later boards ask afresh). */
export function takePreloaded(muKey: string, teamId: string): Promise<UserScheduleAdherence[]> | undefined {
  const p = preloaded;
  preloaded = undefined;
  return p?.key === keyOf(boardSelection(muKey, teamId)) ? p.snapshot : undefined;
}
