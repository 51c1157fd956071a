import type {
  FtmProperty,
  Provenance,
  RelationshipKind,
  StoredMembership,
  StoredRelationship,
  StoredShipment,
} from '../model/index.ts';
import { normalizeHs } from '../normalize/index.ts';
import { groupByKey } from './csr.ts';
import { dayOf, NO_DATE } from './dates.ts';
import {
  type EdgeColumns,
  Graph,
  type GraphColumns,
  LINK_KINDS,
  type NodeKind,
  type ProvenanceColumns,
} from './graph.ts';
import { GrowF64, GrowI32, GrowU8, GrowU32 } from './growable.ts';
import { partyKey } from './party-key.ts';
import { tarjan } from './scc.ts';

/** What the builder reads of an entity: the store's `Entity` fits, so do plain test objects. */
export interface EntityInput {
  readonly id: string;
  readonly schema?: string;
  readonly properties?: Partial<Record<FtmProperty, readonly string[]>>;
}

export interface GraphBuilderOptions {
  /**
   * Resolution clusters (member id → canonical id, as `store.getResolution()` returns them):
   * members collapse into the canonical node, and stay findable by their own id.
   */
  readonly canonical?: ReadonlyMap<string, string>;
}

const KIND_INDEX: Record<NodeKind, number> = { entity: 0, referenced: 1, party: 2 };
const LINK_KIND_INDEX: ReadonlyMap<string, number> = new Map(LINK_KINDS.map((k, i) => [k, i]));

class ProvenanceBuilder {
  readonly dataset = new GrowU32();
  readonly file = new GrowU32();
  readonly recordKey: string[] = [];
  readonly line = new GrowI32();
  push(p: Provenance, datasets: Interner, files: Interner): void {
    this.dataset.push(datasets.of(p.dataset));
    this.file.push(files.of(p.sourceFile));
    this.recordKey.push(p.recordKey);
    this.line.push(p.line ?? -1);
  }
  finish(): ProvenanceColumns {
    return {
      dataset: Uint16Array.from(this.dataset.finish()),
      file: this.file.finish(),
      recordKey: this.recordKey,
      line: this.line.finish(),
    };
  }
}

class Interner {
  readonly values: string[] = [];
  private readonly map = new Map<string, number>();
  // Datasets and files repeat row after row: compare with the last value before hashing.
  private last: string | null = null;
  private lastIndex = -1;
  of(v: string): number {
    if (v === this.last) return this.lastIndex;
    let i = this.map.get(v);
    if (i === undefined) {
      i = this.values.length;
      this.values.push(v);
      this.map.set(v, i);
    }
    this.last = v;
    this.lastIndex = i;
    return i;
  }
}

/**
 * Accumulates entities, relationships, memberships and shipments, then {@link GraphBuilder.build}s
 * an immutable {@link Graph}. Feed it from the store (`loadGraph`) or from plain arrays
 * ({@link buildGraph}) in tests and benchmarks. Order of the `add*` calls does not matter.
 */
export class GraphBuilder {
  private readonly canonical: ReadonlyMap<string, string>;
  private readonly nodeIndex = new Map<string, number>();
  private readonly nodeIds: string[] = [];
  private readonly nodeNames: string[] = [];
  private readonly nodeKinds = new GrowU8();
  private readonly nodeSchemata: string[] = [];
  private readonly nodeCountries: string[] = [];
  private readonly aliases: [string, number][] = [];
  private lastId = '';
  private lastNode = -1;

  private readonly datasets = new Interner();
  private readonly files = new Interner();
  private readonly codes = new Interner();

  private readonly relIds: string[] = [];
  private readonly relKinds: RelationshipKind[] = [];
  private readonly relPct = new GrowF64();
  private readonly relSource = new GrowU32();
  private readonly relTarget = new GrowU32();
  private readonly relProv = new ProvenanceBuilder();

  private readonly memberships: StoredMembership[] = [];
  private readonly membershipNode = new GrowU32();

