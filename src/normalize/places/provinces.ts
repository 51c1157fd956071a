import table from './china-provinces.json' with { type: 'json' };

/**
 * China's province-level divisions (GB/T 2260 two-digit codes) by code and by name: Chinese with
 * or without its 省/市/自治区 suffix, English, postal and Wade-Giles spellings, and the long
 * forms officials write ("Xinjiang Uyghur Autonomous Region", "Guangdong Province", "Hong Kong
 * SAR"). The one province table: trade-statistics import, flows screening and `locate` read it.
 */

export interface Province {
  /** GB/T 2260 two-digit code, e.g. `65`. */
  readonly code: string;
  /** Short Chinese name (新疆). */
  readonly zh: string;
  /** Full Chinese name (新疆维吾尔自治区). */
  readonly zhFull: string;
  readonly en: string;
  /** English spellings to recognise. */
  readonly names: readonly string[];
  /** ISO 3166 code where trade documents treat the division as its own origin (HK, MO, TW). */
  readonly country?: string;
}

export const PROVINCES: readonly Province[] = table.provinces;
export const PROVINCES_SOURCE: string = table.source;

/** Case, accents, spaces and punctuation do not distinguish province names. */
const fold = (s: string): string =>
  s
    .normalize('NFKD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, '');

// Folded suffixes people add to a province's name; stripped when the whole name is unknown.
const SUFFIXES = [
  'uyghurautonomousregion',
  'uygurautonomousregion',
  'zhuangautonomousregion',
  'huiautonomousregion',
  'autonomousregion',
  'specialadministrativeregion',
  'province',
  'municipality',
  'sar',
  '维吾尔自治区',
  '壮族自治区',
  '回族自治区',
  '特别行政区',
  '自治区',
  '省',
  '市',
];

const BY_CODE = new Map(PROVINCES.map((p) => [p.code, p]));
const BY_NAME = new Map<string, Province>();
for (const p of PROVINCES) for (const n of [p.zh, p.zhFull, p.en, ...p.names]) BY_NAME.set(fold(n), p);

/** The province of a two-digit code. */
export function provinceByCode(code: string): Province | undefined {
  return BY_CODE.get(code);
}

/** The province a name denotes, or null when the text is not a province's name. */
export function provinceNamed(text: string): Province | null {
  const f = fold(text);
  if (f.length === 0) return null;
  const hit = BY_NAME.get(f);
  if (hit) return hit;
  for (const suffix of SUFFIXES) {
    if (f.length > suffix.length && f.endsWith(suffix)) {
      const p = BY_NAME.get(f.slice(0, -suffix.length));
      if (p) return p;
    }
  }
  return null;
}

/**
 * A GB/T 2260 code in its shortest form, the form trade statistics are stored with: trailing
 * `00` pairs dropped (`650000` → `65`, `650100` → `6501`). Null unless the text is 2, 4 or 6
 * digits under a known province.
 */
export function shortDivisionCode(text: string): string | null {
  const s = text.trim();
  if (!/^\d{2}(\d{2}){0,2}$/.test(s)) return null;
  // Even length in, even length out: the digits pair up as province, prefecture, county.
  const code = s.replace(/(00)+$/, '');
  return BY_CODE.has(code.slice(0, 2)) ? code : null;
}
