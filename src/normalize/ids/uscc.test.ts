import { existsSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { GAZETTEER } from '../places/gazetteer.ts';
import { USCC_ALPHABET, usccCheckChar } from './check-chars.ts';
import { findUsccs, isValidUscc, makeUscc, parseUscc } from './uscc.ts';

// A real code, publicly listed (Jinzhou, Liaoning) and quoted in ../shared/docs/domain.md section 4.
const JINZHOU = '91210700701620122U';

/** Replaces character `i` with another character of the alphabet. */
function corrupt(code: string, i: number): string {
  const ch = code.charAt(i);
  const other = USCC_ALPHABET.charAt((USCC_ALPHABET.indexOf(ch) + 7) % USCC_ALPHABET.length);
  return code.slice(0, i) + other + code.slice(i + 1);
}

describe('parseUscc', () => {
  it('validates and decodes the real code 91210700701620122U (Jinzhou, Liaoning)', () => {
    const u = parseUscc(JINZHOU);
    expect(u.valid).toBe(true);
    expect(u.errors).toEqual([]);
    expect(u.warnings).toEqual([]);
    expect(u.authority).toMatchObject({ code: '9', en: 'Market regulation (business registry)' });
    expect(u.category).toMatchObject({ code: '91', zh: '企业', en: 'Enterprise' });
    expect(u.region?.code).toBe('210700');
    expect(u.region?.province).toMatchObject({ zh: '辽宁省', en: 'Liaoning' });
    expect(u.region?.prefecture).toMatchObject({ code: '2107', zh: '锦州市', en: 'Jinzhou' });
    expect(u.region?.county).toBeNull();
    expect(u.orgCode).toBe('70162012-2');
    expect(u.xinjiang).toBe(false);
    expect(u.xpcc).toBe(false);
  });

  it('accepts lower case, spaces and full-width forms', () => {
    expect(parseUscc(' 9121 0700 7016 2012 2u ').valid).toBe(true);
    expect(parseUscc('９１２１０７００７０１６２０１２２Ｕ').valid).toBe(true);
  });

  it('rejects a corrupted character at every position', () => {
    for (let i = 0; i < 18; i++) {
      const bad = corrupt(JINZHOU, i);
      const u = parseUscc(bad);
      expect(u.valid, bad).toBe(false);
      expect(isValidUscc(bad)).toBe(false);
    }
  });

  it('rejects two swapped adjacent characters', () => {
    const swapped = `${JINZHOU.slice(0, 9)}${JINZHOU.charAt(10)}${JINZHOU.charAt(9)}${JINZHOU.slice(11)}`;
    expect(parseUscc(swapped).valid).toBe(false);
  });

  it('reports wrong length and letters outside the alphabet (I O S V Z)', () => {
    expect(parseUscc('9121070070162012').errors[0]).toMatch(/length 16/);
    const withO = `${JINZHOU.slice(0, 10)}O${JINZHOU.slice(11)}`;
    const u = parseUscc(withO);
    expect(u.valid).toBe(false);
    expect(u.errors[0]).toMatch(/'O' is not in the USCC alphabet/);
  });

  it('treats a failed organisation-code check as a warning, not an error', () => {
    const first17 = '91650100123456780'; // inner check of 12345678 is 8, not 0
    const code = first17 + usccCheckChar(first17);
    const u = parseUscc(code);
    expect(u.valid).toBe(true);
    expect(u.warnings.some((w) => /GB 11714/.test(w))).toBe(true);
  });

  it('reports an unknown division prefix without rejecting the code', () => {
    const code = makeUscc({ division: '990000', org: 'MA12345X' });
    const u = parseUscc(code);
    expect(u.valid).toBe(true);
    expect(u.region?.known).toBe(false);
    expect(u.warnings.some((w) => /990000/.test(w))).toBe(true);
  });

  it('decodes sole traders, co-operatives and civil-affairs categories', () => {
    expect(parseUscc(makeUscc({ category: '2', division: '653101', org: 'L1234567' })).category?.zh).toBe(
      '个体工商户',
    );
    expect(parseUscc(makeUscc({ category: '3', division: '653101', org: 'MA123456' })).category?.code).toBe(
      '93',
    );
    expect(
      parseUscc(makeUscc({ authority: '5', category: '1', division: '650100', org: '50000001' })).authority
        ?.zh,
    ).toBe('民政');
  });
});

describe('generated codes for every Xinjiang prefecture and XPCC city', () => {
  const prefectures = GAZETTEER.filter((p) => p.level === 'prefecture');
  it('covers the 14 prefectures', () => expect(prefectures).toHaveLength(14));

  for (const p of prefectures) {
    it(`${p.code} ${p.zh}: valid, Xinjiang, decoded; corrupted fails`, () => {
      const code = makeUscc({ division: `${p.code}00`, org: 'MA7X2K3Q' });
      const u = parseUscc(code);
      expect(u.valid).toBe(true);
      expect(u.warnings).toEqual([]);
      expect(u.xinjiang).toBe(true);
      expect(u.xpcc).toBe(false);
      expect(u.region?.province?.zh).toBe('新疆维吾尔自治区');
      expect(u.region?.prefecture?.zh.startsWith(p.zh)).toBe(true);
      expect(u.region?.prefecture?.en).toBe(p.names[0]);
      expect(parseUscc(corrupt(code, 12)).valid).toBe(false);
    });
  }

  it('decodes the historic Turpan (6521xx) and Hami (6522xx) codes', () => {
    const turpan = parseUscc(makeUscc({ division: '652101', org: '22960123' }));
    expect(turpan.valid).toBe(true);
    expect(turpan.xinjiang).toBe(true);
    expect(turpan.region?.prefecture).toMatchObject({
      zh: '吐鲁番地区',
      historic: { now: '6504', until: 2015 },
    });
    expect(turpan.region?.county?.zh).toBe('吐鲁番市');
    const hami = parseUscc(makeUscc({ division: '652201', org: '22960123' }));
    expect(hami.region?.prefecture).toMatchObject({ zh: '哈密地区', historic: { now: '6505', until: 2016 } });
  });

  // ../shared/docs/domain.md section 5: 6590xx cities and the XPCC division that runs each.
  const XPCC: Record<string, [string, number]> = {
    '659001': ['石河子市', 8],
    '659002': ['阿拉尔市', 1],
    '659003': ['图木舒克市', 3],
    '659004': ['五家渠市', 6],
    '659005': ['北屯市', 10],
    '659006': ['铁门关市', 2],
    '659007': ['双河市', 5],
    '659008': ['可克达拉市', 4],
    '659009': ['昆玉市', 14],
    '659010': ['胡杨河市', 7],
    '659011': ['新星市', 13],
    '659012': ['白杨市', 9],
  };
  for (const [division, [zh, n]] of Object.entries(XPCC)) {
    it(`${division} ${zh}: XPCC city of division ${n}; corrupted fails`, () => {
      const code = makeUscc({ division, org: '0000123X'.replace('X', '4') });
      const u = parseUscc(code);
      expect(u.valid).toBe(true);
      expect(u.xinjiang).toBe(true);
      expect(u.xpcc).toBe(true);
      expect(u.xpccDivision).toBe(n);
      expect(u.region?.county?.zh).toBe(zh);
      expect(parseUscc(corrupt(code, 17)).valid).toBe(false);
      expect(parseUscc(corrupt(code, 5)).valid).toBe(false);
    });
  }
});

describe('findUsccs', () => {
  it('finds codes in identifier fields, labelled text and Chinese running text', () => {
    expect(findUsccs(JINZHOU)).toEqual([JINZHOU]);
    expect(findUsccs(`Unified Social Credit Code (USCC) ${JINZHOU} (China).`)).toEqual([JINZHOU]);
    expect(findUsccs(`统一社会信用代码：${JINZHOU}；法定代表人`)).toEqual([JINZHOU]);
    expect(findUsccs(`统一社会信用代码${JINZHOU}`)).toEqual([JINZHOU]);
    expect(findUsccs(`USCC${JINZHOU}`)).toEqual([JINZHOU]);
  });

  it('skips codes inside longer alphanumeric runs and codes with a wrong check character', () => {
    expect(findUsccs(`SN ${JINZHOU}7781`)).toEqual([]);
    expect(findUsccs(`X1${JINZHOU}`)).toEqual([]);
    expect(findUsccs(corrupt(JINZHOU, 3))).toEqual([]);
    expect(findUsccs('Container MSKU1234567, invoice 2024-INV-000123456789')).toEqual([]);
  });

  it('returns each code once, in order', () => {
    const other = makeUscc({ division: '659001', org: '12345678' });
    expect(findUsccs(`${other}; ${JINZHOU}; ${other.toLowerCase()}`)).toEqual([other, JINZHOU]);
  });
});

const OFAC = new URL('../../../../shared/data/ofac-sdn-2024-05-03.csv', import.meta.url);
// The OFAC SDN snapshot lives beside the repo (never copied in); a fresh clone has no such folder.
describe.skipIf(!existsSync(OFAC))('real USCCs quoted in the OFAC SDN list', () => {
  it('every code labelled "Unified Social Credit Code" has a valid check character', () => {
    const text = readFileSync(OFAC, 'utf8');
    const labelled = [
      ...new Set(
        [...text.matchAll(/(?:Unified Social Credit Code|USCCC?)\)?\s+([0-9A-Z]{18})/g)].map(
          (m) => m[1] ?? '',
        ),
      ),
    ];
    expect(labelled.length).toBeGreaterThan(80);
    expect(labelled.filter((c) => !isValidUscc(c))).toEqual([]);
    const found = findUsccs(text);
    for (const c of labelled) expect(found).toContain(c);
  });
});
