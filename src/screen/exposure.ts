import {
  applyOfacRule,
  type BlockingOwner,
  EXPOSURE_WEIGHTS,
  type ExposureEvidence,
  type ExposurePredicate,
  type ExposureReason,
  type Graph,
  isXpccUnitFact,
  membershipActive,
  type OfacResult,
  OwnershipEngine,
  ownershipLink,
  ownersPhrase,
  type XinjiangFact,
  xinjiangReason,
} from '../graph/index.ts';
import type { StoredMembership } from '../model/index.ts';
import type { Policy } from './policy/schema.ts';

/**
 * Why a graph node is exposed, as structured facts: its own active listings, OFAC-blocked
 * status under the 50% rule (with the chain to a listed seed), effective ownership by listed
 * entities (aggregated over listed owners, through chains), and Xinjiang location. Party
 * findings are built from these, and the same facts feed graph/'s trace and routing as an
 * exposure predicate. Memoised per node; holds scratch space: one per thread.
 */

export interface Blocked {
  /** Sum of known direct shares held by blocked owners, percent. */
  readonly aggregatePct: number;
  readonly owners: readonly BlockingOwner[];
  /** Ownership edges from the listed seed down to the node. */
  readonly chain: readonly number[];
  readonly seed: number;
  readonly seedListings: readonly StoredMembership[];
}

export interface ListedOwner {
  readonly node: number;
  /** Effective share over fully known paths, percent. */
  readonly pct: number;
  /** Ownership paths from this owner with a share the sources do not state. */
  readonly unknownPaths: number;
  /** Ownership edges of the strongest path, owner first (owner → … → node). */
  readonly path: readonly number[];
  readonly listings: readonly StoredMembership[];
  /**
   * For an owner that is not listed but is itself an XPCC unit (its name names one: 兵团,
   * 第八师, 一五二团): the facts that say so. The domain's red flag is ownership by a listed
   * entity or an XPCC unit, and the corps' 2,923 known subsidiaries hang off its units.
   */
  readonly xpccUnit: readonly XinjiangFact[];
}

export interface OwnedByListed {
  /** Sum of the known effective shares of listed owners (and XPCC units), percent. */
  readonly totalPct: number;
  /** Some such owner's chain has an unknown share: the true total may be higher. */
  readonly hasUnknown: boolean;
  readonly owners: readonly ListedOwner[];
}

export interface NodeExposure {
  readonly listings: readonly StoredMembership[];
  readonly blocked: Blocked | null;
  readonly owned: OwnedByListed | null;
  readonly xinjiang: readonly XinjiangFact[];
}

const NONE: NodeExposure = Object.freeze({ listings: [], blocked: null, owned: null, xinjiang: [] });

export function isExposed(x: NodeExposure): boolean {
  return x.listings.length > 0 || x.blocked !== null || x.owned !== null || x.xinjiang.length > 0;
}

export class ExposureIndex {
  readonly graph: Graph;
  readonly ofac: OfacResult;
  private readonly engine: OwnershipEngine;
  private readonly asOf: string;
  private readonly reportPct: number;
  private readonly xinjiang: ReadonlyMap<number, readonly XinjiangFact[]>;
  private readonly memo = new Map<number, NodeExposure>();
  private readonly flags: Uint8Array | null;
  private readonly listedMemo = new Map<number, readonly StoredMembership[]>();
  private unitsKnown: boolean | null = null;

  constructor(
    graph: Graph,
    policy: Policy,
    asOf: string,
    xinjiang: ReadonlyMap<number, readonly XinjiangFact[]>,
    ofac?: OfacResult,
    /** Per node, 1 if exposed (precomputed): the rest are answered without computing. */
    exposedFlags?: Uint8Array,
  ) {
    this.flags = exposedFlags ?? null;
    this.graph = graph;
    this.asOf = asOf;
    this.reportPct = policy.findings.owned_by_listed.reportPct;
    this.xinjiang = xinjiang;
    this.ofac =
      ofac ??
      applyOfacRule(graph, {
        seedLists: policy.legal.ofacSeedLists,
        thresholdPct: policy.legal.ofacThresholdPct,
        asOf,
      });
    this.engine = new OwnershipEngine(graph);
  }

