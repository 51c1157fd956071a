import {
  consonantSkeleton,
  type NameAnalysis,
  type NameToken,
  phoneticKey,
  skeletonOfKey,
} from '../normalize/index.ts';
import { normalizeIdentifier } from './identifiers.ts';
import { pkOf } from './token-sim.ts';

/**
 * The candidate index: an inverted index from keys (tokens and their spellings, phonetic and
 * consonant-skeleton keys, character trigrams of the joined name, identifiers) to name
 * numbers. Keys are not stored: each is hashed (32-bit FNV-1a) into one of 2^k buckets, and
 * the buckets hold their names in compressed-sparse-row form (one Int32Array of postings, one
 * of offsets), so a million names cost about 100 MB and no per-key objects; a rare collision
 * only adds a candidate, which full scoring then rejects. Keys are weighted by rarity (IDF) at
 * query time.
 */

/** Key families; the prefix keeps tokens, trigrams and identifiers apart. */
const TOKEN = 't:';
const PHONETIC = 'f:';
const SKELETON = 's:';
const PAIR = 'p:';
const WHOLE = 'n:';
const PREFIX = 'x:';
const SUFFIX = 'y:';
const TRIGRAM = 'q:';
const IDENT = 'i:';

const FAMILY_WEIGHT: Record<string, number> = {
  [TOKEN]: 1,
  [PHONETIC]: 0.6,
  [SKELETON]: 0.4,
  [PAIR]: 1.5,
  [WHOLE]: 2,
  [PREFIX]: 0.5,
  [SUFFIX]: 0.5,
  [TRIGRAM]: 0.2,
  [IDENT]: 6,
};

/** Tokens paired into pair keys: the first few that carry identity. */
const PAIR_TOKENS = 5;

/**
 * The index keys of an analysed name (and its identifiers), deduplicated: each token's spelling
 * and alternatives; for words, a phonetic key, a consonant skeleton (Arabic-script names against
 * Latin ones) and, in long words, the first and last five letters (a typo leaves one intact);
 * unordered pairs of tokens (common given name + common surname, or a common brand + a company
 * word, is rare as a pair: the key that finds "Ivan Petrov" among a million names) and, for
 * three or more, the whole set of them; character
 * trigrams of the joined words; identifiers.
 */
export function indexKeys(a: NameAnalysis, identifiers: readonly string[] = []): string[] {
  const keys = new Set<string>();
  for (const v of a.variants) {
    if (v.kind === 'han') {
      // Han characters of the distinctive part and of persons' names, Chinese to Chinese.
      for (const t of v.tokens) if (t.kind === 'core' || t.kind === 'word') keys.add(`${TOKEN}${t.text}`);
      continue;
    }
    let joined = '';
    const ids: string[] = [];
    for (const t of v.tokens) {
      if (t.kind === 'initial' || t.kind === 'particle') continue;
      keys.add(`${TOKEN}${t.text}`);
      const alts = t.alts;
      if (alts) for (let i = 0; i < alts.length && i < 3; i++) keys.add(`${TOKEN}${alts[i]}`);
      if (ids.length < PAIR_TOKENS && t.kind !== 'patronymic') ids.push(t.key ?? t.text);
      if (t.key === undefined) {
        const x = t.text;
        const pk = phoneticKey(x);
        if (x.length >= 3 && pk !== x) keys.add(`${PHONETIC}${pk}`);
        const sk = consonantSkeleton(x);
        if (sk.length >= 2) keys.add(`${SKELETON}${sk}`);
        if (x.length >= 7) {
          keys.add(`${PREFIX}${x.slice(0, 5)}`);
          keys.add(`${SUFFIX}${x.slice(-5)}`);
        }
        joined += x;
      }
    }
    for (let i = 0; i < ids.length; i++) {
      for (let j = i + 1; j < ids.length; j++) {
        const x = ids[i] as string;
        const y = ids[j] as string;
        keys.add(`${PAIR}${x < y ? `${x}|${y}` : `${y}|${x}`}`);
      }
    }
    if (ids.length > 2) keys.add(`${WHOLE}${[...ids].sort().join('|')}`);
    for (let i = 0; i + 3 <= joined.length; i++) keys.add(`${TRIGRAM}${joined.slice(i, i + 3)}`);
  }
  for (const id of identifiers) {
    const n = normalizeIdentifier(id);
    if (n.length >= 4) keys.add(`${IDENT}${n}`);
  }
  return [...keys];
}

