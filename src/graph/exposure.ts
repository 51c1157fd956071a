import type { Provenance } from '../model/index.ts';
import { OwnershipEngine } from './effective-ownership.ts';
import type { Graph } from './graph.ts';
import { type OwnershipLink, ownershipLink } from './holdings.ts';
import { applyOfacRule, membershipActive, type OfacResult, today } from './ofac.ts';

/**
 * Why a node is exposed (listed, blocked, owned by listed, Xinjiang-located…). The trace and
 * routing take exposure as a pluggable predicate `(node) => ExposureReason[]`, so screening
 * can add its own reasons (Xinjiang location by USCC or address, XPCC unit naming) without
 * the graph knowing about them.
 */

/** One piece of evidence behind a reason, citing its source records. */
export type ExposureEvidence =
  | {
      readonly type: 'membership';
      readonly node: number;
      readonly membershipId: string;
      readonly list: string;
      readonly program: string | null;
      readonly effectiveDate: string | null;
      readonly provenance: Provenance;
    }
  | { readonly type: 'ownership'; readonly link: OwnershipLink }
  | {
      /** Anything else a caller cites: an identifier, an address, a name. */
      readonly type: 'fact';
      readonly node: number;
      readonly detail: string;
      readonly sources: readonly Provenance[];
    };

export interface ExposureReason {
  readonly kind: 'listed' | 'ofac_blocked' | 'owned_by_listed' | 'xinjiang_located' | (string & {});
  /** 0..1: how strongly the reason implicates the node (ranks trace paths). */
  readonly weight: number;
  /** One line for humans, e.g. "listed on uflpa (v)". */
  readonly summary: string;
  readonly evidence: readonly ExposureEvidence[];
}

export type ExposurePredicate = (node: number) => readonly ExposureReason[];

export interface ExposureOptions {
  /** Lists that count as "listed" (default: any list). */
  readonly lists?: readonly string[];
  /** OFAC result to use (default: computed with `ofacSeedLists`). */
  readonly ofac?: OfacResult;
  /** Seed lists for the 50% rule when `ofac` is not given (default `['ofac-sdn']`). */
  readonly ofacSeedLists?: readonly string[];
  /**
   * Aggregate effective ownership by listed entities (through chains, summed across listed
   * owners, each path counted to the first listed owner on it) that counts as "owned by
   * listed", in percent (default 50). 0 disables the check.
   */
  readonly ownedThresholdPct?: number;
  /** ISO date listings are evaluated at (default today). */
  readonly asOf?: string;
  /**
   * For a node that is an XPCC unit (its own name names one), the facts that say so; empty
   * otherwise. When given, and listed owners do not reach `ownedThresholdPct`, listed owners
   * and XPCC units together are counted (see `XinjiangLocator.xpccUnitEvidence`).
   */
  readonly xpccUnit?: (node: number) => readonly ExposureEvidence[];
  /** Further reasons from callers (e.g. screening's Xinjiang location). */
  readonly extra?: readonly ExposurePredicate[];
}

/** Default weights: a listing outranks derived reasons. */
export const EXPOSURE_WEIGHTS = {
  listed: 1,
  ofac_blocked: 0.95,
  owned_by_listed: 0.9,
  xinjiang_located: 0.85,
} as const;

/**
 * The built-in exposure predicate: listed (any active membership on `lists`), OFAC-blocked
 * under the 50% rule, owned by listed (effective %, aggregated), plus `extra` reasons.
 * Memoised per node; holds scratch buffers, so use one per thread.
 */