  private readonly shipIds: string[] = [];
  private readonly shipDay = new GrowI32();
  private readonly shipWeight = new GrowF64();
  private readonly shipCodeOffsets = new GrowU32();
  private readonly shipCodes = new GrowU32();
  private readonly shipShipper = new GrowI32();
  private readonly shipConsignee = new GrowI32();
  private readonly shipProv = new ProvenanceBuilder();

  constructor(opts: GraphBuilderOptions = {}) {
    this.canonical = opts.canonical ?? new Map();
    this.shipCodeOffsets.push(0);
  }

  /** Adds (or completes) the node of an entity: name, schema, country. */
  addEntity(e: EntityInput): void {
    const canon = this.canonical.get(e.id) ?? e.id;
    const v = this.intern(e.id, 'entity');
    const props = e.properties ?? {};
    const name = props.name?.[0] ?? props.alias?.[0];
    const wasEntity = this.nodeKinds.get(v) === KIND_INDEX.entity && this.nodeSchemata[v] !== '';
    // In a cluster, the canonical entity's own name wins; otherwise the first one loaded.
    if (!wasEntity || e.id === canon) {
      if (name) this.nodeNames[v] = name;
      this.nodeSchemata[v] = e.schema ?? '';
      this.nodeKinds.setAt(v, KIND_INDEX.entity);
    }
    const country = props.country?.[0] ?? props.jurisdiction?.[0] ?? props.mainCountry?.[0];
    if (country && !this.nodeCountries[v]) this.nodeCountries[v] = country.trim().toUpperCase();
  }

  addRelationship(r: StoredRelationship): void {
    const s = this.intern(r.source, 'referenced');
    const t = this.intern(r.target, 'referenced');
    this.relIds.push(r.id);
    this.relKinds.push(r.kind);
    this.relPct.push(r.percentage ?? Number.NaN);
    this.relSource.push(s);
    this.relTarget.push(t);
    this.relProv.push(r.provenance, this.datasets, this.files);
  }

  addMembership(m: StoredMembership): void {
    this.membershipNode.push(this.intern(m.entityId, 'referenced'));
    this.memberships.push(m);
  }

  /** Adds a bill of lading: its shipper → consignee link becomes (part of) a trade edge. */
  addShipment(s: StoredShipment): void {
    let shipper = -1;
    let consignee = -1;
    for (const p of s.parties) {
      if (p.role === 'shipper' && shipper < 0) shipper = this.party(p.entityId, p.name, p.country);
      else if (p.role === 'consignee' && consignee < 0) consignee = this.party(p.entityId, p.name, p.country);
    }
    let weight = Number.NaN;
    const first = this.shipCodes.length;
    for (const line of s.lines) {
      if (line.weightKg != null) weight = (Number.isNaN(weight) ? 0 : weight) + line.weightKg;
      for (const raw of line.hsCodes) {
        const hs = normalizeHs(raw);
        if (hs === null) continue;
        const k = this.codes.of(hs);
        let dup = false;
        for (let i = first; i < this.shipCodes.length && !dup; i++) dup = this.shipCodes.get(i) === k;
        if (!dup) this.shipCodes.push(k);
      }
    }
    this.shipCodeOffsets.push(this.shipCodes.length);
    this.shipIds.push(s.id);
    this.shipDay.push(dayOf(s.arrivalDate));
    this.shipWeight.push(weight);
    this.shipShipper.push(shipper);
    this.shipConsignee.push(consignee);
    this.shipProv.push(s.provenance, this.datasets, this.files);
  }

