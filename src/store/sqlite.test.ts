import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { datasetName } from '../model/index.ts';
import { storeContract } from './contract.ts';
import { openStore } from './index.ts';

const dir = mkdtempSync(join(tmpdir(), 'threadline-store-'));
let n = 0;
afterAll(() => rmSync(dir, { recursive: true, force: true }));

// A fresh file per test: the file backend is what users run, so test it rather than :memory:.
storeContract('sqlite', () => openStore(join(dir, `t${n++}.db`)));

describe('sqlite file store', () => {
  it('persists across close and reopen', async () => {
    const path = join(dir, 'persist.db');
    const a = await openStore(path);
    await a.upsertDataset({
      name: datasetName('p'),
      title: 'P',
      publisher: null,
      url: null,
      licence: null,
      publishedAt: null,
      version: null,
    });
    await a.close();
    const b = await openStore(path);
    expect((await b.listDatasets()).map((d) => d.name)).toEqual(['p']);
    expect(b.backend).toBe('sqlite');
    expect(b.location).toBe(path);
    await b.close();
  });
});