/** 32-bit FNV-1a of a string's UTF-16 code units. */
export function hashKey(s: string): number {
  return fnv(0x811c9dc5, s) >>> 0;
}

// FNV-1a continued over more text: fnv(fnv(seed, "t:"), "putin") = fnv(seed, "t:putin").
function fnv(seed: number, s: string): number {
  let h = seed;
  for (let i = 0; i < s.length; i++) {
    h ^= s.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return h;
}
function fnvRange(seed: number, s: string, from: number, to: number): number {
  let h = seed;
  for (let i = from; i < to; i++) {
    h ^= s.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return h;
}

const FAMILIES = [TOKEN, PHONETIC, SKELETON, PAIR, PREFIX, SUFFIX, TRIGRAM, IDENT, WHOLE] as const;
const F_TOKEN = 0;
const F_PHONETIC = 1;
const F_SKELETON = 2;
const F_PAIR = 3;
const F_PREFIX = 4;
const F_SUFFIX = 5;
const F_TRIGRAM = 6;
const F_IDENT = 7;
const F_WHOLE = 8;
const SEED = FAMILIES.map((f) => fnv(0x811c9dc5, f));
const WEIGHT = FAMILIES.map((f) => FAMILY_WEIGHT[f] ?? 1);
const BAR = '|'.charCodeAt(0);

/** The keys of {@link indexKeys} as hashes with their family, built without the strings. */
export interface KeyHashes {
  readonly hashes: number[];
  readonly families: number[];
}

/**
 * {@link indexKeys} hashed: what the index stores and looks up (hashKey(key) of each key).
 * For the index itself (`stored`), trigrams are taken at every other position: two strings
 * sharing four letters in a row still share one, at half the postings.
 */
export function keyHashes(a: NameAnalysis, identifiers: readonly string[] = [], stored = false): KeyHashes {
  const seen = new Set<number>();
  const hashes: number[] = [];
  const families: number[] = [];
  const put = (h: number, f: number) => {
    const u = h >>> 0;
    if (seen.has(u)) return;
    seen.add(u);
    hashes.push(u);
    families.push(f);
  };
  for (const v of a.variants) {
    if (v.kind === 'han') {
      for (const t of v.tokens)
        if (t.kind === 'core' || t.kind === 'word') put(fnv(SEED[F_TOKEN] as number, t.text), F_TOKEN);
      continue;
    }
    let joined = '';
    const ids: string[] = [];
    for (const t of v.tokens) {
      if (t.kind === 'initial' || t.kind === 'particle') continue;
      put(fnv(SEED[F_TOKEN] as number, t.text), F_TOKEN);
      const alts = t.alts;
      if (alts)
        for (let i = 0; i < alts.length && i < 3; i++)
          put(fnv(SEED[F_TOKEN] as number, alts[i] as string), F_TOKEN);
      if (ids.length < PAIR_TOKENS && t.kind !== 'patronymic') ids.push(t.key ?? t.text);
      if (t.key === undefined) {
        const x = t.text;
        const pk = pkOf(t);
        // A phonetic key equal to the spelling adds nothing the token key does not.
        if (x.length >= 3 && pk !== x) put(fnv(SEED[F_PHONETIC] as number, pk), F_PHONETIC);
        const sk = skeletonOfKey(pk);
        if (sk.length >= 2) put(fnv(SEED[F_SKELETON] as number, sk), F_SKELETON);
        if (x.length >= 7) {
          put(fnvRange(SEED[F_PREFIX] as number, x, 0, 5), F_PREFIX);
          put(fnvRange(SEED[F_SUFFIX] as number, x, x.length - 5, x.length), F_SUFFIX);
        }
        joined += x;
      }
    }
    for (let i = 0; i < ids.length; i++) {
      for (let j = i + 1; j < ids.length; j++) {
        const x = ids[i] as string;
        const y = ids[j] as string;
        const [p, q] = x < y ? [x, y] : [y, x];
        let h = fnv(SEED[F_PAIR] as number, p);
        h ^= BAR;
        h = Math.imul(h, 0x01000193);
        put(fnv(h, q), F_PAIR);
      }
    }
    // The whole name as a set of words: common given name + common father's name + common
    // family name is still one rare combination.
    if (ids.length > 2) {
      const sorted = [...ids].sort();
      let h = SEED[F_WHOLE] as number;
      sorted.forEach((x, i) => {
        if (i > 0) {
          h ^= BAR;
          h = Math.imul(h, 0x01000193);
        }
        h = fnv(h, x);
      });
      put(h, F_WHOLE);
    }
    for (let i = 0; i + 3 <= joined.length; i += stored ? 2 : 1)
      put(fnvRange(SEED[F_TRIGRAM] as number, joined, i, i + 3), F_TRIGRAM);
  }
  for (const id of identifiers) {
    const n = normalizeIdentifier(id);
    if (n.length >= 4) put(fnv(SEED[F_IDENT] as number, n), F_IDENT);
  }
  return { hashes, families };
}

const CHUNK = 1 << 20;

/** Builds a {@link MatchIndex}: add names one by one, then `finish()`. */
export class MatchIndexBuilder {
  // The keys of all names, in order, in fixed-size chunks (no doubling copies at a million
  // names); `starts[n]` is where name n's keys begin.
  private chunks: Uint32Array[] = [];
  private total = 0;
  private starts = new Int32Array(1024);
  private count = 0;

  /** Adds a name's hashed keys (see {@link keyHashes}); returns its number. */
  addHashes(hashes: readonly number[]): number {
    const n = this.count++;
    if (n + 1 >= this.starts.length) {
      const next = new Int32Array(this.starts.length * 2);
      next.set(this.starts);
      this.starts = next;
    }
    for (const h of hashes) {
      const c = this.total >>> 20;
      if (c === this.chunks.length) this.chunks.push(new Uint32Array(CHUNK));
      (this.chunks[c] as Uint32Array)[this.total & (CHUNK - 1)] = h;
      this.total++;
    }
    this.starts[n + 1] = this.total;
    return n;
  }

  /** Adds an analysed name; returns its number. */
  add(analysis: NameAnalysis, identifiers: readonly string[] = []): number {
    return this.addHashes(keyHashes(analysis, identifiers, true).hashes);
  }

  finish(): MatchIndex {
    // About two postings per bucket: few collisions, offsets a fraction of the postings.
    let bits = 10;
    while (bits < 24 && 1 << bits < this.total / 2) bits++;
    const shift = 32 - bits;
    const nb = 1 << bits;
    const offsets = new Int32Array(nb + 1);
    const chunks = this.chunks;
    for (let i = 0; i < this.total; i++) {
      const b = (((chunks[i >>> 20] as Uint32Array)[i & (CHUNK - 1)] as number) >>> shift) + 1;
      offsets[b] = (offsets[b] as number) + 1;
    }
    for (let b = 0; b < nb; b++) offsets[b + 1] = (offsets[b + 1] as number) + (offsets[b] as number);
    const cursor = offsets.slice(0, nb);
    const postings = new Int32Array(this.total);
    const starts = this.starts;
    const keyCounts = new Uint8Array(this.count);
    for (let n = 0; n < this.count; n++) {
      const lo = starts[n] as number;
      const hi = starts[n + 1] as number;
      keyCounts[n] = Math.min(255, hi - lo);
      for (let i = lo; i < hi; i++) {
        const b = ((chunks[i >>> 20] as Uint32Array)[i & (CHUNK - 1)] as number) >>> shift;
        const at = cursor[b] as number;
        postings[at] = n;
        cursor[b] = at + 1;
      }
    }
    this.chunks = [];
    return new MatchIndex(shift, offsets, postings, this.count, keyCounts);
  }
}

export interface Candidate {
  readonly name: number;
  /** Rarity-weighted key overlap with the query: the pre-score that ranks candidates. */
  readonly weight: number;
}

/** An immutable candidate index (see {@link MatchIndexBuilder}). */
export class MatchIndex {
  private readonly shift: number;
  private readonly offsets: Int32Array;
  private readonly postings: Int32Array;
  readonly size: number;
  private readonly acc: Float32Array;
  private readonly touched: Int32Array;
  /** Keys per name: longer names share more keys by chance, so overlap is normalised by it. */
  private readonly keyCounts: Uint8Array;

  constructor(shift: number, offsets: Int32Array, postings: Int32Array, size: number, keyCounts: Uint8Array) {
    this.shift = shift;
    this.offsets = offsets;
    this.postings = postings;
    this.size = size;
    this.keyCounts = keyCounts;
    this.acc = new Float32Array(size);
    this.touched = new Int32Array(Math.max(16, size));
  }

  /** Number of names carrying `key` (a key as produced by {@link indexKeys}; collisions add). */
  df(key: string): number {
    const b = hashKey(key) >>> this.shift;
    return (this.offsets[b + 1] as number) - (this.offsets[b] as number);
  }

  /** Rarity of a token in [0, 1]: 1 for a token seen once, 0 for one every name has. */
  rarity(t: NameToken): number {
    if (this.size < 2) return 0.5;
    const df = Math.max(1, this.df(`${TOKEN}${t.text}`));
    return Math.min(1, Math.max(0, Math.log(this.size / df) / Math.log(this.size)));
  }

  /**
   * The names sharing the most rare keys with the query, best first: IDF-weighted key overlap.
   * Keys carried by more than `maxDf` names are skipped (they identify nothing and cost most).
   * Whole-token keys (spellings, phonetic keys, pairs, prefixes and suffixes, identifiers) are
   * looked up first; consonant skeletons and character trigrams, which find names written in
   * another script or with a typo in every shared word but touch many postings, only when no
   * candidate already shares most of the query's token weight.
   */
  candidates(keys: KeyHashes, limit: number): Candidate[] {
    const acc = this.acc;
    const touched = this.touched;
    const postings = this.postings;
    const offsets = this.offsets;
    const shift = this.shift;
    let nt = 0;
    const maxDf = Math.max(300, this.size * 0.0005);
    let possible = 0;
    let best = 0;
    const common: { lo: number; hi: number; w: number }[] = [];
    const visit = (h: number, family: number): void => {
      const b = h >>> shift;
      const lo = offsets[b] as number;
      const hi = offsets[b + 1] as number;
      const df = hi - lo;
      if (df === 0) return;
      const w = (WEIGHT[family] as number) * Math.log(1 + this.size / df);
      if (df > maxDf) {
        common.push({ lo, hi, w });
        return;
      }
      possible += w;
      for (let p = lo; p < hi; p++) {
        const n = postings[p] as number;
        const a = acc[n] as number;
        if (a === 0) touched[nt++] = n;
        const s = a + w;
        acc[n] = s;
        if (s > best) best = s;
      }
    };
    const { hashes, families } = keys;
    for (let i = 0; i < hashes.length; i++)
      if (families[i] !== F_TRIGRAM) visit(hashes[i] as number, families[i] as number);
    if (best < 0.6 * possible || nt < limit)
      for (let i = 0; i < hashes.length; i++)
        if (families[i] === F_TRIGRAM) visit(hashes[i] as number, F_TRIGRAM);
    // Nothing rare enough: fall back on the least common of the common keys.
    if ((nt < limit || best < 0.3 * possible) && common.length > 0) {
      common.sort((x, y) => x.hi - x.lo - (y.hi - y.lo));
      for (const c of common.slice(0, 3)) {
        for (let p = c.lo; p < c.hi; p++) {
          const n = postings[p] as number;
          const a = acc[n] as number;
          if (a === 0) touched[nt++] = n;
          acc[n] = a + c.w;
        }
      }
    }
    // Keep the best `limit` with a small sorted array: limit is tens, touched may be thousands.
    // The overlap is divided by the root of the candidate's key count (cosine-like): among
    // thousands of "Zacok …" the bare "Zacok FZE" comes first for the query "ZACOK FZE".
    const out: Candidate[] = [];
    for (let i = 0; i < nt; i++) {
      const n = touched[i] as number;
      const w = (acc[n] as number) / Math.sqrt(Math.max(4, this.keyCounts[n] as number));
      acc[n] = 0;
      if (out.length === limit && w <= (out[out.length - 1]?.weight ?? 0)) continue;
      let j = out.length;
      while (j > 0 && (out[j - 1]?.weight ?? 0) < w) j--;
      out.splice(j, 0, { name: n, weight: w });
      if (out.length > limit) out.pop();
    }
    return out;
  }
}
