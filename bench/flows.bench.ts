/**
 * Trade flows benchmark: seeded synthetic customs statistics (regions × partners × months × HS6),
 * imported into the store and analysed with the flows module.
 *
 *   npx node bench/flows.bench.ts [--rows 10000000] [--db /tmp/flows-bench.db] [--bundle cell|row]
 *                                  [--skip-import] [--import-seconds N] [--every-origin]
 *
 * Phases: (1) the module alone on an in-memory stream (generation + aggregation + series + scan
 * of every partner and sector), (2) import through `store.beginImport` / `session.write`,
 * (3) `flows` over the store: one origin with the region filter (its fifth of the rows), the full
 * set in one unfiltered pass, and with --every-origin each origin in turn.
 * `--bundle cell` (default) writes one record per region × partner × month holding its HS6 rows;
 * `--bundle row` one record per statistic, as a line-per-record CSV importer would.
 * `--import-seconds` stops the import early (the store may be slower than 10M rows allows) and
 * analyses what was written.
 */
import { rmSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { STORE_PAGE_SIZE } from '../src/cli/commands/flows.ts';
import { datasetName, provenance, type RecordBundle, type TradeStatFact } from '../src/model/index.ts';
import { monthsFrom, seededRandom } from '../src/screen/flows/fixtures/synthetic.ts';
import { aggregateFlows, seriesOf, surgesOf } from '../src/screen/flows/index.ts';
import { openStore } from '../src/store/index.ts';

const { values: args } = parseArgs({
  options: {
    rows: { type: 'string', default: '10000000' },
    db: { type: 'string', default: '/tmp/threadline-flows-bench.db' },
    bundle: { type: 'string', default: 'cell' },
    'skip-import': { type: 'boolean', default: false },
    'import-seconds': { type: 'string', default: '0' },
    'every-origin': { type: 'boolean', default: false },
  },
});

const REGIONS = ['65', '44', '33', '32', '37'];
const PARTNERS =
  'US KZ KG TJ UZ RU PK MN IN TR AE DE GB NL IR GE AZ BY AF JP KR VN MY TH ID PH BD KH LK IT FR ES PL BE SE CA MX BR AU ZA'.split(
    ' ',
  );
const MONTHS = monthsFrom('2019-01', 60);
const target = Number(args.rows);
const perCell = Math.max(1, Math.round(target / (REGIONS.length * PARTNERS.length * MONTHS.length)));

// Fictitious HS6 codes spread over chapters 01-97 (so UFLPA sectors and chapters are exercised).
const rnd0 = seededRandom(42);
const codeSet = new Set<string>();
while (codeSet.size < perCell) {
  const ch = 1 + Math.floor(rnd0() * 97);
  codeSet.add(`${ch < 10 ? '0' : ''}${ch}${String(Math.floor(rnd0() * 10000)).padStart(4, '0')}`);
}
const CODES = [...codeSet];
const BASE = CODES.map(() => 1_000 + rnd0() ** 3 * 2_000_000);
const SEASON = [0.7, 0.6, 0.9, 1, 1, 1, 1.1, 1.2, 1.3, 1.4, 1.2, 1];
const total = REGIONS.length * PARTNERS.length * MONTHS.length * CODES.length;

/** All cells of one region × partner × month, in that order. */
function* cells(): Generator<{ region: string; partner: string; month: string; stats: TradeStatFact[] }> {
  const rnd = seededRandom(7);
  for (const region of REGIONS)
    for (const partner of PARTNERS)
      for (const [mi, month] of MONTHS.entries()) {
        const season = SEASON[mi % 12] ?? 1;
        const stats = CODES.map(
          (hsCode, ci): TradeStatFact => ({
            reporterRegion: region,
            partnerCountry: partner,
            month,
            hsCode,
            valueUsd: Math.round((BASE[ci] ?? 1) * season * (0.8 + 0.4 * rnd())),
            quantity: null,
            quantityUnit: null,
            flow: 'export',
          }),
        );
        yield { region, partner, month, stats };
      }
}

function* rowsOf(region?: string): Generator<TradeStatFact> {
  for (const c of cells()) if (!region || c.region === region) yield* c.stats;
}

const mb = () => Math.round(process.resourceUsage().maxRSS / 1024);
const rate = (n: number, ms: number) => `${Math.round(n / (ms / 1000)).toLocaleString('en-US')} rows/s`;
const fmtMs = (ms: number) => `${(ms / 1000).toFixed(1)} s`;

async function analyse(
  stats: Iterable<TradeStatFact> | AsyncIterable<TradeStatFact>,
  region: string,
): Promise<{ rows: number; flags: number; ms: number; aggregateMs: number }> {
  const t0 = performance.now();
  const cube = await aggregateFlows(stats, { origin: region });
  const t1 = performance.now();
  // What `threadline flows` computes (one partner by month and by sector) plus the region-wide scan.
  seriesOf(cube, { partner: 'US' });
  seriesOf(cube, { partner: 'US', by: 'sector' });
  const flags = surgesOf(cube, { products: 'both' });
  return {
    rows: cube.diagnostics.rowsUsed,
    flags: flags.length,
    ms: performance.now() - t0,
    aggregateMs: t1 - t0,
  };
}

console.log(
  `flows bench: ${total.toLocaleString('en-US')} rows = ${REGIONS.length} regions × ${PARTNERS.length} partners × ${MONTHS.length} months × ${CODES.length} HS6`,
);

// (1) The module alone, on an in-memory stream: one origin, then every origin.
{
  let t0 = performance.now();
  let n = 0;
  for (const _ of rowsOf(REGIONS[0])) n++;
  const genMs = performance.now() - t0;
  const one = await analyse(rowsOf(REGIONS[0]), REGIONS[0] ?? '65');
  console.log(
    `module, one origin (${one.rows.toLocaleString('en-US')} rows): ${fmtMs(one.ms)} incl. generating (${fmtMs(genMs)} alone); ` +
      `aggregation ${rate(one.rows, one.aggregateMs)}; ${one.flags} flags; peak RSS ${mb()} MB`,
  );
  t0 = performance.now();
  let rows = 0;
  for (const region of REGIONS) rows += (await analyse(rowsOf(region), region)).rows;
  const ms = performance.now() - t0;
  console.log(
    `module, every origin (${rows.toLocaleString('en-US')} rows): ${fmtMs(ms)}, ${rate(rows, ms)}; peak RSS ${mb()} MB`,
  );
  void n;
}

// (2) Import through the store.
const dataset = datasetName('flows-bench');
if (!args['skip-import']) rmSync(args.db, { force: true });
const store = await openStore(args.db);
let imported = 0;
if (!args['skip-import']) {
  await store.upsertDataset({
    name: dataset,
    title: 'flows bench (synthetic)',
    publisher: null,
    url: null,
    licence: null,
    publishedAt: null,
    version: null,
  });
  const session = await store.beginImport({ dataset, format: 'synthetic', files: ['flows.bench.ts'] });
  const budgetMs = Number(args['import-seconds']) * 1000;
  const perBatch = 10_000;
  let batch: RecordBundle[] = [];
  let batchRows = 0;
  let stopped = false;
  const t0 = performance.now();
  let lastReport = t0;
  const flush = async () => {
    await session.write(batch);
    imported += batchRows;
    batch = [];
    batchRows = 0;
    const now = performance.now();
    if (now - lastReport > 30_000) {
      lastReport = now;
      console.log(
        `  … ${imported.toLocaleString('en-US')} rows, ${rate(imported, now - t0)}, RSS ${mb()} MB`,
      );
    }
    if (budgetMs > 0 && now - t0 > budgetMs) stopped = true;
  };
  outer: for (const c of cells()) {
    const key = `${c.region}-${c.partner}-${c.month}`;
    if (args.bundle === 'row') {
      for (const s of c.stats) {
        batch.push({
          provenance: provenance({ dataset, sourceFile: 'flows.bench.ts', recordKey: `${key}-${s.hsCode}` }),
          tradeStats: [s],
        });
        if (++batchRows >= perBatch) {
          await flush();
          if (stopped) break outer;
        }
      }
    } else {
      batch.push({
        provenance: provenance({ dataset, sourceFile: 'flows.bench.ts', recordKey: key }),
        tradeStats: c.stats,
      });
      batchRows += c.stats.length;
      if (batchRows >= perBatch) {
        await flush();
        if (stopped) break;
      }
    }
  }
  if (batch.length > 0) await flush();
  await session.finish({ complete: !stopped });
  const ms = performance.now() - t0;
  console.log(
    `import (${args.bundle} bundles, ${store.backend}): ${imported.toLocaleString('en-US')} rows in ${fmtMs(ms)}, ${rate(imported, ms)}` +
      `${stopped ? ' (stopped at the time budget)' : ''}; peak RSS ${mb()} MB`,
  );
}

// (3) `flows` over the store: one origin read with the region filter and page size the CLI uses, then
// the full set in one unfiltered pass (the module skips other regions), then optionally every
// origin with the region filter.
{
  const region = REGIONS[0] ?? '65';
  const one = await analyse(
    store.iterateTradeStats({ reporterRegion: region, flow: 'export', pageSize: STORE_PAGE_SIZE }),
    region,
  );
  console.log(
    `flows over the store, origin ${region} (region filter): ${one.rows.toLocaleString('en-US')} rows in ${fmtMs(one.ms)}, ${rate(one.rows, one.ms)}; ${one.flags} flags; peak RSS ${mb()} MB`,
  );
  let read = 0;
  const t1 = performance.now();
  const all = await analyse(
    (async function* () {
      for await (const s of store.iterateTradeStats()) {
        read++;
        yield s;
      }
    })(),
    region,
  );
  const allMs = performance.now() - t1;
  console.log(
    `flows over the store, full set (${read.toLocaleString('en-US')} rows read, ${all.rows.toLocaleString('en-US')} of origin ${region}): ${fmtMs(allMs)}, ${rate(read, allMs)}; peak RSS ${mb()} MB`,
  );
  if (args['every-origin']) {
    const t0 = performance.now();
    let rows = 0;
    for (const r of REGIONS)
      rows += (
        await analyse(
          store.iterateTradeStats({ reporterRegion: r, flow: 'export', pageSize: STORE_PAGE_SIZE }),
          r,
        )
      ).rows;
    const ms = performance.now() - t0;
    console.log(
      `flows over the store, every origin (region filter): ${rows.toLocaleString('en-US')} rows in ${fmtMs(ms)}, ${rate(rows, ms)}; peak RSS ${mb()} MB`,
    );
  }
}
await store.close();
