import Database from 'better-sqlite3';
import { type Compilable, Kysely, SqliteDialect } from 'kysely';
import { checkParams, type Exec, type Value } from './exec.ts';
import type { Tables } from './schema.ts';

/** Rows per multi-row INSERT, and SQLite's host-parameter ceiling (32,766 since 3.32). */
const MULTI_ROWS = 64;
const MAX_VARS = 32_000;

/** Opens a SQLite file with the store's settings (shared with bench/sqlite-reference). */
export function openSqliteFile(path: string): Database.Database {
  const raw = new Database(path);
  // WAL + NORMAL: durable at checkpoints, and a crash loses at most the open transaction,
  // never a committed batch. Big cache and in-memory temp tables for bulk imports.
  // Bigger pages (only takes effect on a new file) and fewer WAL checkpoints: bulk imports
  // spend most of their time in B-tree inserts and checkpoint copies.
  raw.pragma('page_size = 16384');
  raw.pragma('journal_mode = WAL');
  raw.pragma('wal_autocheckpoint = 8192');
  raw.pragma('synchronous = NORMAL');
  raw.pragma('cache_size = -200000');
  raw.pragma('temp_store = MEMORY');
  raw.pragma('busy_timeout = 5000');
  return raw;
}

/** The embedded store: one SQLite file (or `:memory:`), WAL mode, statements prepared once. */
export function sqliteExec(path: string): Exec {
  const raw = openSqliteFile(path);
  const db = new Kysely<Tables>({ dialect: new SqliteDialect({ database: raw }) });
  const cache = new Map<string, Database.Statement>();
  const prepare = (sqlText: string) => {
    let st = cache.get(sqlText);
    if (!st) {
      st = raw.prepare(sqlText);
      cache.set(sqlText, st);
    }
    return st;
  };
  const inserts = new Map<string, Database.Statement>();
  /** Compiles (once, with Kysely) and prepares an insert of `n` rows of `cols` into `table`. */
  const insertStatement = (table: keyof Tables, cols: readonly string[], n: number, ignore: boolean) => {
    const key = `${table}:${n}:${cols.join(',')}:${ignore}`;
    let st = inserts.get(key);
    if (!st) {
      const row = Object.fromEntries(cols.map((k) => [k, null]));
      const values = db.insertInto(table).values(Array.from({ length: n }, () => row) as never);
      st = raw.prepare((ignore ? values.onConflict((oc) => oc.doNothing()) : values).compile().sql);
      inserts.set(key, st);
    }
    return st;
  };
  let depth = 0;

  /**
   * Inserts flat rows in multi-row INSERTs: one statement call per MULTI_ROWS rows costs far
   * less than one call per row.
   */
  const insertFlat: Exec['insertFlat'] = async (table, cols, values, opts) => {
    const width = cols.length;
    const count = values.length / width;
    const multi = Math.max(1, Math.min(MULTI_ROWS, Math.floor(MAX_VARS / width)));
    const ignore = opts?.ignoreConflicts === true;
    for (let i = 0; i < count; i += multi) {
      const n = Math.min(multi, count - i);
      insertStatement(table, cols, n, ignore).run(values.slice(i * width, (i + n) * width));
    }
  };

  const ex: Exec = {
    db,
    async all<R>(q: Compilable<R>) {
      const c = q.compile();
      const st = prepare(c.sql);
      const params = c.parameters as Value[];
      if (st.reader) return st.all(...params) as R[];
      st.run(...params); // a write compiled through `all` (e.g. INSERT without RETURNING)
      return [];
    },
    async allWith<R>(q: Compilable<R>, params: readonly Value[]) {
      const c = q.compile();
      return prepare(c.sql).all(checkParams(c.parameters, params)) as R[];
    },
    async run(q) {
      const c = q.compile();
      return prepare(c.sql).run(...(c.parameters as Value[])).changes;
    },
    insertFlat,
    async insertMany(table, rows, opts) {
      const first = rows[0];
      if (!first) return;
      const cols = Object.keys(first);
      const values: Value[] = [];
      for (const r of rows) for (const c of cols) values.push(r[c] ?? null);
      await insertFlat(table, cols, values, opts);
    },
    async runEach(q, params) {
      if (params.length === 0) return;
      const c = q.compile();
      const st = prepare(c.sql);
      for (const p of params) st.run(checkParams(c.parameters, p));
    },
    async reserveIds(table, n) {
      // Inside the write transaction (BEGIN IMMEDIATE holds SQLite's one write lock), the next
      // ids are max + 1 onward, as SQLite would assign them.
      const [r] = await ex.all(db.selectFrom(table).select((eb) => eb.fn.max<number>('id').as('id')));
      const from = Number(r?.id ?? 0) + 1;
      return Array.from({ length: n }, (_, i) => from + i);
    },
    async transaction(fn) {
      // Nested calls join the outer transaction (SQLite has one writer; savepoints unneeded).
      if (depth > 0) return fn(ex);
      raw.exec('BEGIN IMMEDIATE');
      depth++;
      try {
        const out = await fn(ex);
        raw.exec('COMMIT');
        return out;
      } catch (err) {
        if (raw.inTransaction) raw.exec('ROLLBACK');
        throw err;
      } finally {
        depth--;
      }
    },
    async close() {
      await db.destroy();
    },
  };
  return ex;
}
