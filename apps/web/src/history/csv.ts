/** @module CSV export. */

/** Text a spreadsheet would run as a formula (OWASP CSV injection): =, +, -, @, tab or carriage return first. */
const FORMULA_START = /^[=+\-@\t\r]/;

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
