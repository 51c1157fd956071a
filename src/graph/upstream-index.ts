import { NO_DATE } from './dates.ts';
import type { ExposurePredicate, ExposureReason } from './exposure.ts';
import { GoodsIndex, type GoodsMatch } from './goods.ts';
import type { Graph } from './graph.ts';
import { GrowI32, GrowU8, GrowU32 } from './growable.ts';
import type { GoodsPair, TraceLink, TracePath, TraceResult, TraceStart } from './trace.ts';

/**
 * Upstream exposure for many traces at once. A per-trace search (`Tracer`) explores each
 * start's upstream cone; where trade runs through hubs (consolidators, big traders) every cone
 * contains most of the network, and 10,000 traces repeat the same work 10,000 times. This
 * index does it once, in the other direction: from every exposed node, follow its goods
 * downstream through input-compatible shipments in time order (the same rules as `Tracer`),
 * tier by tier, and remember for each (node, HS code received) the best way it was reached:
 * fewest tiers, then earliest arrival — earliest, because a later outgoing shipment is all the
 * next tier needs. An upstream trace is then a look-up at the start's supplier plus a walk back
 * along the remembered links.
 *
 * Exposed nodes are sources, not intermediaries (as `Tracer` stops at the first exposed
 * node). Per (node, code) only the best state is kept, so a trace reports the nearest exposure
 * for each code its supplier received, not every exposed firm behind it: use `Tracer` to
 * enumerate alternatives for one start. A path that would pass a firm twice is not reported.
 * Shipments without HS codes or dates do not propagate (they cannot show compatibility or order).
 */

export interface UpstreamIndexOptions {
  readonly exposure: ExposurePredicate;
  /** Tiers a trace may span, counting the start's own link (default 4). */
  readonly tiers?: number;
  /** Exposed nodes to start from (default: every node the predicate flags). */
  readonly sources?: Iterable<number>;
  readonly goods?: GoodsIndex;
  /** States kept before giving up (default 50,000,000); `truncated` says when it was hit. */
  readonly maxStates?: number;
}

const TIER_DECAY = 0.8;

export class UpstreamIndex {
  readonly graph: Graph;
  readonly tiers: number;
  /** The state budget cut the propagation: some exposure further away may be missing. */
  readonly truncated: boolean;
  readonly stateCount: number;
  private readonly exposure: ExposurePredicate;
  private readonly goods: GoodsIndex;
  // State s: a node (its list: head/sNext) received code sCode[s] on day sDay[s], sLevel[s] tiers from an
  // exposed source, through shipment sShip[s] whose shipper is at state sPrev[s] (-1: the source).
  private readonly sCode: Uint32Array;
  private readonly sDay: Int32Array;
  private readonly sLevel: Uint8Array;
  private readonly sShip: Uint32Array;
  private readonly sPrev: Int32Array;
  private readonly sNext: Int32Array;
  private readonly head: Int32Array;

