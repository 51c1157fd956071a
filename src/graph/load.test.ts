import { existsSync } from 'node:fs';
import Database from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  type DatasetName,
  datasetName,
  type EntityId,
  type RecordBundle,
  type ShipmentFact,
} from '../model/index.ts';
import { openStore, type Store } from '../store/index.ts';
import { OwnershipEngine } from './effective-ownership.ts';
import { createExposure } from './exposure.ts';
import { loadGraph } from './load.ts';
import { applyOfacRule } from './ofac.ts';
import { Tracer } from './trace.ts';

// Synthetic, fictitious records written through the real store, then read back as a graph.
const DS = datasetName('synthetic-graph');
const prov = (key: string, line: number | null = null) => ({
  dataset: DS,
  sourceFile: 'synthetic-graph.jsonl',
  recordKey: key,
  line,
});
const id = (s: string) => s as EntityId;

function company(key: string, name: string, country: string): RecordBundle {
  return {
    provenance: prov(key),
    entities: [
      {
        id: id(key),
        schema: 'Company',
        properties: { name: [{ value: name }], country: [{ value: country }] },
      },
    ],
  };
}

function shipment(key: string, from: string, to: string, date: string, hs: string): RecordBundle {
  const s: ShipmentFact = {
    id: key,
    arrivalDate: date,
    parties: [
      { role: 'shipper', name: from, address: null, country: null, entityId: null },
      { role: 'consignee', name: to, address: null, country: null, entityId: null },
    ],
    originCountry: null,
    portOfLading: null,
    portOfUnlading: null,
    lines: [
      {
        description: null,
        hsCodes: [hs],
        weightKg: 1000,
        quantity: null,
        quantityUnit: null,
        containers: [],
      },
    ],
    raw: {},
  };
  return { provenance: prov(key, 7), shipments: [s] };
}

describe('loadGraph from the store', () => {
  let store: Store;
  beforeAll(async () => {
    store = await openStore(':memory:');
    await store.upsertDataset({
      name: DS,
      title: 'Synthetic graph fixture',
      publisher: null,
      url: null,
      licence: null,
      publishedAt: null,
      version: null,
    });
    const session = await store.beginImport({
      dataset: DS,
      format: 'test',
      files: ['synthetic-graph.jsonl'],
    });
    await session.write([
      company('sdn', 'Synthetic Listed Corps', 'CN'),
      company('hold', 'Synthetic Holding', 'CN'),
      company('mill', 'Synthetic Spinning Mill', 'CN'),
      company('garm', 'Synthetic Garments', 'BD'),
      {
        provenance: prov('own-1', 2),
        relationships: [
          {
            id: id('own-1'),
            kind: 'ownership',
            schema: 'Ownership',
            source: id('sdn'),
            target: id('hold'),
            percentage: 60,
            role: null,
            startDate: null,
            endDate: null,
          },
          {
            id: id('own-2'),
            kind: 'ownership',
            schema: 'Ownership',
            source: id('hold'),
            target: id('mill'),
            percentage: 100,
            role: null,
            startDate: null,
            endDate: null,
          },
        ],
      },
      {
        provenance: prov('m-1'),
        memberships: [
          {
            id: 'm-1',
            entityId: id('sdn'),
            list: 'ofac-sdn',
            program: 'GLOMAG',
            effectiveDate: '2020-07-31',
            endDate: null,
            scope: null,
            rawText: 'synthetic',
          },
        ],
      },
      shipment('bol-1', 'SYNTHETIC SPINNING MILL', 'Synthetic Garments Ltd', '2023-01-02', '5205.12'),
      shipment('bol-2', 'Synthetic Garments Ltd', 'Synthetic US Buyer', '2023-03-01', '6109.10'),
    ]);
    await session.finish({ complete: true });
    // The resolver attaches the first bill's parties; the US buyer stays unresolved.
    await store.setPartyEntities([
      { shipmentId: 'bol-1', dataset: DS, role: 'shipper', entityId: id('mill') },
      { shipmentId: 'bol-1', dataset: DS, role: 'consignee', entityId: id('garm') },
      { shipmentId: 'bol-2', dataset: DS, role: 'shipper', entityId: id('garm') },
    ]);
  });
  afterAll(async () => {
    await store?.close();
  });

  it('builds nodes, ownership, memberships and trade edges with provenance', async () => {
    const phases: string[] = [];
    const g = await loadGraph(store, { onProgress: (p) => p.done && phases.push(p.phase) });
    expect(phases).toEqual(['resolution', 'entities', 'relationships', 'memberships', 'shipments']);
    const mill = g.nodeOf('mill') as number;
    const garm = g.nodeOf('garm') as number;
    expect(g.nodeName(mill)).toBe('Synthetic Spinning Mill');
    expect(g.nodeCountry(garm)).toBe('BD');
    expect(g.membershipsOf(g.nodeOf('sdn') as number)[0]?.program).toBe('GLOMAG');
    const e = g.tradeEdge(mill, garm);
    expect(e).toBeGreaterThanOrEqual(0);
    const s = g.shipment(g.tradeShipments(e)[0] as number);
    expect(s).toMatchObject({ id: 'bol-1', date: '2023-01-02', hsCodes: ['520512'], weightKg: 1000 });
    expect(s.provenance).toEqual({
      dataset: DS,
      sourceFile: 'synthetic-graph.jsonl',
      recordKey: 'bol-1',
      line: 7,
    });
    // The unresolved consignee forms a synthetic party node.
    expect(g.nodeOf('party:??:synthetic us buyer')).toBeDefined();

    const eng = new OwnershipEngine(g);
    expect(eng.reach(g.nodeOf('sdn') as number, 'down').share(mill)?.knownPct).toBeCloseTo(60, 10);
    const ofac = applyOfacRule(g, { asOf: '2024-01-01' });
    expect(ofac.isBlocked(mill)).toBe(true);
    expect(g.ownershipFacts(0)[0]?.provenance.line).toBe(2);

    const exposure = createExposure(g, { asOf: '2024-01-01', ofac });
    const buyer = g.nodeOf('party:??:synthetic us buyer') as number;
    const r = new Tracer(g).trace({ kind: 'entity', node: buyer }, 'up', { exposure });
    expect(r.paths.map((p) => g.nodeId(p.node))).toEqual(['mill']);
    expect(r.paths[0]?.reasons.map((x) => x.kind)).toEqual(['ofac_blocked', 'owned_by_listed']);
  });

  it('can skip trade for ownership questions', async () => {
    const g = await loadGraph(store, { trade: false });
    expect(g.columns.shipIds).toHaveLength(0);
    expect(g.columns.ownership.source.length).toBe(2);
  });
});

