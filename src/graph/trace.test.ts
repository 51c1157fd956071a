import { describe, expect, it } from 'vitest';
import { buildGraph } from './builder.ts';
import { createExposure } from './exposure.ts';
import type { Graph } from './graph.ts';
import { findThirdCountryRouting } from './routing.ts';
import { company, listed, own, ship } from './testing.ts';
import { type TraceResult, Tracer } from './trace.ts';

// A fictitious cotton chain (all names synthetic): raw cotton → yarn → fabric → T-shirts → US.
const entities = [
  company('xj-cotton', 'Synthetic XJ Cotton Co', 'CN'),
  company('yarn-mill', 'Synthetic Yarn Mill', 'CN'),
  company('fabric-co', 'Synthetic Fabric Co', 'VN'),
  company('garment-co', 'Synthetic Garment Co', 'BD'),
  company('importer', 'Synthetic US Importer', 'US'),
  company('late-yarn', 'Synthetic Late Yarn', 'CN'),
  company('tomato-co', 'Synthetic Tomato Co', 'CN'),
];
const shipments = [
  ship({ id: 'B1', from: 'xj-cotton', to: 'yarn-mill', date: '2023-01-10', hs: ['520100'] }),
  ship({ id: 'B2', from: 'yarn-mill', to: 'fabric-co', date: '2023-02-10', hs: ['520512'] }),
  ship({ id: 'B3', from: 'fabric-co', to: 'garment-co', date: '2023-03-10', hs: ['520811'] }),
  ship({ id: 'B4', from: 'garment-co', to: 'importer', date: '2023-04-10', hs: ['610910'] }),
  // Yarn arriving after the fabric shipped: wrong time order.
  ship({ id: 'L1', from: 'late-yarn', to: 'fabric-co', date: '2023-03-20', hs: ['520512'] }),
  // Tomato paste cannot be an input of T-shirts: incompatible goods.
  ship({ id: 'T1', from: 'tomato-co', to: 'garment-co', date: '2023-01-01', hs: ['200290'] }),
];
const memberships = [
  listed('xj-cotton', 'uflpa'),
  listed('late-yarn', 'uflpa'),
  listed('tomato-co', 'uflpa'),
];

function setup(extra: Parameters<typeof buildGraph>[0] = {}) {
  const g = buildGraph({
    entities: [...entities, ...(extra.entities ?? [])],
    shipments: [...shipments, ...(extra.shipments ?? [])],
    memberships: [...memberships, ...(extra.memberships ?? [])],
    relationships: [...(extra.relationships ?? [])],
  });
  const exposure = createExposure(g, { asOf: '2024-01-01' });
  return { g, exposure, tracer: new Tracer(g), v: (id: string) => g.nodeOf(id) as number };
}

function reached(g: Graph, r: TraceResult): string[] {
  return r.paths.map((p) => g.nodeId(p.node)).sort();
}

