import { describe, expect, it } from 'vitest';
import { entityId, type Judgement } from '../model/index.ts';
import { resolveClusters } from './cluster.ts';

const id = entityId;
function j(a: string, b: string, verdict: 'same' | 'not-same' | 'unsure'): Judgement {
  return { kind: 'match', a: id(a), b: id(b), verdict, who: 'test', at: '2026-01-01T00:00:00Z', why: 'test' };
}

describe('resolveClusters', () => {
  it('applies "same" transitively', () => {
    const { clusters } = resolveClusters([j('a', 'b', 'same'), j('b', 'c', 'same')], [], 0.7);
    expect(clusters.get(id('a'))).toBe(id('a'));
    expect(clusters.get(id('c'))).toBe(id('a'));
  });
  it('lets "not-same" block a scored merge between clusters, even transitively', () => {
    const { clusters, blocked } = resolveClusters(
      [j('a', 'b', 'same'), j('b', 'x', 'not-same')],
      [{ a: id('a'), b: id('x'), score: 0.99 }],
      0.7,
    );
    expect(clusters.get(id('x'))).toBeUndefined();
    expect(blocked).toBe(1);
  });
  it('merges scored pairs above the threshold only', () => {
    const { clusters } = resolveClusters(
      [],
      [
        { a: id('p'), b: id('q'), score: 0.9 },
        { a: id('q'), b: id('r'), score: 0.5 },
      ],
      0.7,
    );
    expect(clusters.get(id('q'))).toBe(id('p'));
    expect(clusters.has(id('r'))).toBe(false);
  });
  it('takes the latest judgement on a pair', () => {
    const { clusters } = resolveClusters(
      [j('a', 'b', 'same'), j('a', 'b', 'not-same')],
      [{ a: id('a'), b: id('b'), score: 0.95 }],
      0.7,
    );
    expect(clusters.size).toBe(0);
  });
  it('does not let a score overrule "unsure" on the same pair', () => {
    const { clusters } = resolveClusters(
      [j('a', 'b', 'unsure')],
      [{ a: id('a'), b: id('b'), score: 0.95 }],
      0.7,
    );
    expect(clusters.size).toBe(0);
  });
});
