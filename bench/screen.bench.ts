/**
 * Screening benchmark: seeded synthetic world (all names fictitious) of 100,000 entities, 1,000
 * of them listed (UFLPA, OFAC SDN, CBP WRO, BIS), 60,000 ownership links, ~3% registered or
 * located in Xinjiang, and N bills of lading (default 1,000,000) that are both the trade graph
 * and the batch screened — a year of imports screened against the store that holds them.
 *
 *   npx node bench/screen.bench.ts [--shipments 1000000] [--workers 2] [--single 200000] [--batch 2000]
 *
 * Phases: (1) snapshot build (graph + screening indexes, one pass; not part of the rate);
 * (2) one thread: `screenShard` over the first --single bills; (3) --workers worker threads fed
 * batches by the main thread (which generates the bills, as it would read them from the store).
 * Bills are regenerated from their index with a seeded generator, so nothing holds all of them.
 * Prints rows/s, bills per minute and peak memory (maxRSS, all threads).
 */
import { writeFileSync } from 'node:fs';
import { Session } from 'node:inspector/promises';
import { loadavg } from 'node:os';
import { parseArgs } from 'node:util';
import type { Entity, StoredMembership, StoredRelationship, StoredShipment } from '../src/model/index.ts';
import { seededRandom } from '../src/model/index.ts';
import { makeUscc } from '../src/normalize/index.ts';
import {
  MATCHERS,
  type RiskCounts,
  ScreenPool,
  type ScreenResult,
  Snapshot,
  screenShard,
  snapshotFromFacts,
} from '../src/screen/index.ts';
import { bill, ent, membership, ownership, prov } from '../src/screen/testing.ts';

const { values: args } = parseArgs({
  options: {
    shipments: { type: 'string', default: '1000000' },
    entities: { type: 'string', default: '100000' },
    listed: { type: 'string', default: '1000' },
    links: { type: 'string', default: '60000' },
    workers: { type: 'string', default: '2' },
    single: { type: 'string', default: '200000' },
    batch: { type: 'string', default: '2000' },
    matcher: { type: 'string', default: 'resolve' },
    profile: { type: 'string' },
  },
});
const N_SHIP = Number(args.shipments);
const N_ENT = Number(args.entities);
const N_LISTED = Number(args.listed);
const N_LINKS = Number(args.links);
const WORKERS = Number(args.workers);
const N_SINGLE = Math.min(Number(args.single), N_SHIP);
const BATCH = Number(args.batch);

const rng = seededRandom;
const pick = <T>(r: () => number, xs: readonly T[]): T => xs[Math.floor(r() * xs.length)] as T;

const SYL =
  'an bao chang da fang feng fu guang hai hua jia jin kang long ming nan ping qiang rui sheng tai tian wei xin yang yong yuan zhong'.split(
    ' ',
  );
const TRADE = [
  'Textile',
  'Trading',
  'Industrial',
  'Garment',
  'Cotton',
  'Food',
  'New Energy',
  'Technology',
  'Import & Export',
  'Metal',
  'Plastics',
  'Apparel',
];
const PLACES_CN = [
  'Guangzhou, Guangdong',
  'Ningbo, Zhejiang',
  'Suzhou, Jiangsu',
  'Qingdao, Shandong',
  'Xiamen, Fujian',
  'Shenzhen, Guangdong',
];
const DIV_CN = ['440106', '330203', '320582', '370202', '350203', '440304'];
const PLACES_XJ = [
  'Aksu, Xinjiang',
  'Shihezi, Xinjiang',
  'Kashgar, Xinjiang',
  'Urumqi, Xinjiang',
  'Korla, Xinjiang',
];
const DIV_XJ = ['652901', '659001', '653101', '650102', '652801'];
const OTHER: readonly [string, string][] = [
  ['VN', 'Ho Chi Minh City, Vietnam'],
  ['BD', 'Gazipur, Bangladesh'],
  ['IN', 'Tiruppur, India'],
  ['MY', 'Penang, Malaysia'],
  ['KH', 'Phnom Penh, Cambodia'],
  ['TH', 'Bangkok, Thailand'],
];
const US_CITY = [
  'Newark, NJ 07105',
  'Los Angeles, CA 90021',
  'Houston, TX 77002',
  'Chicago, IL 60607',
  'Savannah, GA 31401',
];
const HS_GENERAL = [
  '847130',
  '940360',
  '851660',
  '392690',
  '950300',
  '640399',
  '420292',
  '732393',
  '841981',
  '870899',
  '901890',
  '482110',
];
const HS_PRIORITY = [
  '520512',
  '520852',
  '610910',
  '620342',
  '630231',
  '200290',
  '210320',
  '854143',
  '760110',
  '391810',
  '030617',
  '721049',
  '850760',
];
const DESCRIPTIONS = [
  'MENS COTTON T-SHIRTS',
  'TOMATO PASTE IN DRUMS',
  'SOLAR MODULES',
  'OFFICE FURNITURE',
  'PLASTIC TOYS',
  'ALUMINIUM INGOTS',
  'FROZEN SHRIMP',
  'STEEL COILS',
  'LAPTOP COMPUTERS',
  'COTTON YARN',
  'VINYL FLOORING',
  'BED LINEN OF COTTON',
  'LITHIUM ION BATTERIES',
  'KITCHEN UTENSILS',
  'FOOTWEAR',
];

