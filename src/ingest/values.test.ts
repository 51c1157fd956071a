import { describe, expect, it } from 'vitest';
import { countryCode } from './countries.ts';
import { regionCode } from './regions.ts';
import { cleanText, parseDate, parseNumber, parsePartialDate, parsePercent, slug } from './values.ts';

describe('value parsers', () => {
  it('reads the date layouts lists and vendors use, and refuses impossible dates', () => {
    const cases: [string, string | null | undefined][] = [
      ['2022-08-29', '2022-08-29'],
      ['2022-08-29 00:00:00', '2022-08-29'],
      ['2022-08-29T12:00:00Z', '2022-08-29'],
      ['20220829', '2022-08-29'],
      ['08/29/2022', '2022-08-29'],
      ['29.08.2022', '2022-08-29'],
      ['June 21, 2022', '2022-06-21'],
      ['21 Jun 2022', '2022-06-21'],
      ['29-Aug-2022', '2022-08-29'],
      ['2022年6月21日', '2022-06-21'],
      ['', null],
      ['N/A', null],
      ['2022-02-30', undefined],
      ['13/01/2022', undefined],
      ['soon', undefined],
    ];
    for (const [raw, want] of cases) expect(parseDate(raw), raw).toBe(want);
    expect(parsePartialDate('Jan 1962')).toBe('1962-01');
    expect(parsePartialDate('circa 1951')).toBe('1951');
    expect(parsePartialDate('10 Dec 1948')).toBe('1948-12-10');
  });

  it('reads numbers and percentages without guessing', () => {
    expect(parseNumber('1,234.5')).toBe(1234.5);
    expect(parseNumber('1 234 567')).toBe(1234567);
    expect(parseNumber('-0-')).toBeNull();
    expect(parseNumber('12,5')).toBeUndefined();
    expect(parseNumber('12 kg')).toBeUndefined();
    expect(parsePercent('41.30%')).toBe(41.3);
    expect(parsePercent('41,30 %')).toBe(41.3);
    expect(parsePercent('60')).toBe(60);
    expect(parsePercent('０.5％'.normalize('NFKC'))).toBe(0.5);
    expect(parsePercent('25-50%')).toBeUndefined();
    expect(parsePercent('120%')).toBeUndefined();
    expect(parsePercent('')).toBeNull();
  });

  it('slugs names in any script and cleans cell text', () => {
    expect(slug('Hoshine Silicon Industry (Shanshan) Co., Ltd')).toBe(
      'hoshine-silicon-industry-shanshan-co-ltd',
    );
    expect(slug('新疆冠农股份有限公司')).toBe('新疆冠农股份有限公司');
    expect(cleanText(' Xinjiang\u00a0Goens\nEnergy ')).toBe('Xinjiang Goens Energy');
  });
});

describe('countries and regions', () => {
  it('maps country codes and the names lists use to ISO alpha-2', () => {
    const cases: [string, string | null][] = [
      ['cn', 'CN'],
      ['China', 'CN'],
      ['中国', 'CN'],
      ['Korea, North', 'KP'],
      ['Burma', 'MM'],
      ['Turkey', 'TR'],
      ['Côte d’Ivoire', 'CI'],
      ['UK', 'GB'],
      ['United States', 'US'],
      ['Examplestan', null],
      ['EU', null],
    ];
    for (const [raw, want] of cases) expect(countryCode(raw), raw).toBe(want);
  });

  it('maps reporter regions by code or name (Chinese, English, Xinjiang places)', () => {
    const cases: [string, string | null][] = [
      ['65', '65'],
      ['650000', '65'],
      ['650100', '6501'],
      ['新疆', '65'],
      ['新疆维吾尔自治区', '65'],
      ['Xinjiang', '65'],
      ['Xinjiang Uygur Autonomous Region', '65'],
      ['广东省', '44'],
      ['Guangdong', '44'],
      ['Shihezi', '659001'],
      ['99', null],
      ['Atlantis', null],
    ];
    for (const [raw, want] of cases) expect(regionCode(raw), raw).toBe(want);
  });
});
