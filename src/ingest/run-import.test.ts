import { existsSync, mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { datasetName } from '../model/index.ts';
import { openStore, type Store } from '../store/index.ts';
import { FIXTURES, tempFile } from './parsers/test-helpers.ts';
import { runImport } from './run-import.ts';

const DATA = new URL('../../../shared/data/', import.meta.url).pathname;
const SDN_2023 = `${DATA}ofac-sdn-2023-09-26.csv`;
const SDN_2024 = `${DATA}ofac-sdn-2024-05-03.csv`;

let store: Store;
let rejectDir: string;
beforeEach(async () => {
  store = await openStore(':memory:');
  rejectDir = mkdtempSync(join(tmpdir(), 'threadline-rejects-'));
});
afterEach(async () => {
  await store.close();
});

/** Rows of a raw sdn.csv keyed by ent_num, read independently of the importer (no quoted newlines in OFAC's file). */
function rawRows(path: string): Map<string, string> {
  const rows = new Map<string, string>();
  for (const line of readFileSync(path, 'utf8').split('\r\n')) {
    const num = /^(\d+),/.exec(line)?.[1];
    if (num) rows.set(num, line);
  }
  return rows;
}

describe('runImport', () => {
  it('creates the dataset with default metadata, writes bundles and reports the summary', async () => {
    const page = tempFile(
      'uflpa.html',
      '<p>Section 2(d)(2)(B)(v)</p><table><tr><td>Sample Co., Ltd. (also known as Sample Alias)</td><td>June 21, 2022</td></tr><tr><td>Other Sample Co., Ltd.</td><td>August 9, 2024</td></tr></table>',
    );
    const r = await runImport(store, { format: 'uflpa-html', paths: [page], rejectDir });
    expect(r.records).toBe(2);
    expect(r.status).toBe('done');
    expect(r.rejected).toBe(0);
    expect(r.rejectFile).toBeNull();
    const ds = await store.getDataset(datasetName('uflpa'));
    expect(ds).toMatchObject({ title: 'UFLPA Entity List', url: 'https://www.dhs.gov/uflpa-entity-list' });
    expect(ds?.memberships).toBe(r.records);
  });

  it('writes every rejected row to the reject file and still lands the good rows', async () => {
    const p = tempFile(
      'bills.csv',
      'bol_id,shipper_name,consignee_name,arrival_date\nB1,Sample A,Sample B,2022-08-29\nB2,"Sample "C",Sample D,2022-08-29\nB3,Sample E,Sample F,never\nB4,Sample G,Sample H,2022-08-30\n',
    );
    const r = await runImport(store, {
      format: 'bol-csv',
      paths: [p],
      dataset: 'bills',
      rejectDir,
      batchSize: 1,
    });
    expect(r).toMatchObject({ records: 2, rejected: 2, added: 2, status: 'done' });
    expect(r.rejectFile).toBe(join(rejectDir, `bills.${r.importId}.rejects.jsonl`));
    const lines = readFileSync(r.rejectFile as string, 'utf8')
      .trim()
      .split('\n')
      .map((l) => JSON.parse(l));
    expect(lines).toEqual([
      {
        file: p,
        line: 3,
        reason: expect.stringContaining('broken quoting'),
        raw: 'B2,"Sample "C",Sample D,2022-08-29',
      },
      { file: p, line: 4, reason: 'unparseable arrival_date "never"', raw: 'B3,Sample E,Sample F,never' },
    ]);
    const shipments = [];
    for await (const s of store.iterateShipments()) shipments.push(s);
    expect(shipments.map((s) => [s.id, s.provenance.line])).toEqual([
      ['B1', 2],
      ['B4', 5],
    ]);
    expect((await store.listImports(datasetName('bills')))[0]?.rejected).toBe(2);
  });

  it('refuses unknown formats, missing files and unknown encodings with codes, before starting', async () => {
    await expect(runImport(store, { format: 'nope', paths: ['x'], rejectDir })).rejects.toMatchObject({
      code: 'unknown_format',
    });
    await expect(
      runImport(store, { format: 'bol-csv', paths: ['/no/such/file.csv'], rejectDir }),
    ).rejects.toMatchObject({
      code: 'missing_file',
    });
    await expect(
      runImport(store, { format: 'ams', paths: [`${FIXTURES}cbp-wro.csv`], rejectDir }),
    ).rejects.toMatchObject({
      code: 'missing_file',
    });
    await expect(
      runImport(store, {
        format: 'cbp-wro-csv',
        paths: [`${FIXTURES}cbp-wro.csv`],
        encoding: 'klingon',
        rejectDir,
      }),
    ).rejects.toMatchObject({ code: 'unknown_encoding' });
    expect(await store.listImports()).toEqual([]);
  });

  it('fails an input that yields no record and removes nothing from the dataset', async () => {
    const bills = tempFile('day1.csv', 'bol_id,shipper_name\nB1,Sample A\nB2,Sample B\n');
    await runImport(store, { format: 'bol-csv', paths: [bills], dataset: 'bills', rejectDir });
    const wrong = tempFile('sdn.csv', '36,"AEROCARIBBEAN AIRLINES",-0-,"CUBA"\n');
    await expect(
      runImport(store, { format: 'bol-csv', paths: [wrong], dataset: 'bills', rejectDir }),
    ).rejects.toMatchObject({
      code: 'no_records',
      message: expect.stringMatching(/nothing in dataset bills marked removed/),
    });
    const empty = tempFile('empty.csv', '');
    await expect(
      runImport(store, { format: 'bol-csv', paths: [empty], dataset: 'bills', rejectDir }),
    ).rejects.toMatchObject({ code: 'no_records' });
    expect((await store.getDataset(datasetName('bills')))?.shipments).toBe(2);
    const imports = await store.listImports(datasetName('bills'));
    expect(imports.map((i) => i.status)).toEqual(['done', 'failed', 'failed']);
  });

  it('adds to the dataset with append, and replaces it without', async () => {
    const day1 = tempFile('day1.csv', 'bol_id,shipper_name\nB1,Sample A\nB2,Sample B\n');
    const day2 = tempFile('day2.csv', 'bol_id,shipper_name\nB2,Sample B2\nB3,Sample C\n');
    await runImport(store, { format: 'bol-csv', paths: [day1], dataset: 'bills', rejectDir });
    const r = await runImport(store, {
      format: 'bol-csv',
      paths: [day2],
      dataset: 'bills',
      rejectDir,
      append: true,
    });
    expect(r).toMatchObject({ added: 1, changed: 1, removed: 0, status: 'done' });
    expect((await store.getDataset(datasetName('bills')))?.shipments).toBe(3);
    const full = await runImport(store, { format: 'bol-csv', paths: [day2], dataset: 'bills', rejectDir });
    expect(full).toMatchObject({ removed: 1, unchanged: 2 });
    expect((await store.getDataset(datasetName('bills')))?.shipments).toBe(2);
  });

  it('applies the enrich hook to every bundle', async () => {
    const r = await runImport(store, {
      format: 'cbp-wro-csv',
      paths: [`${FIXTURES}cbp-wro.csv`],
      rejectDir,
      enrich: (b) => ({
        ...b,
        entities: (b.entities ?? []).map((e) => ({
          ...e,
          properties: { ...e.properties, topics: [{ value: 'sanction' }] },
        })),
      }),
    });
    expect(r.records).toBe(6);
    const e = await store.getEntity('cbp-wro-hetian-taida-apparel-co-ltd' as never);
    expect(e?.properties.topics).toEqual(['sanction']);
  });

  it('parses in a worker thread with the same result, rejections and default enrichment', async () => {
    const rows = ['bol_id,shipper_name,shipper_address,consignee_name,arrival_date,hs_codes,port_of_lading'];
    for (let i = 0; i < 50; i++) {
      rows.push(
        `B${i},Sample Shipper ${i},"USCC 91210700701620122U, Jinzhou",Sample Buyer,2022-08-29,6109.10,YANTIAN`,
      );
      // A bill repeated within one batch (of 7): the later row is the one kept, in both paths.
      if (i === 5) rows.push('B5,Sample Shipper 5,,Sample Later Buyer,2022-09-01,6109.10,YANTIAN');
    }
    rows.push('B-bad,"broken quote,x,y,2022-01-01,,');
    rows.push('B-date,Sample,,Sample Buyer,not-a-date,,');
    const p = tempFile('threaded.csv', `${rows.join('\n')}\n`);
    const results = [];
    for (const threads of [false, true]) {
      const s = await openStore(':memory:');
      const r = await runImport(s, {
        format: 'bol-csv',
        paths: [p],
        dataset: 'bills',
        rejectDir,
        batchSize: 7,
        threads,
      });
      const ship = await s.getShipment('B3');
      const repeated = await s.getShipment('B5');
      results.push({
        records: r.records,
        added: r.added,
        changed: r.changed,
        repeated: repeated?.parties.find((x) => x.role === 'consignee')?.name,
        rejected: r.rejected,
        port: ship?.portOfLading,
        hs: ship?.lines[0]?.hsCodes,
      });
      await s.close();
    }
    expect(results[0]).toMatchObject({
      records: 50,
      added: 50,
      changed: 0,
      repeated: 'Sample Later Buyer',
      rejected: 2,
    });
    expect(results[0]?.port?.country).toBe('CN');
    expect(results[0]?.hs).toEqual(['610910']);
    expect(results[1]).toEqual(results[0]);
  });

  it('imports the facts as parsed with enrich: false', async () => {
    const p = tempFile(
      'plain.csv',
      'bol_id,shipper_name,consignee_name,port_of_lading\nB1,Sample A,Sample B,YANTIAN\n',
    );
    await runImport(store, { format: 'bol-csv', paths: [p], dataset: 'plain', rejectDir, enrich: false });
    expect((await store.getShipment('B1'))?.portOfLading).toMatchObject({
      raw: 'YANTIAN',
      code: null,
      country: null,
    });
  });
});

// Real data lives beside the repo (../shared/data); a fresh clone without it skips these.
describe.skipIf(!existsSync(SDN_2023) || !existsSync(SDN_2024))('re-importing the OFAC snapshots', () => {
  // The describe body runs even when skipped (collection): read the files only if they are there.
  const have = existsSync(SDN_2023) && existsSync(SDN_2024);
  const before = have ? rawRows(SDN_2023) : new Map<string, string>();
  const after = have ? rawRows(SDN_2024) : new Map<string, string>();
  const expected = {
    added: [...after.keys()].filter((k) => !before.has(k)).length,
    removed: [...before.keys()].filter((k) => !after.has(k)).length,
    changed: [...after.keys()].filter((k) => before.has(k) && before.get(k) !== after.get(k)).length,
  };

  it('reports exactly the added, removed and changed entries, and is idempotent', async () => {
    expect(before.size).toBe(13088);
    expect(after.size).toBe(14965);
    const first = await runImport(store, { format: 'ofac-sdn-csv', paths: [SDN_2023], rejectDir });
    expect(first).toMatchObject({ records: 13088, added: 13088, rejected: 0 });
    const second = await runImport(store, { format: 'ofac-sdn-csv', paths: [SDN_2024], rejectDir });
    expect(second).toMatchObject({
      records: 14965,
      rejected: 0,
      ...expected,
      unchanged: 14965 - expected.added - expected.changed,
    });
    const again = await runImport(store, { format: 'ofac-sdn-csv', paths: [SDN_2024], rejectDir });
    expect(again).toMatchObject({ records: 14965, added: 0, removed: 0, changed: 0, unchanged: 14965 });
    // Removed entries are dated, not deleted.
    const gone = [...before.keys()].find((k) => !after.has(k)) as string;
    const current = await store.countEntities({ datasets: [datasetName('ofac-sdn')] });
    const withRemoved = await store.countEntities({
      datasets: [datasetName('ofac-sdn')],
      includeRemoved: true,
    });
    expect(current).toBe(14965);
    expect(withRemoved).toBe(14965 + expected.removed);
    expect(await store.getEntity(`ofac-sdn-${gone}` as never)).toBeNull();
    const history = [];
    for await (const m of store.iterateMemberships({
      datasets: [datasetName('ofac-sdn')],
      includeRemoved: true,
    })) {
      if (m.entityId === `ofac-sdn-${gone}`) history.push(m);
    }
    expect(history.length).toBeGreaterThan(0);
  });

  it('an import stopped mid-way keeps whole batches, and re-running it completes it', async () => {
    await runImport(store, { format: 'ofac-sdn-csv', paths: [SDN_2023], rejectDir });
    const abort = new AbortController();
    let batches = 0;
    await expect(
      runImport(store, {
        format: 'ofac-sdn-csv',
        paths: [SDN_2024],
        rejectDir,
        batchSize: 1000,
        signal: abort.signal,
        onProgress: (p) => {
          batches = p.batches;
          if (p.batches === 3) abort.abort();
        },
      }),
    ).rejects.toMatchObject({ code: 'aborted' });
    expect(batches).toBe(3);
    const imports = await store.listImports(datasetName('ofac-sdn'));
    expect(imports.map((i) => i.status).sort()).toEqual(['done', 'failed']);
    // Nothing was marked removed by the interrupted import.
    expect(await store.countEntities({ datasets: [datasetName('ofac-sdn')] })).toBeGreaterThanOrEqual(13088);

    // A throwing progress callback stops an import the same way.
    await expect(
      runImport(store, {
        format: 'ofac-sdn-csv',
        paths: [SDN_2024],
        rejectDir,
        batchSize: 2000,
        onProgress: (p) => {
          if (p.batches === 2) throw new Error('disk full');
        },
      }),
    ).rejects.toThrow('disk full');

    const rerun = await runImport(store, { format: 'ofac-sdn-csv', paths: [SDN_2024], rejectDir });
    expect(rerun).toMatchObject({ status: 'done', records: 14965, ...expected });
    expect(await store.countEntities({ datasets: [datasetName('ofac-sdn')] })).toBe(14965);
  });
});
