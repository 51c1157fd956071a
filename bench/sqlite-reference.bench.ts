/**
 * The VM's reference speed for the import benchmarks: the SQLite work of a bol-csv import and
 * nothing else. A fresh store file gets the store's schema and settings; then rows shaped like
 * the benchmark's bills (a `records` row and a `shipments` row each, JSON as the importer
 * writes it, built before the clock starts) go in through two prepared single-row INSERTs,
 * 2,000 rows per transaction. No parsing, hashing, lookups or worker.
 *
 * This VM's speed drifts by ±30% over minutes: run this beside bench/import-*.bench.ts and
 * quote both, so a figure can be told apart from the machine's mood.
 *
 *   npx node bench/sqlite-reference.bench.ts [ROWS]
 */
import { rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { rng } from '../src/ingest/bench-support.ts';
import { openSqliteFile } from '../src/store/exec-sqlite.ts';
import { openStore } from '../src/store/index.ts';
import { mem } from './measure.ts';

const ROWS = Number(process.argv[2] ?? 500_000);
const BATCH = 2_000;
const db = join(tmpdir(), 'threadline-sqlite-reference.db');
const clean = () => {
  for (const suffix of ['', '-wal', '-shm']) rmSync(`${db}${suffix}`, { force: true });
};
clean();
await (await openStore(db)).close();

const rand = rng(7);
const word = () => ['Alpha', 'Vega', 'Lyra', 'Nova', 'Atlas', 'Cedar'][Math.floor(rand() * 6)];
const records: unknown[][] = [];
const shipments: unknown[][] = [];
for (let i = 0; i < ROWS; i++) {
  const key = `SMPL${String(i).padStart(9, '0')}`;
  const party = (role: string, country: string) =>
    `{"role":"${role}","name":"${word()} ${word()} Co., Ltd.","address":"No. ${i % 999} Sample Road, Sample City","country":"${country}","entityId":null}`;
  records.push([i + 1, 'bol', key, rand().toString(36).slice(2, 29).padEnd(27, 'x'), 1, 1, 1]);
  shipments.push([
    i + 1,
    0,
    'bol',
    key,
    '/tmp/bench.csv',
    i + 2,
    key,
    `2022-0${1 + (i % 9)}-1${i % 10}`,
    'VN',
    `[${party('shipper', 'VN')},${party('consignee', 'US')}]`,
    '{"raw":"Ningbo","code":"CNNGB","country":"CN"}',
    '{"raw":"Los Angeles","code":"USLAX","country":"US"}',
    `[{"description":"KNITTED SWEATERS, ${i % 999} CTNS","hsCodes":["611020"],"weightKg":${(i % 20000) + 0.5},"quantity":${i % 2000},"quantityUnit":"CTN","containers":[]}]`,
    '{}',
  ]);
}

const raw = openSqliteFile(db);
const insRecord = raw.prepare(
  'insert into records (id, dataset, record_key, hash, first_import, changed_import, last_import) values (?, ?, ?, ?, ?, ?, ?)',
);
const insShipment = raw.prepare(
  'insert into shipments (rec_id, ord, dataset, record_key, source_file, line, id, arrival_date, origin_country, parties, port_lading, port_unlading, lines, raw) values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)',
);
const batch = raw.transaction((from: number, to: number) => {
  for (let i = from; i < to; i++) {
    insRecord.run(records[i] as unknown[]);
    insShipment.run(shipments[i] as unknown[]);
  }
});
const t0 = performance.now();
for (let i = 0; i < ROWS; i += BATCH) batch(i, Math.min(ROWS, i + BATCH));
const s = (performance.now() - t0) / 1000;
raw.close();
clean();
console.log(
  `sqlite reference: ${ROWS} bills (records + shipments rows) in ${s.toFixed(2)} s = ${Math.round(ROWS / s)} rows/s; ${mem()}`,
);
