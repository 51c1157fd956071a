import type { StoredMembership } from '../model/index.ts';
import type { Graph } from './graph.ts';

/**
 * OFAC's 50% rule: an entity owned 50% or more, directly or indirectly, in aggregate by one or
 * more blocked persons is itself blocked. Computed as OFAC applies it: start from the listed
 * (blocked) entities; an entity becomes blocked when the sum of its *direct* shares held by
 * blocked entities reaches 50%; repeat until nothing changes. Indirect ownership is covered
 * because a blocked subsidiary's own holdings then count in the next round.
 *
 * Unknown shares never count toward the 50%; an entity whose known blocked-owned shares fall
 * short but which has blocked owners of unknown share is reported as `undetermined`, so an
 * analyst can look, instead of being silently cleared or blocked. Undetermined propagates: a
 * company 60% owned by an undetermined entity (or 30% by a blocked one and 30% by an
 * undetermined one) would be blocked if the unknown shares turned out large enough, so it is
 * undetermined too. That set is the fixpoint of the rule with every unknown share read as
 * enough to block: an upper bound, where the blocked set is the lower bound.
 */

export interface OfacOptions {
  /** Lists whose members seed the blocked set (default `['ofac-sdn']`). */
  readonly seedLists?: readonly string[];
  /** Extra seed nodes (e.g. from a policy), in addition to list members. */
  readonly extraSeeds?: readonly number[];
  /**
   * ISO date at which to evaluate listings (default: today). Memberships not yet effective or
   * already ended on that date do not seed.
   */
  readonly asOf?: string;
  /** Aggregate share that blocks, in percent (default 50). */
  readonly thresholdPct?: number;
}

/** One blocked direct owner behind a blocked entity. */
export interface BlockingOwner {
  readonly node: number;
  /** Direct share in percent, null when unknown (then it does not count). */
  readonly pct: number | null;
  /** Ownership edge (see `Graph.ownershipFacts`). */
  readonly edge: number;
}

export type OfacStatus =
  | {
      readonly kind: 'listed';
      readonly memberships: readonly StoredMembership[];
    }
  | {
      readonly kind: 'owned';
      /** Sum of known direct shares held by blocked owners, in percent. */
      readonly aggregatePct: number;
      readonly owners: readonly BlockingOwner[];
      /** Round of the fixpoint in which it became blocked (1 = directly owned by listed). */
      readonly round: number;
      /**
       * Path back to a listed seed: ownership edges from the seed down to this entity, each
       * link through the largest blocked owner at the time the entity became blocked.
       */
      readonly chain: readonly number[];
    };

export interface Undetermined {
  readonly node: number;
  /** Sum of known direct shares held by blocked owners, in percent (short of the threshold). */
  readonly knownPct: number;
  /** Blocked owners whose share is not stated. */
  readonly unknownOwners: readonly BlockingOwner[];
  readonly knownOwners: readonly BlockingOwner[];
  /**
   * Direct owners that are themselves undetermined (share in percent, null when unknown):
   * the entity is blocked if enough of them turn out to be.
   */
  readonly undeterminedOwners: readonly BlockingOwner[];
}

export interface OfacResult {
  readonly thresholdPct: number;
  readonly seedLists: readonly string[];
  /** Blocked nodes in the order they became blocked (seeds first). */
  readonly blocked: readonly number[];
  isBlocked(node: number): boolean;
  /** Not blocked on known shares, but would be if unknown shares were large enough. */
  isUndetermined(node: number): boolean;
  status(node: number): OfacStatus | null;
  /**
   * Entities not blocked on known shares that would be if unknown shares were large enough:
   * directly (a blocked owner of unknown share) or through undetermined owners.
   */
  readonly undetermined: readonly Undetermined[];
}

/** Whether membership `m` is in force on `asOf` (ISO date). */
export function membershipActive(m: StoredMembership, asOf: string): boolean {
  if (m.effectiveDate && m.effectiveDate.slice(0, 10) > asOf) return false;
  if (m.endDate && m.endDate.slice(0, 10) <= asOf) return false;
  return true;
}

export function today(): string {
  return new Date().toISOString().slice(0, 10);
}

