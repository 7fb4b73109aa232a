/**
 * @module Saved views of the board (issue 20, item 6): a name and the board's address (units, team, filters, order,
 * columns), kept in localStorage (a preference, never a token). The address is the view, so a saved view is also a
 * link to share: whoever opens it sees the same board, as far as their role lets them.
 */

import { preferenceStorage } from '../browser-storage.js';
const KEY = 'adhere:views';
/** Enough for a supervisor's shifts and units; the oldest go first beyond it. */
export const MAX_VIEWS = 20;
const MAX_NAME = 60;
/** What a view keeps of the address: the board's own parameters, never an open agent's day. */
const KEPT = ['bu', 'mu', 'team', 'state', 'q', 'situation', 'sort', 'cols'];

export interface SavedView {
  name: string;
  /** The board's query string, without "?". */
  query: string;
}

export function loadViews(): SavedView[] {
  let raw: unknown;
  try {
    raw = JSON.parse(preferenceStorage.getItem(KEY) ?? '[]');
  } catch {
    return [];
  }
  if (!Array.isArray(raw)) return [];
  return raw
    .filter(
      (v): v is SavedView =>
        typeof v === 'object' && v !== null && typeof v.name === 'string' && typeof v.query === 'string',
    )
    .map((v) => ({ name: v.name.slice(0, MAX_NAME), query: keptQuery(new URLSearchParams(v.query)) }))
    .slice(0, MAX_VIEWS);
}

/** Saves the board's address under `name` (replacing a view of that name); returns the views now kept. */
export function saveView(name: string, params: URLSearchParams): SavedView[] {
  const clean = name.trim().slice(0, MAX_NAME);
  if (!clean) return loadViews();
  const views = [{ name: clean, query: keptQuery(params) }, ...loadViews().filter((v) => v.name !== clean)].slice(
    0,
    MAX_VIEWS,
  );
  write(views);
  return views;
}

export function deleteView(name: string): SavedView[] {
  const views = loadViews().filter((v) => v.name !== name);
  write(views);
  return views;
}

function keptQuery(params: URLSearchParams): string {
  const out = new URLSearchParams();
  for (const k of KEPT) {
    const v = params.get(k);
    if (v) out.set(k, v);
  }
  return out.toString();
}

function write(views: SavedView[]): void {
  try {
    preferenceStorage.setItem(KEY, JSON.stringify(views));
  } catch {
    // Storage refused (private mode, full): the views last for this page only.
  }
}
