import { analyseName } from '../normalize/index.ts';
import { indexKeys, Matcher } from '../resolve/index.ts';
import { exactMatcher, type MatcherFactory, type PartyQuery, type WatchEntity } from './matcher.ts';

/**
 * Matchers by name, so a worker thread can rebuild the one the caller chose (functions do not
 * cross a thread boundary; names do).
 *
 * - `resolve` (default): resolve/'s multilingual matcher (pinyin, brand names, legal forms,
 *   identifiers; explanation per feature), indexed over the watch set only — the exposed
 *   entities — behind a cheap gate (below).
 * - `exact`: identifiers and folded names only; fast, never fuzzy.
 */

/**
 * The gate in front of the full matcher. Almost every party on a bill of lading matches
 * nothing on the watch set, and resolve/'s matcher scores its best candidates in full (~0.3 ms
 * a query) even when they share only a trigram. The gate uses resolve/'s own name analysis and
 * index keys (tokens with their alternative spellings — pinyin, translations, brand names — and
 * phonetic keys, plus identifiers): a query goes to the matcher only when an identifier key is
 * shared, or some watch name shares tokens carrying at least `GATE_SHARE` of the query's
 * rarity-weighted token weight. A name that shares so little of its distinctive words with
 * every watch name cannot reach a screening threshold of 0.8 in resolve/'s scoring; the cost
 * is a missed match on a typo that also changes the phonetic key of the only distinctive word.
 */
const GATE_SHARE = 0.4;
const PHONETIC_CREDIT = 0.6;

class Gate {
  private readonly postings = new Map<string, number[]>();
  private readonly names: number;

  constructor(watch: readonly WatchEntity[]) {
    let n = 0;
    for (const e of watch) {
      for (const name of e.names) {
        const id = n++;
        for (const k of indexKeys(analyseName(name, { schema: e.schema }), e.identifiers)) {
          if (k.startsWith('q:')) continue;
          const p = this.postings.get(k);
          if (!p) this.postings.set(k, [id]);
          else if (p[p.length - 1] !== id) p.push(id);
        }
      }
    }
    this.names = Math.max(1, n);
  }

  pass(q: PartyQuery): boolean {
    const keys = indexKeys(analyseName(q.name), q.identifiers);
    let total = 0;
    const shared = new Map<number, number>();
    for (const k of keys) {
      const fam = k.slice(0, 2);
      if (fam === 'q:') continue;
      const p = this.postings.get(k);
      if (fam === 'i:') {
        if (p) return true;
        continue;
      }
      const w = Math.log(1 + this.names / Math.max(1, p?.length ?? 1));
      if (fam === 't:') total += w;
      if (!p) continue;
      const credit = fam === 't:' ? w : w * PHONETIC_CREDIT;
      for (const id of p) shared.set(id, (shared.get(id) ?? 0) + credit);
    }
    if (total === 0) return false;
    for (const s of shared.values()) if (s >= GATE_SHARE * total) return true;
    return false;
  }
}

export const resolveMatcher: MatcherFactory = (watch, opts) => {
  const m = Matcher.fromRecords(watch, { threshold: opts.threshold });
  const gate = new Gate(watch);
  return {
    kind: 'resolve',
    match(q) {
      if (!gate.pass(q)) return [];
      return m
        .match({ name: q.name, country: q.country, identifiers: q.identifiers }, opts.limit)
        .filter((c) => c.match && c.score >= opts.threshold)
        .map((c) => ({ entityId: c.entityId, name: c.name, score: c.score, explanation: c.explanation }));
    },
  };
};

export const MATCHERS: Readonly<Record<string, MatcherFactory>> = {
  resolve: resolveMatcher,
  exact: exactMatcher,
};

export const DEFAULT_MATCHER = 'resolve';
