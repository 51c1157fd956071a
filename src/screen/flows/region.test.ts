import { describe, expect, it } from 'vitest';
import { regionCode } from '../../ingest/regions.ts';
import { resolveRegion } from './region.ts';

describe('resolveRegion', () => {
  it.each([
    ['65', '65'],
    ['650000', '65'],
    ['Xinjiang', '65'],
    ['xinjiang uyghur autonomous region', '65'],
    ['新疆', '65'],
    ['新疆维吾尔自治区', '65'],
    ['XUAR', '65'],
    ['Guangdong Province', '44'],
    ['广东省', '44'],
    ['Inner Mongolia', '15'],
    ['Hong Kong', '81'],
  ])('%s → %s', (input, code) => {
    expect(resolveRegion(input)?.code).toBe(code);
  });

  it('names the region for messages', () => {
    expect(resolveRegion('新疆')?.name).toBe('Xinjiang');
  });

  it('returns null for what is not a province', () => {
    expect(resolveRegion('Atlantis')).toBeNull();
    expect(resolveRegion('')).toBeNull();
    expect(resolveRegion('6')).toBeNull();
  });
});

describe('resolveRegion and the trade-statistics importer agree', () => {
  it.each(['65', '650000', '650100', 'Xinjiang Uygur Autonomous Region', '广东省', 'Hong Kong SAR'])(
    '%s',
    (input) => {
      expect(resolveRegion(input)?.code).toBe(regionCode(input));
    },
  );

  it('names prefectures too', () => {
    expect(resolveRegion('650100')).toEqual({ code: '6501', name: 'Urumqi' });
  });
});
