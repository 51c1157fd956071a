import { describe, expect, it } from 'vitest';
import { buildGraph } from './builder.ts';
import { OwnershipEngine } from './effective-ownership.ts';
import type { Graph } from './graph.ts';
import { effectiveOwnership, holdings } from './holdings.ts';
import { own, rng } from './testing.ts';

function engineOf(rels: ReturnType<typeof own>[]): {
  g: Graph;
  eng: OwnershipEngine;
  n: (id: string) => number;
} {
  const g = buildGraph({ relationships: rels });
  const n = (id: string) => {
    const v = g.nodeOf(id);
    if (v === undefined) throw new Error(`no node ${id}`);
    return v;
  };
  return { g, eng: new OwnershipEngine(g), n };
}

describe('effective ownership on hand-computed graphs', () => {
  it('sums a diamond and a direct stake: 0.6·0.5 + 0.4·0.5 + 0.1 = 60%', () => {
    const { eng, n } = engineOf([
      own('A', 'B', 60),
      own('A', 'C', 40),
      own('B', 'D', 50),
      own('C', 'D', 50),
      own('A', 'D', 10),
    ]);
    const r = effectiveOwnership(eng, n('A'), n('D'));
    expect(r.knownPct).toBeCloseTo(60, 10);
    expect(r.hasUnknown).toBe(false);
    const reach = eng.reach(n('A'), 'down');
    expect(reach.share(n('D'))?.depth).toBe(1);
    expect(reach.share(n('D'))?.knownPaths).toBe(3);
    // Strongest path goes A→B→D (30%), not the direct 10%.
    const path = reach.pathTo(n('D'));
    expect(path.map((e) => eng.graph.nodeId(eng.graph.columns.ownership.target[e] as number))).toEqual([
      'B',
      'D',
    ]);
    expect(reach.share(n('D'))?.strongestPct).toBeCloseTo(30, 10);
  });

  it('lists owners upward with the same products', () => {
    const { eng, n } = engineOf([own('A', 'B', 60), own('A', 'C', 40), own('B', 'D', 50), own('C', 'D', 50)]);
    const up = holdings(eng, n('D'), 'up');
    const byId = Object.fromEntries(up.rows.map((r) => [r.id, r]));
    expect(byId.B?.effectivePct).toBeCloseTo(50, 10);
    expect(byId.C?.effectivePct).toBeCloseTo(50, 10);
    expect(byId.A?.effectivePct).toBeCloseTo(50, 10);
    expect(byId.A?.depth).toBe(2);
    // Owner paths are written top-down: A → B → D.
    expect(byId.A?.path.map((l) => [eng.graph.nodeId(l.owner), eng.graph.nodeId(l.asset)])).toEqual([
      ['A', 'B'],
      ['B', 'D'],
    ]);
  });

  it('counts only simple paths through a cross-holding: 0.2 + 0.5·0.5 = 45%', () => {
    const { eng, n } = engineOf([
      own('R', 'B', 100),
      own('B', 'C', 50),
      own('C', 'B', 40),
      own('C', 'D', 50),
      own('B', 'D', 20),
    ]);
    const reach = eng.reach(n('R'), 'down');
    expect(reach.share(n('D'))?.knownPct).toBeCloseTo(45, 10);
    expect(reach.share(n('C'))?.knownPct).toBeCloseTo(50, 10);
    expect(reach.share(n('B'))?.knownPct).toBeCloseTo(100, 10);
    expect(reach.truncated).toBe(false);
  });

  it('enters a cycle from two sides', () => {
    const { eng, n } = engineOf([
      own('R', 'B', 50),
      own('R', 'C', 50),
      own('B', 'C', 10),
      own('C', 'B', 10),
      own('B', 'D', 100),
    ]);
    const reach = eng.reach(n('R'), 'down');
    expect(reach.share(n('B'))?.knownPct).toBeCloseTo(55, 10);
    expect(reach.share(n('C'))?.knownPct).toBeCloseTo(55, 10);
    expect(reach.share(n('D'))?.knownPct).toBeCloseTo(55, 10);
    // Strongest path to D: R→B→D (50%), not R→C→B→D (5%).
    expect(reach.pathTo(n('D'))).toHaveLength(2);
  });

  it('never returns to the root around a cycle that contains it', () => {
    const { eng, n } = engineOf([own('A', 'B', 60), own('B', 'A', 30), own('B', 'C', 100)]);
    const reach = eng.reach(n('A'), 'down');
    expect(reach.share(n('A'))).toBeNull();
    expect(reach.share(n('B'))?.knownPct).toBeCloseTo(60, 10);
    expect(reach.share(n('C'))?.knownPct).toBeCloseTo(60, 10);
    const up = eng.reach(n('B'), 'up');
    expect(up.share(n('A'))?.knownPct).toBeCloseTo(60, 10);
    expect([...up.nodes]).toEqual([n('A')]);
  });

  it('reports unknown shares separately instead of as 0% or 100%', () => {
    const { eng, n } = engineOf([own('A', 'B', null), own('B', 'C', 50), own('A', 'C', 30)]);
    const reach = eng.reach(n('A'), 'down');
    const c = reach.share(n('C'));
    expect(c?.knownPct).toBeCloseTo(30, 10);
    expect(c?.hasUnknown).toBe(true);
    expect(c?.unknownPaths).toBe(1);
    expect(c?.knownPaths).toBe(1);
    expect(c?.maxPct).toBeCloseTo(80, 10);
    const b = reach.share(n('B'));
    expect(b?.knownPct).toBe(0);
    expect(b?.hasUnknown).toBe(true);
    expect(b?.maxPct).toBeCloseTo(100, 10);
    // A known 30% path beats the longer path through an unknown share.
    expect(c?.strongestHasUnknown).toBe(false);
  });

  it('keeps an unknown-share holding above a --min filter when it could reach it', () => {
    const { eng, n } = engineOf([own('A', 'B', null), own('A', 'C', 5)]);
    const rows = holdings(eng, n('A'), 'down', { minPct: 10 }).rows.map((r) => r.id);
    expect(rows).toEqual(['B']);
  });

  it('follows a 20-hop chain exactly: 0.9^20', () => {
    const rels = Array.from({ length: 20 }, (_, i) => own(`c${i}`, `c${i + 1}`, 90));
    const { eng, n } = engineOf(rels);
    const s = eng.reach(n('c0'), 'down').share(n('c20'));
    expect(s?.knownPct).toBeCloseTo(100 * 0.9 ** 20, 10);
    expect(s?.depth).toBe(20);
    expect(eng.reach(n('c0'), 'down').pathTo(n('c20'))).toHaveLength(20);
    expect(eng.reach(n('c20'), 'up').share(n('c0'))?.knownPct).toBeCloseTo(100 * 0.9 ** 20, 10);
  });

  it('merges two sources stating the same holding instead of double-counting', () => {
    const { g, eng, n } = engineOf([own('A', 'B', 60, 'src1'), own('A', 'B', 60, 'src2')]);
    expect(eng.reach(n('A'), 'down').share(n('B'))?.knownPct).toBeCloseTo(60, 10);
    expect(g.ownershipFacts(0).map((r) => r.id)).toEqual(['src1', 'src2']);
  });

  it('stops at the path budget inside a dense cycle and says so', () => {
    const ids = Array.from({ length: 12 }, (_, i) => `k${i}`);
    const rels = ids.flatMap((a) => ids.filter((b) => b !== a).map((b) => own(a, b, 9)));
    const { eng, n } = engineOf([own('R', 'k0', 100), ...rels]);
    const reach = eng.reach(n('R'), 'down', { pathBudget: 1000, epsilon: 0 });
    expect(reach.truncated).toBe(true);
    expect(reach.share(n('k5'))?.truncated).toBe(true);
    expect(reach.cycleSteps).toBeLessThanOrEqual(1000);
  });

  it('honours stopAt: nodes are reached but not expanded', () => {
    const { eng, n } = engineOf([own('A', 'B', 100), own('B', 'C', 100)]);
    const reach = eng.reach(n('A'), 'down', { stopAt: (v) => v === n('B') });
    expect(reach.share(n('B'))?.knownPct).toBe(100);
    expect(reach.share(n('C'))).toBeNull();
  });
});

