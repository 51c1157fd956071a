import type { DatasetName, Provenance, RelationshipKind, StoredMembership } from '../model/index.ts';
import { isoOfDay } from './dates.ts';

/**
 * The in-memory graph: an immutable snapshot built once from the store (or from arrays) and
 * then only read. Nodes are interned to indices 0..n-1; every edge family is stored as
 * compressed sparse rows over typed arrays (forward and reverse), so a graph of millions of
 * edges costs tens of bytes per edge and can be handed to worker threads as plain columns
 * ({@link Graph.toColumns} / {@link Graph.fromColumns}, structured-clone friendly).
 *
 * Nothing here mutates after construction. Typed arrays cannot be frozen in JavaScript:
 * treat every array reachable from a `Graph` as read-only.
 */

/** How a node came to exist. */
export const NODE_KINDS = ['entity', 'referenced', 'party'] as const;
/**
 * `entity`: an entity in the store; `referenced`: an id named by a relationship, membership or
 * resolved shipment party whose entity record was not loaded; `party`: a synthetic node for an
 * unresolved shipment party, keyed by normalised name + country (see `partyKey`).
 */
export type NodeKind = (typeof NODE_KINDS)[number];

export const LINK_KINDS = ['control', 'directorship', 'branch', 'link'] as const satisfies readonly Exclude<
  RelationshipKind,
  'ownership'
>[];

/** Provenance as columns: dataset and file interned, one row per fact. */
export interface ProvenanceColumns {
  readonly dataset: Uint16Array;
  readonly file: Uint32Array;
  readonly recordKey: readonly string[];
  /** 1-based line, or -1 when the source has no lines. */
  readonly line: Int32Array;
}

/** A directed edge family in CSR form, edges sorted by source. */
export interface EdgeColumns {
  /** `outOffsets[v]..outOffsets[v+1]` are the edges leaving v (edge numbers are positions). */
  readonly outOffsets: Uint32Array;
  readonly source: Uint32Array;
  readonly target: Uint32Array;
  /** `inOffsets[v]..inOffsets[v+1]` index `inEdges`, the edges entering v. */
  readonly inOffsets: Uint32Array;
  readonly inEdges: Uint32Array;
  /** `factOffsets[e]..factOffsets[e+1]` index `facts`: the relationship rows (or shipments) behind edge e. */
  readonly factOffsets: Uint32Array;
  readonly facts: Uint32Array;
}

/** Ownership edges add the share, a fraction 0..1, NaN when the source does not state it. */
export interface OwnershipColumns extends EdgeColumns {
  readonly share: Float64Array;
  /**
   * Strongly connected component of each node in the ownership graph, numbered in topological
   * order; nodes are numbered so that it is non-decreasing (members of a cross-holding are
   * contiguous, and every edge between components goes to a higher node number).
   */
  readonly component: Int32Array;
}

/** Other relationship edges add their kind (index into {@link LINK_KINDS}). */
export interface LinkColumns extends EdgeColumns {
  readonly kind: Uint8Array;
}

/** Trade edges (shipper → consignee) aggregated from shipments; `facts` are shipment rows sorted by date. */
export interface TradeColumns extends EdgeColumns {
  readonly shipmentCount: Uint32Array;
  /** Sum of known line weights in kg; NaN when no shipment stated one. */
  readonly weightKg: Float64Array;
  readonly firstDay: Int32Array;
  readonly lastDay: Int32Array;
}

/** Every column of a graph: what crosses a worker boundary. */
export interface GraphColumns {
  readonly nodeIds: readonly string[];
  readonly nodeNames: readonly string[];
  readonly nodeKinds: Uint8Array;
  readonly nodeSchemata: readonly string[];
  /** ISO 3166 alpha-2 upper case, '' when unknown. */
  readonly nodeCountries: readonly string[];
  /** Ids that map onto a node with another id (resolution clusters): [id, node]. */
  readonly aliases: readonly (readonly [string, number])[];

  readonly datasets: readonly string[];
  readonly files: readonly string[];

  /** One row per relationship fact (all kinds). */
  readonly relIds: readonly string[];
  readonly relKinds: readonly RelationshipKind[];
  /** Percent as stated (0-100), NaN when absent. */
  readonly relPct: Float64Array;
  readonly relProv: ProvenanceColumns;

  readonly ownership: OwnershipColumns;
  readonly links: LinkColumns;

  readonly memberships: readonly StoredMembership[];
  readonly membershipOffsets: Uint32Array;
  readonly membershipItems: Uint32Array;

  /** Interned HS codes (digits). */
  readonly hsCodes: readonly string[];
  readonly shipIds: readonly string[];
  /** Day number of arrival (see dates.ts), NO_DATE when unknown. */
  readonly shipDay: Int32Array;
  readonly shipWeightKg: Float64Array;
  readonly shipCodeOffsets: Uint32Array;
  readonly shipCodes: Uint32Array;
  /** Node index of the shipper / consignee, -1 when the party is missing or withheld. */
  readonly shipShipper: Int32Array;
  readonly shipConsignee: Int32Array;
  readonly shipProv: ProvenanceColumns;
  readonly trade: TradeColumns;
}

/** A relationship row as evidence: its id and where it came from. */
export interface RelationshipRef {
  readonly id: string;
  readonly kind: RelationshipKind;
  /** Percent as stated, null when the source does not say. */
  readonly pct: number | null;
  readonly provenance: Provenance;
}

