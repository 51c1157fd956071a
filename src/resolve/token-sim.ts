import type { NameToken } from '../normalize/index.ts';
import { consonantSkeleton, hangulKey, phoneticKey, skeletonOfKey } from '../normalize/index.ts';
import { jaroWinkler } from './jaro-winkler.ts';

/** How two tokens were found to agree (or why not), for explanations. */
export type TokenHow =
  | 'key'
  | 'exact'
  | 'alias'
  | 'phonetic'
  | 'skeleton'
  | 'hangul'
  | 'jaro-winkler'
  | 'initial'
  | 'joined'
  | 'gender'
  | 'conflict';

/**
 * How a pair of name variants compares: persons tolerate transliteration and spelling variants
 * of every word; organisations only where the two forms come from different scripts (in one
 * script, "Alpha" / "Alfa" and "Melli" / "Mellat" are different names). `abjad` and `hangul`
 * say that one side was read from a script whose Latin form is ambiguous.
 */
export interface SimContext {
  readonly mode: 'person' | 'org';
  /** The two variants come from different scripts. */
  readonly cross: boolean;
  readonly abjad: boolean;
  readonly hangul: boolean;
  /**
   * Both sides are written in the same non-Latin script: their letters, vowels included, are
   * the name itself (حسين Husayn / حسن Hasan differ by a written letter).
   */
  readonly sameScript: boolean;
}

/** A token comparison: `credit` in [0, 1] is the share of the pair's weight it earns. */
export interface TokenSim {
  readonly credit: number;
  /** The string similarity shown in explanations (Jaro-Winkler of the compared spellings, or 1). */
  readonly sim: number;
  readonly how: TokenHow;
}

const NONE: TokenSim = { credit: 0, sim: 0, how: 'conflict' };

// Bounded memo tables: keys of a batch of similar names repeat; the index never fills them.
function memo(fn: (s: string) => string): (s: string) => string {
  let cache = new Map<string, string>();
  return (s: string) => {
    let k = cache.get(s);
    if (k === undefined) {
      k = fn(s);
      if (cache.size >= 100_000) cache = new Map();
      cache.set(s, k);
    }
    return k;
  };
}
/** Cached {@link phoneticKey}. */
export const pkey = memo(phoneticKey);

/** A token's phonetic key, computed once and kept on the token. */
export function pkOf(t: NameToken): string {
  let k = t.pk;
  if (k === undefined) {
    k = phoneticKey(t.text);
    t.pk = k;
  }
  return k;
}
/** Cached {@link consonantSkeleton}. */
export const skel = memo(consonantSkeleton);
const hkey = memo(hangulKey);

const VOWEL_START = /^[aeiou]/;

function semivowels(s: string): string {
  let out = '';
  for (const c of s.replace(/w/g, 'v')) if (!"aeiou'".includes(c) && !out.endsWith(c)) out += c;
  return out;
}

// Russian, Ukrainian, Polish, Greek surnames and given names differ by gender in their ending:
// Navalny / Navalnaya, Petrov / Petrova, Kowalski / Kowalska, Papadopoulos / Papadopoulou,
// Alexander / Alexandra. Such a pair is two people.
function genderPair(a: string, b: string): boolean {
  const femA = /(a|u)$/.test(a);
  if (femA === /(a|u)$/.test(b)) return false;
  const [m, f] = femA ? [b, a] : [a, b];
  if (f === `${m}a`) return true;
  // (A final o/a is not a gender ending: Lukashenko / Belarusian Lukashenka is one man.)
  const stemM = m.replace(/(oi|i|os|as|is|us)$/, '');
  const stemF = f.replace(/(aia|a|u)$/, '');
  return stemM.length >= 3 && stemM === stemF;
}