  /** Active listings of node v on the snapshot date. */
  listings(v: number): readonly StoredMembership[] {
    let l = this.listedMemo.get(v);
    if (!l) {
      l = this.graph.membershipsOf(v).filter((m) => membershipActive(m, this.asOf));
      this.listedMemo.set(v, l);
    }
    return l;
  }

  /** Facts naming node v itself as an XPCC unit: by its names, not by an address in one. */
  xpccUnit(v: number): readonly XinjiangFact[] {
    const facts = this.xinjiang.get(v);
    return facts ? facts.filter(isXpccUnitFact) : [];
  }

  of(v: number): NodeExposure {
    if (v < 0 || (this.flags && this.flags[v] === 0)) return NONE;
    const hit = this.memo.get(v);
    if (hit) return hit;
    const listings = this.listings(v);
    const xinjiang = this.xinjiang.get(v) ?? [];
    const blocked = this.blocked(v);
    const owned = listings.length === 0 ? this.ownedByListed(v) : null;
    const x =
      listings.length || blocked || owned || xinjiang.length ? { listings, blocked, owned, xinjiang } : NONE;
    this.memo.set(v, x);
    return x;
  }

  private blocked(v: number): Blocked | null {
    const st = this.ofac.status(v);
    if (st?.kind !== 'owned') return null;
    const own = this.graph.columns.ownership;
    const seed = st.chain.length > 0 ? (own.source[st.chain[0] as number] as number) : v;
    const seedStatus = this.ofac.status(seed);
    return {
      aggregatePct: st.aggregatePct,
      owners: st.owners,
      chain: st.chain,
      seed,
      seedListings: seedStatus?.kind === 'listed' ? seedStatus.memberships : [],
    };
  }

  /**
   * Ownership by listed entities; failing that, by listed entities and XPCC units together.
   * Listed owners come first so that a subsidiary of a listed corps through one of its units
   * cites the listing, not the unit standing between.
   */
  private ownedByListed(v: number): OwnedByListed | null {
    const own = this.graph.columns.ownership;
    if (own.inOffsets[v] === own.inOffsets[v + 1]) return null;
    const listed = this.ownedBy(v, (u) => this.listings(u).length > 0);
    if (listed || !this.hasXpccUnits()) return listed;
    return this.ownedBy(v, (u) => this.listings(u).length > 0 || this.xpccUnit(u).length > 0);
  }

  /** Whether any node is an XPCC unit (else the second walk cannot find anything). */
  private hasXpccUnits(): boolean {
    if (this.unitsKnown === null) {
      this.unitsKnown = false;
      for (const v of this.xinjiang.keys()) {
        if (this.xpccUnit(v).length > 0) {
          this.unitsKnown = true;
          break;
        }
      }
    }
    return this.unitsKnown;
  }

  private ownedBy(v: number, isListed: (u: number) => boolean): OwnedByListed | null {
    const reach = this.engine.reach(v, 'up', { stopAt: isListed });
    const owners: ListedOwner[] = [];
    let total = 0;
    for (const u of reach.nodes) {
      if (!isListed(u)) continue;
      const s = reach.share(u);
      // A chain with an unknown share is reported as such: never read as 0% (dropped) or 100%.
      if (!s || (s.knownPct <= 0 && !s.hasUnknown)) continue;
      total += s.knownPct;
      owners.push({
        node: u,
        pct: s.knownPct,
        unknownPaths: s.unknownPaths,
        path: reach.pathTo(u).reverse(),
        listings: this.listings(u),
        xpccUnit: this.listings(u).length > 0 ? [] : this.xpccUnit(u),
      });
    }
    const hasUnknown = owners.some((o) => o.unknownPaths > 0);
    if (owners.length === 0 || (total < this.reportPct - 1e-9 && !hasUnknown)) return null;
    owners.sort((a, b) => b.pct - a.pct);
    return { totalPct: Math.min(100, total), hasUnknown, owners };
  }

