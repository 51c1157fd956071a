import type { XinjiangFact } from '../graph/index.ts';
import { GoodsIndex, Graph, type GraphColumns, NO_DATE, partyKey, Tracer } from '../graph/index.ts';
import type { StoredMembership, StoredShipment } from '../model/index.ts';
import { ExposureIndex } from './exposure.ts';
import type { FindingDecision } from './findings.ts';
import {
  foldName,
  type MatcherFactory,
  type PartyMatcher,
  type WatchEntity,
  type WatchMatch,
} from './matcher.ts';
import { DEFAULT_MATCHER, MATCHERS } from './matchers.ts';
import type { PartyView } from './party.ts';
import type { Policy } from './policy/schema.ts';

/**
 * The immutable input of screening: the graph (ownership, memberships, trade), Xinjiang facts,
 * the watch set for name matching, the policy and the analyst decisions, as of one date.
 * {@link SnapshotData} is plain, structured-clone-friendly data (typed arrays and arrays of
 * plain objects) so it can be built once and posted to worker threads; {@link Snapshot} is the
 * per-thread live form with indexes, memo tables and scratch space.
 */
export interface SnapshotData {
  readonly version: 1;
  /** ISO date listings are evaluated at. */
  readonly asOf: string;
  readonly builtAt: string;
  readonly policy: Policy;
  readonly policyHash: string;
  /** The matcher the watch set was matched with (see matchers.ts). */
  readonly matcher: string;
  readonly graph: GraphColumns;
  /** Xinjiang facts by node id (entity id, or party key of an unresolved shipment party). */
  readonly xinjiang: readonly (readonly [string, readonly XinjiangFact[]])[];
  /** The exposed entities party names are matched against. */
  readonly watch: readonly WatchEntity[];
  /** Per node: fewest trade links from an exposed supplier down to it (255: none within the trace's reach). */
  readonly upstreamDist: Uint8Array;
  /** Per node: 1 when it is exposed (listed, blocked, owned by listed, Xinjiang-located). */
  readonly exposed: Uint8Array;
  /**
   * Watch-set matches of every unresolved shipment party in the graph (by party key), found
   * when the snapshot was built; a party node missing here matched nothing.
   */
  readonly partyMatches: readonly (readonly [string, readonly WatchMatch[]])[];
  readonly decisions: readonly (readonly [string, FindingDecision])[];
}

/** A listed supplier of a node, with the listing day and their trade edge. */
export interface ListedSupplier {
  readonly supplier: number;
  readonly m: StoredMembership;
  readonly day: number;
  readonly edge: number;
}

/** No exposed supplier within reach. */
export const FAR = 255;

export interface SnapshotOptions {
  /** Builds the name matcher from the watch set (default: resolve/'s matcher, see matchers.ts). */
  readonly matcher?: MatcherFactory;
}

export class Snapshot {
  readonly data: SnapshotData;
  readonly graph: Graph;
  readonly policy: Policy;
  readonly asOf: string;
  readonly exposure: ExposureIndex;
  readonly goods: GoodsIndex;
  readonly tracer: Tracer;
  readonly matcher: PartyMatcher;
  /** Matches of unresolved party nodes, computed at build (see {@link SnapshotData.partyMatches}). */
  readonly partyMatches: ReadonlyMap<string, readonly WatchMatch[]>;
  readonly decisions: ReadonlyMap<string, FindingDecision>;
  /** First day each node appears in the trade data (as shipper or consignee), NO_DATE if never. */
  readonly firstDay: Int32Array;
  /** Per-thread memo tables of the detectors. */
  readonly partyViews = new Map<string, Map<string, PartyView>>();
  readonly listedSuppliers = new Map<number, readonly ListedSupplier[]>();
  /** HS code as written → interned code index of the graph (-1: not in the graph). */
  readonly hsIndex = new Map<string, number>();

  private constructor(data: SnapshotData, opts: SnapshotOptions) {
    this.data = data;
    this.policy = data.policy;
    this.asOf = data.asOf;
    this.graph = Graph.fromColumns(data.graph);
    const byNode = new Map<number, XinjiangFact[]>();
    for (const [id, facts] of data.xinjiang) {
      const v = this.graph.nodeOf(id);
      if (v === undefined) continue;
      const list = byNode.get(v) ?? [];
      for (const f of facts) if (!list.some((x) => x.basis === f.basis && x.value === f.value)) list.push(f);
      byNode.set(v, list);
    }
    this.exposure = new ExposureIndex(this.graph, data.policy, data.asOf, byNode, undefined, data.exposed);
    this.goods = new GoodsIndex(this.graph.columns.hsCodes);
    this.tracer = new Tracer(this.graph, this.goods);
    this.partyMatches = new Map(data.partyMatches);
    this.matcher = (opts.matcher ?? MATCHERS[data.matcher] ?? (MATCHERS[DEFAULT_MATCHER] as MatcherFactory))(
      data.watch,
      {
        threshold: data.policy.matching.threshold,
        limit: data.policy.matching.candidates,
      },
    );
    this.decisions = new Map(data.decisions);
    this.firstDay = firstTradeDay(this.graph);
  }

  static fromData(data: SnapshotData, opts: SnapshotOptions = {}): Snapshot {
    return new Snapshot(data, opts);
  }

  /**
   * The graph node a shipment party was attached to when the graph was built (entity id, or the
   * party key of an unresolved name), or -1.
   */
  partyNode(entityId: string | null, name: string, country: string | null): number {
    if (entityId) return this.graph.nodeOf(entityId) ?? -1;
    const k = partyKey(name, country);
    return k === null ? -1 : (this.graph.nodeOf(k) ?? -1);
  }

  /**
   * The graph row of a shipment, found through its shipper's trade edge (so no index over
   * millions of bill numbers is needed), or -1 when it is not in the snapshot.
   */
  shipmentRow(s: StoredShipment, shipper: number, consignee: number): number {
    if (shipper < 0 || consignee < 0) return -1;
    const e = this.graph.tradeEdge(shipper, consignee);
    if (e < 0) return -1;
    const c = this.graph.columns;
    const dsIndex = c.datasets.indexOf(s.provenance.dataset);
    for (const r of this.graph.tradeShipments(e)) {
      if (c.shipIds[r] === s.id && c.shipProv.dataset[r] === dsIndex) return r;
    }
    return -1;
  }

  private named: Map<string, number[]> | null = null;

  /**
   * Nodes whose name equals `name` after folding (built on first use: entity screening needs it
   * to find a supplier in the trade graph that is not itself exposed; shipment screening does not).
   */
  nodesNamed(name: string): readonly number[] {
    if (!this.named) {
      const m = new Map<string, number[]>();
      const names = this.graph.columns.nodeNames;
      for (let v = 0; v < names.length; v++) {
        const k = foldName(names[v] ?? '');
        if (!k) continue;
        const l = m.get(k);
        if (l) l.push(v);
        else m.set(k, [v]);
      }
      this.named = m;
    }
    const k = foldName(name);
    return k ? (this.named.get(k) ?? []) : [];
  }
}

function firstTradeDay(g: Graph): Int32Array {
  const t = g.columns.trade;
  const first = new Int32Array(g.nodeCount).fill(NO_DATE);
  for (let e = 0; e < t.source.length; e++) {
    const d = t.firstDay[e] as number;
    const a = t.source[e] as number;
    const b = t.target[e] as number;
    if (d < (first[a] as number)) first[a] = d;
    if (d < (first[b] as number)) first[b] = d;
  }
  return first;
}
