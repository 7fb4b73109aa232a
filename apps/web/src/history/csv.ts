/** @module CSV export: RFC 4180, UTF-8 with a byte-order mark so Excel reads names right. */

/**
 * Text a spreadsheet would run as a formula (OWASP CSV injection: =, +, -, @, tab, carriage return first).
 * Spreadsheets also skip what comes before the sign (spaces, line feeds, no-break and zero-width spaces, a
 * byte-order mark), and some read the full-width and small forms (＝ ＋ － ＠ ﹦ ﹢ ﹣) as the ASCII ones, so
 * those are looked through and matched too.
 */
const FORMULA_START = /^[\s\u200B-\u200D\u2060\uFEFF]*[=+\-@\t\r\n\uFF1D\uFF0B\uFF0D\uFF20\uFE66\uFE62\uFE63]/;

/**
 * RFC 4180 CSV: fields with a comma, quote or line break are quoted, quotes doubled. Text cells that a
 * spreadsheet would read as a formula get a leading apostrophe (OWASP's rule): agent and team names come
 * from the org, not from us. Numbers are written as they are, negative ones included.
 */
export function toCsv(rows: Array<Array<string | number>>): string {
  const cell = (v: string | number) => {
    const s = typeof v === 'string' && FORMULA_START.test(v) ? `'${v}` : String(v);
    return /[",\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
  };
  return rows.map((r) => r.map(cell).join(',')).join('\r\n') + '\r\n';
}

/** Excel only takes a CSV as UTF-8 when it starts with a byte-order mark. */
export const BOM = '\uFEFF';

/** Saves rows as `name` through the browser's download. */
export function downloadCsv(name: string, rows: Array<Array<string | number>>): void {
  downloadBlob(name, new Blob([BOM + toCsv(rows)], { type: 'text/csv;charset=utf-8' }));
}

/** Hands `blob` to the browser's download as `name`. */
export function downloadBlob(name: string, blob: Blob): void {
  const a = document.createElement('a');
  a.href = URL.createObjectURL(blob);
  a.download = name;
  a.click();
  // The click has handed the blob to the download; release it on the next task.
  setTimeout(() => URL.revokeObjectURL(a.href), 0);
}

/** An instant as ISO-8601 local time with the zone's offset then, e.g. "2026-03-08T09:30:00-04:00". */
export function isoWithOffset(epochMs: number, offsetMs: number): string {
  const local = new Date(epochMs + offsetMs).toISOString().slice(0, 19);
  const sign = offsetMs < 0 ? '-' : '+';
  const abs = Math.abs(offsetMs) / 60_000;
  return `${local}${sign}${String(Math.floor(abs / 60)).padStart(2, '0')}:${String(abs % 60).padStart(2, '0')}`;
}
