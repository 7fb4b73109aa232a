/**
 * @module Which of the board's columns show, in which order (issue 22, what to build 6; issue 20, item 6): the
 * supervisor's choice, kept with saved views and in the address (`cols`, keys in order) so a link shows the same
 * columns. A key that is not a column is dropped; the name column always shows, first.
 */

/** The columns' keys in a chosen order, read from `cols` ("name,adherenceState,…"), or undefined for the default. */
export function readColumnOrder(value: string | null, known: readonly string[]): string[] | undefined {
  if (!value) return undefined;
  const keys = [...new Set(value.split(',').map((k) => k.split(':')[0]!))].filter(
    (k) => known.includes(k) && k !== 'name',
  );
  return ['name', ...keys];
}

/** Narrowest and widest a resized column may be (rem): wide enough for a word, never wider than a screen. */
export const MIN_COLUMN_REM = 4;
export const MAX_COLUMN_REM = 40;

/**
 * Widths the supervisor gave columns, read from `cols` ("name:12,adherenceState,…": a key may carry its width in
 * rem). Out-of-range or malformed widths are dropped, not clamped: the column keeps its own.
 */
export function readColumnWidths(value: string | null, known: readonly string[]): Map<string, number> {
  const widths = new Map<string, number>();
  for (const part of (value ?? '').split(',')) {
    const [key, rem] = part.split(':');
    const n = Number(rem);
    if (
      key &&
      known.includes(key) &&
      rem !== undefined &&
      /^\d+(\.\d)?$/.test(rem) &&
      n >= MIN_COLUMN_REM &&
      n <= MAX_COLUMN_REM
    )
      widths.set(key, n);
  }
  return widths;
}

/** `cols` for an order and widths: "key" or "key:rem" each, in order. */
export function writeColumns(order: readonly string[], widths: ReadonlyMap<string, number>): string {
  return order.map((k) => (widths.has(k) ? `${k}:${widths.get(k)}` : k)).join(',');
}

/** The columns to show: in the chosen order when there is one, else all in their own order; unavailable ones out. */
export function visibleColumns<C extends { key: string }>(
  all: readonly C[],
  order: readonly string[] | undefined,
  unavailable: ReadonlyMap<string, string>,
): C[] {
  const byKey = new Map(all.map((c) => [c.key, c]));
  const keys = order ?? all.map((c) => c.key);
  return keys.map((k) => byKey.get(k)).filter((c): c is C => c !== undefined && !unavailable.has(c.key));
}

/** `keys` with `key` moved one place up (-1) or down (+1); the name column stays first. */
export function moveColumn(keys: readonly string[], key: string, by: -1 | 1): string[] {
  const i = keys.indexOf(key);
  const j = i + by;
  if (i < 1 || j < 1 || j >= keys.length) return [...keys];
  const next = [...keys];
  [next[i], next[j]] = [next[j]!, next[i]!];
  return next;
}
