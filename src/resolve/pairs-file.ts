import { readFile } from 'node:fs/promises';
import { parse } from 'csv-parse/sync';

/** One row of a pairs CSV: two names, an optional schema, and whatever other columns it had. */
export interface PairRow {
  readonly line: number;
  readonly name1: string;
  readonly name2: string;
  readonly schema: string | null;
  /** Every column of the row, for callers that read a label or category. */
  readonly columns: Readonly<Record<string, string>>;
}

export type PairsResult = { ok: true; rows: PairRow[] } | { ok: false; error: string };

/**
 * Parses a pairs CSV (`name1,name2[,schema][,…]`): UTF-8 with or without BOM, quoted fields,
 * extra columns ignored, header names case-insensitive.
 */
export function parsePairs(text: string): PairsResult {
  let records: string[][];
  try {
    records = parse(text, {
      bom: true,
      relax_column_count: true,
      skip_empty_lines: true,
      relax_quotes: true,
    });
  } catch (err) {
    return { ok: false, error: `cannot parse CSV: ${(err as Error).message}` };
  }
  const header = (records[0] ?? []).map((h) => h.trim().toLowerCase());
  const i1 = header.indexOf('name1');
  const i2 = header.indexOf('name2');
  if (i1 < 0 || i2 < 0) return { ok: false, error: 'the CSV needs a header with columns name1 and name2' };
  const is = header.indexOf('schema');
  const rows: PairRow[] = [];
  for (let r = 1; r < records.length; r++) {
    const rec = records[r] ?? [];
    const columns: Record<string, string> = {};
    header.forEach((h, k) => {
      columns[h] = rec[k] ?? '';
    });
    const schema = is >= 0 ? (rec[is] ?? '').trim() : '';
    rows.push({
      line: r + 1,
      name1: rec[i1] ?? '',
      name2: rec[i2] ?? '',
      schema: schema.length > 0 ? schema : null,
      columns,
    });
  }
  return { ok: true, rows };
}

/** Reads and parses a pairs CSV file. */
export async function readPairs(path: string): Promise<PairsResult> {
  return parsePairs(await readFile(path, 'utf8'));
}
