import { mkdirSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import type { Kysely } from 'kysely';
import type { Store } from './store.ts';

export interface OpenOptions {
  /** PostgreSQL only: the schema (search_path) to use; created if missing. */
  readonly pgSchema?: string;
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
  if (target !== ':memory:') mkdirSync(dirname(resolve(target)), { recursive: true });
  const { sqliteExec } = await import('./exec-sqlite.ts');
  const ex = sqliteExec(target);
  await migrateToLatest(ex.db as unknown as Kysely<unknown>, false);
  return new KyselyStore(ex, 'sqlite', target === ':memory:' ? ':memory:' : resolve(target));
}
