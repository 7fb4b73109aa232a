/** @module The wallboard's list in pages that turn on their own, on the board's clock (a test moves the clock). */

/** Each page stays this long: long enough to read a page of names from across a room. */
export const PAGE_MS = 15_000;

/** Which page shows at `now`, for a list of `count` rows, `perPage` to a page, turning since `since`. */
export function pageAt(now: number, since: number, count: number, perPage: number): { page: number; pages: number } {
  const pages = Math.max(1, Math.ceil(count / Math.max(1, perPage)));
  return { page: Math.floor(Math.max(0, now - since) / PAGE_MS) % pages, pages };
}

/** What the wallboard's measure reads from the page after a render. */
export interface ListLayout {
  /** The bottom edge rows must stay above (the screen's, less a margin). */
  bottom: number;
  /** The list's top edge: where the first row starts when there are none yet. */
  listTop: number;
  /** The rows shown now, top to bottom. */
  rows: ReadonlyArray<{ bottom: number; height: number }>;
}

/** Rows are at least this tall, in CSS pixels, until one is measured taller. */
const MIN_ROW = 56;

/**
 * How many rows a page holds, from what the last render shows: fewer when a row is past the bottom edge, more
 * only by what surely fits below the last row. `tallest` is the tallest row seen since the screen last changed
 * size, and is given back updated: rows differ (a long name wraps), and a page grown by the height of the rows
 * it showed would take in a taller row, no longer fit, shrink, and grow again for ever (a wallboard at 02:30
 * did, and hung its tab). Remembered, the tallest row only grows, so the count only settles.
 */
export function perPageFor(n: number, layout: ListLayout, tallest: number): { perPage: number; tallest: number } {
  const { rows, bottom } = layout;
  const seen = Math.max(MIN_ROW, tallest, ...rows.map((r) => r.height));
  const last = rows[rows.length - 1];
  const fits = rows.filter((r) => r.bottom <= bottom).length;
  let perPage: number;
  if (fits < rows.length) perPage = Math.max(3, fits);
  else if (!last) perPage = Math.max(3, Math.min(50, Math.floor((bottom - layout.listTop) / seen)));
  // The last page, not full: nothing to learn.
  else if (rows.length < n) perPage = n;
  else perPage = Math.min(50, n + Math.max(0, Math.floor((bottom - last.bottom) / seen)));
  return { perPage, tallest: seen };
}