/** Applies the 50% rule to the whole graph. Linear in nodes + ownership edges. */
export function applyOfacRule(graph: Graph, opts: OfacOptions = {}): OfacResult {
  const seedLists = opts.seedLists ?? ['ofac-sdn'];
  const asOf = opts.asOf ?? today();
  const threshold = (opts.thresholdPct ?? 50) / 100;
  const lists = new Set(seedLists);
  const own = graph.columns.ownership;
  const n = graph.nodeCount;
  // Shares are stored as binary fractions; 0.3 + 0.2 must still reach 0.5.
  const tolerance = 1e-9;

  const round = new Int32Array(n).fill(-1);
  const viaEdge = new Int32Array(n).fill(-1);
  const viaPct = new Float64Array(n);
  const blockedShare = new Float64Array(n);
  const seedMembers = new Map<number, StoredMembership[]>();
  const blocked: number[] = [];

  const { memberships, membershipItems: items, membershipOffsets: offs } = graph.columns;
  for (let v = 0; v < n; v++) {
    for (let i = offs[v] as number; i < (offs[v + 1] as number); i++) {
      const m = memberships[items[i] as number];
      if (m && lists.has(m.list) && membershipActive(m, asOf)) {
        const got = seedMembers.get(v);
        if (got) got.push(m);
        else seedMembers.set(v, [m]);
      }
    }
  }
  for (const v of seedMembers.keys()) {
    round[v] = 0;
    blocked.push(v);
  }
  for (const v of opts.extraSeeds ?? []) {
    if ((round[v] as number) < 0) {
      round[v] = 0;
      blocked.push(v);
      if (!seedMembers.has(v)) seedMembers.set(v, []);
    }
  }

  // Worklist in rounds: a node blocked in round r adds its shares to its assets; an asset
  // crossing the threshold is blocked in round r + 1.
  for (let head = 0; head < blocked.length; head++) {
    const v = blocked[head] as number;
    for (let e = own.outOffsets[v] as number; e < (own.outOffsets[v + 1] as number); e++) {
      const w = own.target[e] as number;
      if ((round[w] as number) >= 0) continue;
      const s = own.share[e] as number;
      if (Number.isNaN(s)) continue;
      blockedShare[w] = (blockedShare[w] as number) + s;
      if (s > (viaPct[w] as number) || (viaEdge[w] as number) < 0) {
        viaPct[w] = s;
        viaEdge[w] = e;
      }
      if ((blockedShare[w] as number) >= threshold - tolerance) {
        round[w] = (round[v] as number) + 1;
        blocked.push(w);
      }
    }
  }

  // Upper bound: the same worklist from the blocked set, where an unknown share always
  // reaches the threshold. Everything it adds is undetermined.
  const possible = new Uint8Array(n);
  const possibleShare = new Float64Array(n);
  const frontier: number[] = [...blocked];
  for (const v of blocked) possible[v] = 1;
  for (let head = 0; head < frontier.length; head++) {
    const v = frontier[head] as number;
    for (let e = own.outOffsets[v] as number; e < (own.outOffsets[v + 1] as number); e++) {
      const w = own.target[e] as number;
      if (possible[w]) continue;
      const s = own.share[e] as number;
      if (!Number.isNaN(s)) possibleShare[w] = (possibleShare[w] as number) + s;
      if (Number.isNaN(s) || (possibleShare[w] as number) >= threshold - tolerance) {
        possible[w] = 1;
        frontier.push(w);
      }
    }
  }

  const directOwners = (w: number) => {
    const known: BlockingOwner[] = [];
    const unknown: BlockingOwner[] = [];
    const maybe: BlockingOwner[] = [];
    for (let i = own.inOffsets[w] as number; i < (own.inOffsets[w + 1] as number); i++) {
      const e = own.inEdges[i] as number;
      const u = own.source[e] as number;
      const s = own.share[e] as number;
      const owner = { node: u, pct: Number.isNaN(s) ? null : s * 100, edge: e };
      if ((round[u] as number) >= 0) (owner.pct === null ? unknown : known).push(owner);
      else if (possible[u]) maybe.push(owner);
    }
    const bySize = (a: BlockingOwner, b: BlockingOwner) => (b.pct ?? -1) - (a.pct ?? -1);
    known.sort(bySize);
    maybe.sort(bySize);
    return { known, unknown, maybe };
  };

  const undetermined: Undetermined[] = [];
  for (const w of frontier) {
    if ((round[w] as number) >= 0) continue;
    const { known, unknown, maybe } = directOwners(w);
    undetermined.push({
      node: w,
      knownPct: known.reduce((t, o) => t + (o.pct ?? 0), 0),
      unknownOwners: unknown,
      knownOwners: known,
      undeterminedOwners: maybe,
    });
  }

  return {
    thresholdPct: threshold * 100,
    seedLists,
    blocked,
    undetermined,
    isBlocked: (v) => (round[v] as number) >= 0,
    isUndetermined: (v) => possible[v] === 1 && (round[v] as number) < 0,
    status(v) {
      const r = round[v] as number;
      if (r < 0) return null;
      if (r === 0) return { kind: 'listed', memberships: seedMembers.get(v) ?? [] };
      const { known, unknown } = directOwners(v);
      // The chain follows the owner through which the entity crossed the line; each such
      // owner was blocked in an earlier round, so this reaches a seed in at most r steps.
      const chain: number[] = [];
      let cur = v;
      while ((round[cur] as number) > 0) {
        const e = viaEdge[cur] as number;
        chain.push(e);
        cur = own.source[e] as number;
      }
      chain.reverse();
      return {
        kind: 'owned',
        aggregatePct: known.reduce((t, o) => t + (o.pct ?? 0), 0),
        owners: [...known, ...unknown],
        round: r,
        chain,
      };
    },
  };
}
