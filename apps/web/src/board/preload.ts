/** @module The board's first snapshot, asked for as sign-in completes: before the board has rendered. */
import {
  fetchAdherenceSnapshot,
  localMinuteOfDay,
  type AdherenceSelection,
  type GenesysClient,
  type UserScheduleAdherence,
} from '@adhere/genesys';
import { readAddressIds } from '../address-ids.js';
import { businessUnitsQuery, managementUnitsQuery, readOrg } from '../org-data/org-queries.js';
import { openingAddress, openingBusinessUnit, openingUnitsKey } from './opening-units.js';

let preloaded: { key: string; snapshot: Promise<UserScheduleAdherence[]> } | undefined;
/** The default units being listed for a preload: a board opening meanwhile waits for them rather than ask twice. */
let listing: Promise<void> | undefined;

/** What a board watches, from its address's `mu` (comma-separated) and `team`: a team wins over units. */
export function boardSelection(muKey: string, teamId: string): AdherenceSelection | undefined {
  if (teamId) return { teamId };
  const managementUnitIds = muKey.split(',').filter(Boolean);
  return managementUnitIds.length > 0 ? { managementUnitIds } : undefined;
}

const keyOf = (selection: AdherenceSelection | undefined) => JSON.stringify(selection ?? null);

/**
 * Starts the snapshot of the selection a board address names (`/?mu=a,b`, `/?team=t`, `/wallboard?…`); for the
 * board at an address without units (inside Genesys Cloud, the integration's own URL), of the units it will open
 * on, listed now rather than once the board has rendered. Nothing for other pages.
 */
export function preloadBoard(client: GenesysClient, path: string, origin: string = location.origin): void {
  const url = new URL(path, origin);
  if (url.pathname !== '/' && url.pathname !== '/wallboard') return;
  const address = readAddressIds(url.searchParams);
  const selection = boardSelection(address.managementUnitIds.join(','), address.teamId ?? '');
  if (selection) return start(client, selection);
  if (url.pathname !== '/' || address.problems.length > 0) return;
  // The lists go through the tab's org cache: the board's own requests for them are these. The snapshot is
  // started as the last list arrives; a board that opens before that waits for it (takePreloaded).
  const current: Promise<void> = defaultSelection(client, url.searchParams)
    .then(
      (chosen) => chosen && start(client, chosen),
      () => {}, // the board lists them again and says what failed
    )
    .finally(() => {
      if (listing === current) listing = undefined;
    });
  listing = current;
}

/** What BoardPage opens on at an address without units, by the board's own rule (opening-units.ts). */
async function defaultSelection(
  client: GenesysClient,
  params: URLSearchParams,
): Promise<AdherenceSelection | undefined> {
  const address = openingAddress(params);
  const chosen = boardSelection(address.managementUnitIds.join(','), address.teamId ?? '');
  if (chosen) return chosen;
  const buId = openingBusinessUnit(
    address,
    address.businessUnitId ? [] : await readOrg(client, businessUnitsQuery(client, 'RealTimeAdherence', 'high')),
  );
  if (!buId) return undefined;
  return boardSelection(
    openingUnitsKey(address, await readOrg(client, managementUnitsQuery(client, buId, 'high'))),
    '',
  );
}

function start(client: GenesysClient, selection: AdherenceSelection): void {
  const snapshot = fetchAdherenceSnapshot(client, selection);
  // Its failure belongs to the board that takes it (shown there); one never taken is dropped quietly.
  snapshot.catch(() => {});
  preloaded = { key: keyOf(selection), snapshot };
  // The browser's time-zone data loads with the first zoned time (20-50 ms): now, in a task of its own while
  // the snapshot is on its way, not in the board's first render of rows (which may come before the units'
  // own zones are known, and show times in UTC meanwhile).
  setTimeout(() => localMinuteOfDay('UTC', Date.now()), 0);
}

/**
 * The preloaded snapshot if it is of this selection; given once (later boards ask afresh). While the default
 * units are still being listed, a promise that waits for them: their snapshot if it is this selection's, else
 * this selection's own, asked for through `client`.
 */
export function takePreloaded(
  muKey: string,
  teamId: string,
  client?: GenesysClient,
): Promise<UserScheduleAdherence[]> | undefined {
  const selection = boardSelection(muKey, teamId);
  const take = () => {
    const p = preloaded;
    preloaded = undefined;
    return p?.key === keyOf(selection) ? p.snapshot : undefined;
  };
  const now = take();
  if (now || !listing || !client || !selection) return now;
  return listing.then(() => take() ?? fetchAdherenceSnapshot(client, selection));
}
