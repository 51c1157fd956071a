import { type Compilable, CompiledQuery, Kysely, PostgresDialect, sql, type Transaction } from 'kysely';
import pg from 'pg';
import { checkParams, type Exec, type Row, type Value } from './exec.ts';
import type { Tables } from './schema.ts';

// int8 (count(*), sums) as JS numbers: our counts stay far below 2^53.
pg.types.setTypeParser(20, (v) => Number(v));
// numeric as numbers too (sum() of double precision stays float, but avg/percent may be numeric).
pg.types.setTypeParser(1700, (v) => Number(v));

/** PostgreSQL's bind-parameter limit is 65,535 per statement. */
const MAX_PARAMS = 60_000;

function execFor(db: Kysely<Tables>, root: Kysely<Tables>, destroy: () => Promise<void>): Exec {
  const ex: Exec = {
    db,
    async all<R>(q: Compilable<R>) {
      const r = await db.executeQuery(q.compile());
      return r.rows as R[];
    },
    async allWith<R>(q: Compilable<R>, params: readonly Value[]) {
      const c = q.compile();
      const r = await db.executeQuery(CompiledQuery.raw(c.sql, [...checkParams(c.parameters, params)]));
      return r.rows as R[];
    },
    async run(q) {
      const r = await db.executeQuery(q.compile());
      return Number(r.numAffectedRows ?? 0n);
    },
    async insertMany(table, rows, opts) {
      const first = rows[0];
      if (!first) return;
      const per = Math.max(1, Math.floor(MAX_PARAMS / Object.keys(first).length));
      for (let i = 0; i < rows.length; i += per) {
        const q = db.insertInto(table).values(rows.slice(i, i + per) as never);
        await (opts?.ignoreConflicts ? q.onConflict((oc) => oc.doNothing()) : q).execute();
      }
    },
    async insertFlat(table, cols, values, opts) {
      const rows: Row[] = [];
      for (let i = 0; i < values.length; i += cols.length) {
        const r: Row = {};
        for (let c = 0; c < cols.length; c++) r[cols[c] as string] = values[i + c] ?? null;
        rows.push(r);
      }
      await ex.insertMany(table, rows, opts);
    },
    async runEach(q, params) {
      const c = q.compile();
      for (const p of params)
        await db.executeQuery(CompiledQuery.raw(c.sql, [...checkParams(c.parameters, p)]));
    },
    async reserveIds(table, n) {
      if (n === 0) return [];
      // nextval is safe beside concurrent writers; the ids need not be contiguous.
      const r = await sql<{ id: number }>`select nextval(pg_get_serial_sequence(${table}, 'id'))::int as id
        from generate_series(1, ${n})`.execute(db);
      return r.rows.map((x) => Number(x.id));
    },
    async transaction(fn) {
      if (db !== root) return fn(ex); // already inside one
      return root.transaction().execute((tx: Transaction<Tables>) => fn(execFor(tx, root, destroy)));
    },
    close: destroy,
  };
  return ex;
}

/**
 * Server mode. `schema` (optional) sets the search_path, so several stores (the contract tests,
 * several workspaces) can share one database without seeing each other's tables.
 */
export async function postgresExec(url: string, schema?: string): Promise<Exec> {
  const pool = new pg.Pool({
    connectionString: url,
    max: 4,
    ...(schema ? { options: `-c search_path=${schema}` } : {}),
  });
  if (schema) {
    if (!/^[a-z_][a-z0-9_]{0,62}$/.test(schema)) throw new Error(`invalid PostgreSQL schema name: ${schema}`);
    // Identifier validated above; DDL cannot take a bind parameter for it.
    await pool.query(`create schema if not exists ${schema}`);
  }
  const db = new Kysely<Tables>({ dialect: new PostgresDialect({ pool }) });
  return execFor(db, db, () => db.destroy());
}
