import { describe, expect, it } from 'vitest';
import { compare } from './compare.ts';

/** A pair of names, with the FtM schema both are compared as (default: none given). */
export type GoldenPair = [string, string, string?];

/**
 * For resolve/'s tests (not part of its API): one test per pair, asserting that `compare` matches every `same` pair and
 * none of the `different` ones; the explanation is the failure message.
 */
export function describeGoldenPairs(
  title: string,
  same: readonly GoldenPair[],
  different: readonly GoldenPair[],
) {
  describe(title, () => {
    it.each(same)('%s = %s', (a, b, schema) => {
      const r = compare({ name: a, schema: schema ?? null }, { name: b, schema: schema ?? null });
      expect(r.match, JSON.stringify(r.explanation)).toBe(true);
    });
    it.each(different)('%s ≠ %s', (a, b, schema) => {
      const r = compare({ name: a, schema: schema ?? null }, { name: b, schema: schema ?? null });
      expect(r.match, JSON.stringify(r.explanation)).toBe(false);
    });
  });
}
