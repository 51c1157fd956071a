import { statSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import type { Kysely } from 'kysely';
import { ThreadlineError } from '../model/index.ts';
import type { Store } from './store.ts';

export interface OpenOptions {
  /** PostgreSQL only: the schema (search_path) to use; created if missing. */
  readonly pgSchema?: string;
  /**
   * SQLite only: the file must already be a store (error `no_store` otherwise). For readers:
   * a mistyped path must fail, not open a new empty store that reports nothing to find.
   */
  readonly mustExist?: boolean;
}

/** Hides the password of a connection URL for display. */
export function redactUrl(url: string): string {
  try {
    const u = new URL(url);
    if (u.password) u.password = '***';
    return u.toString();
  } catch {
    return 'postgres://…';
  }
}

/**
 * Opens the store at `target`: a `postgres://` or `postgresql://` URL selects PostgreSQL,
 * anything else is a SQLite file path (`:memory:` for a throwaway store). Migrations run on open.
 * A new SQLite file is created only in an existing directory, and an existing file is opened
 * only if it is a Threadline store (or an empty database): errors `no_store`,
 * `no_directory`, `not_a_store`, `cannot_open`.
 */
export async function openStore(target: string, opts: OpenOptions = {}): Promise<Store> {
  // Loaded on first open, not with the module: the parse worker imports the store for its
  // row preparation only and should not pay for Kysely and the SQLite driver at start-up.
  const { KyselyStore } = await import('./kysely-store.ts');
  const { migrateToLatest } = await import('./migrations.ts');
  if (/^postgres(ql)?:\/\//i.test(target)) {
    // pg is loaded only in server mode: the embedded store should not pay for it at start-up.
    const { postgresExec } = await import('./exec-postgres.ts');
    const ex = await postgresExec(target, opts.pgSchema);
    try {
      await migrateToLatest(ex.db as unknown as Kysely<unknown>, true, opts.pgSchema);
    } catch (err) {
      await ex.close();
      throw err;
    }
    return new KyselyStore(
      ex,
      'postgres',
      redactUrl(target) + (opts.pgSchema ? ` (schema ${opts.pgSchema})` : ''),
    );
  }
  if (target !== ':memory:') await checkSqliteTarget(resolve(target), opts.mustExist ?? false);
  const { sqliteExec } = await import('./exec-sqlite.ts');
  const ex = sqliteExec(target);
  await migrateToLatest(ex.db as unknown as Kysely<unknown>, false);
  return new KyselyStore(ex, 'sqlite', target === ':memory:' ? ':memory:' : resolve(target));
}

/**
 * Checks, before the store's pragmas and migrations touch it, that a SQLite path is a store we
 * may open: migrating another application's database would add our tables to it, and opening
 * a mistyped path would create directories and an empty store.
 */
async function checkSqliteTarget(path: string, mustExist: boolean): Promise<void> {
  const st = statSync(path, { throwIfNoEntry: false });
  if (!st) {
    if (mustExist) throw new ThreadlineError('no_store', `no store at ${path}`);
    const dir = dirname(path);
    if (!statSync(dir, { throwIfNoEntry: false })?.isDirectory())
      throw new ThreadlineError('no_directory', `cannot create a store at ${path}: no directory ${dir}`);
    return;
  }
  if (!st.isFile())
    throw new ThreadlineError('not_a_store', `${path} is not a Threadline store (not a file)`);
  const { default: Database } = await import('better-sqlite3');
  let tables: Set<string>;
  let ours: boolean;
  let db: InstanceType<typeof Database> | undefined;
  try {
    // Read-only: nothing is written to a file that turns out not to be ours.
    db = new Database(path, { readonly: true, fileMustExist: true });
    tables = new Set(
      db.prepare("SELECT name FROM sqlite_master WHERE type = 'table'").pluck().all() as string[],
    );
    // Other Kysely applications have this table too: ours lists our first migration (or is
    // still empty, when that migration was interrupted before it was recorded).
    const migrations = tables.has('kysely_migration')
      ? (db.prepare('SELECT name FROM kysely_migration').pluck().all() as string[])
      : null;
    ours = migrations !== null && (migrations.length === 0 || migrations.includes('0001-initial'));
  } catch (err) {
    // A message naming the file, not a driver stack trace. Not SQLite at all (SQLITE_NOTADB)
    // or damaged is "not a store"; anything else (permissions, I/O) is reported as it is.
    const code = (err as { code?: unknown }).code;
    const msg = err instanceof Error ? err.message : String(err);
    if (code === 'SQLITE_NOTADB' || code === 'SQLITE_CORRUPT')
      throw new ThreadlineError('not_a_store', `${path} is not a Threadline store (${msg})`, { cause: err });
    throw new ThreadlineError('cannot_open', `cannot open ${path}: ${msg}`, { cause: err });
  } finally {
    db?.close();
  }
  if (tables.size === 0) {
    // An empty file (e.g. touched) is a store-to-be for a writer, but holds nothing to read.
    if (mustExist)
      throw new ThreadlineError('no_store', `no store at ${path} (the file is an empty database)`);
    return;
  }
  if (!ours)
    throw new ThreadlineError('not_a_store', `${path} is an SQLite database but not a Threadline store`);
}