const usedNames = new Set<string>();
const cap = (w: string) => w.charAt(0).toUpperCase() + w.slice(1);

interface Ent {
  readonly id: string;
  readonly name: string;
  readonly country: string;
  readonly address: string | null;
}

const ents: Ent[] = [];
const EXPORTERS: number[] = [];
const IMPORTERS: number[] = [];
const MIDDLE: number[] = [];
/** Suppliers of intermediaries: the first 40,000 exporters. */
let UPSTREAM: number[] = [];

function world(): {
  entities: Entity[];
  memberships: StoredMembership[];
  relationships: StoredRelationship[];
} {
  const r = rng(1);
  const entities: Entity[] = [];
  for (let i = 0; i < N_ENT; i++) {
    const b = r();
    // Two pinyin-like words and a trade word ("Huaxin Tairui Textile"): ~700,000 word pairs, so
    // names are nearly unique without the serial numbers real company names do not carry.
    let name = '';
    do name = `${cap(pick(r, SYL))}${pick(r, SYL)} ${cap(pick(r, SYL))}${pick(r, SYL)} ${pick(r, TRADE)}`;
    while (usedNames.has(name));
    usedNames.add(name);
    let country: string;
    let address: string | null = null;
    const props: Record<string, string[]> = {};
    if (b < 0.35) {
      country = 'CN';
      const xj = r() < 0.03;
      const k = Math.floor(r() * 5);
      props.uscCode = [
        makeUscc({ division: (xj ? DIV_XJ : DIV_CN)[k] as string, org: `MA${String(i).padStart(6, '0')}` }),
      ];
      if (r() < 0.4) address = `${1 + (i % 300)} Example Road, ${(xj ? PLACES_XJ : PLACES_CN)[k]}, China`;
      props.name = [`${name} Co., Ltd.`];
      EXPORTERS.push(i);
    } else if (b < 0.7) {
      const [cc, place] = pick(r, OTHER);
      country = cc;
      if (r() < 0.4) address = `${1 + (i % 300)} Example Street, ${place}`;
      props.name = [`${name} Ltd.`];
      MIDDLE.push(i);
      EXPORTERS.push(i);
    } else {
      country = 'US';
      if (r() < 0.4) address = `${1 + (i % 900)} Main St, ${pick(r, US_CITY)}`;
      props.name = [`${name} Inc.`];
      IMPORTERS.push(i);
    }
    props.country = [country];
    if (address) props.address = [address];
    ents.push({ id: `e${i}`, name: props.name[0] as string, country, address });
    entities.push(ent(`e${i}`, props, prov('synthetic-bench', 'entities.csv', `e${i}`, i + 2)));
  }
  UPSTREAM = EXPORTERS.slice(0, 40_000);
  const memberships: StoredMembership[] = [];
  const listed = new Set<number>();
  while (listed.size < N_LISTED) listed.add(pick(r, EXPORTERS));
  for (const i of listed) {
    const x = r();
    const list = x < 0.4 ? 'uflpa' : x < 0.8 ? 'ofac-sdn' : x < 0.9 ? 'cbp-wro' : 'bis-entity';
    const year = 2019 + Math.floor(r() * 6);
    memberships.push(
      membership(
        `e${i}`,
        list,
        {
          program: list === 'uflpa' ? pick(r, ['(i)', '(ii)', '(iv)', '(v)']) : 'SYN',
          effectiveDate: `${year}-0${1 + Math.floor(r() * 9)}-15`,
        },
        prov('synthetic-bench', `${list}.csv`, `e${i}`),
      ),
    );
  }
  const relationships: StoredRelationship[] = [];
  for (let k = 0; k < N_LINKS; k++) {
    // Owners drawn mostly from the first 10% (groups), assets from everyone: chains and fan-out.
    const owner = r() < 0.7 ? Math.floor(r() * (N_ENT / 10)) : Math.floor(r() * N_ENT);
    const asset = Math.floor(r() * N_ENT);
    if (owner === asset) continue;
    const q = r();
    const pct = q < 0.5 ? 51 + Math.floor(r() * 49) : q < 0.8 ? 10 + Math.floor(r() * 40) : null;
    relationships.push(
      ownership(`e${owner}`, `e${asset}`, pct, prov('synthetic-bench', 'ownership.csv', `o${k}`, k + 2)),
    );
  }
  return { entities, memberships, relationships };
}

