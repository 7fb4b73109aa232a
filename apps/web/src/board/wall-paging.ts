/** @module The wallboard's list in pages that turn on their own, on the board's clock (a test moves the clock). */

/** Each page stays this long: long enough to read a page of names from across a room. */
export const PAGE_MS = 15_000;

/** Which page shows at `now`, for a list of `count` rows, `perPage` to a page, turning since `since`. */
export function pageAt(now: number, since: number, count: number, perPage: number): { page: number; pages: number } {
  const pages = Math.max(1, Math.ceil(count / Math.max(1, perPage)));
  return { page: Math.floor(Math.max(0, now - since) / PAGE_MS) % pages, pages };
}
