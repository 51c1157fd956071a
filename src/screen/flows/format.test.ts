import { describe, expect, it } from 'vitest';
import { formatPct, formatUsd, ordinal, pctChange, sparkline } from './format.ts';
import { legalContext } from './legal.ts';
import { parseMonth } from './month.ts';

describe('formats', () => {
  it('writes money, percentages and ranks compactly', () => {
    expect([3786, 12_500, 950_000, 56_800_000, 1.2e9, null].map(formatUsd)).toEqual([
      'US$3,786',
      'US$12.5k',
      'US$950k',
      'US$56.8M',
      'US$1.2bn',
      '–',
    ]);
    expect([592.8, -12, null].map(formatPct)).toEqual(['+592.8%', '-12.0%', '–']);
    expect([1, 2, 3, 4, 11, 12, 13, 21, 22, 112].map(ordinal)).toEqual([
      '1st',
      '2nd',
      '3rd',
      '4th',
      '11th',
      '12th',
      '13th',
      '21st',
      '22nd',
      '112th',
    ]);
    expect(pctChange(56.8, 56.8 / 6.928)).toBe(592.8);
    expect(pctChange(5, 0)).toBeNull();
  });

  it('draws a sparkline with gaps', () => {
    expect(sparkline([0, 1, 2, 3, 4, 5, 6, 7])).toBe('▁▂▃▄▅▆▇█');
    expect(sparkline([1, null, 1])).toBe('▁ ▁');
    expect(sparkline([null])).toBe(' ');
  });
});

describe('legalContext', () => {
  const month = (s: string) => parseMonth(s) ?? 0;
  it('cites the UFLPA for US trade within a year after 21 June 2022', () => {
    expect(legalContext(month('2022-06'), 'US', '65').map((l) => [l.id, l.months_after])).toEqual([
      ['uflpa', 0],
    ]);
    expect(legalContext(month('2022-08'), 'US', '65')[0]?.phrase).toBe(
      '2 months after the UFLPA took effect (2022-06-21)',
    );
    expect(legalContext(month('2022-08'), null, '65').map((l) => l.id)).toEqual(['uflpa']);
    expect(legalContext(month('2023-07'), 'US', '65')).toEqual([]);
    expect(legalContext(month('2022-05'), 'US', '65').map((l) => l.id)).toEqual([]);
    expect(legalContext(month('2022-08'), 'DE', '65')).toEqual([]);
  });
});