  build(): Graph {
    const n = this.nodeIds.length;
    // Renumber nodes in a topological order of the ownership graph's components, found by DFS:
    // companies of one group sit next to each other (graph walks are bound by cache misses, and
    // ids carry no locality), and effective ownership can walk nodes in index order.
    const { perm, comp } = ownershipOrder(n, this.relSource.finish(), this.relTarget.finish(), this.relKinds);
    const remap = (a: Uint32Array | Int32Array) => {
      for (let i = 0; i < a.length; i++) {
        const v = a[i] as number;
        if (v >= 0) a[i] = perm[v] as number;
      }
      return a;
    };
    const relSource = remap(this.relSource.finish()) as Uint32Array;
    const relTarget = remap(this.relTarget.finish()) as Uint32Array;
    const relPct = this.relPct.finish();
    const permute = <T>(a: readonly T[]): T[] => {
      const out = new Array<T>(a.length);
      for (let i = 0; i < a.length; i++) out[perm[i] as number] = a[i] as T;
      return out;
    };
    const kindsOld = this.nodeKinds.finish();
    const nodeKinds = new Uint8Array(n);
    for (let i = 0; i < n; i++) nodeKinds[perm[i] as number] = kindsOld[i] as number;

    // Ownership: parallel facts about one holding (two sources, or a re-statement) merge into
    // one edge so they are not double-counted; the largest stated share is kept. Self-holdings
    // (treasury shares) cannot lie on a simple path and are dropped.
    const ownRows: number[] = [];
    const linkRows: number[] = [];
    this.relKinds.forEach((k, r) => {
      if (relSource[r] === relTarget[r]) return;
      if (k === 'ownership') ownRows.push(r);
      else linkRows.push(r);
    });
    const own = buildEdges(n, Uint32Array.from(ownRows), relSource, relTarget, null, null);
    const share = new Float64Array(own.source.length);
    for (let e = 0; e < share.length; e++) {
      let best = Number.NaN;
      for (let i = own.factOffsets[e] as number; i < (own.factOffsets[e + 1] as number); i++) {
        const pct = relPct[own.facts[i] as number] as number;
        if (!Number.isNaN(pct) && (Number.isNaN(best) || pct > best)) best = pct;
      }
      share[e] = best / 100;
    }

    const relKindIdx = Uint8Array.from(this.relKinds, (k) => LINK_KIND_INDEX.get(k) ?? 0);
    const links = buildEdges(n, Uint32Array.from(linkRows), relSource, relTarget, relKindIdx, null);
    const linkKind = new Uint8Array(links.source.length);
    for (let e = 0; e < linkKind.length; e++)
      linkKind[e] = relKindIdx[links.facts[links.factOffsets[e] as number] as number] ?? 0;

    const shipShipper = remap(this.shipShipper.finish()) as Int32Array;
    const shipConsignee = remap(this.shipConsignee.finish()) as Int32Array;
    const shipDay = this.shipDay.finish();
    const shipWeight = this.shipWeight.finish();
    const tradeRows: number[] = [];
    for (let s = 0; s < shipShipper.length; s++) {
      const a = shipShipper[s] as number;
      const b = shipConsignee[s] as number;
      if (a >= 0 && b >= 0 && a !== b) tradeRows.push(s);
    }
    const trade = buildEdges(n, Uint32Array.from(tradeRows), shipShipper, shipConsignee, null, shipDay);
    const m = trade.source.length;
    const shipmentCount = new Uint32Array(m);
    const weightKg = new Float64Array(m);
    const firstDay = new Int32Array(m);
    const lastDay = new Int32Array(m);
    for (let e = 0; e < m; e++) {
      const a = trade.factOffsets[e] as number;
      const b = trade.factOffsets[e + 1] as number;
      shipmentCount[e] = b - a;
      let w = Number.NaN;
      let first = Number.MAX_SAFE_INTEGER;
      let last = -Number.MAX_SAFE_INTEGER;
      for (let i = a; i < b; i++) {
        const s = trade.facts[i] as number;
        const sw = shipWeight[s] as number;
        if (!Number.isNaN(sw)) w = (Number.isNaN(w) ? 0 : w) + sw;
        const d = shipDay[s] as number;
        if (d < first) first = d;
        // Unknown dates sort last and must not become the "last" date.
        if (d > last && d !== NO_DATE) last = d;
      }
      weightKg[e] = w;
      firstDay[e] = first;
      lastDay[e] = last < -1e15 ? first : last;
    }

    const memberships = groupByKey(remap(this.membershipNode.finish()), n);
    const columns: GraphColumns = {
      nodeIds: permute(this.nodeIds),
      nodeNames: permute(this.nodeNames),
      nodeKinds,
      nodeSchemata: permute(this.nodeSchemata),
      nodeCountries: permute(this.nodeCountries),
      aliases: this.aliases.map(([id, v]) => [id, perm[v] as number] as const),
      datasets: this.datasets.values,
      files: this.files.values,
      relIds: this.relIds,
      relKinds: this.relKinds,
      relPct,
      relProv: this.relProv.finish(),
      ownership: { ...own, share, component: comp },
      links: { ...links, kind: linkKind },
      memberships: this.memberships,
      membershipOffsets: memberships.offsets,
      membershipItems: memberships.items,
      hsCodes: this.codes.values,
      shipIds: this.shipIds,
      shipDay,
      shipWeightKg: shipWeight,
      shipCodeOffsets: this.shipCodeOffsets.finish(),
      shipCodes: this.shipCodes.finish(),
      shipShipper,
      shipConsignee,
      shipProv: this.shipProv.finish(),
      trade: { ...trade, shipmentCount, weightKg, firstDay, lastDay },
    };
    return Graph.fromColumns(columns);
  }

