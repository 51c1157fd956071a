import { type DatasetName, provenance, type RecordBundle } from '../model/index.ts';
import type { ByteMeter } from './reader/byte-source.ts';

/** A source row that could not be turned into facts, with where and why. */
export interface Rejection {
  /** The file as given on the command line. */
  readonly file: string;
  /** 1-based line (or spreadsheet row) number; 0 when the problem is the whole file. */
  readonly line: number;
  readonly reason: string;
  /** The row's source text (truncated when huge). */
  readonly raw: string;
}

/** What a parser yields per source record: facts, or a rejection. Never throws for bad data. */
export type ParseResult =
  | { readonly ok: true; readonly bundle: RecordBundle }
  | { readonly ok: false; readonly rejection: Rejection };

/** What every parser gets. */
export interface ParseContext {
  readonly dataset: DatasetName;
  readonly paths: readonly string[];
  /** `--encoding` override; detection otherwise. */
  readonly encoding?: string | undefined;
  /** Bytes read so far, for progress. */
  readonly meter: ByteMeter;
}

/** A record read: its facts, with the provenance every fact carries (checked by `provenance`). */
export function accept(
  dataset: DatasetName,
  file: string,
  recordKey: string,
  line: number | null,
  facts: Omit<RecordBundle, 'provenance'>,
): ParseResult {
  return {
    ok: true,
    bundle: { provenance: provenance({ dataset, sourceFile: file, recordKey, line }), ...facts },
  };
}

export function reject(file: string, line: number, reason: string, raw: string): ParseResult {
  return { ok: false, rejection: { file, line, reason, raw } };
}