// "Abramov" / "Abramovich", "Gazprom" / "Gazprombank", "Ivan" / "Ivanov": one name extended by
// a suffix is another name, however high Jaro-Winkler's prefix bonus puts them.
function extended(pa: string, pb: string): boolean {
  const [s, l] = pa.length <= pb.length ? [pa, pb] : [pb, pa];
  return (
    (l.length - s.length >= 3 && l.startsWith(s)) ||
    (s.length >= 4 && l.length - s.length >= 2 && l.endsWith(s))
  );
}

function spellings(t: NameToken): readonly string[] {
  return t.alts && t.alts.length > 0 ? [t.text, ...t.alts] : [t.text];
}

/** Credit of two strings read as persons' name words (after exact and alias checks). */
function personStrings(a: string, b: string, ctx: SimContext, ka?: string, kb?: string): TokenSim {
  // Abd al-Rahim / Abd al-Rahman: the shared "abd" says nothing; compare what follows.
  if (a.startsWith('abd') && b.startsWith('abd') && a.length > 5 && b.length > 5 && a !== b)
    return personStrings(a.slice(3), b.slice(3), ctx);
  const pa = ka ?? pkey(a);
  const pb = kb ?? pkey(b);
  if (pa === pb) return { credit: 0.95, sim: jaroWinkler(a, b), how: 'phonetic' };
  if (genderPair(pa, pb)) return { credit: 0, sim: jaroWinkler(a, b), how: 'gender' };
  if (extended(pa, pb)) return { credit: 0, sim: jaroWinkler(a, b), how: 'conflict' };
  if (ctx.hangul) {
    const ha = hkey(a);
    if (ha.length > 0 && ha === hkey(b)) return { credit: 0.93, sim: jaroWinkler(a, b), how: 'hangul' };
  }
  const jw = jaroWinkler(pa, pb);
  // Skeletons only where they can decide: across an abjad, or for near spellings.
  const near = jw >= 0.75 && Math.abs(pa.length - pb.length) <= 1;
  const sa = ctx.abjad || near ? skeletonOfKey(pa) : '';
  const sb = ctx.abjad || near ? skeletonOfKey(pb) : '';
  if (ctx.abjad) {
    if (sa === sb && sa.length >= 2) return { credit: 0.92, sim: jw, how: 'skeleton' };
    if (sa === sb && sa.length === 1 && Math.max(a.length, b.length) <= 5)
      return { credit: 0.85, sim: jw, how: 'skeleton' };
    if (sa.length >= 3 && sb.length >= 3 && jaroWinkler(sa, sb) >= 0.9)
      return { credit: 0.55, sim: jw, how: 'skeleton' };
    // Names of vowels and semivowels only (Yoav / יואב "yov", Yair / יאיר "yir"): keep y, w, v.
    if (sa.length < 2 && sb.length < 2) {
      const va = semivowels(a);
      if (va.length >= 2 && va === semivowels(b)) return { credit: 0.85, sim: jw, how: 'skeleton' };
    }
  }
  // Same consonants, vowels spelt differently: Osama / Usama, Hosni / Husni, Haftar / Hifter.
  if (
    near &&
    !ctx.sameScript &&
    sa === sb &&
    sa.length >= 2 &&
    (VOWEL_START.test(pa) ? VOWEL_START.test(pb) : !VOWEL_START.test(pb) && sa[0] === sb[0])
  )
    return { credit: 0.9, sim: jw, how: 'skeleton' };
  // Short names differ by a letter only when they are different names (Ali / Alim, Yang / Wang).
  if (Math.min(pa.length, pb.length) < 5) return { credit: 0, sim: jw, how: 'jaro-winkler' };
  if (jw >= 0.93) return { credit: 0.85, sim: jw, how: 'jaro-winkler' };
  if (jw >= 0.88) return { credit: 0.55, sim: jw, how: 'jaro-winkler' };
  return { credit: 0, sim: jw, how: 'jaro-winkler' };
}