  private party(entityId: string | null, name: string, country: string | null): number {
    if (entityId) {
      const v = this.intern(entityId, 'referenced');
      const cc = country?.trim().toUpperCase();
      if (cc && !this.nodeCountries[v]) this.nodeCountries[v] = cc;
      return v;
    }
    const key = partyKey(name, country);
    if (key === null) return -1; // withheld or empty name: no node to attach the trade to
    const v = this.intern(key, 'party');
    if (this.nodeNames[v] === key) this.nodeNames[v] = name.trim();
    const cc = country?.trim().toUpperCase();
    if (cc && !this.nodeCountries[v]) this.nodeCountries[v] = cc;
    return v;
  }

  private intern(rawId: string, kind: NodeKind): number {
    // Rows arrive grouped (an asset's owners, a company's bills): skip the hash lookup for a
    // repeat of the previous id. Map look-ups of fresh strings cost ~1 µs at a million keys.
    if (rawId === this.lastId) return this.lastNode;
    const v = this.internSlow(rawId, kind);
    this.lastId = rawId;
    this.lastNode = v;
    return v;
  }

  private internSlow(rawId: string, kind: NodeKind): number {
    const id = this.canonical.get(rawId) ?? rawId;
    let v = this.nodeIndex.get(id);
    if (v === undefined) {
      v = this.nodeIds.length;
      this.nodeIndex.set(id, v);
      this.nodeIds.push(id);
      this.nodeNames.push(id);
      this.nodeKinds.push(KIND_INDEX[kind]);
      this.nodeSchemata.push('');
      this.nodeCountries.push('');
    }
    if (id !== rawId && !this.nodeIndex.has(rawId)) {
      this.nodeIndex.set(rawId, v);
      this.aliases.push([rawId, v]);
    }
    return v;
  }
}

/**
 * Numbers nodes so that every ownership edge between different strongly connected components
 * goes from a lower to a higher number, and each component's members are contiguous: reverse
 * Tarjan completion order, which is topological for the condensation and, being a DFS order,
 * keeps each group of companies together. Returns old → new and the component of each new
 * node (non-decreasing).
 */
