import { divisionName, provinceNamed, shortDivisionCode } from '../../normalize/index.ts';

/** Origin regions given as a GB/T 2260 code (`65`, `650000`) or a province's name. */

export interface Region {
  /** GB/T 2260 code in its short form (`65`), the form trade statistics are stored with. */
  readonly code: string;
  /** English name for reasons and tables ("Xinjiang"); the code itself when unknown. */
  readonly name: string;
}

/**
 * A stored or typed region code in the short form regions are stored with (`650000` → `65`,
 * `650100` → `6501`); other text passes through unchanged.
 */
export function normalizeRegionCode(code: string): string {
  return shortDivisionCode(code) ?? code.trim();
}

/** Resolves a region code or name; null when it is neither a code nor a known province name. */
export function resolveRegion(input: string): Region | null {
  const raw = input.trim();
  if (/^\d{2}(\d{2}){0,2}$/.test(raw)) {
    const code = normalizeRegionCode(raw);
    return { code, name: regionName(code) };
  }
  const p = provinceNamed(raw);
  return p ? { code: p.code, name: p.en } : null;
}

/** The English name of a region code (province or prefecture), or the code itself. */
export function regionName(code: string): string {
  return divisionName(code)?.en ?? code;
}