  /**
   * Why node v is blocked under the 50% rule, in full: every blocking owner's direct holding,
   * and, recursively, why each blocking owner is blocked, down to the listed seeds (their
   * memberships). The 55% of a company held 30% + 25% by two blocked owners shows both.
   */
  blockingTree(v: number): { edges: number[]; seeds: { node: number; membership: StoredMembership }[] } {
    const edges: number[] = [];
    const seeds: { node: number; membership: StoredMembership }[] = [];
    const seen = new Set<number>();
    const walk = (w: number, depth: number) => {
      if (seen.has(w) || depth > 12) return;
      seen.add(w);
      const st = this.ofac.status(w);
      if (!st) return;
      if (st.kind === 'listed') {
        for (const m of st.memberships) seeds.push({ node: w, membership: m });
        return;
      }
      for (const o of st.owners) {
        edges.push(o.edge);
        walk(o.node, depth + 1);
      }
    };
    walk(v, 0);
    // Collected from v upwards; cited from the seeds down, as the chain reads.
    return { edges: edges.reverse(), seeds };
  }

  /** The facts as graph/ exposure reasons, for `Tracer` and `findThirdCountryRouting`. */
  predicate(): ExposurePredicate {
    const memo = new Map<number, readonly ExposureReason[]>();
    return (v) => {
      const hit = memo.get(v);
      if (hit) return hit;
      const r = this.reasons(v);
      memo.set(v, r);
      return r;
    };
  }

  private reasons(v: number): readonly ExposureReason[] {
    const x = this.of(v);
    if (x === NONE) return [];
    const g = this.graph;
    const out: ExposureReason[] = [];
    const mem = (node: number, m: StoredMembership): ExposureEvidence => ({
      type: 'membership',
      node,
      membershipId: m.id,
      list: m.list,
      program: m.program,
      effectiveDate: m.effectiveDate,
      provenance: m.provenance,
    });
    for (const m of x.listings) {
      out.push({
        kind: 'listed',
        weight: EXPOSURE_WEIGHTS.listed,
        summary: `listed on ${m.list}${m.program ? ` (${m.program})` : ''}`,
        evidence: [mem(v, m)],
      });
    }
    if (x.blocked) {
      const b = x.blocked;
      out.push({
        kind: 'ofac_blocked',
        weight: EXPOSURE_WEIGHTS.ofac_blocked,
        summary: `blocked under the OFAC 50% rule (${fmtPct(b.aggregatePct)} held by blocked owners)`,
        evidence: [
          ...b.chain.map((e) => ({ type: 'ownership' as const, link: ownershipLink(g, e) })),
          ...b.seedListings.map((m) => mem(b.seed, m)),
        ],
      });
    }
    if (x.owned) {
      out.push({
        kind: 'owned_by_listed',
        weight: EXPOSURE_WEIGHTS.owned_by_listed,
        summary: `${fmtPct(x.owned.totalPct)} owned by ${ownersPhrase(
          x.owned.owners.filter((o) => o.xpccUnit.length === 0).map((o) => g.nodeName(o.node)),
          x.owned.owners.filter((o) => o.xpccUnit.length > 0).map((o) => g.nodeName(o.node)),
        )}`,
        evidence: x.owned.owners.flatMap((o) => [
          ...o.path.map((e) => ({ type: 'ownership' as const, link: ownershipLink(g, e) })),
          ...o.listings.map((m) => mem(o.node, m)),
          ...o.xpccUnit.map((f) => ({
            type: 'fact' as const,
            node: o.node,
            detail: f.text,
            sources: [f.provenance],
          })),
        ]),
      });
    }
    if (x.xinjiang.length > 0) out.push(xinjiangReason(v, x.xinjiang));
    return out.sort((a, b) => b.weight - a.weight);
  }
}

export function fmtPct(pct: number): string {
  return `${Math.round(pct * 100) / 100}%`;
}
