import { analyseName, type NameAnalysis, type NameToken, phoneticKey } from '../normalize/index.ts';
import { normalizeIdentifier } from './identifiers.ts';

/**
 * The candidate index: an inverted index from keys (tokens and their spellings, phonetic keys,
 * character trigrams of the joined name, identifiers) to name numbers, in compressed-sparse-row
 * form (one Int32Array of postings, one of offsets) so millions of names cost a few hundred MB
 * and no per-name objects. Keys are weighted by rarity (IDF) at query time.
 */

/** Key families; the prefix keeps tokens, trigrams and identifiers apart. */
const TOKEN = 't:';
const PHONETIC = 'f:';
const TRIGRAM = 'q:';
const IDENT = 'i:';

const FAMILY_WEIGHT: Record<string, number> = { [TOKEN]: 1, [PHONETIC]: 0.6, [TRIGRAM]: 0.2, [IDENT]: 6 };

/** The index keys of an analysed name (and its identifiers), deduplicated. */
export function indexKeys(a: NameAnalysis, identifiers: readonly string[] = []): string[] {
  const keys = new Set<string>();
  for (const v of a.variants) {
    if (v.kind === 'han') {
      for (const t of v.tokens) if (t.kind === 'core') keys.add(`${TOKEN}${t.text}`);
      continue;
    }
    let joined = '';
    for (const t of v.tokens) {
      if (t.kind === 'initial' || t.kind === 'particle') continue;
      keys.add(`${TOKEN}${t.text}`);
      for (const alt of (t.alts ?? []).slice(0, 3)) keys.add(`${TOKEN}${alt}`);
      if (t.key === undefined) {
        if (t.text.length >= 3) keys.add(`${PHONETIC}${phoneticKey(t.text)}`);
        joined += t.text;
      }
    }
    for (let i = 0; i + 3 <= joined.length; i++) keys.add(`${TRIGRAM}${joined.slice(i, i + 3)}`);
  }
  for (const id of identifiers) {
    const n = normalizeIdentifier(id);
    if (n.length >= 4) keys.add(`${IDENT}${n}`);
  }
  return [...keys];
}

function familyOf(key: string): number {
  return FAMILY_WEIGHT[key.slice(0, 2)] ?? 1;
}

class IntBuffer {
  data = new Int32Array(1024);
  length = 0;
  push(x: number): void {
    if (this.length === this.data.length) {
      const next = new Int32Array(this.data.length * 2);
      next.set(this.data);
      this.data = next;
    }
    this.data[this.length++] = x;
  }
}

/** Builds a {@link MatchIndex}: add names one by one, then `finish()`. */
export class MatchIndexBuilder {
  private readonly keyIds = new Map<string, number>();
  private readonly pairKeys = new IntBuffer();
  private readonly pairNames = new IntBuffer();
  private count = 0;

  /** Adds a name; returns its number. */
  add(analysis: NameAnalysis, identifiers: readonly string[] = []): number {
    const n = this.count++;
    for (const k of indexKeys(analysis, identifiers)) {
      let id = this.keyIds.get(k);
      if (id === undefined) {
        id = this.keyIds.size;
        this.keyIds.set(k, id);
      }
      this.pairKeys.push(id);
      this.pairNames.push(n);
    }
    return n;
  }

  /** Adds a raw name (analysed here). */
  addName(name: string, schema: string | null = null, identifiers: readonly string[] = []): number {
    return this.add(analyseName(name, { schema }), identifiers);
  }

  finish(): MatchIndex {
    const nKeys = this.keyIds.size;
    const offsets = new Int32Array(nKeys + 1);
    const pk = this.pairKeys.data;
    const pn = this.pairNames.data;
    const len = this.pairKeys.length;
    for (let i = 0; i < len; i++) {
      const k = (pk[i] ?? 0) + 1;
      offsets[k] = (offsets[k] ?? 0) + 1;
    }
    for (let k = 0; k < nKeys; k++) offsets[k + 1] = (offsets[k + 1] ?? 0) + (offsets[k] ?? 0);
    const cursor = offsets.slice(0, nKeys);
    const postings = new Int32Array(len);
    for (let i = 0; i < len; i++) {
      const k = pk[i] ?? 0;
      const at = cursor[k] ?? 0;
      postings[at] = pn[i] ?? 0;
      cursor[k] = at + 1;
    }
    return new MatchIndex(this.keyIds, offsets, postings, this.count);
  }
}

export interface Candidate {
  readonly name: number;
  readonly weight: number;
}

/** An immutable candidate index (see {@link MatchIndexBuilder}). */
export class MatchIndex {
  private readonly keyIds: ReadonlyMap<string, number>;
  private readonly offsets: Int32Array;
  private readonly postings: Int32Array;
  readonly size: number;
  private acc: Float32Array;
  private readonly touched: Int32Array;

  constructor(keyIds: ReadonlyMap<string, number>, offsets: Int32Array, postings: Int32Array, size: number) {
    this.keyIds = keyIds;
    this.offsets = offsets;
    this.postings = postings;
    this.size = size;
    this.acc = new Float32Array(size);
    this.touched = new Int32Array(Math.max(16, size));
  }

  /** Number of names carrying `key` (a key as produced by {@link indexKeys}). */
  df(key: string): number {
    const id = this.keyIds.get(key);
    if (id === undefined) return 0;
    return (this.offsets[id + 1] ?? 0) - (this.offsets[id] ?? 0);
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
   */
  candidates(keys: readonly string[], limit: number): Candidate[] {
    const acc = this.acc;
    const touched = this.touched;
    let nt = 0;
    const maxDf = Math.max(500, this.size * 0.002);
    for (const k of keys) {
      const id = this.keyIds.get(k);
      if (id === undefined) continue;
      const lo = this.offsets[id] ?? 0;
      const hi = this.offsets[id + 1] ?? 0;
      const df = hi - lo;
      if (df === 0 || df > maxDf) continue;
      const w = familyOf(k) * Math.log(1 + this.size / df);
      for (let p = lo; p < hi; p++) {
        const n = this.postings[p] ?? 0;
        if (acc[n] === 0 && nt < touched.length) touched[nt++] = n;
        acc[n] = (acc[n] ?? 0) + w;
      }
    }
    // Keep the best `limit` with a small sorted array: limit is tens, touched may be thousands.
    const best: Candidate[] = [];
    for (let i = 0; i < nt; i++) {
      const n = touched[i] ?? 0;
      const w = acc[n] ?? 0;
      acc[n] = 0;
      if (best.length === limit && w <= (best[best.length - 1]?.weight ?? 0)) continue;
      let j = best.length;
      while (j > 0 && (best[j - 1]?.weight ?? 0) < w) j--;
      best.splice(j, 0, { name: n, weight: w });
      if (best.length > limit) best.pop();
    }
    return best;
  }
}
