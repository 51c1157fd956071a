import { partyKey } from '../graph/index.ts';
import { cleanIdentifier } from '../normalize/index.ts';

/**
 * How screening matches a shipment party or a supplier-list row to the watch set (the entities
 * that are exposed: listed, blocked, owned by listed, Xinjiang-located). Screening depends on
 * this small interface, not on resolve/ directly, so a snapshot can rebuild its matcher in each
 * worker from plain data, and tests can inject one.
 */

/** An entity of the watch set, as plain data. */
export interface WatchEntity {
  readonly id: string;
  readonly schema: string;
  /** Names, aliases, previous names: every spelling the lists give. */
  readonly names: readonly string[];
  readonly countries: readonly string[];
  readonly identifiers: readonly string[];
}

export interface PartyQuery {
  readonly name: string;
  readonly country: string | null;
  readonly identifiers: readonly string[];
}

export interface WatchMatch {
  readonly entityId: string;
  /** The entity's name that matched. */
  readonly name: string;
  /** 0..1. */
  readonly score: number;
  /** How the matcher decided, as data (features, compared variants); rendered, never recomputed. */
  readonly explanation: unknown;
}

export interface PartyMatcher {
  /** Who built it (reported in run metadata). */
  readonly kind: string;
  /** Matches at or above the threshold, best first, at most `limit`. */
  match(q: PartyQuery): readonly WatchMatch[];
}

export interface MatcherOptions {
  readonly threshold: number;
  readonly limit: number;
}

export type MatcherFactory = (watch: readonly WatchEntity[], opts: MatcherOptions) => PartyMatcher;

/** A name folded for exact comparison: case, width, punctuation and spacing removed. */
export function foldName(name: string): string | null {
  const k = partyKey(name, null);
  return k === null ? null : k.slice(k.indexOf(':', 6) + 1);
}

/**
 * Exact matching only: an identifier (USCC, list id…) equal after cleaning, or a name equal
 * after case, width and punctuation folding. Never wrong in the way fuzzy matching can be, and
 * fast; it misses spelling variants, which is what resolve/'s matcher is for.
 */
export const exactMatcher: MatcherFactory = (watch, opts) => {
  const byId = new Map<string, WatchEntity[]>();
  const byName = new Map<string, { e: WatchEntity; name: string }[]>();
  for (const e of watch) {
    for (const id of e.identifiers) {
      const k = cleanIdentifier(id);
      if (k.length < 4) continue;
      const l = byId.get(k) ?? [];
      l.push(e);
      byId.set(k, l);
    }
    for (const n of e.names) {
      const k = foldName(n);
      if (!k) continue;
      const l = byName.get(k) ?? [];
      if (!l.some((x) => x.e === e)) l.push({ e, name: n });
      byName.set(k, l);
    }
  }
  return {
    kind: 'exact',
    match(q) {
      const out = new Map<string, WatchMatch>();
      for (const raw of q.identifiers) {
        const k = cleanIdentifier(raw);
        for (const e of byId.get(k) ?? []) {
          out.set(e.id, {
            entityId: e.id,
            name: e.names[0] ?? e.id,
            score: 1,
            explanation: { method: 'identifier', identifier: k },
          });
        }
      }
      const k = foldName(q.name);
      for (const { e, name } of k ? (byName.get(k) ?? []) : []) {
        if (out.has(e.id)) continue;
        // Same name, different country: still reported, but below a certain match.
        const cc = q.country?.toUpperCase();
        const conflict = Boolean(cc && e.countries.length > 0 && !e.countries.includes(cc));
        const score = conflict ? 0.75 : 1;
        if (score < opts.threshold) continue;
        out.set(e.id, {
          entityId: e.id,
          name,
          score,
          explanation: {
            method: 'exact-name',
            folded: k,
            ...(conflict ? { countryConflict: { party: cc, entity: e.countries } } : {}),
          },
        });
      }
      return [...out.values()].sort((a, b) => b.score - a.score).slice(0, opts.limit);
    },
  };
};
