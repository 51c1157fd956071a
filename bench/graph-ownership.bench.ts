/**
 * Effective ownership at registry scale: a seeded synthetic registry of 1,000,000 companies
 * and 2,000,000 ownership links (group structure: most owners nearby, some far; ~2% unknown
 * shares; small cross-holdings), then
 *   1. graph build from arrays,
 *   2. effective ownership from one root whose holdings cover most of the registry (< 2 s),
 *      owners of a deep company, and the OFAC 50% rule from 1,000 seeds,
 *   3. (unless --no-store) the same registry written once to an embedded store file (cached in
 *      the OS temp dir) and the graph loaded from it (< 30 s).
 *
 *   npx node bench/graph-ownership.bench.ts [--companies N] [--links N] [--no-store] [--rebuild-store]
 */
import { existsSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { applyOfacRule, buildGraph, loadGraph, OwnershipEngine } from '../src/graph/index.ts';
import { rng } from '../src/graph/testing.ts';
import type { DatasetName, EntityId, RecordBundle, StoredRelationship } from '../src/model/index.ts';
import { openStore } from '../src/store/index.ts';
import { cpu, cpuMark, flag, mem, numArg, secs } from './measure.ts';

const N = numArg('--companies', 1_000_000);
const M = numArg('--links', 2_000_000);
const DS = 'bench-registry' as DatasetName;

/**
 * Links as columns: owner, asset, share (percent, NaN = unknown). Owners have lower indices than
 * their assets, except cross-holdings: a company with a single owner takes a small stake back
 * in it (a 2-node cycle, as real cross-holdings are small and local).
 */
function generate(): { owner: Uint32Array; asset: Uint32Array; pct: Float64Array } {
  const rand = rng(2024);
  const owner = new Uint32Array(M);
  const asset = new Uint32Array(M);
  const pct = new Float64Array(M);
  const ownerCount = new Uint32Array(N);
  const firstOwner = new Int32Array(N).fill(-1);
  let m = 0;
  const add = (o: number, a: number, p: number) => {
    owner[m] = o;
    asset[m] = a;
    pct[m] = p;
    m++;
    if (ownerCount[a] === 0) firstOwner[a] = o;
    ownerCount[a] = (ownerCount[a] as number) + 1;
  };
  const crossTarget = Math.round(M * 0.002);
  const mainLinks = M - crossTarget - Math.round(M * 0.005);
  const scale = M / N / 2;
  for (let i = 1; i < N && m < mainLinks; i++) {
    // 1 owner (58%), 2 (20%), else 3-6: mean ≈ 1.98 links per company at 2 links per company.
    const r = rand();
    let k = r < 0.58 ? 1 : r < 0.78 ? 2 : 3 + Math.floor(rand() * 4);
    if (scale !== 1) k = Math.max(1, Math.round(k * scale));
    k = Math.min(k, i, mainLinks - m);
    const total = 60 + rand() * 40;
    const weights: number[] = [];
    for (let j = 0; j < k; j++) weights.push(0.2 + rand());
    const sum = weights.reduce((a, b) => a + b, 0);
    const chosen = new Set<number>();
    for (let j = 0; j < k; j++) {
      // Groups: 75% of owners sit within 200 companies of their asset, the rest anywhere earlier.
      let o = rand() < 0.75 ? i - 1 - Math.floor(rand() * Math.min(200, i)) : Math.floor(rand() * i);
      while (chosen.has(o)) o = Math.floor(rand() * i);
      chosen.add(o);
      add(
        o,
        i,
        rand() < 0.02 ? Number.NaN : Math.round(((total * (weights[j] as number)) / sum) * 100) / 100,
      );
    }
  }
  // Far minority stakes (still acyclic), leaving the solely-owned companies alone.
  while (m < M - crossTarget) {
    const a = 1 + Math.floor(rand() * (N - 1));
    if (ownerCount[a] === 1) continue;
    add(Math.floor(rand() * a), a, Math.round(rand() * 1000) / 100);
  }
  // Cross-holdings.
  while (m < M) {
    const i = 1 + Math.floor(rand() * (N - 1));
    if (ownerCount[i] !== 1) continue;
    add(i, firstOwner[i] as number, 1 + Math.round(rand() * 900) / 100);
    ownerCount[i] = 2; // not chosen twice
  }
  return { owner, asset, pct };
}

const cid = (i: number) => `co-${i}` as EntityId;
function relationship(
  l: { owner: Uint32Array; asset: Uint32Array; pct: Float64Array },
  j: number,
): StoredRelationship {
  const p = l.pct[j] as number;
  return {
    id: `own-${j}` as EntityId,
    kind: 'ownership',
    schema: 'Ownership',
    source: cid(l.owner[j] as number),
    target: cid(l.asset[j] as number),
    percentage: Number.isNaN(p) ? null : p,
    role: null,
    startDate: null,
    endDate: null,
    provenance: {
      dataset: DS,
      sourceFile: 'synthetic-registry.csv',
      recordKey: `co-${l.asset[j]}`,
      line: j + 2,
    },
  };
}

let t0 = performance.now();
const links = generate();
console.log(`generated ${N.toLocaleString()} companies, ${M.toLocaleString()} links in ${secs(t0)} s`);

/** Build from arrays and query; returns nothing so the graph can be collected before the store load. */
function inMemory(): void {
  t0 = performance.now();
  cpuMark();
  const g = buildGraph({
    entities: (function* () {
      for (let i = 0; i < N; i++)
        yield { id: cid(i), schema: 'Company', properties: { name: [`Synthetic Company ${i}`] } };
    })(),
    relationships: (function* () {
      for (let j = 0; j < M; j++) yield relationship(links, j);
    })(),
  });
  const buildS = secs(t0);
  console.log(
    `graph build from arrays: ${buildS} s wall, ${cpu()} (${Math.round((N + M) / Number(buildS)).toLocaleString()} rows/s), ${g.columns.ownership.source.length.toLocaleString()} edges, ${mem()}`,
  );

  const eng = new OwnershipEngine(g);
  eng.reach(g.nodeOf('co-1') as number, 'down'); // warm up the JIT on a small cone
  for (const root of [0, 10, 5000]) {
    t0 = performance.now();
    cpuMark();
    const r = eng.reach(g.nodeOf(cid(root)) as number, 'down');
    let unknown = 0;
    let over50 = 0;
    for (let i = 0; i < r.nodes.length; i++) {
      if ((r.unknownPaths[i] as number) > 0) unknown++;
      if ((r.knownPct[i] as number) >= 50) over50++;
    }
    console.log(
      `effective ownership from co-${root} (query + reading every node's share): ${secs(t0)} s wall, ${cpu()} — ${r.nodes.length.toLocaleString()} companies reached, ${over50.toLocaleString()} ≥ 50%, ${unknown.toLocaleString()} with unknown shares, ${r.cycleSteps.toLocaleString()} steps in cycles, truncated=${r.truncated}, ${mem()}`,
    );
  }
  t0 = performance.now();
  cpuMark();
  const up = eng.reach(g.nodeOf(cid(N - 1)) as number, 'up');
  console.log(
    `owners of co-${N - 1}: ${secs(t0)} s wall, ${cpu()} — ${up.nodes.length.toLocaleString()} owners, truncated=${up.truncated}`,
  );

  t0 = performance.now();
  const seeds = Array.from({ length: 1000 }, (_, i) => g.nodeOf(cid(i * 997)) as number);
  const ofac = applyOfacRule(g, { seedLists: [], extraSeeds: seeds });
  console.log(
    `OFAC 50% rule from 1,000 seeds: ${secs(t0)} s — ${ofac.blocked.length.toLocaleString()} blocked, ${ofac.undetermined.length.toLocaleString()} undetermined`,
  );
}
inMemory();

if (!flag('--no-store')) {
  const file = join(tmpdir(), `threadline-bench-registry-${N}-${M}.db`);
  if (flag('--rebuild-store')) rmSync(file, { force: true });
  if (!existsSync(file)) {
    t0 = performance.now();
    const store = await openStore(`${file}.tmp`);
    await store.upsertDataset({
      name: DS,
      title: 'Synthetic registry (benchmark)',
      publisher: null,
      url: null,
      licence: null,
      publishedAt: null,
      version: null,
    });
    const session = await store.beginImport({
      dataset: DS,
      format: 'bench',
      files: ['synthetic-registry.csv'],
    });
    // One record per company, as a registry row: the company and the stakes held in it.
    const byAsset = new Uint32Array(N + 1);
    for (let j = 0; j < M; j++)
      byAsset[(links.asset[j] as number) + 1] = (byAsset[(links.asset[j] as number) + 1] as number) + 1;
    for (let i = 0; i < N; i++) byAsset[i + 1] = (byAsset[i + 1] as number) + (byAsset[i] as number);
    const order = new Uint32Array(M);
    const cursor = byAsset.slice(0, N);
    for (let j = 0; j < M; j++) {
      const a = links.asset[j] as number;
      order[cursor[a] as number] = j;
      cursor[a] = (cursor[a] as number) + 1;
    }
    let batch: RecordBundle[] = [];
    for (let i = 0; i < N; i++) {
      const rels: StoredRelationship[] = [];
      for (let k = byAsset[i] as number; k < (byAsset[i + 1] as number); k++)
        rels.push(relationship(links, order[k] as number));
      batch.push({
        provenance: { dataset: DS, sourceFile: 'synthetic-registry.csv', recordKey: `co-${i}`, line: i + 2 },
        entities: [
          { id: cid(i), schema: 'Company', properties: { name: [{ value: `Synthetic Company ${i}` }] } },
        ],
        relationships: rels.map(({ provenance: _p, ...fact }) => fact),
      });
      if (batch.length === 5000) {
        await session.write(batch);
        batch = [];
        if (i % 100_000 < 5000)
          process.stderr.write(`  writing store: ${i.toLocaleString()} companies, ${secs(t0)} s\n`);
      }
    }
    if (batch.length > 0) await session.write(batch);
    await session.finish({ complete: true });
    await store.close();
    const { renameSync } = await import('node:fs');
    renameSync(`${file}.tmp`, file);
    console.log(`wrote the registry to ${file} in ${secs(t0)} s (one-off, cached)`);
  }
  const store = await openStore(file);
  t0 = performance.now();
  cpuMark();
  const g2 = await loadGraph(store, { trade: false });
  const loadS = secs(t0);
  console.log(
    `graph load from the store (${store.backend}): ${loadS} s wall, ${cpu()} — ${g2.nodeCount.toLocaleString()} nodes, ${g2.columns.ownership.source.length.toLocaleString()} edges, ${Math.round((N + M) / Number(loadS)).toLocaleString()} rows/s, ${mem()}`,
  );
  await store.close();
  const e2 = new OwnershipEngine(g2);
  e2.reach(g2.nodeOf('co-1') as number, 'down'); // warm-up
  for (const root of [0, 10, 5000]) {
    t0 = performance.now();
    cpuMark();
    const r2 = e2.reach(g2.nodeOf(cid(root)) as number, 'down');
    let over50 = 0;
    for (let i = 0; i < r2.nodes.length; i++) if ((r2.knownPct[i] as number) >= 50) over50++;
    console.log(
      `effective ownership from co-${root} on the loaded graph: ${secs(t0)} s wall, ${cpu()} — ${r2.nodes.length.toLocaleString()} reached, ${over50.toLocaleString()} ≥ 50%, truncated=${r2.truncated}`,
    );
  }
}
console.log(`done, ${mem()}`);
