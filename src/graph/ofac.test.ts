import { describe, expect, it } from 'vitest';
import { buildGraph } from './builder.ts';
import type { Graph } from './graph.ts';
import { applyOfacRule } from './ofac.ts';
import { listed, own } from './testing.ts';

function nodeIds(g: Graph, vs: readonly number[]): string[] {
  return vs.map((v) => g.nodeId(v));
}

describe('OFAC 50% rule', () => {
  const g = buildGraph({
    relationships: [
      own('S1', 'X', 30),
      own('S2', 'X', 20), // X: 30 + 20 = 50% by two blocked owners → blocked
      own('S1', 'Y', 49), // Y: 49% → not blocked
      own('X', 'Z', 50), // Z: 50% by X, itself blocked only by aggregation → blocked in round 2
      own('X', 'W', 25),
      own('S1', 'W', 25), // W: 25% by derived X + 25% by listed S1 → blocked
      own('S2', 'V', null), // V: blocked owner of unknown share → undetermined, not blocked
      own('S1', 'V', 10),
      own('V', 'V2', 60), // V2: blocked if V is → undetermined through V
      own('V2', 'V3', null), // V3: undetermined two steps down
      own('S1', 'M', 30),
      own('V', 'M', 30), // M: 30% blocked + 30% undetermined → undetermined
      own('V', 'N', 20), // N: 20% even if V is blocked → not undetermined
      own('Old', 'Q', 100), // Old's listing ended → Q not blocked
      own('F1', 'F', 10),
      own('F2', 'F', 20),
      own('F3', 'F', 20), // 0.1 + 0.2 + 0.2 in binary floating point is 0.5000000000000001 or 0.49999…
    ],
    memberships: [
      listed('S1'),
      listed('S2'),
      listed('Old', 'ofac-sdn', { endDate: '2021-01-01' }),
      listed('F1'),
      listed('F2'),
      listed('F3'),
      listed('U', 'uflpa'),
    ],
  });
  const r = applyOfacRule(g, { asOf: '2024-06-01' });
  const v = (id: string) => g.nodeOf(id) as number;

  it('blocks by aggregate direct shares of several blocked owners', () => {
    expect(r.isBlocked(v('X'))).toBe(true);
    const st = r.status(v('X'));
    expect(st?.kind).toBe('owned');
    if (st?.kind !== 'owned') return;
    expect(st.aggregatePct).toBeCloseTo(50, 10);
    expect(
      nodeIds(
        g,
        st.owners.map((o) => o.node),
      ),
    ).toEqual(['S1', 'S2']);
    expect(st.round).toBe(1);
  });

  it('does not block below the threshold', () => {
    expect(r.isBlocked(v('Y'))).toBe(false);
  });

  it('iterates to a fixpoint and traces the chain back to a listed seed', () => {
    const z = r.status(v('Z'));
    expect(z?.kind).toBe('owned');
    if (z?.kind !== 'owned') return;
    expect(z.round).toBe(2);
    const own = g.columns.ownership;
    expect(
      z.chain.map((e) => [g.nodeId(own.source[e] as number), g.nodeId(own.target[e] as number)]),
    ).toEqual([
      ['S1', 'X'],
      ['X', 'Z'],
    ]);
    expect(r.isBlocked(v('W'))).toBe(true);
  });

  it('treats unknown shares as undetermined, never as blocking', () => {
    expect(r.isBlocked(v('V'))).toBe(false);
    const u = r.undetermined.find((x) => x.node === v('V'));
    expect(u?.knownPct).toBeCloseTo(10, 10);
    expect(nodeIds(g, u?.unknownOwners.map((o) => o.node) ?? [])).toEqual(['S2']);
    expect(u?.undeterminedOwners).toEqual([]);
  });

  it('carries undetermined down to what an undetermined owner could tip over 50%', () => {
    const und = (id: string) => r.undetermined.find((x) => x.node === v(id));
    expect(
      nodeIds(
        g,
        r.undetermined.map((x) => x.node),
      ).sort(),
    ).toEqual(['M', 'V', 'V2', 'V3']);
    expect(nodeIds(g, und('V2')?.undeterminedOwners.map((o) => o.node) ?? [])).toEqual(['V']);
    expect(und('V2')?.undeterminedOwners[0]?.pct).toBeCloseTo(60, 10);
    expect(und('V2')?.knownPct).toBe(0);
    expect(und('V3')?.undeterminedOwners[0]?.pct).toBeNull();
    const m = und('M');
    expect(m?.knownPct).toBeCloseTo(30, 10);
    expect(nodeIds(g, m?.knownOwners.map((o) => o.node) ?? [])).toEqual(['S1']);
    expect(nodeIds(g, m?.undeterminedOwners.map((o) => o.node) ?? [])).toEqual(['V']);
    for (const id of ['M', 'V2', 'V3', 'N', 'Y']) expect(r.isBlocked(v(id))).toBe(false);
  });

  it('seeds only from listings in force on the date, and only from the seed lists', () => {
    expect(r.isBlocked(v('Old'))).toBe(false);
    expect(r.isBlocked(v('Q'))).toBe(false);
    expect(r.isBlocked(v('U'))).toBe(false);
    const withUflpa = applyOfacRule(g, { asOf: '2024-06-01', seedLists: ['ofac-sdn', 'uflpa'] });
    expect(withUflpa.isBlocked(v('U'))).toBe(true);
    expect(applyOfacRule(g, { asOf: '2020-06-01' }).isBlocked(v('Q'))).toBe(true);
  });

  it('tolerates floating-point sums at exactly 50%', () => {
    expect(r.isBlocked(v('F'))).toBe(true);
  });

  it('reports the listing as the reason for seeds', () => {
    const s = r.status(v('S1'));
    expect(s?.kind).toBe('listed');
    if (s?.kind === 'listed') expect(s.memberships[0]?.list).toBe('ofac-sdn');
  });
});