  private constructor(graph: Graph, opts: UpstreamIndexOptions) {
    this.graph = graph;
    this.tiers = opts.tiers ?? 4;
    this.exposure = opts.exposure;
    this.goods = opts.goods ?? new GoodsIndex(graph.columns.hsCodes);
    const maxStates = opts.maxStates ?? 50_000_000;
    const c = graph.columns;
    const t = c.trade;
    const n = graph.nodeCount;
    const goods = this.goods;

    const sNode = new GrowU32();
    const sCode = new GrowU32();
    const sDay = new GrowI32();
    const sLevel = new GrowU8();
    const sShip = new GrowU32();
    const sPrev = new GrowI32();
    const sNext = new GrowI32();
    const head = new Int32Array(n).fill(-1);
    const isSource = new Uint8Array(n);
    let truncated = false;

    /** Adds a state unless one as good (no more tiers, no later) exists for (node, code). */
    const offer = (
      node: number,
      code: number,
      level: number,
      day: number,
      ship: number,
      prev: number,
    ): boolean => {
      for (let s = head[node] as number; s >= 0; s = sNext.get(s)) {
        if (sCode.get(s) === code && sLevel.get(s) <= level && sDay.get(s) <= day) return false;
      }
      if (sNode.length >= maxStates) {
        truncated = true;
        return false;
      }
      const id = sNode.length;
      sNode.push(node);
      sCode.push(code);
      sDay.push(day);
      sLevel.push(level);
      sShip.push(ship);
      sPrev.push(prev);
      sNext.push(head[node] as number);
      head[node] = id;
      return true;
    };

    // Tier 1: what exposed sources shipped.
    const sources = opts.sources ?? allExposed(graph, opts.exposure);
    let frontier: number[] = [];
    for (const x of sources) isSource[x] = 1;
    for (let x = 0; x < n; x++) {
      if (!isSource[x]) continue;
      for (let e = t.outOffsets[x] as number; e < (t.outOffsets[x + 1] as number); e++) {
        const b = t.target[e] as number;
        if (isSource[b]) continue;
        for (const s of graph.tradeShipments(e)) {
          const day = c.shipDay[s] as number;
          if (day === NO_DATE) break;
          for (const k of graph.shipmentCodes(s)) {
            const id = sNode.length;
            if (offer(b, k, 1, day, s, -1)) frontier.push(id);
          }
        }
      }
    }

    // Tiers 2 … tiers-1 (the start's own link is the last tier).
    const stamp = new Int32Array(n).fill(-1);
    const offered: number[] = [];
    for (let level = 1; level < this.tiers - 1 && frontier.length > 0 && !truncated; level++) {
      const next: number[] = [];
      for (const st of frontier) {
        const b = sNode.get(st);
        if (stamp[b] === level || isSource[b]) continue; // each node once per tier; sources do not relay
        stamp[b] = level;
        // b's states of this tier: what it received, from which the next tier can be made.
        const inCodes: number[] = [];
        const inDays: number[] = [];
        const inStates: number[] = [];
        for (let s = head[b] as number; s >= 0; s = sNext.get(s)) {
          if (sLevel.get(s) !== level) continue;
          inCodes.push(sCode.get(s));
          inDays.push(sDay.get(s));
          inStates.push(s);
        }
        let minDay = NO_DATE;
        for (const d of inDays) if (d < minDay) minDay = d;
        for (let e = t.outOffsets[b] as number; e < (t.outOffsets[b + 1] as number); e++) {
          const cn = t.target[e] as number;
          if (isSource[cn]) continue; // exposed in its own right: tier 1 covers it
          offered.length = 0;
          for (const s of graph.tradeShipments(e)) {
            const day = c.shipDay[s] as number;
            if (day === NO_DATE) break;
            if (day < minDay) continue;
            for (const k of graph.shipmentCodes(s)) {
              if (offered.includes(k)) continue; // a later shipment of the same code adds nothing
              for (let i = 0; i < inCodes.length; i++) {
                if (day < (inDays[i] as number) || !goods.match(inCodes[i] as number, k)) continue;
                offered.push(k);
                const id = sNode.length;
                if (offer(cn, k, level + 1, day, s, inStates[i] as number)) next.push(id);
                break;
              }
            }
          }
        }
      }
      frontier = next;
    }

    this.truncated = truncated;
    this.stateCount = sNode.length;
    this.sCode = sCode.finish();
    this.sDay = sDay.finish();
    this.sLevel = sLevel.finish();
    this.sShip = sShip.finish();
    this.sPrev = sPrev.finish();
    this.sNext = sNext.finish();
    this.head = head;
  }

  /** Propagates exposure through the whole trade graph once. */
  static build(graph: Graph, opts: UpstreamIndexOptions): UpstreamIndex {
    return new UpstreamIndex(graph, opts);
  }

