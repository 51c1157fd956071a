import { z } from 'zod';
import { type HeaderedRowResult, readHeaderedTable } from '../ingest/reader/table.ts';
import type { EntityQuery } from './screen-entity.ts';

/**
 * A supplier list to screen: CSV (or TSV, .xlsx, gzipped; any encoding the importers read)
 * with a header; columns `name` (required), `country`, `address`, `identifiers` (several
 * separated by `;` or `|`) and optionally `id` (your own key for the row). Column names are
 * matched case-insensitively; unknown columns are ignored.
 *
 * Read with the importers' table reader rather than a strict CSV parse, so a row with broken
 * quoting, a field count that disagrees with the header (an unquoted comma in an address would
 * shift the identifiers column) or undecodable bytes costs that row, reported with its line,
 * not the whole list.
 */

export interface SupplierRow {
  readonly line: number;
  readonly key: string;
  readonly query: EntityQuery;
}

export interface SupplierRejection {
  readonly line: number;
  readonly reason: string;
}

export interface SupplierList {
  readonly rows: readonly SupplierRow[];
  readonly rejected: readonly SupplierRejection[];
}

/** Supplier-list columns: each matches only its own name (folded), as documented. */
const SUPPLIER_COLUMNS = {
  name: [],
  country: [],
  address: [],
  identifiers: [],
  id: [],
} as const satisfies Record<string, readonly string[]>;
type Column = keyof typeof SUPPLIER_COLUMNS;

const Row = z.object({
  name: z.string().trim().min(1, 'name is empty'),
  country: z
    .string()
    .trim()
    .transform((s) => s.toUpperCase())
    .refine((s) => s === '' || /^[A-Z]{2}$/.test(s), 'country must be an ISO 3166 alpha-2 code'),
  address: z.string().trim(),
  identifiers: z.string().trim(),
  id: z.string().trim(),
});

/** Turns the rows of a supplier-list table into queries; bad rows come back as rejections. */
export async function parseSupplierList(
  chunks: AsyncIterable<readonly HeaderedRowResult<Column>[]>,
): Promise<SupplierList> {
  const rows: SupplierRow[] = [];
  const rejected: SupplierRejection[] = [];
  for await (const chunk of chunks) {
    for (const r of chunk) {
      if (!r.ok) {
        rejected.push({ line: r.rejection.line, reason: r.rejection.reason });
        continue;
      }
      const { header, row } = r;
      const parsed = Row.safeParse(
        Object.fromEntries(Object.keys(SUPPLIER_COLUMNS).map((c) => [c, header.get(row.cells, c as Column)])),
      );
      if (!parsed.success) {
        rejected.push({
          line: row.line,
          reason: parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; '),
        });
        continue;
      }
      const v = parsed.data;
      rows.push({
        line: row.line,
        key: v.id || `line-${row.line}`,
        query: {
          name: v.name,
          country: v.country || null,
          address: v.address || null,
          identifiers: v.identifiers
            .split(/[;|]/)
            .map((s) => s.trim())
            .filter((s) => s.length > 0),
        },
      });
    }
  }
  return { rows, rejected };
}

export async function readSupplierList(path: string): Promise<SupplierList> {
  return parseSupplierList(
    readHeaderedTable(path, SUPPLIER_COLUMNS, {
      required: (h) => (h.has('name') ? null : `no name column in the header (${h.names.join(', ')})`),
    }),
  );
}