function ownershipOrder(
  n: number,
  src: Uint32Array,
  dst: Uint32Array,
  kinds: readonly RelationshipKind[],
): { perm: Uint32Array; comp: Int32Array } {
  const rows: number[] = [];
  for (let r = 0; r < src.length; r++) if (kinds[r] === 'ownership' && src[r] !== dst[r]) rows.push(r);
  const bySource = groupByKey(
    Uint32Array.from(rows, (r) => src[r] as number),
    n,
  );
  const targets = Uint32Array.from(bySource.items, (i) => dst[rows[i] as number] as number);
  const scc = tarjan(n, bySource.offsets, targets);
  // Completion order is reverse topological: number components count-1 … 0 → 0 … count-1.
  const topoComp = Uint32Array.from(scc.of, (c) => scc.count - 1 - c);
  const grouped = groupByKey(topoComp, scc.count);
  const perm = new Uint32Array(n);
  const comp = new Int32Array(n);
  for (let i = 0; i < n; i++) {
    const v = grouped.items[i] as number;
    perm[v] = i;
    comp[i] = topoComp[v] as number;
  }
  return { perm, comp };
}

/**
 * Groups rows into edges: rows with the same (source, target[, subKey]) become one edge whose
 * facts are those rows (ordered by `factOrder` when given). Edges are numbered in source order;
 * the reverse index is built by counting sort.
 */
function buildEdges(
  n: number,
  rows: Uint32Array,
  src: ArrayLike<number>,
  dst: ArrayLike<number>,
  subKey: ArrayLike<number> | null,
  factOrder: ArrayLike<number> | null,
): EdgeColumns {
  const bySource = groupByKey(
    Uint32Array.from(rows, (r) => src[r] as number),
    n,
  );
  const facts = Uint32Array.from(bySource.items, (i) => rows[i] as number);
  const cmp = (a: number, b: number): number =>
    (dst[a] as number) - (dst[b] as number) ||
    (subKey ? (subKey[a] as number) - (subKey[b] as number) : 0) ||
    (factOrder ? (factOrder[a] as number) - (factOrder[b] as number) : 0) ||
    a - b;
  for (let v = 0; v < n; v++) {
    const a = bySource.offsets[v] as number;
    const b = bySource.offsets[v + 1] as number;
    if (b - a > 1) facts.subarray(a, b).sort(cmp);
  }
  const source = new GrowU32();
  const target = new GrowU32();
  const factOffsets = new GrowU32();
  const outOffsets = new Uint32Array(n + 1);
  for (let i = 0; i < facts.length; i++) {
    const r = facts[i] as number;
    const prev = i > 0 ? (facts[i - 1] as number) : -1;
    const same =
      prev >= 0 && src[prev] === src[r] && dst[prev] === dst[r] && (!subKey || subKey[prev] === subKey[r]);
    if (!same) {
      factOffsets.push(i);
      source.push(src[r] as number);
      target.push(dst[r] as number);
      outOffsets[(src[r] as number) + 1] = (outOffsets[(src[r] as number) + 1] as number) + 1;
    }
  }
  factOffsets.push(facts.length);
  for (let v = 0; v < n; v++) outOffsets[v + 1] = (outOffsets[v + 1] as number) + (outOffsets[v] as number);
  const tgt = target.finish();
  const reverse = groupByKey(tgt, n);
  return {
    outOffsets,
    source: source.finish(),
    target: tgt,
    inOffsets: reverse.offsets,
    inEdges: reverse.items,
    factOffsets: factOffsets.finish(),
    facts,
  };
}

/** Everything a graph can be built from, as arrays (tests, benchmarks, fixtures). */
export interface GraphInput {
  readonly entities?: Iterable<EntityInput>;
  readonly relationships?: Iterable<StoredRelationship>;
  readonly memberships?: Iterable<StoredMembership>;
  readonly shipments?: Iterable<StoredShipment>;
  readonly canonical?: ReadonlyMap<string, string>;
}

/** Builds a graph from plain arrays; no store needed. */
export function buildGraph(input: GraphInput): Graph {
  const b = new GraphBuilder(input.canonical ? { canonical: input.canonical } : {});
  for (const e of input.entities ?? []) b.addEntity(e);
  for (const r of input.relationships ?? []) b.addRelationship(r);
  for (const m of input.memberships ?? []) b.addMembership(m);
  for (const s of input.shipments ?? []) b.addShipment(s);
  return b.build();
}
