import { placesNamed, provinceNamed, shortDivisionCode } from '../normalize/index.ts';

/**
 * Reporter regions of customs statistics → GB/T 2260 codes in their short form: a province's
 * name or code (`65`, `650000` → `65`), a prefecture's code (`650100` → `6501`), or a Xinjiang
 * place name from the gazetteer (statistics are published for Xinjiang's prefectures too).
 */
export function regionCode(raw: string): string | null {
  const s = raw.trim();
  if (/^\d+$/.test(s)) return shortDivisionCode(s);
  const province = provinceNamed(s);
  if (province) return province.code;
  const places = placesNamed(s);
  const first = places[0];
  if (places.length === 1 && first) return first.code;
  return null;
}
