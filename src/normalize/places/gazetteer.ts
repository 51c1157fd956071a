import table from './xinjiang-gazetteer.json' with { type: 'json' };

/** The Xinjiang gazetteer: division codes with every spelling we know, loaded once from JSON. */

export type PlaceLevel = 'province' | 'prefecture' | 'county' | 'xpcc-city';

export interface GazetteerPlace {
  /** GB/T 2260 code prefix: 2 digits province, 4 prefecture, 6 county. */
  readonly code: string;
  readonly level: PlaceLevel;
  readonly zh: string;
  /** Latin and Cyrillic spellings, first is the preferred English name. */
  readonly names: readonly string[];
  /** Older code prefixes (re-districting) still seen in USCCs. */
  readonly historic?: readonly string[];
  /** The XPCC division number for 6590xx cities. */
  readonly division?: number;
}

export const GAZETTEER: readonly GazetteerPlace[] = table.places as readonly GazetteerPlace[];
export const GAZETTEER_SOURCE: string = table.source;

/** Folds a spelling for lookup: lower case, diacritics stripped, spaces/apostrophes/hyphens removed. */
export function foldPlaceName(s: string): string {
  return s
    .normalize('NFKD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/[\s'’\-.]/g, '');
}

const BY_NAME = new Map<string, GazetteerPlace[]>();
for (const p of GAZETTEER) {
  for (const n of [p.zh, ...p.names]) {
    const k = foldPlaceName(n);
    const list = BY_NAME.get(k) ?? [];
    if (!list.includes(p)) list.push(p);
    BY_NAME.set(k, list);
  }
}

/** Places a single spelling names (`"Kashi"`, `"喀什"`, `"Ürümqi"`), or an empty list. */
export function placesNamed(spelling: string): readonly GazetteerPlace[] {
  return BY_NAME.get(foldPlaceName(spelling)) ?? [];
}

/** Every folded spelling in the gazetteer, for building token tables elsewhere. */
export function allPlaceSpellings(): ReadonlyMap<string, readonly GazetteerPlace[]> {
  return BY_NAME;
}
