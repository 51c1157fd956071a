import type { Compilable, Kysely } from 'kysely';
import type { Tables } from './schema.ts';

/** A row for a bulk insert: column → value, all rows of one call with the same columns. */
export type Row = Record<string, string | number | null>;

/**
 * How queries reach the database. Every query is built with Kysely (one query codebase);
 * only execution differs: on SQLite, compiled SQL runs synchronously on better-sqlite3 with
 * cached prepared statements (the embedded store's hot path); on PostgreSQL through Kysely's
 * driver, with multi-row inserts.
 */
export interface Exec {
  readonly db: Kysely<Tables>;
  all<R>(q: Compilable<R>): Promise<R[]>;
  /** Runs a write; returns the number of affected rows. */
  run(q: Compilable<unknown>): Promise<number>;
  /** Inserts rows; with `ignoreConflicts`, rows whose key already exists are skipped. */
  insertMany(table: keyof Tables, rows: readonly Row[], opts?: { ignoreConflicts?: boolean }): Promise<void>;
  /** Inserts rows and returns the `returning` columns of each inserted row (any order). */
  insertReturning(table: keyof Tables, rows: readonly Row[], returning: readonly string[]): Promise<Row[]>;
  /** Runs `fn` in one transaction: all of it or nothing. */
  transaction<T>(fn: (ex: Exec) => Promise<T>): Promise<T>;
  close(): Promise<void>;
}