export function createExposure(graph: Graph, opts: ExposureOptions = {}): ExposurePredicate {
  const asOf = opts.asOf ?? today();
  const lists = opts.lists ? new Set(opts.lists) : null;
  const ofac =
    opts.ofac ??
    applyOfacRule(graph, { asOf, ...(opts.ofacSeedLists ? { seedLists: opts.ofacSeedLists } : {}) });
  const threshold = opts.ownedThresholdPct ?? 50;
  const engine = threshold > 0 ? new OwnershipEngine(graph) : null;
  const memo = new Map<number, readonly ExposureReason[]>();

  const activeListings = (v: number) =>
    graph.membershipsOf(v).filter((m) => (!lists || lists.has(m.list)) && membershipActive(m, asOf));
  const listedCache = new Map<number, boolean>();
  const isListed = (v: number): boolean => {
    let b = listedCache.get(v);
    if (b === undefined) {
      b = activeListings(v).length > 0;
      listedCache.set(v, b);
    }
    return b;
  };

  return (v) => {
    const hit = memo.get(v);
    if (hit) return hit;
    const reasons: ExposureReason[] = [];

    const ms = activeListings(v);
    for (const m of ms) {
      reasons.push({
        kind: 'listed',
        weight: EXPOSURE_WEIGHTS.listed,
        summary: `listed on ${m.list}${m.program ? ` (${m.program})` : ''}`,
        evidence: [
          {
            type: 'membership',
            node: v,
            membershipId: m.id,
            list: m.list,
            program: m.program,
            effectiveDate: m.effectiveDate,
            provenance: m.provenance,
          },
        ],
      });
    }

    const st = ofac.status(v);
    if (st?.kind === 'owned') {
      const seed =
        st.chain.length > 0 ? (graph.columns.ownership.source[st.chain[0] as number] as number) : v;
      reasons.push({
        kind: 'ofac_blocked',
        weight: EXPOSURE_WEIGHTS.ofac_blocked,
        summary: `blocked under the OFAC 50% rule: ${fmt(st.aggregatePct)}% held by blocked owners`,
        evidence: [
          ...st.chain.map((e) => ({ type: 'ownership' as const, link: ownershipLink(graph, e) })),
          ...ofacSeedEvidence(ofac, seed),
        ],
      });
    }

    // Skip the ownership walk for entities listed in their own right: that reason is stronger.
    if (
      engine &&
      ms.length === 0 &&
      graph.columns.ownership.inOffsets[v] !== graph.columns.ownership.inOffsets[v + 1]
    ) {
      const unit = opts.xpccUnit;
      const owned =
        ownedBy(engine, v, isListed, threshold) ??
        (unit ? ownedBy(engine, v, (u) => isListed(u) || unit(u).length > 0, threshold) : null);
      if (owned) {
        const evidence: ExposureEvidence[] = [];
        for (const u of owned.owners) {
          for (const e of owned.paths.get(u) ?? [])
            evidence.push({ type: 'ownership', link: ownershipLink(graph, e) });
          for (const m of activeListings(u)) evidence.push(membershipEvidence(u, m));
          if (!isListed(u)) evidence.push(...(unit?.(u) ?? []));
        }
        const listed = owned.owners.filter(isListed).map((u) => graph.nodeName(u));
        const units = owned.owners.filter((u) => !isListed(u)).map((u) => graph.nodeName(u));
        reasons.push({
          kind: 'owned_by_listed',
          weight: EXPOSURE_WEIGHTS.owned_by_listed,
          summary: `${fmt(owned.total)}% owned by ${ownersPhrase(listed, units)}`,
          evidence,
        });
      }
    }

    for (const p of opts.extra ?? []) reasons.push(...p(v));
    reasons.sort((a, b) => b.weight - a.weight);
    memo.set(v, reasons);
    return reasons;
  };
}

/**
 * Owners of v that `counts` (each path counted to the first such owner on it), when together
 * they hold at least the threshold effectively; strongest first, with each one's path.
 */
function ownedBy(
  engine: OwnershipEngine,
  v: number,
  counts: (u: number) => boolean,
  threshold: number,
): { total: number; owners: number[]; paths: Map<number, number[]> } | null {
  const reach = engine.reach(v, 'up', { stopAt: counts });
  let total = 0;
  const owners: number[] = [];
  for (const u of reach.nodes) {
    if (!counts(u) || !reach.share(u)) continue;
    total += reach.share(u)?.knownPct ?? 0;
    owners.push(u);
  }
  if (owners.length === 0 || total < threshold - 1e-9) return null;
  owners.sort((a, b) => (reach.share(b)?.knownPct ?? 0) - (reach.share(a)?.knownPct ?? 0));
  return { total, owners, paths: new Map(owners.map((u) => [u, reach.pathTo(u).reverse()])) };
}

/** "listed A, B and XPCC unit C": who owns, by why they count. */
export function ownersPhrase(listed: readonly string[], units: readonly string[]): string {
  return [
    listed.length ? `listed ${listed.join(', ')}` : '',
    units.length ? `XPCC unit${units.length > 1 ? 's' : ''} ${units.join(', ')}` : '',
  ]
    .filter(Boolean)
    .join(' and ');
}

function ofacSeedEvidence(ofac: OfacResult, seed: number): ExposureEvidence[] {
  const st = ofac.status(seed);
  if (st?.kind !== 'listed') return [];
  return st.memberships.map((m) => membershipEvidence(seed, m));
}

function membershipEvidence(
  node: number,
  m: {
    id: string;
    list: string;
    program: string | null;
    effectiveDate: string | null;
    provenance: Provenance;
  },
): ExposureEvidence {
  return {
    type: 'membership',
    node,
    membershipId: m.id,
    list: m.list,
    program: m.program,
    effectiveDate: m.effectiveDate,
    provenance: m.provenance,
  };
}

function fmt(pct: number): string {
  return (Math.round(pct * 100) / 100).toString();
}