describe('upstream trace', () => {
  const { g, exposure, tracer, v } = setup();
  const b4 = g.shipmentRowOf('B4');

  it('follows input-compatible, time-ordered goods four tiers up from a shipment', () => {
    const r = tracer.trace({ kind: 'shipment', shipment: b4 }, 'up', { exposure });
    expect(reached(g, r)).toEqual(['xj-cotton']);
    const path = r.paths[0];
    expect(path?.links.map((l) => [g.nodeId(l.supplier), g.nodeId(l.buyer)])).toEqual([
      ['garment-co', 'importer'],
      ['fabric-co', 'garment-co'],
      ['yarn-mill', 'fabric-co'],
      ['xj-cotton', 'yarn-mill'],
    ]);
    // Every link cites its bill of lading with provenance.
    expect(path?.links.map((l) => l.shipments.map((s) => g.shipment(s).id))).toEqual([
      ['B4'],
      ['B3'],
      ['B2'],
      ['B1'],
    ]);
    expect(g.shipment(path?.links[3]?.shipments[0] ?? -1).provenance.sourceFile).toBe('synthetic-bol.csv');
    const top = path?.links[3]?.goods[0];
    expect(top?.input).toBe('520100');
    expect(top?.output).toBe('520512');
    expect(top?.match?.rule).toBe('chain');
    expect(path?.reasons[0]?.kind).toBe('listed');
    expect(path?.links[3]?.highPriority).toBe(true);
  });

  it('excludes a supplier whose goods arrived after the buyer shipped (wrong time order)', () => {
    const r = tracer.trace({ kind: 'entity', node: v('fabric-co') }, 'up', { exposure });
    // fabric-co's own suppliers are unconstrained at tier 1: late-yarn is its direct supplier.
    expect(reached(g, r)).toContain('late-yarn');
    const fromB3 = tracer.trace({ kind: 'shipment', shipment: g.shipmentRowOf('B3') }, 'up', { exposure });
    expect(reached(g, fromB3)).toEqual(['xj-cotton']);
  });

  it('excludes incompatible goods (tomato paste is no input of T-shirts)', () => {
    const r = tracer.trace({ kind: 'shipment', shipment: b4 }, 'up', { exposure });
    expect(reached(g, r)).not.toContain('tomato-co');
  });

  it('stops at the tier limit', () => {
    const r = tracer.trace({ kind: 'shipment', shipment: b4 }, 'up', { exposure, tiers: 3 });
    expect(r.paths).toHaveLength(0);
  });

  it('from an entity, takes all it received as the first link', () => {
    const r = tracer.trace({ kind: 'entity', node: v('importer') }, 'up', { exposure });
    expect(reached(g, r)).toEqual(['xj-cotton']);
    expect(r.paths[0]?.links).toHaveLength(4);
  });

  it('ranks nearer exposure higher', () => {
    const r = tracer.trace({ kind: 'entity', node: v('garment-co') }, 'up', {
      exposure,
      stopAtExposed: false,
    });
    // tomato-co is a direct supplier (tier 1; tomato paste is high-priority goods too); xj-cotton is tier 3.
    expect(r.paths.map((p) => g.nodeId(p.node))).toEqual(['tomato-co', 'xj-cotton']);
    const byNode = Object.fromEntries(r.paths.map((p) => [g.nodeId(p.node), p.score]));
    expect(byNode['tomato-co']).toBeCloseTo(1, 10);
    expect(byNode['xj-cotton']).toBeCloseTo(0.8 ** 2, 10);
  });

  it('reports truncation when the step budget runs out', () => {
    const r = tracer.trace({ kind: 'shipment', shipment: b4 }, 'up', { exposure, stepBudget: 3 });
    expect(r.truncated).toBe(true);
    expect(r.notes.join(' ')).toMatch(/stopped after 3 steps/);
  });

  it('lets goods-less shipments through only when asked, flagged unverified', () => {
    const {
      g: g2,
      exposure: x2,
      tracer: t2,
    } = setup({
      shipments: [ship({ id: 'N1', from: 'late-yarn', to: 'garment-co', date: '2023-02-01', hs: [] })],
    });
    const from = { kind: 'shipment' as const, shipment: g2.shipmentRowOf('B4') };
    expect(reached(g2, t2.trace(from, 'up', { exposure: x2 }))).not.toContain('late-yarn');
    const lenient = t2.trace(from, 'up', { exposure: x2, allowUnknownGoods: true });
    const p = lenient.paths.find((x) => g2.nodeId(x.node) === 'late-yarn');
    expect(p?.links[1]?.goodsUnverified).toBe(true);
  });
});

