/**
 * @module Which units a board opens on when its address does not name them: one rule, for the board and for the
 * preload that asks for their snapshot before the board has rendered (the two must agree, or the preload is wasted
 * and the board asks again).
 */
import { readAddressIds, type AddressIds } from '../address-ids.js';
import { boardAddress, loadBoardOpensOn } from '../preferences/board-opens-on.js';

/** The address's parameters that say what a board shows; an address with none of them opens on the saved choice. */
const BOARD_KEYS = ['bu', 'mu', 'team', 'cols'] as const;

/**
 * The address a board opens at, when it differs from `params`: an address naming nothing of the board's, with the
 * units chosen last (Settings) written in, so that a link copied from it opens the same board for anyone.
 */
export function addressWithSavedUnits(params: URLSearchParams): URLSearchParams | undefined {
  if (BOARD_KEYS.some((k) => params.has(k))) return undefined;
  const on = loadBoardOpensOn();
  if (!on) return undefined;
  const next = new URLSearchParams(params);
  for (const [k, v] of boardAddress(on)) next.set(k, v);
  return next;
}

/** The business unit whose units are listed: the address's, else the first the user may watch live. */
export function openingBusinessUnit(address: AddressIds, businessUnits: readonly { id: string }[]): string | undefined {
  return address.businessUnitId ?? businessUnits[0]?.id;
}

/** The units watched, comma-separated: the address's, else the first of the business unit's (empty until listed). */
export function openingUnitsKey(address: AddressIds, managementUnits: readonly { id: string }[]): string {
  return address.managementUnitIds.join(',') || (managementUnits[0]?.id ?? '');
}

/** The address's ids as the board reads them once the saved choice is written in. */
export function openingAddress(params: URLSearchParams): AddressIds {
  return readAddressIds(addressWithSavedUnits(params) ?? params);
}
