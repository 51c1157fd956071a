import { analyseName, type NameToken } from '../normalize/index.ts';
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
 * nothing on the watch set, and resolve/'s matcher scores its best candidates in full (~0.2-0.3
 * ms a query) even when they share one word. The gate uses resolve/'s own name analysis
 * (normalize/'s tokens: concepts and places by key, pinyin and translations as alternative
 * spellings, brand names, numbers; legal forms dropped) and asks whether some watch-name variant
 * and the query cover each other: the tokens they share must carry at least `GATE_COVER` of the
 * rarity-weighted token weight of both. Adjacent tokens also count joined ("Guan Nong" =
 * "Guannong"); a shared identifier always passes. A pair that shares less than that of its
 * distinctive words cannot score a screening match (≥ 0.8) in resolve/'s token alignment;
 * the cost is a miss when a typo changes the only distinctive word beyond its spelling
 * alternatives. Measured: news-case variants all pass (matchers.test.ts).
 */
const GATE_COVER = 0.6;
const PLACE_WEIGHT = 0.3;
/**
 * Key tokens: at least this share as heavy as the heaviest of their name. When each side has a
 * key token the other lacks, the names conflict ("Huaxin Tairui" vs "Huaxin Fengming").
 */
const KEY_TOKEN = 0.75;

interface UnitToken {
  readonly ids: readonly string[];
  /** The token joined with the next one (`t:guannong` for "guan nong"), if both are words. */
  readonly joined: string | null;
  weight: number;
}

interface Unit {
  /** Sum of its tokens' weights. */
  total: number;
  /** Weight from which a token of this unit is a key token. */
  key: number;
  /** Every identity of its tokens (and joined adjacent tokens). */
  readonly ids: ReadonlySet<string>;
  readonly tokens: readonly UnitToken[];
}

/** A token carried by more than this share of watch-name variants does not propose candidates. */
const COMMON_SHARE = 0.02;

class Gate {
  /** Token identity (`k:` key, `t:` spelling) → variant units containing it. */
  private readonly postings = new Map<string, number[]>();
  private readonly idPostings = new Set<string>();
  private readonly units: Unit[] = [];
  private readonly df = new Map<string, number>();

  constructor(watch: readonly WatchEntity[]) {
    const analysed: NameToken[][] = [];
    for (const e of watch) {
      for (const id of e.identifiers)
        for (const k of indexKeys(analyseName(''), [id])) this.idPostings.add(k);
      for (const name of e.names) {
        // Analysed like the query (no schema): a bill does not say whether a party is a person.
        for (const v of analyseName(name).variants) {
          if ((v.kind as string) === 'skeleton') continue;
          const u = this.units.length;
          const tokens = v.tokens.filter(counted);
          const ids = new Set<string>();
          const unitTokens: UnitToken[] = tokens.map((t, i) => {
            const own = identities(t);
            for (const k of own) ids.add(k);
            const next = tokens[i + 1];
            const joined = next && !t.key && !next.key ? `t:${t.text}${next.text}` : null;
            if (joined) ids.add(joined);
            return { ids: own, joined, weight: 0 };
          });
          this.units.push({ total: 0, key: 0, ids, tokens: unitTokens });
          analysed.push(tokens);
          for (const k of ids) {
            const p = this.postings.get(k);
            if (p) p.push(u);
            else this.postings.set(k, [u]);
          }
          for (const k of new Set(tokens.map(primaryId))) this.df.set(k, (this.df.get(k) ?? 0) + 1);
        }
      }
    }
    analysed.forEach((tokens, u) => {
      const unit = this.units[u] as Unit;
      tokens.forEach((t, i) => {
        (unit.tokens[i] as UnitToken).weight = this.weight(t);
      });
      unit.total = unit.tokens.reduce((n, t) => n + t.weight, 0);
      unit.key = Math.max(0, ...unit.tokens.map((t) => t.weight)) * KEY_TOKEN;
    });
  }

  /** Whether some watch name carries the token (a key token must then be shared). */
  private seen(t: NameToken): boolean {
    return this.df.has(primaryId(t));
  }

  private weight(t: NameToken): number {
    // A token no watch name carries ("SCS" for "S.C.S.", a word the list never used) weighs as a
    // rare-but-seen one, not as the rarest possible: it is as likely noise as identity.
    const idf = Math.log(1 + this.units.length / Math.max(2, this.df.get(primaryId(t)) ?? 2));
    // The registration place in a Chinese company name is often dropped on bills ("Guannong
    // Co., Ltd." for Xinjiang Guannong): it counts, but little.
    return t.kind === 'place' ? idf * PLACE_WEIGHT : idf;
  }