// The real KEK network through the store (file beside the repo; skipped in a fresh clone).
const KEK = new URL('../../../shared/data/kek-ownership.sqlite', import.meta.url).pathname;
describe.skipIf(!existsSync(KEK))('KEK ownership network through the store', () => {
  it('gives the same effective ownership as the direct load', async () => {
    const db = new Database(KEK, { readonly: true });
    const companies = db.prepare('SELECT id, name FROM company').all() as { id: number; name: string }[];
    const shares = db.prepare('SELECT rowid, shareholder, owns, share FROM shares').all() as {
      rowid: number;
      shareholder: number;
      owns: number;
      share: number | null;
    }[];
    db.close();
    const store = await openStore(':memory:');
    try {
      const kek = 'kek' as DatasetName;
      await store.upsertDataset({
        name: kek,
        title: 'KEK media ownership',
        publisher: 'KEK',
        url: null,
        licence: 'MIT (FtM test fixture)',
        publishedAt: null,
        version: null,
      });
      const session = await store.beginImport({
        dataset: kek,
        format: 'sqlite',
        files: ['kek-ownership.sqlite'],
      });
      const p = (key: string, line: number | null) => ({
        dataset: kek,
        sourceFile: 'kek-ownership.sqlite',
        recordKey: key,
        line,
      });
      await session.write(
        companies.map((c) => ({
          provenance: p(`company:${c.id}`, null),
          entities: [
            { id: id(`kek-${c.id}`), schema: 'Company' as const, properties: { name: [{ value: c.name }] } },
          ],
        })),
      );
      await session.write(
        shares.map((s) => ({
          provenance: p(`shares:${s.rowid}`, s.rowid),
          relationships: [
            {
              id: id(`kek-own-${s.shareholder}-${s.owns}`),
              kind: 'ownership' as const,
              schema: 'Ownership' as const,
              source: id(`kek-${s.shareholder}`),
              target: id(`kek-${s.owns}`),
              percentage: s.share,
              role: null,
              startDate: null,
              endDate: null,
            },
          ],
        })),
      );
      await session.finish({ complete: true });
      const g = await loadGraph(store, { trade: false });
      expect(g.nodeCount).toBe(3065);
      const eng = new OwnershipEngine(g);
      const v = (n: number) => g.nodeOf(`kek-${n}`) as number;
      expect(eng.reach(v(329), 'down').share(v(333))?.knownPct).toBeCloseTo(42.1, 9);
      expect(eng.reach(v(367), 'down').share(v(3270))?.knownPct).toBeCloseTo(6.432, 9);
      expect(g.nodeName(v(329))).toBe('The Walt Disney Company, Inc.');
    } finally {
      await store.close();
    }
  });
});