describe('downstream trace', () => {
  const { g, exposure, tracer, v } = setup();

  it("follows a listed firm's goods to its buyers' buyers", () => {
    const r = tracer.trace({ kind: 'entity', node: v('xj-cotton') }, 'down', { exposure });
    expect(reached(g, r)).toEqual(['fabric-co', 'garment-co', 'importer', 'yarn-mill']);
    const toImporter = r.paths.find((p) => g.nodeId(p.node) === 'importer');
    expect(toImporter?.links.map((l) => g.shipment(l.shipments[0] ?? -1).id)).toEqual([
      'B1',
      'B2',
      'B3',
      'B4',
    ]);
    expect(toImporter?.links[3]?.goods[0]).toMatchObject({ input: '520811', output: '610910' });
  });

  it('does not follow goods shipped before they arrived', () => {
    const r = tracer.trace({ kind: 'entity', node: v('late-yarn') }, 'down', { exposure });
    // late-yarn's yarn reached fabric-co on 20 March; fabric-co's fabric left on 10 March.
    expect(reached(g, r)).toEqual(['fabric-co']);
  });
});

describe('exposure', () => {
  it('finds owned-by-listed through a chain, aggregated across listed owners', () => {
    const { exposure, v } = setup({
      entities: [company('hold-a'), company('hold-b'), company('sub')],
      relationships: [own('xj-cotton', 'hold-a', 100), own('hold-a', 'sub', 30), own('tomato-co', 'sub', 25)],
    });
    const reasons = exposure(v('sub'));
    const o = reasons.find((r) => r.kind === 'owned_by_listed');
    expect(o?.summary).toMatch(/^55% owned by listed/);
    expect(o?.evidence.filter((e) => e.type === 'ownership')).toHaveLength(3);
  });

  it('reports the OFAC 50% rule with the chain to the listed seed', () => {
    const { exposure, v } = setup({
      entities: [company('sdn'), company('sub')],
      relationships: [own('sdn', 'sub', 50)],
      memberships: [listed('sdn', 'ofac-sdn')],
    });
    const kinds = exposure(v('sub')).map((r) => r.kind);
    expect(kinds).toEqual(['ofac_blocked', 'owned_by_listed']);
  });

  it('accepts extra reasons from callers', () => {
    const g = buildGraph({ entities: [company('a')] });
    const x = createExposure(g, {
      extra: [
        (n) =>
          [{ kind: 'xinjiang_located', weight: 0.85, summary: 'USCC 6590…', evidence: [] }].slice(0, n + 1),
      ],
    });
    expect(x(0).map((r) => r.kind)).toEqual(['xinjiang_located']);
  });
});

describe('third-country routing', () => {
  it('flags an intermediary outside China receiving high-priority inputs from exposed suppliers', () => {
    const { g, v } = setup({
      // yarn-mill is 60% owned by the listed xj-cotton → exposed.
      relationships: [own('xj-cotton', 'yarn-mill', 60)],
      shipments: [ship({ id: 'B5', from: 'fabric-co', to: 'importer', date: '2023-01-05', hs: ['520811'] })],
    });
    const exposure = createExposure(g, { asOf: '2024-01-01' });
    const f = findThirdCountryRouting(g, { exposure });
    expect(f.map((x) => g.nodeId(x.node))).toEqual(['fabric-co']);
    const fabric = f[0];
    expect(fabric?.country).toBe('VN');
    expect(fabric?.inputs.map((i) => g.nodeId(i.supplier)).sort()).toEqual(['late-yarn', 'yarn-mill']);
    expect(fabric?.inputs.find((i) => g.nodeId(i.supplier) === 'yarn-mill')?.reasons[0]?.kind).toBe(
      'owned_by_listed',
    );
    expect(fabric?.inputs[0]?.goods[0]?.sectors).toContain('cotton');
    // B3 (fabric to Bangladesh, after the yarn arrived) counts; B5 to the US left before any input arrived.
    expect(
      fabric?.outputs.map((o) => [
        g.nodeId(o.buyer),
        o.buyerCountry,
        o.shipments.map((s) => g.shipment(s).id),
      ]),
    ).toEqual([['garment-co', 'BD', ['B3']]]);
    expect(v('importer')).toBeGreaterThanOrEqual(0);
  });
});
