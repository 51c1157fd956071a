import { NO_DATE } from './dates.ts';
import type { ExposurePredicate, ExposureReason } from './exposure.ts';
import { GoodsIndex, type GoodsMatch } from './goods.ts';
import type { Graph } from './graph.ts';

/**
 * Multi-tier supply-chain traces over trade edges (shipper → consignee, aggregated from bills
 * of lading).
 *
 * Upstream: from a buyer, follow trade edges backwards to its suppliers, their suppliers, … up
 * to `tiers` links, keeping a link only when the supplier shipped goods that can be an input of
 * what the buyer shipped later (see goods.ts), and no later than that: the supplier's shipment
 * arrived on or before the buyer's shipment of the compatible goods. The goods and dates a link
 * qualified with become the demand the next tier must meet, code by code. Downstream is the
 * mirror image, for following a listed firm's goods to its buyers' buyers: the buyer's later
 * shipments must be of goods the received goods can be an input of, on or after arrival.
 *
 * The first link is unconstrained (all goods the start entity received, or shipped, or the one
 * start shipment). Shipments without HS codes or dates cannot show compatibility or order, so
 * beyond the first link they do not qualify — unless `allowUnknownGoods`, which lets goods-less
 * shipments through flagged `goodsUnverified` (dates are still required).
 *
 * Paths are simple (no entity twice) and a node reached again at the same or greater depth
 * with a demand that is no larger is not expanded again (its findings would repeat). A step
 * budget bounds each trace; `truncated` says when it cut the search.
 */

export type TraceDirection = 'up' | 'down';

export type TraceStart =
  | { readonly kind: 'entity'; readonly node: number }
  | { readonly kind: 'shipment'; readonly shipment: number };

export interface TraceOptions {
  readonly exposure: ExposurePredicate;
  /** Maximum links per path (default 4). */
  readonly tiers?: number;
  /** Paths returned, best first (default 50). */
  readonly maxPaths?: number;
  /** Paths kept per exposed node reached (default 3). */
  readonly pathsPerTarget?: number;
  /** Shipments and edges examined per trace before giving up (default 1,000,000). */
  readonly stepBudget?: number;
  /** Stop at the first exposed node on a path (default: true upstream, false downstream). */
  readonly stopAtExposed?: boolean;
  /**
   * Report paths to every node reached, exposed or not (default: false upstream, where only
   * exposure matters; true downstream, where the question is where the goods went).
   */
  readonly recordAll?: boolean;
  readonly allowUnknownGoods?: boolean;
  /** Shipments cited per link (the count is always complete; default 20). */
  readonly maxEvidence?: number;
}

/** A goods pair that qualified a link: the supplier's goods → the goods they can feed. */
export interface GoodsPair {
  /** HS code the supplier shipped; null when the shipment gave none (`allowUnknownGoods`). */
  readonly input: string | null;
  /** HS code of the later goods it can be an input of; null on the first link. */
  readonly output: string | null;
  readonly match: GoodsMatch | null;
}

export interface TraceLink {
  /** Where the goods come from and go to (for upstream: supplier → buyer; same for downstream). */
  readonly supplier: number;
  readonly buyer: number;
  readonly edge: number;
  /** Qualifying shipments (date order), at most `maxEvidence`. */
  readonly shipments: readonly number[];
  /** All qualifying shipments on the link. */
  readonly shipmentCount: number;
  readonly goods: readonly GoodsPair[];
  readonly goodsUnverified: boolean;
  /** A qualifying shipment carried goods of a UFLPA high-priority sector. */
  readonly highPriority: boolean;
}

export interface TracePath {
  readonly score: number;
  /** The node the path reaches (exposed, unless `recordAll`). */
  readonly node: number;
  /** Why that node is exposed; empty for an unexposed end (`recordAll`). */
  readonly reasons: readonly ExposureReason[];
  /** Links from the start outward (upstream: first link ends at the start). */
  readonly links: readonly TraceLink[];
}

export interface TraceResult {
  readonly direction: TraceDirection;
  readonly start: TraceStart;
  readonly startNode: number;
  readonly tiers: number;
  /** Reasons the start itself is exposed (not a path). */
  readonly startExposure: readonly ExposureReason[];
  readonly paths: readonly TracePath[];
  readonly truncated: boolean;
  readonly steps: number;
  readonly notes: readonly string[];
}

/** Demand carried from tier to tier: goods codes (-1 = unknown goods) with their limiting day. */
interface Demand {
  readonly codes: Int32Array;
  readonly days: Int32Array;
}

interface Qualified {
  readonly link: TraceLink;
  readonly next: Demand;
}

const TIER_DECAY = 0.8;

/**
 * Traces over one graph. Holds scratch space sized to the graph: make one per thread and
 * reuse it for many traces.
 */
