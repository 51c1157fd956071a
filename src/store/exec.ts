import type { Compilable, Kysely } from 'kysely';
import type { Tables } from './schema.ts';

/** A column value as written. */
export type Value = string | number | null;

/** A row for a bulk insert: column → value, all rows of one call with the same columns. */
export type Row = Record<string, Value>;

/**
 * How queries reach the database. Every query is built with Kysely (one query codebase);
 * only execution differs: on SQLite, compiled SQL runs synchronously on better-sqlite3 with
 * cached prepared statements (the embedded store's hot path); on PostgreSQL through Kysely's
 * driver, with multi-row inserts.
 */
export interface Exec {
  readonly db: Kysely<Tables>;
  all<R>(q: Compilable<R>): Promise<R[]>;
  /**
   * Runs the read `q` with other parameter values (the same guard and order as `runEach`): a
   * query run many times with different values is compiled once.
   */
  allWith<R>(q: Compilable<R>, params: readonly Value[]): Promise<R[]>;
  /** Runs a write; returns the number of affected rows. */
  run(q: Compilable<unknown>): Promise<number>;
  /** Inserts rows; with `ignoreConflicts`, rows whose key already exists are skipped. */
  insertMany(table: keyof Tables, rows: readonly Row[], opts?: { ignoreConflicts?: boolean }): Promise<void>;
  /**
   * Inserts rows given flat: `values` holds `cols.length` values per row, row after row (the
   * bulk path of imports: no object per row).
   */
  insertFlat(
    table: keyof Tables,
    cols: readonly string[],
    values: readonly Value[],
    opts?: { ignoreConflicts?: boolean },
  ): Promise<void>;
  /**
   * Runs the write `q` once per parameter list in `params`, compiling it once: `q` is built with
   * placeholder values, and each list gives the values in the order Kysely compiled them.
   */
  runEach(q: Compilable<unknown>, params: readonly (readonly Value[])[]): Promise<void>;
  /**
   * Takes `n` fresh values of `table`'s auto-increment `id` for rows the caller inserts with
   * explicit ids (no RETURNING round trip). Call inside the transaction that inserts them.
   */
  reserveIds(table: 'records', n: number): Promise<number[]>;
  /** Runs `fn` in one transaction: all of it or nothing. */
  transaction<T>(fn: (ex: Exec) => Promise<T>): Promise<T>;
  close(): Promise<void>;
}

/** The guard of `runEach` and `allWith`: a parameter list must fill exactly the placeholders the query compiled to. */
export function checkParams(compiled: readonly unknown[], params: readonly Value[]): readonly Value[] {
  if (compiled.length !== params.length) {
    throw new Error(`query takes ${compiled.length} parameters, got ${params.length}`);
  }
  return params;
}

/** `q` compiled now, once: for a query run many times through `allWith` or `runEach`. */
export function compileOnce<R>(q: Compilable<R>): Compilable<R> {
  const compiled = q.compile();
  return { compile: () => compiled };
}