  /**
   * Upstream trace of `start` answered from the index: the same result shape as
   * `Tracer.trace(start, 'up')`, with one path per exposed firm (its nearest route).
   */
  upstream(start: TraceStart, opts: { readonly maxPaths?: number } = {}): TraceResult {
    const g = this.graph;
    const c = g.columns;
    const t = c.trade;
    const maxPaths = opts.maxPaths ?? 50;
    let startNode: number;
    // First links: (edge, shipments) into the start.
    const first: { edge: number; ships: readonly number[] }[] = [];
    if (start.kind === 'shipment') {
      const a = c.shipShipper[start.shipment] as number;
      const b = c.shipConsignee[start.shipment] as number;
      startNode = b;
      if (a < 0 || b < 0 || a === b) {
        return {
          direction: 'up',
          start,
          startNode: Math.max(a, b),
          tiers: this.tiers,
          startExposure: [],
          paths: [],
          truncated: false,
          steps: 0,
          notes: ['the shipment lacks a shipper or consignee, so it forms no trade link'],
        };
      }
      first.push({ edge: g.tradeEdge(a, b), ships: [start.shipment] });
    } else {
      startNode = start.node;
      for (let i = t.inOffsets[startNode] as number; i < (t.inOffsets[startNode + 1] as number); i++) {
        const e = t.inEdges[i] as number;
        first.push({ edge: e, ships: Array.from(g.tradeShipments(e)) });
      }
    }

    const best = new Map<number, TracePath>();
    let steps = 0;
    const consider = (path: TracePath) => {
      const cur = best.get(path.node);
      if (
        !cur ||
        path.score > cur.score ||
        (path.score === cur.score && path.links.length < cur.links.length)
      )
        best.set(path.node, path);
    };
    for (const { edge, ships } of first) {
      const a = t.source[edge] as number;
      const reasons = this.exposure(a);
      if (reasons.length > 0) {
        consider(this.path(a, reasons, [this.firstLink(edge, ships, -1)]));
        continue; // exposed suppliers are where a trace stops
      }
      // a's states that one of the first-link shipments can carry on.
      for (let s = this.head[a] as number; s >= 0; s = this.sNext[s] as number) {
        steps++;
        if ((this.sLevel[s] as number) + 1 > this.tiers) continue;
        const day = this.sDay[s] as number;
        const code = this.sCode[s] as number;
        const carrying: number[] = [];
        let fed = -1;
        for (const sh of ships) {
          if ((c.shipDay[sh] as number) < day || (c.shipDay[sh] as number) === NO_DATE) continue;
          for (const k of g.shipmentCodes(sh)) {
            if (this.goods.match(code, k)) {
              carrying.push(sh);
              if (fed < 0) fed = k;
              break;
            }
          }
        }
        if (carrying.length === 0) continue;
        const links = [this.firstLink(edge, carrying, code)];
        const nodes = new Set<number>([startNode, a]);
        let ok = true;
        for (let st = s; st >= 0; st = this.sPrev[st] as number) {
          const ship = this.sShip[st] as number;
          const supplier = c.shipShipper[ship] as number;
          if (nodes.has(supplier)) {
            ok = false; // a loop: not a simple path
            break;
          }
          nodes.add(supplier);
          links.push(this.stateLink(st, fed));
          fed = this.sCode[st] as number;
        }
        if (!ok) continue;
        const source = c.shipShipper[this.sShip[this.rootOf(s)] as number] as number;
        consider(this.path(source, this.exposure(source), links));
      }
    }
    const paths = [...best.values()]
      .sort((x, y) => y.score - x.score || x.links.length - y.links.length)
      .slice(0, maxPaths);
    return {
      direction: 'up',
      start,
      startNode,
      tiers: this.tiers,
      startExposure: this.exposure(startNode),
      paths,
      truncated: this.truncated,
      steps,
      notes: this.truncated ? ['the index hit its state budget: exposure further away may be missing'] : [],
    };
  }

  private rootOf(s: number): number {
    let st = s;
    while ((this.sPrev[st] as number) >= 0) st = this.sPrev[st] as number;
    return st;
  }

  private path(node: number, reasons: readonly ExposureReason[], links: TraceLink[]): TracePath {
    const last = links[links.length - 1] as TraceLink;
    const weight = reasons.length > 0 ? Math.max(...reasons.map((r) => r.weight)) : 0.5;
    const score = weight * TIER_DECAY ** (links.length - 1) * (last.highPriority ? 1 : 0.7);
    return { score, node, reasons, links };
  }

  /** The start's own link: its shipments, with the goods they can be made from (`inCode`, -1 if none). */
  private firstLink(edge: number, ships: readonly number[], inCode: number): TraceLink {
    const g = this.graph;
    const t = g.columns.trade;
    const pairs = new Map<string, GoodsPair>();
    let hp = false;
    for (const s of ships) {
      for (const k of g.shipmentCodes(s)) {
        if (this.goods.highPriority(k)) hp = true;
        if (pairs.size >= 12) continue;
        const match: GoodsMatch | null = inCode >= 0 ? this.goods.match(inCode, k) : null;
        if (inCode >= 0 && !match) continue;
        pairs.set(`${k}`, { input: this.goods.code(k), output: null, match: null });
      }
    }
    return {
      supplier: t.source[edge] as number,
      buyer: t.target[edge] as number,
      edge,
      shipments: ships.slice(0, 20),
      shipmentCount: ships.length,
      goods: [...pairs.values()],
      goodsUnverified: false,
      highPriority: hp,
    };
  }

  /** The link that made state `st`: its shipment, and the goods (`fed`) it became at the next tier. */
  private stateLink(st: number, fed: number): TraceLink {
    const g = this.graph;
    const c = g.columns;
    const ship = this.sShip[st] as number;
    const code = this.sCode[st] as number;
    const supplier = c.shipShipper[ship] as number;
    const buyer = c.shipConsignee[ship] as number;
    return {
      supplier,
      buyer,
      edge: g.tradeEdge(supplier, buyer),
      shipments: [ship],
      shipmentCount: 1,
      goods: [
        { input: this.goods.code(code), output: this.goods.code(fed), match: this.goods.match(code, fed) },
      ],
      goodsUnverified: false,
      highPriority: this.goods.highPriority(code),
    };
  }
}

function* allExposed(graph: Graph, exposure: ExposurePredicate): Generator<number> {
  for (let v = 0; v < graph.nodeCount; v++) if (exposure(v).length > 0) yield v;
}