export class Tracer {
  readonly graph: Graph;
  readonly goods: GoodsIndex;
  private readonly onPath: Uint8Array;

  constructor(graph: Graph, goods?: GoodsIndex) {
    this.graph = graph;
    this.goods = goods ?? new GoodsIndex(graph.columns.hsCodes);
    this.onPath = new Uint8Array(graph.nodeCount);
  }

  trace(start: TraceStart, direction: TraceDirection, opts: TraceOptions): TraceResult {
    const g = this.graph;
    const c = g.columns;
    const t = c.trade;
    const tiers = opts.tiers ?? 4;
    const maxPaths = opts.maxPaths ?? 50;
    const perTarget = opts.pathsPerTarget ?? 3;
    const budget = opts.stepBudget ?? 1_000_000;
    const stopAtExposed = opts.stopAtExposed ?? direction === 'up';
    const recordAll = opts.recordAll ?? direction === 'down';
    const maxEvidence = opts.maxEvidence ?? 20;
    const allowUnknown = opts.allowUnknownGoods ?? false;
    const up = direction === 'up';
    const notes: string[] = [];

    let startNode: number;
    let onlyShipment = -1;
    if (start.kind === 'entity') startNode = start.node;
    else {
      onlyShipment = start.shipment;
      const a = c.shipShipper[start.shipment] as number;
      const b = c.shipConsignee[start.shipment] as number;
      // Upstream from a shipment asks where its shipper got the goods; downstream, where its
      // consignee sent them. The shipment is the first link either way.
      startNode = up ? b : a;
      if (a < 0 || b < 0 || a === b) {
        notes.push('the shipment lacks a shipper or consignee, so it forms no trade link');
        return {
          direction,
          start,
          startNode: Math.max(startNode, a, b),
          tiers,
          startExposure: [],
          paths: [],
          truncated: false,
          steps: 0,
          notes,
        };
      }
    }

    const startExposure = opts.exposure(startNode);
    const byTarget = new Map<number, TracePath[]>();
    const seen = new Map<number, { depth: number; demand: Demand }[]>();
    let steps = 0;
    let truncated = false;
    const links: TraceLink[] = [];
    const onPath = this.onPath;
    const goods = this.goods;

    const record = (node: number, reasons: readonly ExposureReason[]) => {
      const last = links[links.length - 1] as TraceLink;
      // Unexposed ends (recordAll) rank below any exposed one.
      const weight = reasons.length > 0 ? Math.max(...reasons.map((r) => r.weight)) : 0.5;
      const score =
        weight *
        TIER_DECAY ** (links.length - 1) *
        (last.highPriority ? 1 : 0.7) *
        (links.some((l) => l.goodsUnverified) ? 0.6 : 1);
      const path: TracePath = { score, node, reasons, links: links.slice() };
      const list = byTarget.get(node) ?? [];
      list.push(path);
      list.sort((a, b) => b.score - a.score);
      if (list.length > perTarget) list.length = perTarget;
      byTarget.set(node, list);
    };

    const dominated = (node: number, depth: number, d: Demand): boolean => {
      const prev = seen.get(node);
      if (prev) {
        for (const p of prev) {
          if (p.depth <= depth && covers(p.demand, d, up)) return true;
        }
      }
      const list = prev ?? [];
      if (list.length < 8) list.push({ depth, demand: d });
      seen.set(node, list);
      return false;
    };

    /** Which shipments of edge e qualify against demand d (null demand: the unconstrained first link). */
    const qualify = (e: number, supplier: number, buyer: number, d: Demand | null): Qualified | null => {
      const ships = g.tradeShipments(e);
      const evidence: number[] = [];
      let count = 0;
      let unverified = false;
      let highPriority = false;
      const pairs = new Map<string, GoodsPair>();
      const nextDay = new Map<number, number>();
      let limit = 0;
      if (d) {
        limit = up ? Number.NEGATIVE_INFINITY : Number.POSITIVE_INFINITY;
        for (const day of d.days) limit = up ? Math.max(limit, day) : Math.min(limit, day);
      }
      const note = (code: number, day: number) => {
        const cur = nextDay.get(code);
        if (cur === undefined || (up ? day > cur : day < cur)) nextDay.set(code, day);
      };
      for (let i = 0; i < ships.length; i++) {
        const s = ships[i] as number;
        if (onlyShipment >= 0 && d === null && s !== onlyShipment) continue;
        if (++steps > budget) {
          truncated = true;
          break;
        }
        const day = c.shipDay[s] as number;
        if (d) {
          if (day === NO_DATE) break; // unknown dates sort last and cannot show order
          if (up && day > limit) break;
          if (!up && day < limit) continue;
        }
        const codes = g.shipmentCodes(s);
        let ok = false;
        if (d === null) {
          ok = true;
          if (codes.length === 0) {
            if (allowUnknown && day !== NO_DATE) {
              unverified = true;
              note(-1, day);
            }
            pairs.set('?', { input: null, output: null, match: null });
          }
          for (const k of codes) {
            if (goods.highPriority(k)) highPriority = true;
            if (day !== NO_DATE) note(k, day);
            if (pairs.size < 12) pairs.set(`${k}`, { input: goods.code(k), output: null, match: null });
          }
        } else if (codes.length === 0) {
          if (allowUnknown) {
            for (let j = 0; j < d.codes.length; j++) {
              if (up ? day <= (d.days[j] as number) : day >= (d.days[j] as number)) {
                ok = true;
                unverified = true;
                note(-1, day);
                const out = d.codes[j] as number;
                const key = `?>${out}`;
                if (pairs.size < 12 && !pairs.has(key))
                  pairs.set(key, { input: null, output: out < 0 ? null : goods.code(out), match: null });
                break;
              }
            }
          }
        } else {
          for (const k of codes) {
            for (let j = 0; j < d.codes.length; j++) {
              const dk = d.codes[j] as number;
              const dd = d.days[j] as number;
              if (up ? day > dd : day < dd) continue;
              let m: GoodsMatch | null = null;
              if (dk < 0) {
                if (!allowUnknown) continue;
                unverified = true;
              } else {
                m = up ? goods.match(k, dk) : goods.match(dk, k);
                if (!m) continue;
              }
              ok = true;
              if (goods.highPriority(k)) highPriority = true;
              note(k, day);
              const key = `${k}>${dk}`;
              if (pairs.size < 12 && !pairs.has(key)) {
                const inCode = up ? goods.code(k) : dk < 0 ? null : goods.code(dk);
                const outCode = up ? (dk < 0 ? null : goods.code(dk)) : goods.code(k);
                pairs.set(key, { input: inCode, output: outCode, match: m });
              }
            }
          }
        }
        if (ok) {
          count++;
          if (evidence.length < maxEvidence) evidence.push(s);
        }
      }
      if (count === 0) return null;
      const codes = Int32Array.from(nextDay.keys());
      const days = Int32Array.from(nextDay.values());
      return {
        link: {
          supplier,
          buyer,
          edge: e,
          shipments: evidence,
          shipmentCount: count,
          goods: [...pairs.values()],
          goodsUnverified: unverified,
          highPriority,
        },
        next: { codes, days },
      };
    };

    const visit = (node: number, d: Demand | null): void => {
      const depth = links.length;
      if (depth >= tiers || truncated) return;
      const a = up ? (t.inOffsets[node] as number) : (t.outOffsets[node] as number);
      const b = up ? (t.inOffsets[node + 1] as number) : (t.outOffsets[node + 1] as number);
      for (let i = a; i < b && !truncated; i++) {
        const e = up ? (t.inEdges[i] as number) : i;
        const other = up ? (t.source[e] as number) : (t.target[e] as number);
        if (onPath[other]) continue;
        if (d === null && onlyShipment >= 0 && other !== (up ? c.shipShipper : c.shipConsignee)[onlyShipment])
          continue;
        steps++;
        const q = up ? qualify(e, other, node, d) : qualify(e, node, other, d);
        if (!q) continue;
        links.push(q.link);
        const reasons = opts.exposure(other);
        if (reasons.length > 0 || recordAll) record(other, reasons);
        if (
          !(reasons.length > 0 && stopAtExposed) &&
          links.length < tiers &&
          q.next.codes.length > 0 &&
          !dominated(other, links.length, q.next)
        ) {
          onPath[other] = 1;
          visit(other, q.next);
          onPath[other] = 0;
        }
        links.pop();
      }
    };

    onPath[startNode] = 1;
    try {
      visit(startNode, null);
    } finally {
      onPath[startNode] = 0;
    }
    if (truncated) notes.push(`stopped after ${budget} steps: paths beyond may be missing`);

    const paths = [...byTarget.values()]
      .flat()
      .sort((x, y) => y.score - x.score || x.links.length - y.links.length)
      .slice(0, maxPaths);
    return { direction, start, startNode, tiers, startExposure, paths, truncated, steps, notes };
  }
}

/** Whether demand `a` asks at least everything `b` does (so exploring `b` again finds nothing new). */
function covers(a: Demand, b: Demand, up: boolean): boolean {
  for (let j = 0; j < b.codes.length; j++) {
    const code = b.codes[j] as number;
    const day = b.days[j] as number;
    let ok = false;
    for (let i = 0; i < a.codes.length; i++) {
      if (a.codes[i] === code && (up ? (a.days[i] as number) >= day : (a.days[i] as number) <= day)) {
        ok = true;
        break;
      }
    }
    if (!ok) return false;
  }
  return true;
}
