import { describe, expect, it } from 'vitest';
import { buildGraph } from './builder.ts';
import { createExposure } from './exposure.ts';
import { company, listed, rng, ship } from './testing.ts';
import { Tracer } from './trace.ts';
import { UpstreamIndex } from './upstream-index.ts';

describe('UpstreamIndex', () => {
  // The fictitious cotton chain of trace.test.ts: raw cotton → yarn → fabric → T-shirts → US.
  const g = buildGraph({
    entities: [
      company('xj'),
      company('mill'),
      company('fab'),
      company('garm'),
      company('imp'),
      company('late'),
      company('tom'),
    ],
    shipments: [
      ship({ id: 'B1', from: 'xj', to: 'mill', date: '2023-01-10', hs: ['520100'] }),
      ship({ id: 'B2', from: 'mill', to: 'fab', date: '2023-02-10', hs: ['520512'] }),
      ship({ id: 'B3', from: 'fab', to: 'garm', date: '2023-03-10', hs: ['520811'] }),
      ship({ id: 'B4', from: 'garm', to: 'imp', date: '2023-04-10', hs: ['610910'] }),
      ship({ id: 'L1', from: 'late', to: 'fab', date: '2023-03-20', hs: ['520512'] }),
      ship({ id: 'T1', from: 'tom', to: 'garm', date: '2023-01-01', hs: ['200290'] }),
    ],
    memberships: [listed('xj', 'uflpa'), listed('late', 'uflpa'), listed('tom', 'uflpa')],
  });
  const exposure = createExposure(g, { asOf: '2024-01-01' });
  const index = UpstreamIndex.build(g, { exposure });

  it('finds the same 4-tier path as the per-trace search, citing each bill', () => {
    const r = index.upstream({ kind: 'shipment', shipment: g.shipmentRowOf('B4') });
    expect(r.paths.map((p) => g.nodeId(p.node))).toEqual(['xj']);
    const path = r.paths[0];
    expect(path?.links.map((l) => g.shipment(l.shipments[0] ?? -1).id)).toEqual(['B4', 'B3', 'B2', 'B1']);
    expect(path?.links[3]?.goods[0]).toMatchObject({ input: '520100', output: '520512' });
    expect(path?.links[3]?.goods[0]?.match?.rule).toBe('chain');
    const tracer = new Tracer(g).trace({ kind: 'shipment', shipment: g.shipmentRowOf('B4') }, 'up', {
      exposure,
    });
    expect(path?.score).toBeCloseTo(tracer.paths[0]?.score ?? 0, 10);
  });

  it('drops wrong time order and incompatible goods, and respects the tier limit', () => {
    const fromB3 = index.upstream({ kind: 'shipment', shipment: g.shipmentRowOf('B3') });
    expect(fromB3.paths.map((p) => g.nodeId(p.node))).toEqual(['xj']); // not 'late': its yarn came after
    const short = UpstreamIndex.build(g, { exposure, tiers: 3 });
    expect(short.upstream({ kind: 'shipment', shipment: g.shipmentRowOf('B4') }).paths).toHaveLength(0);
  });

  it('from an entity, starts with everything it received, exposed direct suppliers included', () => {
    const r = index.upstream({ kind: 'entity', node: g.nodeOf('garm') as number });
    // tom (tomato paste) is a direct supplier: the first link is unconstrained, as in Tracer.
    expect(r.paths.map((p) => g.nodeId(p.node)).sort()).toEqual(['tom', 'xj']);
  });

  it('agrees with Tracer on whether and how near exposure lies, on random networks', () => {
    const rand = rng(5);
    const codes = ['520100', '520512', '520811', '610910', '847130'];
    let exposed = 0;
    let deep = 0;
    for (let trial = 0; trial < 40; trial++) {
      const n = 25;
      const ships = [];
      for (let i = 0; i < 70; i++) {
        // Edges go from lower to higher firm numbers: no trade loops, so simple paths are all paths.
        const a = Math.floor(rand() * (n - 1));
        const b = a + 1 + Math.floor(rand() * (n - a - 1));
        const day = 1 + Math.floor(rand() * 28);
        ships.push(
          ship({
            id: `s${i}`,
            from: `f${a}`,
            to: `f${b}`,
            date: `2023-02-${String(day).padStart(2, '0')}`,
            hs: [codes[Math.floor(rand() * codes.length)] as string],
          }),
        );
      }
      const members = Array.from({ length: n }, (_, i) => i)
        .filter(() => rand() < 0.15)
        .map((i) => listed(`f${i}`, 'uflpa'));
      const rg = buildGraph({ shipments: ships, memberships: members });
      const x = createExposure(rg, { asOf: '2024-01-01' });
      const idx = UpstreamIndex.build(rg, { exposure: x });
      const tracer = new Tracer(rg);
      for (let s = 0; s < ships.length; s++) {
        const start = { kind: 'shipment' as const, shipment: s };
        const a = tracer.trace(start, 'up', { exposure: x, maxPaths: 1000 });
        const b = idx.upstream(start);
        const nearest = (r: typeof a) => Math.min(...r.paths.map((p) => p.links.length));
        expect(b.paths.length > 0).toBe(a.paths.length > 0);
        if (a.paths.length > 0) {
          expect(nearest(b)).toBe(nearest(a));
          exposed++;
          if (nearest(a) >= 3) deep++;
        }
        // Every exposed firm the index reports, the search reports too.
        const found = new Set(a.paths.map((p) => p.node));
        for (const p of b.paths) expect(found.has(p.node)).toBe(true);
      }
    }
    // Not vacuous: many starts reach exposure, some only three or more tiers up.
    expect(exposed).toBeGreaterThan(300);
    expect(deep).toBeGreaterThan(10);
  });
});
