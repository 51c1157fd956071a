/**
 * bol-csv import benchmark: a seeded synthetic bill-of-lading CSV (default 500,000 rows, all
 * names fictitious) in the OS temp dir, imported by the driver into an embedded SQLite store
 * file. Prints rows/s for the parser alone and for the whole import, the share of time spent
 * in the store's `session.write`, and peak memory (maxRSS). Target: ≥ 50,000 rows/s.
 *
 *   npx node bench/import-bol.bench.ts [ROWS]
 */
import { createWriteStream } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { benchImport, rng } from '../src/ingest/bench-support.ts';

const ROWS = Number(process.argv[2] ?? 500_000);
const file = join(tmpdir(), `threadline-bol-bench-${ROWS}.csv`);

const rand = rng(7);
const pick = <T>(xs: readonly T[]): T => xs[Math.floor(rand() * xs.length)] as T;
const WORDS = 'Sample Alpha Beta Gamma Delta Orion Vega Lyra Nova Atlas Zephyr Cedar Maple'.split(' ');
const FORMS = ['Co., Ltd.', 'Trading Co., Ltd.', 'Inc', 'LLC', 'Textile Co., Ltd.', 'Industrial Co.'];
const COUNTRIES = ['CN', 'China', 'VN', 'Viet Nam', 'BD', 'Bangladesh', 'US', 'KH'];
const PORTS = ['Yantian', 'Shanghai', 'Ningbo', 'Ho Chi Minh City', 'Chittagong'];
const US_PORTS = ['Long Beach', 'Los Angeles', 'New York/Newark', 'Savannah', 'Seattle'];
const GOODS = [
  'COTTON T-SHIRTS',
  'KNITTED SWEATERS',
  'PLUSH TOYS',
  'SOLAR MODULES',
  'TOMATO PASTE',
  'BACKPACKS',
];
const HS = ['6109.10', '6110.20', '9503.00', '8541.43', '2002.90', '4202.92', '5201.00;5205.12'];
const company = () => `${pick(WORDS)} ${pick(WORDS)} ${pick(FORMS)}`;

const out = createWriteStream(file);
out.write(
  'bol_id,arrival_date,shipper_name,shipper_address,shipper_country,consignee_name,consignee_address,consignee_country,notify_name,manufacturer_name,manufacturer_address,manufacturer_country,origin_country,port_of_lading,port_of_unlading,hs_codes,description,weight_kg,quantity,quantity_unit\n',
);
let chunk = '';
for (let i = 0; i < ROWS; i++) {
  const day = 1 + Math.floor(rand() * 28);
  const month = 1 + Math.floor(rand() * 12);
  chunk +=
    `SMPL${String(i).padStart(9, '0')},2022-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')},` +
    `"${company()}","No. ${Math.floor(rand() * 999)} Sample Road, Sample City",${pick(COUNTRIES)},` +
    `"${company()}","${Math.floor(rand() * 999)} Main St, Sample Town",US,` +
    `${rand() < 0.5 ? `"${company()}"` : ''},${rand() < 0.3 ? `"${company()}"` : ''},,,${pick(COUNTRIES)},` +
    `${pick(PORTS)},${pick(US_PORTS)},${pick(HS)},"${pick(GOODS)}, ${Math.floor(rand() * 999)} CTNS",` +
    `${(rand() * 20000).toFixed(1)},${Math.floor(rand() * 2000)},CTN\n`;
  if (chunk.length > 1 << 20) {
    if (!out.write(chunk)) await new Promise<void>((r) => out.once('drain', () => r()));
    chunk = '';
  }
}
out.write(chunk);
await new Promise<void>((r) => out.end(() => r()));
console.log(`bol-csv: ${ROWS} synthetic rows in ${file}`);
await benchImport('bol-csv', file, ROWS, 'rows');
