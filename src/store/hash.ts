import { hash } from 'node:crypto';
import type { Row } from './exec.ts';
import { FACT_TABLES, type WriteTable } from './schema.ts';

/** Columns that say where a fact came from, not what it says: excluded from the content hash. */
const PROVENANCE_COLUMNS: ReadonlySet<string> = new Set([
  'rec_id',
  'ord',
  'dataset',
  'record_key',
  'source_file',
  'line',
  'import_id',
  'removed_at',
]);

/**
 * Content hash of a record's fact rows, provenance excluded: the same facts on another line of
 * a newer file are unchanged; any difference in a fact is a change. Hashing the rows (already
 * serialised for the insert) rather than the bundle avoids serialising twice on the hot path.
 */
export function rowsHash(rows: Readonly<Record<WriteTable, readonly Row[]>>): string {
  // entity_keys are derived from entities: hashing the fact tables covers them.
  const parts: string[] = [];
  for (const t of FACT_TABLES) {
    for (const r of rows[t]) {
      parts.push(t);
      for (const k in r) if (!PROVENANCE_COLUMNS.has(k)) parts.push(k, String(r[k]));
    }
  }
  return hash('sha1', parts.join('\u0001'), 'base64url');
}