/** Bill i, regenerated from its index (deterministic). */
function billAt(i: number): StoredShipment {
  const r = rng(1_000_003 + i);
  const toUs = r() < 0.8;
  const shipper = ents[pick(r, toUs ? EXPORTERS : UPSTREAM)] as Ent;
  const consignee = ents[pick(r, toUs ? IMPORTERS : MIDDLE)] as Ent;
  const party = (e: Ent) =>
    r() < 0.15
      ? { name: e.name.toUpperCase().replace(/[.,]/g, ''), country: e.country, address: e.address }
      : { name: e.name, id: e.id, country: e.country, address: e.address };
  const priority = r() < 0.3;
  const hs = r() < 0.33 ? [] : [pick(r, priority ? HS_PRIORITY : HS_GENERAL)];
  const day = Math.floor(r() * 1460);
  const date = new Date(Date.UTC(2021, 0, 1) + day * 86_400_000).toISOString().slice(0, 10);
  return bill({
    id: `BOL${i}`,
    date,
    shipper: party(shipper),
    consignee: party(consignee),
    hs,
    description: pick(r, DESCRIPTIONS),
    weightKg: 500 + Math.floor(r() * 20_000),
    dataset: 'synthetic-bench-bol',
    file: 'bills.csv',
    line: i + 2,
  });
}

function* bills(from: number, to: number): Generator<StoredShipment> {
  for (let i = from; i < to; i++) yield billAt(i);
}

const cpuSeconds = (u: NodeJS.CpuUsage) => (u.user + u.system) / 1e6;
const mb = () => Math.round(process.resourceUsage().maxRSS / 1024);
const t0 = performance.now();
const w = world();
const tWorld = performance.now();
console.log(
  `world: ${N_ENT} entities, ${w.memberships.length} listed, ${w.relationships.length} ownership links, ${N_SHIP} bills (${((tWorld - t0) / 1000).toFixed(1)} s)`,
);

const data = snapshotFromFacts({ ...w, shipments: bills(0, N_SHIP) }, { asOf: '2025-01-01' });
const tSnap = performance.now();
const near = data.upstreamDist.reduce((n, d) => n + (d > 0 && d < 255 ? 1 : 0), 0);
console.log(
  `snapshot: ${data.graph.nodeIds.length} nodes, ${data.graph.trade.source.length} trade edges, watch set ${data.watch.length}, ` +
    `${data.xinjiang.length} Xinjiang-located nodes, ${near} nodes downstream of exposure; built in ${((tSnap - tWorld) / 1000).toFixed(1)} s; maxRSS ${mb()} MB`,
);

function tally(counts: RiskCounts, rs: readonly ScreenResult[]): number {
  let findings = 0;
  for (const r of rs) {
    counts[r.risk]++;
    findings += r.findings.length;
  }
  return findings;
}

