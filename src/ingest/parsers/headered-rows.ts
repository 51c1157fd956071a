import { type HeaderMap, type ReadTableOptions, readHeaderedTable, type TableRow } from '../reader/table.ts';
import type { ParseResult } from '../types.ts';

/**
 * The parse results of a table with a header row: the reader's rejections (quoting, width,
 * a missing required column) as they come, and `parseRow`'s result for every other row. The
 * one loop the tabular parsers share; a plain call per row, no generator layer.
 */
export async function* parseHeaderedRows<C extends string>(
  path: string,
  aliases: Readonly<Record<C, readonly string[]>>,
  opts: ReadTableOptions & { required?: (h: HeaderMap<C>) => string | null },
  parseRow: (h: HeaderMap<C>, row: TableRow) => ParseResult,
): AsyncGenerator<ParseResult> {
  for await (const chunk of readHeaderedTable(path, aliases, opts))
    for (const r of chunk) yield r.ok ? parseRow(r.header, r.row) : r;
}
