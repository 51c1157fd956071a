import type ExcelJS from 'exceljs';
import { type ByteMeter, meteredFile } from './byte-source.ts';

/** One spreadsheet row as text cells (0-based), with its 1-based row number. */
export interface SheetRow {
  readonly line: number;
  readonly cells: string[];
}

/** Turns an exceljs cell value into the text a CSV export of the sheet would hold. */
export function cellText(v: unknown): string {
  if (v == null) return '';
  if (typeof v === 'string') return v;
  if (typeof v === 'number' || typeof v === 'boolean') return String(v);
  if (v instanceof Date) {
    // Date-only cells come as UTC midnight; keep the time only when there is one.
    const iso = v.toISOString();
    return iso.endsWith('T00:00:00.000Z') ? iso.slice(0, 10) : iso;
  }
  if (typeof v === 'object') {
    const o = v as Record<string, unknown>;
    if (Array.isArray(o.richText)) return o.richText.map((r: { text?: string }) => r.text ?? '').join('');
    if ('result' in o) return cellText(o.result);
    if ('text' in o) return cellText(o.text);
    if ('error' in o) return '';
  }
  return String(v);
}

/**
 * Streams the rows of the first worksheet of an .xlsx file (exceljs streaming reader: the
 * sheet XML is parsed as it is read, shared strings are cached). Empty rows are skipped by
 * exceljs, so row numbers can jump; they are the spreadsheet's own row numbers.
 */
export async function* readXlsxRows(path: string, meter?: ByteMeter): AsyncGenerator<SheetRow> {
  // Loaded on first use: exceljs is a third of the CLI's start-up time, and most imports are CSV.
  const { default: excel } = await import('exceljs');
  const input = meteredFile(path, meter);
  const reader = new excel.stream.xlsx.WorkbookReader(input, {
    sharedStrings: 'cache',
    styles: 'cache',
    hyperlinks: 'ignore',
    worksheets: 'emit',
    entries: 'emit',
  });
  let sheets = 0;
  for await (const sheet of reader) {
    sheets++;
    for await (const row of sheet as AsyncIterable<ExcelJS.Row>) {
      if (sheets > 1) continue; // drain later sheets: the reader must consume the whole zip
      const values = row.values as unknown[];
      const cells: string[] = [];
      for (let i = 1; i < values.length; i++) cells.push(cellText(values[i]));
      yield { line: row.number, cells };
    }
  }
}