// Phase 2: one thread.
{
  const factory = MATCHERS[args.matcher];
  if (!factory) throw new Error(`unknown matcher ${args.matcher}`);
  const s0 = performance.now();
  const snap = Snapshot.fromData(data, { matcher: factory });
  const s1 = performance.now();
  const c1 = process.cpuUsage();
  const counts: RiskCounts = { none: 0, low: 0, medium: 0, high: 0 };
  let findings = 0;
  // --profile FILE: a CPU profile of this phase only (open it in Chrome DevTools).
  const session = args.profile ? new Session() : null;
  if (session) {
    session.connect();
    await session.post('Profiler.enable');
    await session.post('Profiler.start');
  }
  for (let i = 0; i < N_SINGLE; i += BATCH)
    findings += tally(counts, screenShard(snap, bills(i, Math.min(N_SINGLE, i + BATCH))));
  const s2 = performance.now();
  const cpu1 = cpuSeconds(process.cpuUsage(c1));
  if (session && args.profile) {
    const { profile } = await session.post('Profiler.stop');
    writeFileSync(args.profile, JSON.stringify(profile));
    session.disconnect();
  }
  const rate = N_SINGLE / ((s2 - s1) / 1000);
  console.log(
    `one thread: ${N_SINGLE} bills in ${((s2 - s1) / 1000).toFixed(1)} s = ${Math.round(rate)} bills/s = ${((rate * 60) / 1e6).toFixed(2)} M/min ` +
      `(snapshot live in ${((s1 - s0) / 1000).toFixed(1)} s); risk ${JSON.stringify(counts)}, ${findings} findings; maxRSS ${mb()} MB`,
  );
  console.log(
    `  CPU ${cpu1.toFixed(1)} s = ${Math.round(N_SINGLE / cpu1)} bills per CPU-second ` +
      `(wall/CPU ${((s2 - s1) / 1000 / cpu1).toFixed(2)}: above 1 means other processes took the core)`,
  );
}

// Generation alone, to see what share of the pooled rate it takes on the main thread.
{
  const g0 = performance.now();
  let n = 0;
  for (const _ of bills(0, Math.min(N_SHIP, 200_000))) n++;
  const g1 = performance.now();
  console.log(`generating bills alone: ${Math.round(n / ((g1 - g0) / 1000))} bills/s`);
}

// Phase 3: worker threads.
if (WORKERS > 0) {
  const p0 = performance.now();
  const pool = await ScreenPool.start(data, WORKERS, args.matcher);
  const p1 = performance.now();
  const c2 = process.cpuUsage();
  const counts: RiskCounts = { none: 0, low: 0, medium: 0, high: 0 };
  let findings = 0;
  const inflight: Promise<ScreenResult[]>[] = [];
  for (let i = 0; i < N_SHIP; i += BATCH) {
    inflight.push(pool.screen([...bills(i, Math.min(N_SHIP, i + BATCH))]));
    while (inflight.length >= WORKERS * 2)
      findings += tally(counts, await (inflight.shift() as Promise<ScreenResult[]>));
  }
  for (const p of inflight) findings += tally(counts, await p);
  const p2 = performance.now();
  const cpu2 = cpuSeconds(process.cpuUsage(c2));
  await pool.close();
  const rate = N_SHIP / ((p2 - p1) / 1000);
  console.log(
    `${WORKERS} workers: ${N_SHIP} bills in ${((p2 - p1) / 1000).toFixed(1)} s = ${Math.round(rate)} bills/s = ${((rate * 60) / 1e6).toFixed(2)} M/min ` +
      `(pool start incl. snapshot copy ${((p1 - p0) / 1000).toFixed(1)} s); risk ${JSON.stringify(counts)}, ${findings} findings; maxRSS ${mb()} MB`,
  );
  const perCpu = N_SHIP / cpu2;
  console.log(
    `  CPU ${cpu2.toFixed(1)} s (all threads, main included) = ${Math.round(perCpu)} bills per CPU-second; ` +
      `on 2 idle cores that is ${((perCpu * 2 * 60) / 1e6).toFixed(2)} M bills/min; load average now ${loadavg()
        .map((x) => x.toFixed(1))
        .join(' ')}`,
  );
}
console.log(`peak memory (maxRSS, all threads): ${mb()} MB`);
