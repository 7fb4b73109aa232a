/**
 * @module Saving an export as the person chose: CSV (csv.ts: RFC 4180, BOM, formula-safe) or an Excel workbook
 * (issue 22, item 9). The workbook is written by `write-excel-file` (MIT, maintained, one dependency: fflate),
 * loaded only when a workbook is asked for. Every text cell is written as text, never as a formula, so an agent
 * called "=HYPERLINK(…)" stays a name; numbers stay numbers, so minutes sum in the sheet.
 */
import { downloadBlob, downloadCsv } from './csv.js';
import type { Cell } from './export-table.js';

export type FileKind = 'csv' | 'xlsx';

export const FILE_WORDS: Record<FileKind, string> = { csv: 'CSV', xlsx: 'Excel' };

/** Saves `rows` (the first is the header) as `<name>.csv` or `<name>.xlsx`, its sheet called `sheet`. */
export async function saveTable(name: string, rows: Cell[][], kind: FileKind, sheet: string): Promise<void> {
  if (kind === 'csv') return downloadCsv(`${name}.csv`, rows);
  const { default: writeXlsxFile } = await import('write-excel-file/browser');
  const data = rows.map((row, i) =>
    row.map((value) =>
      value === ''
        ? null
        : {
            value,
            type: typeof value === 'number' ? Number : String,
            ...(i === 0 ? { fontWeight: 'bold' as const } : {}),
          },
    ),
  );
  // Sheet names: at most 31 characters, none of : \ / ? * [ ].
  const blob = await writeXlsxFile(data, {
    sheet: sheet.replace(/[:\\/?*[\]]/g, ' ').slice(0, 31),
    stickyRowsCount: 1,
  }).toBlob();
  downloadBlob(`${name}.xlsx`, blob);
}