/** Sum over simple paths by brute force, for cross-checking on small random graphs. */
function bruteForce(edges: { a: number; b: number; s: number }[], root: number, nodes: number): number[] {
  const out = new Array(nodes).fill(0);
  const onPath = new Array(nodes).fill(false);
  const visit = (v: number, p: number) => {
    onPath[v] = true;
    for (const e of edges) {
      if (e.a !== v || onPath[e.b]) continue;
      out[e.b] += p * e.s;
      visit(e.b, p * e.s);
    }
    onPath[v] = false;
  };
  visit(root, 1);
  return out;
}

describe('effective ownership matches brute force on random cyclic graphs', () => {
  it('agrees on 200 random graphs of 7 nodes', () => {
    const rand = rng(42);
    for (let t = 0; t < 200; t++) {
      const nodes = 7;
      const edges: { a: number; b: number; s: number }[] = [];
      for (let a = 0; a < nodes; a++)
        for (let b = 0; b < nodes; b++)
          if (a !== b && rand() < 0.35) edges.push({ a, b, s: Math.round(rand() * 100) / 100 });
      const { eng, n } = engineOf([
        ...Array.from({ length: nodes }, (_, i) => own(`x${i}`, `x${i}`, 1)), // self-holdings: ignored
        ...edges.map((e) => own(`x${e.a}`, `x${e.b}`, e.s * 100)),
      ]);
      const expected = bruteForce(edges, 0, nodes);
      // Without stopAt the builder's component order is used; a no-op stopAt forces Tarjan.
      const fast = eng.reach(n('x0'), 'down', { epsilon: 0 });
      const tarjan = eng.reach(n('x0'), 'down', { epsilon: 0, stopAt: () => false });
      for (let v = 1; v < nodes; v++) {
        expect(fast.share(n(`x${v}`))?.knownPct ?? 0).toBeCloseTo((expected[v] ?? 0) * 100, 8);
        expect(tarjan.share(n(`x${v}`))?.knownPct ?? 0).toBeCloseTo((expected[v] ?? 0) * 100, 8);
      }
      // Upward from the last node: the same sums read from the other end.
      const last = nodes - 1;
      const up = eng.reach(n(`x${last}`), 'up', { epsilon: 0 });
      expect(up.share(n('x0'))?.knownPct ?? 0).toBeCloseTo((expected[last] ?? 0) * 100, 8);
    }
  });
});

describe('bulk columns', () => {
  it('align with nodes and agree with share()', () => {
    const { eng, n } = engineOf([
      own('A', 'B', 60),
      own('A', 'C', null),
      own('B', 'D', 50),
      own('C', 'D', 50),
    ]);
    const r = eng.reach(n('A'), 'down');
    r.nodes.forEach((v, i) => {
      const s = r.share(v);
      expect(r.knownPct[i]).toBe(s?.knownPct);
      expect(r.maxPct[i]).toBe(s?.maxPct);
      expect(r.unknownPaths[i]).toBe(s?.unknownPaths);
      expect(r.depths[i]).toBe(s?.depth);
    });
    expect(r.nodes.length).toBe(3);
  });
});
