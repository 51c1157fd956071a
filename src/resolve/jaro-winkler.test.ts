import { describe, expect, it } from 'vitest';
import { jaro, jaroWinkler } from './jaro-winkler.ts';
import { ratio, tokenSetRatio, tokenSortRatio } from './token-set.ts';

// Goldens: Winkler (1990) / the standard textbook examples, and rapidfuzz's published values.
describe('jaro / jaro-winkler goldens', () => {
  it.each([
    ['MARTHA', 'MARHTA', 0.944444, 0.961111],
    ['DWAYNE', 'DUANE', 0.822222, 0.84],
    ['DIXON', 'DICKSONX', 0.766667, 0.813333],
    ['JELLYFISH', 'SMELLYFISH', 0.896296, 0.896296],
  ])('%s / %s', (a, b, j, jw) => {
    expect(jaro(a, b)).toBeCloseTo(j, 5);
    expect(jaroWinkler(a, b)).toBeCloseTo(jw, 5);
  });
  it('handles identity, empties and disjoint strings', () => {
    expect(jaroWinkler('abc', 'abc')).toBe(1);
    expect(jaroWinkler('', 'abc')).toBe(0);
    expect(jaro('abc', 'xyz')).toBe(0);
  });
});

describe('token-set goldens (rapidfuzz fuzz.* / 100)', () => {
  it('ratio', () => {
    expect(ratio('this is a test', 'this is a test!')).toBeCloseTo(0.965517, 5);
    expect(ratio('fuzzy wuzzy was a bear', 'wuzzy fuzzy was a bear')).toBeCloseTo(0.909091, 5);
  });
  it('token sort and token set', () => {
    expect(tokenSortRatio('fuzzy wuzzy was a bear', 'wuzzy fuzzy was a bear')).toBe(1);
    expect(tokenSetRatio('fuzzy was a bear', 'fuzzy fuzzy was a bear')).toBe(1);
    expect(
      tokenSetRatio('mariners vs angels', 'los angeles angels of anaheim at seattle mariners'),
    ).toBeCloseTo(0.909091, 5);
  });
});
