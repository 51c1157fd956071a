import pg from 'pg';
import { afterAll, describe } from 'vitest';
import { storeContract } from './contract.ts';
import { openStore } from './index.ts';

const url = process.env.DATABASE_URL;
// Without DATABASE_URL (a user's machine with no PostgreSQL) the PostgreSQL half of the
// contract cannot run; say so loudly instead of passing silently.
if (!url) console.warn('store contract: PostgreSQL SKIPPED (set DATABASE_URL to run it)');

const run = `c${process.pid}_${Date.now().toString(36)}`;
const schemas: string[] = [];
let n = 0;

describe.skipIf(!url)('postgres backend', () => {
  // Each test gets its own schema in the shared database, dropped afterwards.
  storeContract('postgres', () => {
    const schema = `tl_${run}_${n++}`;
    schemas.push(schema);
    return openStore(url as string, { pgSchema: schema });
  });
  afterAll(async () => {
    const c = new pg.Client({ connectionString: url });
    await c.connect();
    for (const s of schemas) await c.query(`drop schema if exists ${s} cascade`);
    await c.end();
  });
});
