import { SECTORS, sectorsOfHs } from '../../normalize/goods/index.ts';

/**
 * Which product group an HS code's value counts in. Every code goes to exactly one group per
 * grouping, so group values add up to the itemised total and shares never double count.
 */

/** Value in a TOTAL row that the HS rows of the same cell do not itemise. */
export const UNSPECIFIED = 'unspecified';
/** Itemised goods outside every UFLPA high-priority sector. */
export const OTHER = 'other';

/**
 * `core`: a code counts in a sector only when it lies inside one of the sector's own (core) HS
 * prefixes. `core+downstream`: downstream prefixes (goods that commonly contain the sector's
 * goods, e.g. footwear for apparel) count too.
 */
export type SectorTiers = 'core' | 'core+downstream';

/**
 * The UFLPA sector an HS code's value is attributed to, or `other`. Only exact prefix hits
 * count (a code coarser than the sector's prefix, like 2002 for tomato paste 200290, may hold
 * other goods). A code in several sectors (8544 wire: aluminium and copper downstream) goes to
 * the first in the sector table, core before downstream.
 */
export function sectorGroupOf(hs: string, tiers: SectorTiers = 'core'): string {
  for (const hit of sectorsOfHs(hs)) {
    if (hit.strength !== 'exact') continue;
    if (tiers === 'core' && hit.tier !== 'core') continue;
    return hit.sector;
  }
  return OTHER;
}

/** The HS chapter (first two digits) of a code. */
export function chapterOf(hs: string): string {
  return hs.slice(0, 2);
}

const SECTOR_ORDER = new Map(SECTORS.map((s, i) => [s.id, i]));

/** Display order of groups: sectors in table order (or chapters numerically), then other, then unspecified. */
export function compareGroups(a: string, b: string): number {
  const rank = (g: string): number => {
    if (g === UNSPECIFIED) return 1e6 + 1;
    if (g === OTHER) return 1e6;
    return SECTOR_ORDER.get(g) ?? (/^\d+$/.test(g) ? 1000 + Number(g) : 5e5);
  };
  return rank(a) - rank(b) || a.localeCompare(b);
}

/** Human label for a group: "Apparel", "HS 61", "other goods", "not itemised". */
export function groupLabel(group: string): string {
  if (group === UNSPECIFIED) return 'goods not itemised by HS code';
  if (group === OTHER) return 'goods outside the UFLPA sectors';
  if (/^\d+$/.test(group)) return `HS ${group}`;
  return SECTORS.find((s) => s.id === group)?.name ?? group;
}
