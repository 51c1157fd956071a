import type { Rejection } from '../types.ts';
import { type ByteMeter, readBytes } from './byte-source.ts';
import { CsvTokenizer } from './csv-tokenizer.ts';
import { decodeText } from './decode.ts';
import { readXlsxRows } from './xlsx-rows.ts';

/** One row of a table file: cells as text, its 1-based line, and its source text. */
export interface TableRow {
  readonly line: number;
  readonly cells: string[];
  readonly raw: string;
}

export type TableRowResult =
  | { readonly ok: true; readonly row: TableRow }
  | { readonly ok: false; readonly rejection: Rejection };

export interface ReadTableOptions {
  readonly encoding?: string | undefined;
  readonly meter?: ByteMeter | undefined;
  /** Force a delimiter; detected from the first line otherwise. */
  readonly delimiter?: string | undefined;
}

// biome-ignore lint/suspicious/noControlCharactersInRegex: detecting binary data is the point
const BINARY = /[\u0000-\u0008\u000e-\u0019\u001b-\u001f]/;

/** Why a decoded row is garbage, or null: U+FFFD means undecodable bytes, C0 controls mean binary. */
export function garbageReason(raw: string): string | null {
  if (raw.includes('\uFFFD')) return 'undecodable bytes (wrong --encoding, or binary data)';
  if (BINARY.test(raw)) return 'binary data (control characters)';
  return null;
}

/** Whether a path is read as a spreadsheet rather than delimited text. */
export function isXlsx(path: string): boolean {
  return /\.xlsx$/i.test(path);
}

/**
 * Rows of a CSV/TSV (optionally gzip-compressed, any supported encoding) or .xlsx file, with
 * line numbers. Rows that cannot be tokenised or decoded come out as rejections.
 */
export async function* readTable(path: string, opts: ReadTableOptions = {}): AsyncGenerator<TableRowResult> {
  for await (const rows of readTableChunks(path, opts)) yield* rows;
}

/**
 * {@link readTable} a chunk of rows at a time: the hot path of tabular imports, where an
 * `await` per row through every layer of generators cost more than tokenizing the row.
 */
export async function* readTableChunks(
  path: string,
  opts: ReadTableOptions = {},
): AsyncGenerator<TableRowResult[]> {
  if (isXlsx(path)) {
    let rows: TableRowResult[] = [];
    for await (const r of readXlsxRows(path, opts.meter)) {
      const raw = r.cells.join('\t');
      const bad = garbageReason(raw);
      if (bad) rows.push({ ok: false, rejection: { file: path, line: r.line, reason: bad, raw } });
      else rows.push({ ok: true, row: { line: r.line, cells: r.cells, raw } });
      if (rows.length >= XLSX_CHUNK) {
        yield rows;
        rows = [];
      }
    }
    if (rows.length > 0) yield rows;
    return;
  }
  const tok = new CsvTokenizer(opts.delimiter ? { delimiter: opts.delimiter } : {});
  const text = decodeText(readBytes(path, opts.meter), opts.encoding);
  const rowsOf = (events: ReturnType<CsvTokenizer['push']>): TableRowResult[] =>
    events.map((e): TableRowResult => {
      if (!e.ok) return { ok: false, rejection: { file: path, ...e.error } };
      const bad = garbageReason(e.record.raw);
      if (bad)
        return { ok: false, rejection: { file: path, line: e.record.line, reason: bad, raw: e.record.raw } };
      return { ok: true, row: { line: e.record.line, cells: e.record.fields, raw: e.record.raw } };
    });
  for await (const chunk of text) {
    const rows = rowsOf(tok.push(chunk));
    if (rows.length > 0) yield rows;
  }
  const last = rowsOf(tok.end());
  if (last.length > 0) yield last;
}

/** Spreadsheet rows per chunk (the CSV path chunks by the text it decodes). */
const XLSX_CHUNK = 256;

/** Folds a header cell for matching: lower case, runs of non-letters/digits become `_`. */
export function foldHeader(h: string): string {
  return h
    .normalize('NFKC')
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, '_')
    .replace(/^_+|_+$/g, '');
}