/** A shipment as evidence. */
export interface ShipmentRef {
  readonly id: string;
  /** ISO date of arrival, or null. */
  readonly date: string | null;
  readonly hsCodes: readonly string[];
  readonly weightKg: number | null;
  readonly provenance: Provenance;
}

export class Graph {
  readonly columns: GraphColumns;
  readonly nodeCount: number;
  private readonly index: ReadonlyMap<string, number>;

  private constructor(columns: GraphColumns) {
    this.columns = columns;
    this.nodeCount = columns.nodeIds.length;
    const index = new Map<string, number>();
    columns.nodeIds.forEach((id, i) => {
      index.set(id, i);
    });
    for (const [id, i] of columns.aliases) if (!index.has(id)) index.set(id, i);
    this.index = index;
    Object.freeze(this);
  }

  /** Wraps columns (from the builder, or received from another thread). */
  static fromColumns(columns: GraphColumns): Graph {
    return new Graph(columns);
  }

  /** The columns, for `postMessage` to a worker (typed arrays are copied unless transferred). */
  toColumns(): GraphColumns {
    return this.columns;
  }

  /** The node of an entity id (or alias, or synthetic party key), if present. */
  nodeOf(id: string): number | undefined {
    return this.index.get(id);
  }
  nodeId(v: number): string {
    return this.columns.nodeIds[v] ?? '';
  }
  nodeName(v: number): string {
    return this.columns.nodeNames[v] ?? '';
  }
  nodeKind(v: number): NodeKind {
    return NODE_KINDS[this.columns.nodeKinds[v] ?? 0] ?? 'entity';
  }
  nodeSchema(v: number): string {
    return this.columns.nodeSchemata[v] ?? '';
  }
  /** ISO alpha-2, or null when unknown. */
  nodeCountry(v: number): string | null {
    return this.columns.nodeCountries[v] || null;
  }

  /** List memberships of node v (all, including ended ones: filter by date where it matters). */
  membershipsOf(v: number): StoredMembership[] {
    const { membershipOffsets: off, membershipItems: items, memberships } = this.columns;
    const out: StoredMembership[] = [];
    for (let i = off[v] as number; i < (off[v + 1] as number); i++) {
      const m = memberships[items[i] as number];
      if (m) out.push(m);
    }
    return out;
  }

  /** The relationship facts behind ownership edge e (several when sources agree on one holding). */
  ownershipFacts(e: number): RelationshipRef[] {
    return this.factsOf(this.columns.ownership, e);
  }
  linkFacts(e: number): RelationshipRef[] {
    return this.factsOf(this.columns.links, e);
  }

  /** Share of ownership edge e in percent, or null when unknown. */
  ownershipPct(e: number): number | null {
    const s = this.columns.ownership.share[e] as number;
    return Number.isNaN(s) ? null : s * 100;
  }

  relationship(r: number): RelationshipRef {
    const c = this.columns;
    const pct = c.relPct[r] as number;
    return {
      id: c.relIds[r] ?? '',
      kind: c.relKinds[r] ?? 'link',
      pct: Number.isNaN(pct) ? null : pct,
      provenance: this.prov(c.relProv, r),
    };
  }

  shipment(s: number): ShipmentRef {
    const c = this.columns;
    const w = c.shipWeightKg[s] as number;
    return {
      id: c.shipIds[s] ?? '',
      date: isoOfDay(c.shipDay[s] as number),
      hsCodes: Array.from(this.shipmentCodes(s), (k) => c.hsCodes[k] ?? ''),
      weightKg: Number.isNaN(w) ? null : w,
      provenance: this.prov(c.shipProv, s),
    };
  }

  /** Interned HS code indices of shipment s. */
  shipmentCodes(s: number): Uint32Array {
    const c = this.columns;
    return c.shipCodes.subarray(c.shipCodeOffsets[s] as number, c.shipCodeOffsets[s + 1] as number);
  }

  /** Shipment rows behind trade edge e, sorted by date (unknown dates last). */
  tradeShipments(e: number): Uint32Array {
    const t = this.columns.trade;
    return t.facts.subarray(t.factOffsets[e] as number, t.factOffsets[e + 1] as number);
  }

  /** The trade edge from `shipper` to `consignee`, or -1. */
  tradeEdge(shipper: number, consignee: number): number {
    const t = this.columns.trade;
    for (let e = t.outOffsets[shipper] as number; e < (t.outOffsets[shipper + 1] as number); e++) {
      if (t.target[e] === consignee) return e;
    }
    return -1;
  }

  /** The shipment row of a bill-of-lading id (first match), or -1. Linear: for CLI look-ups only. */
  shipmentRowOf(id: string): number {
    return this.columns.shipIds.indexOf(id);
  }

  private factsOf(cols: EdgeColumns, e: number): RelationshipRef[] {
    const out: RelationshipRef[] = [];
    for (let i = cols.factOffsets[e] as number; i < (cols.factOffsets[e + 1] as number); i++) {
      out.push(this.relationship(cols.facts[i] as number));
    }
    return out;
  }

  private prov(p: ProvenanceColumns, row: number): Provenance {
    const line = p.line[row] as number;
    return {
      dataset: (this.columns.datasets[p.dataset[row] as number] ?? '') as DatasetName,
      sourceFile: this.columns.files[p.file[row] as number] ?? '',
      recordKey: p.recordKey[row] ?? '',
      line: line < 0 ? null : line,
    };
  }
}
