import Database from 'better-sqlite3';
import { type Compilable, Kysely, SqliteDialect } from 'kysely';
import type { Exec } from './exec.ts';
import type { Tables } from './schema.ts';

type Param = string | number | bigint | Buffer | null;

/** The embedded store: one SQLite file (or `:memory:`), WAL mode, statements prepared once. */
export function sqliteExec(path: string): Exec {
  const raw = new Database(path);
  // WAL + NORMAL: durable at checkpoints, and a crash loses at most the open transaction,
  // never a committed batch. Big cache and in-memory temp tables for bulk imports.
  raw.pragma('journal_mode = WAL');
  raw.pragma('synchronous = NORMAL');
  raw.pragma('cache_size = -200000');
  raw.pragma('temp_store = MEMORY');
  raw.pragma('busy_timeout = 5000');
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
  let depth = 0;

  const ex: Exec = {
    db,
    async all<R>(q: Compilable<R>) {
      const c = q.compile();
      const st = prepare(c.sql);
      const params = c.parameters as Param[];
      return (st.reader ? st.all(...params) : (st.run(...params), [])) as R[];
    },
    async run(q) {
      const c = q.compile();
      return prepare(c.sql).run(...(c.parameters as Param[])).changes;
    },
    async insertMany(table, rows) {
      const first = rows[0];
      if (!first) return;
      const cols = Object.keys(first);
      const key = `${table}:${cols.join(',')}`;
      let st = inserts.get(key);
      if (!st) {
        // Compile the insert once with Kysely, then reuse the prepared statement per row.
        const c = db
          .insertInto(table)
          .values(Object.fromEntries(cols.map((k) => [k, null])) as never)
          .compile();
        st = raw.prepare(c.sql);
        inserts.set(key, st);
      }
      for (const r of rows) st.run(...cols.map((k) => r[k] ?? null));
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
