import { ValidationError } from './errors.ts';
import type { DatasetName } from './ids.ts';

/**
 * Where a fact came from. Nothing is written to the store without one: the store re-checks
 * it at write time, so a fact cannot lose its source between parser and database.
 */
export interface Provenance {
  readonly dataset: DatasetName;
  /** The file (or URL) the record was read from, as given on the command line. */
  readonly sourceFile: string;
  /** The record's key in its source: a list id, a bill-of-lading number, a row key. */
  readonly recordKey: string;
  /** 1-based line (or row) number in the source file, when the format has lines. */
  readonly line: number | null;
}

export function provenance(p: {
  dataset: DatasetName;
  sourceFile: string;
  recordKey: string;
  line?: number | null;
}): Provenance {
  assertProvenance(p);
  return { dataset: p.dataset, sourceFile: p.sourceFile, recordKey: p.recordKey, line: p.line ?? null };
}

/** Throws `missing_provenance` unless `p` names a dataset, a source file and a record key. */
export function assertProvenance(p: unknown): asserts p is Provenance {
  const v = p as Partial<Provenance> | null | undefined;
  const missing: string[] = [];
  if (!v || typeof v !== 'object') missing.push('provenance');
  else {
    if (typeof v.dataset !== 'string' || v.dataset.length === 0) missing.push('dataset');
    if (typeof v.sourceFile !== 'string' || v.sourceFile.length === 0) missing.push('sourceFile');
    if (typeof v.recordKey !== 'string' || v.recordKey.length === 0) missing.push('recordKey');
    if (v.line != null && (!Number.isInteger(v.line) || v.line < 0)) missing.push('line');
  }
  if (missing.length > 0) {
    throw new ValidationError('missing_provenance', `fact without provenance: missing ${missing.join(', ')}`);
  }
}
