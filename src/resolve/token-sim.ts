import type { NameToken } from '../normalize/index.ts';
import { phoneticKey } from '../normalize/index.ts';
import { jaroWinkler } from './jaro-winkler.ts';

/** How two tokens were found similar, for explanations. */
export type TokenHow =
  | 'key'
  | 'exact'
  | 'alias'
  | 'jaro-winkler'
  | 'phonetic'
  | 'initial'
  | 'joined'
  | 'conflict';

export interface TokenSim {
  readonly sim: number;
  readonly how: TokenHow;
}

const PHONETIC_CACHE = new Map<string, string>();
function pkey(s: string): string {
  let k = PHONETIC_CACHE.get(s);
  if (k === undefined) {
    k = phoneticKey(s);
    // Bounded: the cache serves batches of similar names, not the whole index.
    if (PHONETIC_CACHE.size > 200_000) PHONETIC_CACHE.clear();
    PHONETIC_CACHE.set(s, k);
  }
  return k;
}

/** Similarity of two strings as transliterated names: the better of raw and phonetic Jaro-Winkler. */
export function stringSim(a: string, b: string): TokenSim {
  if (a === b) return { sim: 1, how: 'exact' };
  const jw = jaroWinkler(a, b);
  // Phonetic folding rescues spelling variants, which already look alike (JW ≥ 0.75); skipping
  // it for unrelated tokens halves the cost of a comparison.
  if (jw >= 0.75 && a.length >= 3 && b.length >= 3) {
    const pa = pkey(a);
    const pb = pkey(b);
    if (pa === pb) return { sim: Math.max(jw, 0.98), how: jw >= 0.98 ? 'jaro-winkler' : 'phonetic' };
    const pj = jaroWinkler(pa, pb) * 0.97;
    if (pj > jw) return { sim: pj, how: 'phonetic' };
  }
  return { sim: jw, how: 'jaro-winkler' };
}

/**
 * Similarity of two tokens. Tokens with an exact identity (`key`: concept, place, number) agree
 * or conflict outright; otherwise the best of the spellings (text and alternatives) decides.
 */
export function tokenSim(a: NameToken, b: NameToken): TokenSim {
  if (a.key !== undefined && b.key !== undefined) {
    if (a.key === b.key) return { sim: 1, how: 'key' };
    return { sim: 0, how: 'conflict' };
  }
  // A number never fuzzily matches a word; an initial matches a word starting with it.
  if (a.kind === 'number' || b.kind === 'number') return { sim: a.text === b.text ? 1 : 0, how: 'conflict' };
  if (a.kind === 'initial' || b.kind === 'initial') {
    const [i, w] = a.kind === 'initial' ? [a, b] : [b, a];
    if (w.kind === 'initial') return { sim: i.text === w.text ? 1 : 0, how: 'initial' };
    return { sim: w.text.startsWith(i.text) ? 0.9 : 0, how: 'initial' };
  }
  if (a.exact || b.exact) return exactSim(a, b);
  let best = stringSim(a.text, b.text);
  if (best.sim === 1) return best;
  const altsA = a.alts ?? [];
  const altsB = b.alts ?? [];
  if (altsA.length > 0 || altsB.length > 0) {
    for (const x of [a.text, ...altsA]) {
      for (const y of [b.text, ...altsB]) {
        if (x === a.text && y === b.text) continue;
        if (x === y) {
          // Two spellings of one given-name group, a brand alias or a place spelling.
          const viaGroup = a.kind === 'word' && b.kind === 'word' && !isBrand(a) && !isBrand(b);
          return { sim: viaGroup ? 0.96 : 1, how: 'alias' };
        }
        const s = stringSim(x, y);
        if (s.sim > best.sim) best = { sim: s.sim * 0.98, how: 'alias' };
      }
    }
  }
  return best;
}

function isBrand(t: NameToken): boolean {
  return t.kind === 'core' || (t.alts !== undefined && t.alts.length > 0 && t.kind !== 'word');
}

// Pinyin from Han against anything: equal spellings (or alternatives) only.
function exactSim(a: NameToken, b: NameToken): TokenSim {
  const xs = [a.text, ...(a.alts ?? [])];
  const ys = [b.text, ...(b.alts ?? [])];
  if (a.text === b.text) return { sim: 1, how: 'exact' };
  for (const x of xs) if (ys.includes(x)) return { sim: 1, how: 'alias' };
  return { sim: 0, how: 'conflict' };
}