/** Credit of two strings read as the distinctive words of organisations' names. */
function orgStrings(a: string, b: string, ctx: SimContext, ka?: string, kb?: string): TokenSim {
  const pa = ka ?? pkey(a);
  const pb = kb ?? pkey(b);
  const long = Math.min(a.length, b.length) >= 8;
  if (pa === pb)
    return { credit: ctx.cross ? 0.95 : long ? 0.9 : 0.5, sim: jaroWinkler(a, b), how: 'phonetic' };
  if (extended(pa, pb)) return { credit: 0, sim: jaroWinkler(a, b), how: 'conflict' };
  if (ctx.hangul) {
    const ha = hkey(a);
    if (ha.length > 1 && ha === hkey(b)) return { credit: 0.9, sim: jaroWinkler(a, b), how: 'hangul' };
  }
  const jw = jaroWinkler(pa, pb);
  if (ctx.abjad) {
    const sa = skeletonOfKey(pa);
    if (sa.length >= 2 && sa === skeletonOfKey(pb)) return { credit: 0.9, sim: jw, how: 'skeleton' };
  }
  if (ctx.cross) {
    // Transliteration changes vowels and digraphs (norilskiy / Norilsk, rayffayzen /
    // Raiffeisen), which the consonant skeleton ignores; an added or changed consonant is
    // another name (Tekhno / Tekhnos, Medtekhnika / Mettekhnika).
    // z/s too: German and English spellings of one Russian з (Райффайзен / Raiffeisen).
    if (jw >= 0.85 && skeletonOfKey(pa).replace(/z/g, 's') === skeletonOfKey(pb).replace(/z/g, 's'))
      return { credit: 0.9, sim: jw, how: 'skeleton' };
    if (jw >= 0.9) return { credit: 0.55, sim: jw, how: 'jaro-winkler' };
    return { credit: 0, sim: jw, how: 'jaro-winkler' };
  }
  // One script: a letter off is another name (Grand Star / Grand Start, Melli / Mellat), except
  // in long words where it is a typo or a spelling (Sovcomflot / Sovkomflot), and except vowels
  // spelt differently in a name transliterated from a script without them (Taliban / Taleban,
  // Al-Qaida / Al-Qaeda, Jaish-e-Muhammad / Jaish-e-Mohammed): same consonants, same start.
  if (jw >= 0.85 && Math.abs(pa.length - pb.length) <= 1 && pa[0] === pb[0]) {
    const sa = skeletonOfKey(pa);
    if (sa.length >= 2 && sa === skeletonOfKey(pb)) return { credit: 0.85, sim: jw, how: 'skeleton' };
  }
  if (long && jw >= 0.95) return { credit: 0.6, sim: jw, how: 'jaro-winkler' };
  if (jw >= 0.9) return { credit: 0.25, sim: jw, how: 'jaro-winkler' };
  return { credit: 0, sim: jw, how: 'jaro-winkler' };
}

// Pinyin read from Han characters is deterministic: equal spellings (or alternatives) only.
function exactOnly(a: NameToken, b: NameToken): TokenSim {
  if (a.text === b.text) return { credit: 1, sim: 1, how: 'exact' };
  const ys = spellings(b);
  for (const x of spellings(a)) if (ys.includes(x)) return { credit: 1, sim: 1, how: 'alias' };
  return NONE;
}

/**
 * Compares two tokens. Tokens with an identity (`key`: concept, place, number) agree or
 * conflict outright; numbers never fuzzily match; an initial matches a word it begins; a
 * patronymic only meets a patronymic or an initial. Otherwise the best of the tokens' spellings
 * (text and alternatives) decides, by the mode's rules.
 */
