/**
 * @module The virtual table's geometry, apart from the DOM so it can be checked alone: which columns fit the
 * table's width (the rest give way by priority into each row's details), and where each row starts when rows are
 * as tall as their text (issue 21, item 3: at 200% and 400% zoom, or with a cell wrapped, a fixed 34 px clipped).
 */

export interface FittedColumn {
  key: string;
  minRem: number;
  grow: number;
  priority: number;
}

export interface ColumnFit {
  shown: ReadonlySet<string>;
  /** The grid template for the shown columns (in their own order), and the details button's column if any moved. */
  template(shown: readonly FittedColumn[]): string;
}

/**
 * The columns that fit `widthPx` at their minimum widths, taken by priority (lowest number first); the most
 * important one always shows. Width 0 (not measured yet) shows all. When any column gives way, `toggleRem` is kept
 * for the details button.
 */
export function fitColumns(
  columns: readonly FittedColumn[],
  widthPx: number,
  remPx: number,
  toggleRem: number,
): ColumnFit {
  const all = columns.reduce((sum, c) => sum + c.minRem, 0) * remPx;
  const keys = new Set(columns.map((c) => c.key));
  if (widthPx <= 0 || all <= widthPx) return { shown: keys, template: (s) => templateOf(s, 0) };
  const byPriority = [...columns].sort((a, b) => a.priority - b.priority);
  const shown = new Set<string>();
  let used = toggleRem * remPx;
  for (const c of byPriority) {
    const w = c.minRem * remPx;
    if (shown.size > 0 && used + w > widthPx) continue; // a narrower one further down may still fit
    shown.add(c.key);
    used += w;
  }
  return { shown, template: (s) => templateOf(s, toggleRem) };
}

function templateOf(shown: readonly FittedColumn[], toggleRem: number): string {
  const cols = shown.map((c) => `minmax(${c.minRem}rem, ${c.grow}fr)`);
  if (toggleRem > 0) cols.push(`${toggleRem}rem`);
  return cols.join(' ');
}

export interface RowLayout {
  /** The height most rows have (the smallest measured; the guess until one is measured). */
  typical: number;
  total: number;
  offsetOf(index: number): number;
  /** The row under `y` (px from the top), clamped to the rows there are. */
  indexAt(y: number): number;
}

/**
 * Where rows start, from their measured heights (by key: a row keeps its height when the order moves it) and a
 * guess for those not measured yet. When every measured row has the typical height, positions are a product:
 * no pass over 20,000 rows each re-rank.
 */
export function rowOffsets(keys: readonly string[], heights: ReadonlyMap<string, number>, guess: number): RowLayout {
  const n = keys.length;
  let typical = Infinity;
  for (const h of heights.values()) if (h > 0 && h < typical) typical = h;
  if (!Number.isFinite(typical)) typical = guess;
  let uniform = true;
  for (const h of heights.values())
    if (Math.abs(h - typical) > 0.5) {
      uniform = false;
      break;
    }
  const clamp = (i: number) => Math.max(0, Math.min(n - 1, i));
  if (uniform)
    return {
      typical,
      total: n * typical,
      offsetOf: (i) => i * typical,
      indexAt: (y) => clamp(Math.floor(y / typical)),
    };
  const starts = new Float64Array(n + 1);
  for (let i = 0; i < n; i++) starts[i + 1] = starts[i]! + (heights.get(keys[i]!) ?? typical);
  return {
    typical,
    total: starts[n]!,
    offsetOf: (i) => starts[i]!,
    indexAt: (y) => {
      // The last row starting at or above y.
      let lo = 0;
      let hi = n - 1;
      while (lo < hi) {
        const mid = (lo + hi + 1) >> 1;
        if (starts[mid]! <= y) lo = mid;
        else hi = mid - 1;
      }
      return clamp(lo);
    },
  };
}