/**
 * Maps a header row onto canonical column names through alias lists. Each canonical name
 * takes the first header cell matching any of its aliases (compared folded); every other
 * header cell is "unknown" and kept by parsers as a raw attribute.
 */
export class HeaderMap<C extends string> {
  readonly width: number;
  readonly names: readonly string[];
  private readonly idx: Map<C, number>;
  readonly unknown: readonly { readonly name: string; readonly index: number }[];

  constructor(header: readonly string[], aliases: Readonly<Record<C, readonly string[]>>) {
    this.width = header.length;
    this.names = header.map((h) => h.trim());
    const folded = header.map(foldHeader);
    this.idx = new Map();
    const used = new Set<number>();
    for (const canonical of Object.keys(aliases) as C[]) {
      const snake = canonical.replace(/[A-Z]/g, (c) => `_${c.toLowerCase()}`);
      for (const alias of [canonical, snake, ...aliases[canonical]]) {
        const i = folded.indexOf(foldHeader(alias));
        if (i >= 0 && !used.has(i)) {
          this.idx.set(canonical, i);
          used.add(i);
          break;
        }
      }
    }
    this.unknown = this.names
      .map((name, index) => ({ name, index }))
      .filter((c) => !used.has(c.index) && c.name.length > 0);
  }

  has(c: C): boolean {
    return this.idx.has(c);
  }

  /** Column index of `c`, or -1. */
  index(c: C): number {
    return this.idx.get(c) ?? -1;
  }

  /** The trimmed cell of canonical column `c` in `cells` ('' when absent). */
  get(cells: readonly string[], c: C): string {
    const i = this.idx.get(c);
    if (i === undefined) return '';
    const v = cells[i];
    return v === undefined ? '' : v.trim();
  }
}

/**
 * Checks a data row against the header width. A CSV row with a different number of fields is
 * rejected (extra fields that are all empty are tolerated: spreadsheet exports add them);
 * spreadsheet rows may be shorter, since trailing empty cells are not stored.
 */
export function widthProblem(cells: readonly string[], width: number, spreadsheet: boolean): string | null {
  if (cells.length === width) return null;
  if (cells.length > width) {
    for (let i = width; i < cells.length; i++)
      if ((cells[i] ?? '').trim() !== '') return `expected ${width} fields, got ${cells.length}`;
    return null;
  }
  if (spreadsheet) return null;
  return `expected ${width} fields, got ${cells.length}`;
}

export type HeaderedRowResult<C extends string> =
  | { readonly ok: true; readonly header: HeaderMap<C>; readonly row: TableRow }
  | { readonly ok: false; readonly rejection: Rejection };

/**
 * Rows of a table whose first non-empty row is a header, mapped through `aliases`, a chunk at
 * a time. Width problems are rejected per row. When `required(header)` returns a reason the
 * whole file is rejected once (at the header line) and no row is read.
 */
export async function* readHeaderedTable<C extends string>(
  path: string,
  aliases: Readonly<Record<C, readonly string[]>>,
  opts: ReadTableOptions & { required?: (h: HeaderMap<C>) => string | null } = {},
): AsyncGenerator<HeaderedRowResult<C>[]> {
  let header: HeaderMap<C> | null = null;
  const spreadsheet = isXlsx(path);
  for await (const chunk of readTableChunks(path, opts)) {
    const out: HeaderedRowResult<C>[] = [];
    for (const r of chunk) {
      if (!r.ok) {
        out.push(r);
        continue;
      }
      if (!header) {
        if (r.row.cells.every((c) => c.trim() === '')) continue;
        header = new HeaderMap(r.row.cells, aliases);
        const missing = opts.required?.(header) ?? null;
        if (missing) {
          out.push({
            ok: false,
            rejection: { file: path, line: r.row.line, reason: missing, raw: r.row.raw },
          });
          yield out;
          return;
        }
        continue;
      }
      const problem = widthProblem(r.row.cells, header.width, spreadsheet);
      if (problem)
        out.push({ ok: false, rejection: { file: path, line: r.row.line, reason: problem, raw: r.row.raw } });
      else out.push({ ok: true, header, row: r.row });
    }
    if (out.length > 0) yield out;
  }
}