export function tokenSim(a: NameToken, b: NameToken, ctx: SimContext): TokenSim {
  if (a.key !== undefined && b.key !== undefined) {
    return a.key === b.key ? { credit: 1, sim: 1, how: 'key' } : NONE;
  }
  if (a.kind === 'number' || b.kind === 'number')
    return a.text === b.text ? { credit: 1, sim: 1, how: 'exact' } : NONE;
  if (a.kind === 'particle' || b.kind === 'particle') return NONE;
  if (a.kind === 'initial' || b.kind === 'initial') {
    const [i, w] = a.kind === 'initial' ? [a, b] : [b, a];
    if (w.kind === 'initial') return i.text === w.text ? { credit: 0.9, sim: 1, how: 'initial' } : NONE;
    if (ctx.mode === 'org') return NONE;
    return spellings(w).some((s) => s.startsWith(i.text)) ? { credit: 0.8, sim: 0.9, how: 'initial' } : NONE;
  }
  if ((a.kind === 'patronymic') !== (b.kind === 'patronymic')) return NONE;
  if (a.text === b.text) return { credit: 1, sim: 1, how: 'exact' };
  // A word against a concept, place or number: the word was not recognised as that concept, so
  // only one of the concept's own spellings counts (or, from Arabic script, its skeleton).
  if ((a.key === undefined) !== (b.key === undefined)) {
    const ys = spellings(b);
    for (const x of spellings(a)) if (ys.includes(x)) return { credit: 1, sim: 1, how: 'alias' };
    if (ctx.abjad) {
      const ks = ys.map(skel);
      for (const x of spellings(a)) {
        const k = skel(x);
        if (k.length >= 2 && ks.includes(k)) return { credit: 0.9, sim: 1, how: 'skeleton' };
      }
    }
    // Across scripts a word may be the concept in another spelling (банко "banko" / Banco,
    // текстиль "tekstil" / Textile, Венесуэла "venesuela" / Venezuela).
    if (ctx.cross) {
      const long = Math.min(a.text.length, b.text.length) >= 6;
      for (const x of spellings(a)) {
        for (const y of ys) {
          const px = pkey(x);
          const py = pkey(y);
          if (px === py && px.length >= 4) return { credit: 0.9, sim: 1, how: 'phonetic' };
          if (!long) continue;
          const jw = jaroWinkler(px, py);
          if (jw >= 0.92) return { credit: 0.8, sim: jw, how: 'jaro-winkler' };
        }
      }
    }
    return NONE;
  }
  if (a.exact || b.exact) return exactOnly(a, b);
  const cmp = ctx.mode === 'person' ? personStrings : orgStrings;
  if (a.alts === undefined && b.alts === undefined) return cmp(a.text, b.text, ctx, pkOf(a), pkOf(b));
  const sa = spellings(a);
  const sb = spellings(b);
  for (const x of sa) {
    if (sb.includes(x)) {
      // Two spellings of one given-name group: nearly the same; a brand or concept alias: the same.
      const group = ctx.mode === 'person' && a.kind === 'word' && b.kind === 'word';
      return { credit: group ? 0.97 : 1, sim: 1, how: 'alias' };
    }
  }
  let best = cmp(a.text, b.text, ctx, pkOf(a), pkOf(b));
  if (best.credit >= 0.95 || best.how === 'gender' || (sa.length === 1 && sb.length === 1)) return best;
  for (const x of sa) {
    for (const y of sb) {
      if (x === a.text && y === b.text) continue;
      const s = cmp(x, y, ctx);
      if (s.credit > best.credit) best = { credit: s.credit * 0.98, sim: s.sim, how: 'alias' };
    }
  }
  return best;
}

/** Credit of a run of tokens joined against one token ("Guan Nong" / "Guannong", "Nasr Allah"). */
export function joinedSim(joined: string, exact: boolean, b: NameToken, ctx: SimContext): TokenSim {
  const sb = spellings(b);
  if (sb.includes(joined)) return { credit: 1, sim: 1, how: 'joined' };
  if (exact || b.exact) return NONE;
  let best = NONE;
  for (const y of sb) {
    const s = ctx.mode === 'person' ? personStrings(joined, y, ctx) : orgStrings(joined, y, ctx);
    if (s.credit > best.credit) best = { credit: s.credit, sim: s.sim, how: 'joined' };
  }
  return best;
}
