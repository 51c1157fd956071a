import type { Direction, OwnershipEngine, ReachOptions } from './effective-ownership.ts';
import type { Graph, RelationshipRef } from './graph.ts';
import type { OfacResult } from './ofac.ts';

/**
 * Subsidiaries (what an entity holds, directly or through chains) and owners (who holds it),
 * each with the effective share, OFAC status, depth and the strongest path, every link of
 * which cites the relationship records it rests on.
 */

/** One ownership link of a path, owner → asset, with its sources. */
export interface OwnershipLink {
  readonly edge: number;
  readonly owner: number;
  readonly asset: number;
  /** Direct share in percent, null when unknown. */
  readonly pct: number | null;
  readonly relationships: readonly RelationshipRef[];
}

export interface HoldingRow {
  readonly node: number;
  readonly id: string;
  readonly name: string;
  /** Effective share over fully-known paths, percent. */
  readonly effectivePct: number;
  readonly hasUnknown: boolean;
  readonly unknownPaths: number;
  /** Upper bound with every unknown share at 100%. */
  readonly maxPct: number;
  /** Fewest hops from the queried entity. */
  readonly depth: number;
  readonly blockedOfac: boolean;
  /** Not blocked on known shares, but would be if unknown shares were large enough. */
  readonly undeterminedOfac: boolean;
  /** The strongest path, always written owner → asset (top-down). */
  readonly path: readonly OwnershipLink[];
  readonly truncated: boolean;
}

export interface HoldingsOptions extends ReachOptions {
  /** Keep rows whose effective % (or, with unknown shares, upper bound) is at least this. */
  readonly minPct?: number;
  readonly ofac?: OfacResult;
}

export interface Holdings {
  readonly root: number;
  readonly direction: Direction;
  readonly rows: readonly HoldingRow[];
  readonly truncated: boolean;
}

/** Descendants (`down`) or owners (`up`) of `root`, strongest first. */
export function holdings(
  engine: OwnershipEngine,
  root: number,
  direction: Direction,
  opts: HoldingsOptions = {},
): Holdings {
  const g = engine.graph;
  const reach = engine.reach(root, direction, opts);
  const min = opts.minPct ?? 0;
  const rows: HoldingRow[] = [];
  for (const v of reach.nodes) {
    const s = reach.share(v);
    if (!s) continue;
    // Unknown shares are not zero: a node that could reach the threshold stays listed.
    if (s.knownPct < min && !(s.hasUnknown && s.maxPct >= min)) continue;
    const edges = reach.pathTo(v);
    if (direction === 'up') edges.reverse();
    rows.push({
      node: v,
      id: g.nodeId(v),
      name: g.nodeName(v),
      effectivePct: s.knownPct,
      hasUnknown: s.hasUnknown,
      unknownPaths: s.unknownPaths,
      maxPct: s.maxPct,
      depth: s.depth,
      blockedOfac: opts.ofac?.isBlocked(v) ?? false,
      undeterminedOfac: opts.ofac?.isUndetermined(v) ?? false,
      path: edges.map((e) => ownershipLink(g, e)),
      truncated: s.truncated,
    });
  }
  rows.sort((a, b) => b.effectivePct - a.effectivePct || b.maxPct - a.maxPct || a.depth - b.depth);
  return { root, direction, rows, truncated: reach.truncated };
}

/** An ownership edge as a cited link. */
export function ownershipLink(g: Graph, e: number): OwnershipLink {
  const own = g.columns.ownership;
  return {
    edge: e,
    owner: own.source[e] as number,
    asset: own.target[e] as number,
    pct: g.ownershipPct(e),
    relationships: g.ownershipFacts(e),
  };
}

/** Effective ownership of `owner` in `asset` (percent over known paths, with unknown-share details). */
export function effectiveOwnership(
  engine: OwnershipEngine,
  owner: number,
  asset: number,
  opts: ReachOptions = {},
): {
  knownPct: number;
  hasUnknown: boolean;
  unknownPaths: number;
  maxPct: number;
  truncated: boolean;
} {
  const s = engine.reach(owner, 'down', opts).share(asset);
  if (!s) return { knownPct: 0, hasUnknown: false, unknownPaths: 0, maxPct: 0, truncated: false };
  return {
    knownPct: s.knownPct,
    hasUnknown: s.hasUnknown,
    unknownPaths: s.unknownPaths,
    maxPct: s.maxPct,
    truncated: s.truncated,
  };
}
