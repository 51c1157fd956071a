/**
 * Multi-tier traces at scale: a seeded synthetic cotton supply network of 1,000,000 firms in
 * five tiers (ginners → spinners → fabric mills → garment makers → importers) and 5,000,000
 * trade edges (one bill of lading each, dated 2022-2024; ~15% carry unrelated goods that the
 * trace must filter out), 1% of ginners and spinners on a list. Then:
 *   1. graph build from shipments,
 *   2. upstream traces of 4 tiers from 10,000 random import shipments (< 60 s),
 *   3. downstream traces from 1,000 listed firms, and the third-country routing scan.
 *
 *   npx node bench/graph-trace.bench.ts [--edges N] [--traces N] [--skew K (hubs; 1 = uniform)]
 *                                       [--tracer-sample N] [--downstream N]
 *
 * Two ways to trace: `Tracer` searches each start's upstream cone; `UpstreamIndex` propagates
 * exposure downstream once and answers each trace by look-up (the batch path for screening).
 */
import {
  buildGraph,
  createExposure,
  findThirdCountryRouting,
  GoodsIndex,
  Tracer,
  UpstreamIndex,
} from '../src/graph/index.ts';
import { listed, rng } from '../src/graph/testing.ts';
import type { DatasetName, EntityId, StoredMembership, StoredShipment } from '../src/model/index.ts';
import { cpu, cpuMark, mem, numArg, secs } from './measure.ts';

const E = numArg('--edges', 5_000_000);
const TRACES = numArg('--traces', 10_000);
// Degree skew: firm index = count · u^SKEW, so SKEW > 1 makes hubs (big traders, consolidators).
const SKEW = numArg('--skew', 1);
// Per-trace search on a sample only (hub-heavy networks make it slow; the index runs on all).
const TRACER_SAMPLE = numArg('--tracer-sample', TRACES);
const DOWNSTREAM = numArg('--downstream', 1000);
const DS = 'bench-bol' as DatasetName;

// Tiers: [first firm index, count, country choices, goods shipped onward].
const TIERS = [
  { name: 'ginner', start: 0, count: 50_000, countries: ['CN'], hs: ['520100', '520300'] },
  {
    name: 'spinner',
    start: 50_000,
    count: 100_000,
    countries: ['CN', 'CN', 'PK', 'IN'],
    hs: ['520512', '520522'],
  },
  {
    name: 'fabric mill',
    start: 150_000,
    count: 200_000,
    countries: ['CN', 'VN', 'BD', 'PK'],
    hs: ['520811', '520942', '600622'],
  },
  {
    name: 'garment maker',
    start: 350_000,
    count: 300_000,
    countries: ['BD', 'VN', 'KH', 'IN'],
    hs: ['610910', '620342', '630231'],
  },
  { name: 'importer', start: 650_000, count: 350_000, countries: ['US'], hs: [] },
] as const;
// Edges per tier boundary (ginner→spinner …), scaled to E.
const SPLIT = [0.16, 0.24, 0.3, 0.3];
const NOISE_HS = ['847130', '940161', '392690', '850440'];
const DAY0 = Date.UTC(2022, 0, 1) / 86_400_000;

const firm = (i: number) => `firm-${i}` as EntityId;

function* shipments(): Generator<StoredShipment> {
  const rand = rng(7);
  let n = 0;
  for (let t = 0; t < 4; t++) {
    const from = TIERS[t] as (typeof TIERS)[number];
    const to = TIERS[t + 1] as (typeof TIERS)[number];
    const edges = Math.round(E * (SPLIT[t] as number));
    for (let k = 0; k < edges; k++) {
      const a = from.start + Math.floor(rand() ** SKEW * from.count);
      const b = to.start + Math.floor(rand() ** SKEW * to.count);
      const noise = rand() < 0.15;
      const hs = noise
        ? (NOISE_HS[Math.floor(rand() * NOISE_HS.length)] as string)
        : (from.hs[Math.floor(rand() * from.hs.length)] as string);
      // Later tiers ship later on average, so a good share of links are in time order.
      const day = DAY0 + Math.floor(rand() * 700) + t * 90;
      const id = `BOL${n++}`;
      yield {
        id,
        arrivalDate: new Date(day * 86_400_000).toISOString().slice(0, 10),
        parties: [
          { role: 'shipper', name: firm(a), address: null, country: null, entityId: firm(a) },
          { role: 'consignee', name: firm(b), address: null, country: null, entityId: firm(b) },
        ],
        originCountry: null,
        portOfLading: null,
        portOfUnlading: null,
        lines: [
          {
            description: null,
            hsCodes: [hs],
            weightKg: 1000 + Math.floor(rand() * 20_000),
            quantity: null,
            quantityUnit: null,
            containers: [],
          },
        ],
        raw: {},
        provenance: { dataset: DS, sourceFile: 'synthetic-bol.csv', recordKey: id, line: n + 1 },
      };
    }
  }
}

function* entities() {
  const rand = rng(11);
  for (const t of TIERS) {
    for (let i = t.start; i < t.start + t.count; i++) {
      const cc = t.countries[Math.floor(rand() * t.countries.length)] as string;
      yield {
        id: firm(i),
        schema: 'Company',
        properties: { name: [`Synthetic ${t.name} ${i}`], country: [cc] },
      };
    }
  }
}

