import { describe, expect, it } from 'vitest';
import { buildGraph } from './builder.ts';
import { Graph } from './graph.ts';
import { company, own, ship } from './testing.ts';

describe('graph builder', () => {
  it('aggregates shipments into one trade edge per shipper → consignee', () => {
    const g = buildGraph({
      entities: [company('a', 'A Co', 'CN'), company('b', 'B Co', 'VN')],
      shipments: [
        ship({ id: 's2', from: 'a', to: 'b', date: '2023-05-01', hs: ['5205.12', '520100'], weightKg: 10 }),
        ship({ id: 's1', from: 'a', to: 'b', date: '2023-01-01', hs: ['520512'], weightKg: 5 }),
        ship({ id: 's3', from: 'a', to: 'b', date: null, hs: [] }),
        ship({ id: 's4', from: 'b', to: 'a', date: '2023-02-01', hs: ['6109'] }),
      ],
    });
    const a = g.nodeOf('a') as number;
    const b = g.nodeOf('b') as number;
    const e = g.tradeEdge(a, b);
    const t = g.columns.trade;
    expect(t.shipmentCount[e]).toBe(3);
    expect(t.weightKg[e]).toBe(15);
    // Shipments sorted by date, unknown dates last; HS codes normalised to digits.
    expect(Array.from(g.tradeShipments(e), (s) => g.shipment(s).id)).toEqual(['s1', 's2', 's3']);
    expect(g.shipment(g.shipmentRowOf('s2')).hsCodes).toEqual(['520512', '520100']);
    expect(g.shipment(g.shipmentRowOf('s1')).date).toBe('2023-01-01');
    expect(t.firstDay[e]).toBeLessThan(t.lastDay[e] as number);
    expect(g.tradeEdge(b, a)).toBeGreaterThanOrEqual(0);
    expect(g.columns.trade.source.length).toBe(2);
  });

  it('keys unresolved parties by normalised name and country, so spellings meet', () => {
    const g = buildGraph({
      shipments: [
        ship({
          id: 'x1',
          from: 'Acme Spinning Co., Ltd.',
          to: 'b',
          date: '2023-01-01',
          hs: ['5205'],
          resolved: false,
          fromCountry: 'cn',
          toCountry: 'VN',
        }),
        ship({
          id: 'x2',
          from: 'ACME SPINNING CO LTD',
          to: 'b',
          date: '2023-02-01',
          hs: ['5205'],
          resolved: false,
          fromCountry: 'CN',
          toCountry: 'VN',
        }),
        ship({
          id: 'x3',
          from: 'ACME SPINNING CO LTD',
          to: 'b',
          date: '2023-02-01',
          hs: ['5205'],
          resolved: false,
          fromCountry: 'PK',
          toCountry: 'VN',
        }),
      ],
    });
    const acme = g.nodeOf('party:CN:acme spinning co ltd');
    expect(acme).toBeDefined();
    expect(g.nodeKind(acme as number)).toBe('party');
    expect(g.nodeName(acme as number)).toBe('Acme Spinning Co., Ltd.');
    expect(g.nodeCountry(acme as number)).toBe('CN');
    expect(g.nodeOf('party:PK:acme spinning co ltd')).toBeDefined();
    const b = g.nodeOf('party:VN:b') as number;
    expect(g.columns.trade.shipmentCount[g.tradeEdge(acme as number, b)]).toBe(2);
  });

  it('drops a withheld party instead of inventing a node', () => {
    const g = buildGraph({
      shipments: [ship({ id: 'w', from: ' ', to: 'b', date: '2023-01-01', hs: ['5205'], resolved: false })],
    });
    expect(g.columns.shipShipper[0]).toBe(-1);
    expect(g.columns.trade.source.length).toBe(0);
  });

  it('collapses resolution clusters into the canonical node, findable by every member id', () => {
    const g = buildGraph({
      canonical: new Map([['b-dup', 'b']]),
      entities: [company('b-dup', 'B Duplicate'), company('b', 'B Canonical', 'CN')],
      relationships: [own('a', 'b-dup', 40), own('a', 'b', 40)],
    });
    const b = g.nodeOf('b') as number;
    expect(g.nodeOf('b-dup')).toBe(b);
    expect(g.nodeName(b)).toBe('B Canonical');
    // Two facts about one holding, one edge.
    expect(g.columns.ownership.source.length).toBe(1);
    expect(g.ownershipFacts(0)).toHaveLength(2);
  });

  it('marks ids named only by relationships as referenced', () => {
    const g = buildGraph({ entities: [company('a')], relationships: [own('a', 'ghost', null)] });
    expect(g.nodeKind(g.nodeOf('ghost') as number)).toBe('referenced');
    expect(g.ownershipPct(0)).toBeNull();
    expect(g.ownershipFacts(0)[0]?.pct).toBeNull();
  });

  it('survives a structured clone (the worker-thread hand-off)', () => {
    const g = buildGraph({
      entities: [company('a', 'A', 'CN')],
      relationships: [own('a', 'b', 51)],
      shipments: [ship({ id: 's', from: 'a', to: 'b', date: '2023-01-01', hs: ['5201'] })],
    });
    const g2 = Graph.fromColumns(structuredClone(g.toColumns()));
    expect(g2.nodeOf('b')).toBe(g.nodeOf('b'));
    expect(g2.ownershipPct(0)).toBeCloseTo(51, 10);
    expect(g2.shipment(0)).toEqual(g.shipment(0));
    expect(Object.isFrozen(g)).toBe(true);
  });
});
