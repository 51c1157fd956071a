import { PROVINCES, type Province } from './tables.ts';

/**
 * Origin regions given as a GB/T 2260 code (`65`, `650000`) or a name (Xinjiang, 新疆,
 * 新疆维吾尔自治区, XUAR). A stopgap province table until src/normalize offers `locate`.
 */

export interface Region {
  /** Two-digit GB/T 2260 code, the form trade statistics are stored with. */
  readonly code: string;
  /** English name for reasons and tables ("Xinjiang"); the code itself when unknown. */
  readonly name: string;
}

const fold = (s: string): string =>
  s
    .normalize('NFKC')
    .toLowerCase()
    .replace(/[\s'’\-_.,()]/g, '');

// Suffixes people add to province names; stripped before comparing with the short names.
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

const BY_NAME = new Map<string, Province>();
for (const p of PROVINCES) {
  for (const n of [p.en, p.zh, p.short, ...p.aliases]) BY_NAME.set(fold(n), p);
}
const BY_CODE = new Map(PROVINCES.map((p) => [p.code, p]));

/**
 * Normalises a stored or typed region code: six-digit province codes (`650000`) become two
 * digits; other codes pass through unchanged.
 */
export function normalizeRegionCode(code: string): string {
  const c = code.trim();
  return /^\d{2}0000$/.test(c) ? c.slice(0, 2) : c;
}

/** Resolves a region code or name; null when it is neither a code nor a known province name. */
export function resolveRegion(input: string): Region | null {
  const raw = input.trim();
  if (/^\d{2}(\d{4})?$/.test(raw)) {
    const code = normalizeRegionCode(raw);
    return { code, name: BY_CODE.get(code)?.en ?? code };
  }
  const f = fold(raw);
  if (f.length === 0) return null;
  let p = BY_NAME.get(f);
  for (const suffix of SUFFIXES) {
    if (p) break;
    if (f.endsWith(suffix) && f.length > suffix.length) p = BY_NAME.get(f.slice(0, -suffix.length));
  }
  return p ? { code: p.code, name: p.en } : null;
}

/** The English name of a region code, or the code itself. */
export function regionName(code: string): string {
  return BY_CODE.get(code)?.en ?? code;
}
