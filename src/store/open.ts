import type { Store } from './store.ts';

/**
 * Opens the store at `target`: a `postgres://` URL selects PostgreSQL, anything else is a
 * SQLite file path (`:memory:` for a throwaway store). Migrations run on open.
 */
export async function openStore(target: string): Promise<Store> {
  throw new Error(`store backend for ${target} is being written`);
}
