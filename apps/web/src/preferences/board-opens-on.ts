/**
 * @module Which units the board opens on: the ones the supervisor chose last, kept in localStorage (a preference,
 * never a token). A Settings choice (issue 22, item 7): a supervisor watching two units should not pick them again
 * at every sign-in. What is read back is checked as an address is (Genesys ids only); anything else is dropped.
 */
import { preferenceStorage } from '../browser-storage.js';
import { readAddressIds } from '../address-ids.js';

const KEY = 'adhere:board-opens-on';

export interface BoardOpensOn {
  businessUnitId?: string;
  managementUnitIds: string[];
  teamId?: string;
  /** The columns shown, in order (the address's `cols`). */
  columns?: string;
}

export function loadBoardOpensOn(): BoardOpensOn | undefined {
  let raw: unknown;
  try {
    raw = JSON.parse(preferenceStorage.getItem(KEY) ?? 'null');
  } catch {
    return undefined;
  }
  if (typeof raw !== 'object' || raw === null) return undefined;
  const r = raw as Record<string, unknown>;
  const text = (v: unknown) => (typeof v === 'string' ? v : '');
  const ids = readAddressIds(new URLSearchParams({ bu: text(r.bu), mu: text(r.mu), team: text(r.team) }));
  const columns = text(r.cols);
  if (ids.problems.length > 0 || (!ids.businessUnitId && ids.managementUnitIds.length === 0 && !ids.teamId && !columns))
    return undefined;
  return {
    ...(ids.businessUnitId ? { businessUnitId: ids.businessUnitId } : {}),
    managementUnitIds: ids.managementUnitIds,
    ...(ids.teamId ? { teamId: ids.teamId } : {}),
    // Column keys only (letters and commas); anything else is dropped, as the board drops unknown keys.
    ...(/^[A-Za-z,]{1,300}$/.test(columns) ? { columns } : {}),
  };
}

/** Keeps the board's selection as its address has it (`bu`, `mu`, `team`). */
export function saveBoardOpensOn(params: URLSearchParams): void {
  const value = {
    bu: params.get('bu') ?? '',
    mu: params.get('mu') ?? '',
    team: params.get('team') ?? '',
    cols: params.get('cols') ?? '',
  };
  try {
    if (!value.bu && !value.mu && !value.team && !value.cols) preferenceStorage.removeItem(KEY);
    else preferenceStorage.setItem(KEY, JSON.stringify(value));
  } catch {
    // Storage refused (private mode, full): the board opens on the first unit next time.
  }
}

export function forgetBoardOpensOn(): void {
  try {
    preferenceStorage.removeItem(KEY);
  } catch {
    // Nothing kept, nothing to forget.
  }
}

/** The address parameters that open the board on `on`. */
export function boardAddress(on: BoardOpensOn): URLSearchParams {
  const p = new URLSearchParams();
  if (on.businessUnitId) p.set('bu', on.businessUnitId);
  if (on.managementUnitIds.length > 0) p.set('mu', on.managementUnitIds.join(','));
  if (on.teamId) p.set('team', on.teamId);
  if (on.columns) p.set('cols', on.columns);
  return p;
}