  pass(q: PartyQuery): boolean {
    for (const id of q.identifiers) {
      for (const k of indexKeys(analyseName(''), [id])) if (this.idPostings.has(k)) return true;
    }
    const common = Math.max(2, this.units.length * COMMON_SHARE);
    for (const v of analyseName(q.name).variants) {
      if ((v.kind as string) === 'skeleton') continue;
      const tokens = v.tokens.filter(counted);
      if (tokens.length === 0) continue;
      const ids = tokens.map(identities);
      const joined = tokens.map((t, i) => {
        const next = tokens[i + 1];
        return next && !t.key && !next.key ? `t:${t.text}${next.text}` : null;
      });
      // Candidates: units sharing a distinctive identity (or a joined pair) with the query; a
      // query of common words only looks at every unit sharing any of them.
      const cands = new Set<number>();
      let distinctive = false;
      for (const pass of [true, false]) {
        for (let i = 0; i < tokens.length; i++) {
          for (const k of [...(ids[i] as string[]), ...(joined[i] ? [joined[i] as string] : [])]) {
            const p = this.postings.get(k);
            if (!p || (pass && p.length > common)) continue;
            distinctive = true;
            for (const u of p) cands.add(u);
          }
        }
        if (distinctive) break;
      }
      if (cands.size === 0) continue;
      const weights = tokens.map((t) => this.weight(t));
      const total = weights.reduce((a, b) => a + b, 0);
      const key = Math.max(0, ...weights.filter((_, i) => this.seen(tokens[i] as NameToken))) * KEY_TOKEN;
      const queryIds = new Set<string>([...ids.flat(), ...joined.filter((j): j is string => j !== null)]);
      for (const u of cands) {
        const unit = this.units[u] as Unit;
        let shared = 0;
        let missedKey = false;
        for (let i = 0; i < tokens.length; i++) {
          const w = weights[i] as number;
          if ((ids[i] as string[]).some((k) => unit.ids.has(k))) shared += w;
          else {
            // "Guan Nong" on the bill, "Guannong" on the list: the joined pair covers both.
            const j = joined[i];
            if (j && unit.ids.has(j)) {
              shared += w + (weights[i + 1] as number);
              i++;
            } else if (w >= key && this.seen(tokens[i] as NameToken)) missedKey = true;
          }
        }
        if (shared < GATE_COVER * total) continue;
        const side = unitSide(unit, queryIds);
        if (missedKey && side.missesKey) continue;
        if (side.shared >= GATE_COVER * unit.total) return true;
      }
    }
    return false;
  }
}

/**
 * The unit's side of the comparison: the weight of its tokens the query carries (alone, or
 * joined with a neighbour: "VEB.DV" on the list, "VEBDV" on the bill), and whether it has a key
 * token the query lacks.
 */
function unitSide(unit: Unit, queryIds: ReadonlySet<string>): { shared: number; missesKey: boolean } {
  const toks = unit.tokens;
  let shared = 0;
  let missesKey = false;
  for (let i = 0; i < toks.length; i++) {
    const t = toks[i] as UnitToken;
    const prev = toks[i - 1];
    const hit =
      t.ids.some((k) => queryIds.has(k)) ||
      (t.joined !== null && queryIds.has(t.joined)) ||
      (prev?.joined != null && queryIds.has(prev.joined));
    if (hit) shared += t.weight;
    else if (t.weight >= unit.key) missesKey = true;
  }
  return { shared, missesKey };
}

/** Tokens that carry identity: not initials or particles (legal forms are already gone). */
function counted(t: NameToken): boolean {
  return t.kind !== 'initial' && t.kind !== 'particle';
}

function primaryId(t: NameToken): string {
  return t.key ? `k:${t.key}` : `t:${t.text}`;
}

/** Every identity of a token: its key, its spelling, its alternative spellings. */
function identities(t: NameToken): string[] {
  const out = [`t:${t.text}`];
  if (t.key) out.push(`k:${t.key}`);
  for (const a of (t.alts ?? []).slice(0, 3)) out.push(`t:${a}`);
  return out;
}

export const resolveMatcher: MatcherFactory = (watch, opts) => {
  // Scores the policy's candidate count (+1), not the matcher's interactive minimum: screening
  // asks once per party name, millions of times.
  const m = Matcher.fromRecords(watch, { threshold: opts.threshold, candidates: opts.limit + 1 });
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
