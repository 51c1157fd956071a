import { readFile } from 'node:fs/promises';
import { parse } from 'csv-parse/sync';
import { z } from 'zod';
import type { EntityQuery } from './screen-entity.ts';

/**
 * A supplier list to screen: CSV with a header; columns `name` (required), `country`,
 * `address`, `identifiers` (several separated by `;` or `|`) and optionally `id` (your own key
 * for the row). Column names are matched case-insensitively; unknown columns are ignored.
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

const Row = z.object({
  name: z.string().trim().min(1, 'name is empty'),
  country: z
    .string()
    .trim()
    .transform((s) => s.toUpperCase())
    .refine((s) => s === '' || /^[A-Z]{2}$/.test(s), 'country must be an ISO 3166 alpha-2 code')
    .optional(),
  address: z.string().trim().optional(),
  identifiers: z.string().trim().optional(),
  id: z.string().trim().optional(),
});

/** Parses supplier-list CSV text; bad rows come back as rejections with their line. */
export function parseSupplierList(text: string): SupplierList {
  const records = parse(text, {
    columns: (header: string[]) => header.map((h) => h.trim().toLowerCase()),
    skip_empty_lines: true,
    relax_column_count: true,
    bom: true,
    info: true,
  }) as { record: Record<string, string>; info: { lines: number } }[];
  const rows: SupplierRow[] = [];
  const rejected: SupplierRejection[] = [];
  for (const { record, info } of records) {
    const r = Row.safeParse(record);
    if (!r.success) {
      rejected.push({
        line: info.lines,
        reason: r.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; '),
      });
      continue;
    }
    const v = r.data;
    rows.push({
      line: info.lines,
      key: v.id || `line-${info.lines}`,
      query: {
        name: v.name,
        country: v.country || null,
        address: v.address || null,
        identifiers: (v.identifiers ?? '')
          .split(/[;|]/)
          .map((s) => s.trim())
          .filter((s) => s.length > 0),
      },
    });
  }
  return { rows, rejected };
}

export async function readSupplierList(path: string): Promise<SupplierList> {
  return parseSupplierList(await readFile(path, 'utf8'));
}
