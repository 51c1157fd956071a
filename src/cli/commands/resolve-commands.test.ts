import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { openStore } from '../../store/index.ts';

const root = join(import.meta.dirname, '..', '..', '..');
const dir = mkdtempSync(join(tmpdir(), 'threadline-xref-'));
const db = join(dir, 'x.db');
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function cli(...args: string[]) {
  const r = spawnSync(process.execPath, [join(root, 'bin', 'threadline.mjs'), '--db', db, ...args], {
    encoding: 'utf8',
    env: { ...process.env, DATABASE_URL: '' },
  });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

// xref and match: the resolver's commands.
describe('threadline xref', () => {
  it('refuses an unknown dataset instead of replacing the resolution with nothing', async () => {
    const file = join(dir, 'e.jsonl');
    // Synthetic, fictitious companies.
    writeFileSync(
      file,
      [
        { id: 'a', schema: 'Company', properties: { name: ['Synthetic Quanlong Trading Co., Ltd.'] } },
        { id: 'b', schema: 'Company', properties: { name: ['SYNTHETIC QUANLONG TRADING CO LTD'] } },
      ]
        .map((e) => JSON.stringify(e))
        .join('\n'),
    );
    expect(cli('import', 'ftm', file, '--dataset', 'synthetic').code).toBe(0);
    const first = cli('--json', 'xref');
    expect(first.code).toBe(0);
    expect(JSON.parse(first.stdout.trim().split('\n')[0] ?? '{}')).toMatchObject({ clusteredEntities: 2 });
    const typo = cli('xref', '--dataset', 'synthtic');
    expect(typo.code).toBe(2);
    expect(typo.stderr).toMatch(/unknown dataset synthtic; the store has: synthetic/);
    // The resolution made before is untouched.
    const store = await openStore(db);
    expect((await store.getResolution()).size).toBe(2);
    await store.close();
  });
});

describe('threadline match', () => {
  it('refuses an unknown dataset and an empty name as usage errors', () => {
    const typo = cli('match', 'Synthetic Quanlong', '--dataset', 'synthtic');
    expect(typo.code).toBe(2);
    expect(typo.stderr).toMatch(/unknown dataset synthtic/);
    expect(cli('match', '  ').code).toBe(2);
    expect(cli('match', 'Synthetic Quanlong Trading', '--dataset', 'synthetic').code).toBe(0);
  });
});

describe('threadline link-parties', () => {
  it('links unresolved bill parties to entities by name, once', async () => {
    const bills = join(dir, 'bills.csv');
    // Synthetic bill: the shipper spells the synthetic company of the xref test its own way.
    writeFileSync(
      bills,
      'bol_id,shipper_name,shipper_country,consignee_name,consignee_country\nSYN-1,SYNTHETIC QUANLONG TRADING CO.,CN,Synthetic Nobody Imports LLC,US\n',
    );
    expect(cli('import', 'bol-csv', bills, '--dataset', 'synthetic-bills').code).toBe(0);
    const r = cli('--json', 'link-parties', '--dataset', 'synthetic');
    expect(r.code).toBe(0);
    expect(JSON.parse(r.stdout.trim())).toEqual({ parties: 2, linked: 1, unchanged: 0 });
    const store = await openStore(db);
    const linked = [];
    for await (const s of store.iterateShipments())
      linked.push(...s.parties.map((p) => [p.role, p.entityId]));
    await store.close();
    expect(linked).toEqual([
      ['shipper', expect.stringMatching(/^[ab]$/)],
      ['consignee', null],
    ]);
    expect(JSON.parse(cli('--json', 'link-parties').stdout.trim())).toEqual({
      parties: 2,
      linked: 0,
      unchanged: 1,
    });
  });
});