function* memberships(): Generator<StoredMembership> {
  const rand = rng(13);
  for (const t of [TIERS[0], TIERS[1]]) {
    for (let i = t.start; i < t.start + t.count; i++) if (rand() < 0.01) yield listed(firm(i), 'uflpa');
  }
}

let t0 = performance.now();
cpuMark();
const g = buildGraph({ entities: entities(), shipments: shipments(), memberships: memberships() });
const buildS = Number(secs(t0));
console.log(
  `graph build: ${buildS.toFixed(2)} s wall, ${cpu()} — ${g.nodeCount.toLocaleString()} firms, ${g.columns.shipIds.length.toLocaleString()} bills → ${g.columns.trade.source.length.toLocaleString()} trade edges (${Math.round(g.columns.shipIds.length / buildS).toLocaleString()} bills/s), ${g.columns.memberships.length} listings, ${mem()}`,
);

const exposure = createExposure(g, { asOf: '2025-01-01' });
const goods = new GoodsIndex(g.columns.hsCodes);
const tracer = new Tracer(g, goods);

// Start shipments: random bills into importers.
// The builder renumbers nodes, so tell importers by id, not by node index.
const importerStart = TIERS[4].start;
const isImporter = new Uint8Array(g.nodeCount);
for (let i = importerStart; i < importerStart + TIERS[4].count; i++)
  isImporter[g.nodeOf(firm(i)) as number] = 1;
const rand = rng(99);
const starts: number[] = [];
const t = g.columns.trade;
while (starts.length < TRACES) {
  const e = Math.floor(rand() * t.source.length);
  if (!isImporter[t.target[e] as number]) continue;
  const ships = g.tradeShipments(e);
  starts.push(ships[Math.floor(rand() * ships.length)] as number);
}

t0 = performance.now();
cpuMark();
let withPaths = 0;
let paths = 0;
let truncated = 0;
let steps = 0;
let maxTier = 0;
const sampleHit: boolean[] = [];
for (const s of starts.slice(0, TRACER_SAMPLE)) {
  const r = tracer.trace({ kind: 'shipment', shipment: s }, 'up', { exposure, tiers: 4 });
  if (r.paths.length > 0) withPaths++;
  sampleHit.push(r.paths.length > 0);
  paths += r.paths.length;
  if (r.truncated) truncated++;
  steps += r.steps;
  for (const p of r.paths) maxTier = Math.max(maxTier, p.links.length);
}
const traceS = Number(secs(t0));
console.log(
  `Tracer: upstream traces (4 tiers) from ${TRACER_SAMPLE.toLocaleString()} shipments: ${traceS.toFixed(2)} s wall, ${cpu()} (${Math.round(TRACER_SAMPLE / traceS).toLocaleString()} traces/s) — ${withPaths.toLocaleString()} reach a listed firm, ${paths.toLocaleString()} paths (deepest ${maxTier} tiers), ${Math.round(steps / TRACER_SAMPLE).toLocaleString()} steps/trace, ${truncated} truncated, ${mem()}`,
);

t0 = performance.now();
cpuMark();
const index = UpstreamIndex.build(g, { exposure, goods, tiers: 4 });
console.log(
  `UpstreamIndex build (exposure propagated downstream 3 tiers from every exposed firm): ${secs(t0)} s wall, ${cpu()} — ${index.stateCount.toLocaleString()} states, truncated=${index.truncated}, ${mem()}`,
);
t0 = performance.now();
cpuMark();
let idxWith = 0;
let idxPaths = 0;
let agree = 0;
for (const [i, s] of starts.entries()) {
  const r = index.upstream({ kind: 'shipment', shipment: s });
  if (r.paths.length > 0) idxWith++;
  idxPaths += r.paths.length;
  if (i < TRACER_SAMPLE && r.paths.length > 0 === sampleHit[i]) agree++;
}
const idxS = Number(secs(t0));
console.log(
  `UpstreamIndex: upstream traces (4 tiers) from ${TRACES.toLocaleString()} shipments: ${idxS.toFixed(2)} s wall, ${cpu()} (${Math.round(TRACES / Math.max(idxS, 0.001)).toLocaleString()} traces/s) — ${idxWith.toLocaleString()} reach a listed firm, ${idxPaths.toLocaleString()} paths; agrees with Tracer on ${agree.toLocaleString()}/${TRACER_SAMPLE.toLocaleString()} sampled starts`,
);

t0 = performance.now();
cpuMark();
const listedNodes = g.columns.memberships.slice(0, DOWNSTREAM).map((m) => g.nodeOf(m.entityId) as number);
let reached = 0;
for (const v of listedNodes)
  reached += tracer.trace({ kind: 'entity', node: v }, 'down', { exposure, tiers: 4 }).paths.length;
console.log(
  `downstream traces (4 tiers, up to 50 paths each) from ${listedNodes.length.toLocaleString()} listed firms: ${secs(t0)} s wall, ${cpu()} — ${reached.toLocaleString()} buyer paths`,
);

t0 = performance.now();
cpuMark();
const routing = findThirdCountryRouting(g, { exposure, goods });
console.log(
  `third-country routing scan over ${g.nodeCount.toLocaleString()} firms: ${secs(t0)} s wall, ${cpu()} — ${routing.length.toLocaleString()} intermediaries flagged`,
);
console.log(`done, ${mem()}`);
