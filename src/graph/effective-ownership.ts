import { groupByKey } from './csr.ts';
import type { Graph } from './graph.ts';
import { tarjan } from './scc.ts';

/**
 * Effective ownership: the share X holds in Y summed over every *simple* ownership path
 * X → … → Y (a path visits an entity at most once) of the product of the shares on it.
 *
 * Enumerating simple paths is exponential in general, but ownership registries are nearly
 * acyclic, and in a DAG every path is simple and the sum is a linear dynamic programme over a
 * topological order. So one query:
 *   1. collects the nodes reachable from the root (BFS, which also gives each node's depth in
 *      hops);
 *   2. finds the strongly connected components (Tarjan, iterative) — the cross-holdings;
 *   3. walks the components in topological order, pushing value along edges between
 *      components; inside a non-trivial component (a cycle) it enumerates the simple paths
 *      from each entry point by DFS. A simple path visits each component as one contiguous
 *      stretch, so this is exact.
 * The DFS inside cycles prunes a path once its contribution falls below `epsilon` (default
 * 1e-9, i.e. 1e-7 percentage points) and stops after `pathBudget` steps per query (default
 * 2,000,000); when the budget cuts a component short the affected nodes and the whole result
 * are flagged `truncated`. Acyclic parts are never approximated.
 *
 * Unknown shares are never taken as 0% or 100%: per node we report the sum over fully-known
 * paths (`knownPct`), how many paths contain an unknown share (`unknownPaths`), and the upper
 * bound those paths could add if every unknown share were 100% (`maxPct`).
 */

export type Direction = 'down' | 'up';

export interface ReachOptions {
  /** Paths inside cross-holding cycles contributing less than this fraction are not followed. */
  readonly epsilon?: number;
  /** Steps allowed for the simple-path search inside cycles, per query. */
  readonly pathBudget?: number;
  /** Nodes reached but not expanded: their own owners (or holdings) are not followed. */
  readonly stopAt?: (node: number) => boolean;
}

export const DEFAULT_EPSILON = 1e-9;
export const DEFAULT_PATH_BUDGET = 2_000_000;

/** The effective share of the query root in (or, direction `up`, of) one node. */
export interface EffectiveShare {
  readonly node: number;
  /** Sum over paths whose every share is known, in percent. */
  readonly knownPct: number;
  readonly knownPaths: number;
  /** Paths containing at least one unknown share (their contribution is not in `knownPct`). */
  readonly unknownPaths: number;
  readonly hasUnknown: boolean;
  /** `knownPct` plus what the unknown paths would add with every unknown share at 100%. */
  readonly maxPct: number;
  /** Fewest ownership hops from the root. */
  readonly depth: number;
  /** Product of the known shares on the strongest path, in percent. */
  readonly strongestPct: number;
  /** Whether the strongest path contains an unknown share. */
  readonly strongestHasUnknown: boolean;
  /** The path budget cut a search that could have added to this value. */
  readonly truncated: boolean;
}

/** One query's answer. Node numbers are graph node indices. */
export interface OwnershipReach {
  readonly root: number;
  readonly direction: Direction;
  /** Reached nodes other than the root, nearer (topologically earlier) first. */
  readonly nodes: Uint32Array;
  /** Aligned with `nodes`: effective % over fully-known paths (bulk access, no object per node). */
  readonly knownPct: Float64Array;
  /** Aligned with `nodes`: the upper bound with unknown shares at 100%. */
  readonly maxPct: Float64Array;
  /** Aligned with `nodes`: paths containing an unknown share. */
  readonly unknownPaths: Float64Array;
  /** Aligned with `nodes`: fewest hops from the root. */
  readonly depths: Int32Array;
  readonly truncated: boolean;
  /** Search steps spent inside cycles. */
  readonly cycleSteps: number;
  share(node: number): EffectiveShare | null;
  /**
   * Ownership edges of the strongest path, starting at the root: for `down` each edge's
   * source is the previous node; for `up` each edge's target is the previous node.
   */
  pathTo(node: number): number[];
}

interface Segment {
  readonly entry: number;
  readonly edges: readonly number[];
}

// Per-node DP state, interleaved so that one update touches one cache line: the walk is
// memory-bound (random access over a million nodes), not compute-bound.
const STRIDE = 8;
const K = 0; // sum of products over fully-known paths
const NK = 1; // number of fully-known paths
const U = 2; // sum of known-factor products over paths with an unknown share
const NU = 3; // number of such paths
const BEST = 4; // product on the strongest path (-Infinity: none yet)
const BEST_UNKNOWN = 5; // 1 when the strongest path has an unknown share
const PRED_EDGE = 6; // graph edge into the node on the strongest path from outside its component (-1: none)
const PRED_FROM = 7; // local node at the other end of that edge

/**
 * Runs effective-ownership queries over one graph. Holds scratch buffers sized to the graph,
 * so create one per thread and reuse it; the graph itself is never modified.
 */
export class OwnershipEngine {
  readonly graph: Graph;
  private readonly localOf: Int32Array;
  private readonly seen: Uint8Array;
  private readonly stopped: Uint8Array;
  private readonly queue: Uint32Array;
  private readonly depthG: Int32Array;
  private readonly adjOffsets: Uint32Array;
  private readonly adjTarget: Uint32Array;
  private readonly adjEdge: Uint32Array;
  private readonly adjShare: Float64Array;

  constructor(graph: Graph) {
    this.graph = graph;
    const n = graph.nodeCount;
    const m = graph.columns.ownership.source.length;
    this.localOf = new Int32Array(n).fill(-1);
    this.seen = new Uint8Array(n);
    this.stopped = new Uint8Array(n);
    this.queue = new Uint32Array(n);
    this.depthG = new Int32Array(n);
    this.adjOffsets = new Uint32Array(n + 1);
    this.adjTarget = new Uint32Array(m);
    this.adjEdge = new Uint32Array(m);
    this.adjShare = new Float64Array(m);
  }

  /** Effective ownership from `root`: `down` = what root holds, `up` = who holds root. */
  reach(root: number, direction: Direction, opts: ReachOptions = {}): OwnershipReach {
    const eps = opts.epsilon ?? DEFAULT_EPSILON;
    const budget = opts.pathBudget ?? DEFAULT_PATH_BUDGET;
    const stopAt = opts.stopAt;
    const own = this.graph.columns.ownership;
    const share = own.share;
    const { localOf, adjOffsets, adjTarget, adjEdge, adjShare } = this;
    const down = direction === 'down';
    const fwdOff = down ? own.outOffsets : own.inOffsets;
    const other = down ? own.target : own.source;

    // 1. Discovery by BFS, which also gives the fewest hops. Nodes are then numbered in
    //    ascending graph order rather than BFS order: graphs keep related companies near each
    //    other (registries list a group together), and walking memory in that order is what
    //    makes the later passes fast — they are bound by cache misses, not arithmetic.
    const { seen, queue, depthG, stopped } = this;
    let count = 1;
    queue[0] = root;
    seen[root] = 1;
    depthG[root] = 0;
    for (let head = 0; head < count; head++) {
      const v = queue[head] as number;
      if (head > 0 && stopAt?.(v)) {
        stopped[v] = 1;
        continue;
      }
      const d = (depthG[v] as number) + 1;
      const b = fwdOff[v + 1] as number;
      for (let i = fwdOff[v] as number; i < b; i++) {
        const w = other[down ? i : (own.inEdges[i] as number)] as number;
        if (seen[w] === 0) {
          seen[w] = 1;
          depthG[w] = d;
          queue[count++] = w;
        }
      }
    }
    const L = count;
    let toGraph: Uint32Array;
    if (L > this.graph.nodeCount >>> 4) {
      toGraph = new Uint32Array(L);
      let k = 0;
      for (let g = 0; k < L; g++) if (seen[g] === 1) toGraph[k++] = g;
    } else {
      toGraph = queue.slice(0, L).sort();
    }
    const depthOf = new Int32Array(L);
    for (let i = 0; i < L; i++) {
      const g = toGraph[i] as number;
      localOf[g] = i;
      depthOf[i] = depthG[g] as number;
    }
    const rootL = localOf[root] as number;
    let adjN = 0;
    for (let i = 0; i < L; i++) {
      adjOffsets[i] = adjN;
      const v = toGraph[i] as number;
      if (stopped[v] === 1) continue;
      const b = fwdOff[v + 1] as number;
      for (let j = fwdOff[v] as number; j < b; j++) {
        const e = down ? j : (own.inEdges[j] as number);
        adjTarget[adjN] = localOf[other[e] as number] as number;
        adjEdge[adjN] = e;
        adjShare[adjN] = share[e] as number;
        adjN++;
      }
    }
    adjOffsets[L] = adjN;
    for (let i = 0; i < L; i++) {
      const g = toGraph[i] as number;
      localOf[g] = -1; // scratch back to clean
      seen[g] = 0;
      stopped[g] = 0;
    }
    const offs = adjOffsets.subarray(0, L + 1);
    const adjT = adjTarget.subarray(0, adjN);
    const adjE = adjEdge.subarray(0, adjN);
    const adjS = adjShare.subarray(0, adjN);

    // 2. Processing order: components in topological order, as runs of `proc`. The builder
    //    numbered nodes topologically with each cross-holding contiguous, so without `stopAt`
    //    (which can split a component) that is plain index order — upward, its reverse.
    //    With `stopAt`, Tarjan finds the components of the reached subgraph.
    let compOf: Int32Array;
    let proc: Uint32Array;
    let runOff: Uint32Array;
    if (!stopAt) {
      compOf = new Int32Array(L);
      proc = new Uint32Array(L);
      const gcomp = own.component;
      const runs: number[] = [0];
      for (let i = 0; i < L; i++) {
        const v = down ? i : L - 1 - i;
        proc[i] = v;
        compOf[v] = gcomp[toGraph[v] as number] as number;
        if (i > 0 && compOf[v] !== compOf[proc[i - 1] as number]) runs.push(i);
      }
      runs.push(L);
      runOff = Uint32Array.from(runs);
    } else {
      const comp = tarjan(L, offs, adjT);
      compOf = comp.of;
      // Completion order is reverse topological: walk components from the last completed.
      const members = groupByKey(
        Uint32Array.from(compOf, (c) => comp.count - 1 - c),
        comp.count,
      );
      proc = members.items;
      runOff = members.offsets;
    }

    // 3. Dynamic programme over components in topological order.
    const st = new Float64Array(L * STRIDE);
    for (let v = 0; v < L; v++) {
      const b = v * STRIDE;
      st[b + BEST] = Number.NEGATIVE_INFINITY;
      st[b + PRED_EDGE] = -1;
      st[b + PRED_FROM] = -1;
    }
    st[rootL * STRIDE + K] = 1;
    st[rootL * STRIDE + NK] = 1;
    st[rootL * STRIDE + BEST] = 1;
    const trunc = new Uint8Array(L);
    const segments = new Map<number, Segment>();
    const topo = new Uint32Array(L);
    let topoN = 0;
    let truncated = false;
    let steps = 0;

    for (let run = 0; run + 1 < runOff.length; run++) {
      const ma = runOff[run] as number;
      const mb = runOff[run + 1] as number;
      if (mb === ma) continue;
      const cyclic = mb - ma > 1;
      const c = compOf[proc[ma] as number] as number;
      if (cyclic) {
        const r = cycleSearch(
          proc.subarray(ma, mb),
          compOf,
          offs,
          adjT,
          adjE,
          adjS,
          st,
          segments,
          eps,
          budget - steps,
        );
        steps += r.steps;
        if (r.truncated) {
          truncated = true;
          for (let i = ma; i < mb; i++) trunc[proc[i] as number] = 1;
        }
      }
      for (let i = ma; i < mb; i++) {
        const v = proc[i] as number;
        topo[topoN++] = v;
        const vb = v * STRIDE;
        const kv = st[vb + K] as number;
        const nkv = st[vb + NK] as number;
        const uv = st[vb + U] as number;
        const nuv = st[vb + NU] as number;
        const bp = st[vb + BEST] as number;
        const bu = st[vb + BEST_UNKNOWN] === 1;
        const tv = trunc[v] === 1;
        const je = offs[v + 1] as number;
        for (let j = offs[v] as number; j < je; j++) {
          const w = adjT[j] as number;
          if (cyclic && compOf[w] === c) continue;
          const s = adjS[j] as number;
          const wb = w * STRIDE;
          const unknown = Number.isNaN(s); // the share is not stated
          if (!unknown) {
            st[wb + K] = (st[wb + K] as number) + kv * s;
            st[wb + NK] = (st[wb + NK] as number) + nkv;
            st[wb + U] = (st[wb + U] as number) + uv * s;
            st[wb + NU] = (st[wb + NU] as number) + nuv;
          } else {
            st[wb + U] = (st[wb + U] as number) + kv + uv;
            st[wb + NU] = (st[wb + NU] as number) + nkv + nuv;
          }
          const cu = bu || unknown;
          const cp = unknown ? bp : bp * s;
          if (better(cp, cu, st[wb + BEST] as number, st[wb + BEST_UNKNOWN] === 1)) {
            st[wb + BEST] = cp;
            st[wb + BEST_UNKNOWN] = cu ? 1 : 0;
            st[wb + PRED_EDGE] = adjE[j] as number;
            st[wb + PRED_FROM] = v;
          }
          if (tv) trunc[w] = 1;
        }
      }
    }

    let reachedN = 0;
    const reached = new Uint32Array(L);
    const knownCol = new Float64Array(L);
    const maxCol = new Float64Array(L);
    const unknownCol = new Float64Array(L);
    const depthCol = new Int32Array(L);
    for (let i = 0; i < topoN; i++) {
      const v = topo[i] as number;
      if (v === rootL) continue;
      const b = v * STRIDE;
      const nu = st[b + NU] as number;
      if ((st[b + NK] as number) + nu > 0 || trunc[v]) {
        const k = st[b + K] as number;
        knownCol[reachedN] = k * 100;
        maxCol[reachedN] = (k + (st[b + U] as number)) * 100;
        unknownCol[reachedN] = nu;
        depthCol[reachedN] = depthOf[v] as number;
        reached[reachedN++] = toGraph[v] as number;
      }
    }
    // Graph node → local index, built on first look-up (an Int32Array: cheaper than a Map at 1M nodes).
    let index: Int32Array | null = null;
    const graphN = this.graph.nodeCount;
    const localIndex = (g: number): number => {
      if (index === null) {
        index = new Int32Array(graphN).fill(-1);
        for (let i = 0; i < L; i++) index[toGraph[i] as number] = i;
      }
      return g >= 0 && g < graphN ? (index[g] as number) : -1;
    };

    return {
      root,
      direction,
      nodes: reached.subarray(0, reachedN),
      knownPct: knownCol.subarray(0, reachedN),
      maxPct: maxCol.subarray(0, reachedN),
      unknownPaths: unknownCol.subarray(0, reachedN),
      depths: depthCol.subarray(0, reachedN),
      truncated,
      cycleSteps: steps,
      share(node) {
        const v = localIndex(node);
        if (v < 0 || v === rootL) return null;
        const b = v * STRIDE;
        const nk = st[b + NK] as number;
        const nu = st[b + NU] as number;
        if (nk + nu === 0 && !trunc[v]) return null;
        const k = st[b + K] as number;
        const bp = st[b + BEST] as number;
        return {
          node,
          knownPct: k * 100,
          knownPaths: nk,
          unknownPaths: nu,
          hasUnknown: nu > 0,
          maxPct: (k + (st[b + U] as number)) * 100,
          depth: depthOf[v] as number,
          strongestPct: Number.isFinite(bp) ? bp * 100 : 0,
          strongestHasUnknown: st[b + BEST_UNKNOWN] === 1,
          truncated: trunc[v] === 1,
        };
      },
      pathTo(node) {
        const start = localIndex(node);
        if (start < 0) return [];
        const out: number[] = [];
        let cur = start;
        // Each step moves to an earlier component, or to a segment's entry and then to an
        // earlier component, so this ends at the root.
        for (let guard = 0; cur !== rootL && guard <= L; guard++) {
          const seg = segments.get(cur);
          if (seg) {
            for (let i = seg.edges.length - 1; i >= 0; i--) out.push(seg.edges[i] as number);
            cur = seg.entry;
            if (cur === rootL) break;
          }
          const e = st[cur * STRIDE + PRED_EDGE] as number;
          if (e < 0) break;
          out.push(e);
          cur = st[cur * STRIDE + PRED_FROM] as number;
        }
        return out.reverse();
      },
    };
  }
}

/**
 * Simple paths inside one cyclic component, from each entry that received value. Replaces
 * the members' inflow values in `st` with their final values.
 */
function cycleSearch(
  mem: Uint32Array,
  compOf: Int32Array,
  offs: Uint32Array,
  adjT: Uint32Array,
  adjE: Uint32Array,
  adjS: Float64Array,
  st: Float64Array,
  segments: Map<number, Segment>,
  eps: number,
  budget: number,
): { steps: number; truncated: boolean } {
  const k = mem.length;
  const c = compOf[mem[0] as number] as number;
  const pos = new Map<number, number>();
  mem.forEach((v, i) => {
    pos.set(v, i);
  });
  const tK = new Float64Array(k);
  const tNK = new Float64Array(k);
  const tU = new Float64Array(k);
  const tNU = new Float64Array(k);
  const tBest = new Float64Array(k).fill(Number.NEGATIVE_INFINITY);
  const tBestU = new Uint8Array(k);
  const tSeg: (Segment | undefined)[] = new Array(k);
  const onPath = new Uint8Array(k);
  let steps = 0;
  let truncated = false;

  // Per-frame DFS state, as parallel stacks (no recursion: a component can be large).
  const stNode: number[] = [];
  const stNext: number[] = [];
  const stP: number[] = [];
  const stUnk: boolean[] = [];
  const pathEdges: number[] = [];

  for (let ei = 0; ei < k && !truncated; ei++) {
    const entry = mem[ei] as number;
    const eb = entry * STRIDE;
    const inK = st[eb + K] as number;
    const inNK = st[eb + NK] as number;
    const inU = st[eb + U] as number;
    const inNU = st[eb + NU] as number;
    if (inNK + inNU === 0) continue;
    const weightIn = inK + inU;
    const inBest = st[eb + BEST] as number;
    const inBestU = st[eb + BEST_UNKNOWN] === 1;

    const arrive = (local: number, p: number, unknown: boolean): void => {
      const i = pos.get(local) as number;
      if (!unknown) {
        tK[i] = (tK[i] as number) + inK * p;
        tNK[i] = (tNK[i] as number) + inNK;
        tU[i] = (tU[i] as number) + inU * p;
        tNU[i] = (tNU[i] as number) + inNU;
      } else {
        tU[i] = (tU[i] as number) + weightIn * p;
        tNU[i] = (tNU[i] as number) + inNK + inNU;
      }
      const cu = inBestU || unknown;
      const cp = inBest * p;
      if (better(cp, cu, tBest[i] as number, tBestU[i] === 1)) {
        tBest[i] = cp;
        tBestU[i] = cu ? 1 : 0;
        tSeg[i] = { entry, edges: pathEdges.slice() };
      }
    };

    arrive(entry, 1, false);
    onPath[ei] = 1;
    stNode.push(entry);
    stNext.push(offs[entry] as number);
    stP.push(1);
    stUnk.push(false);
    while (stNode.length > 0) {
      const top = stNode.length - 1;
      const v = stNode[top] as number;
      const j = stNext[top] as number;
      if (j >= (offs[v + 1] as number)) {
        stNode.pop();
        stNext.pop();
        stP.pop();
        stUnk.pop();
        onPath[pos.get(v) as number] = 0;
        if (stNode.length > 0) pathEdges.pop();
        continue;
      }
      stNext[top] = j + 1;
      const w = adjT[j] as number;
      if (compOf[w] !== c) continue;
      const wi = pos.get(w) as number;
      if (onPath[wi]) continue;
      const s = adjS[j] as number;
      const unknown = Number.isNaN(s);
      const p = (stP[top] as number) * (unknown ? 1 : s);
      if (weightIn * p < eps) continue;
      if (steps >= budget) {
        truncated = true;
        break;
      }
      steps++;
      const u = (stUnk[top] as boolean) || unknown;
      pathEdges.push(adjE[j] as number);
      arrive(w, p, u);
      onPath[wi] = 1;
      stNode.push(w);
      stNext.push(offs[w] as number);
      stP.push(p);
      stUnk.push(u);
    }
    // Leave the scratch clean if the budget broke out mid-path.
    for (const v of stNode) onPath[pos.get(v) as number] = 0;
    stNode.length = 0;
    stNext.length = 0;
    stP.length = 0;
    stUnk.length = 0;
    pathEdges.length = 0;
  }

  for (let i = 0; i < k; i++) {
    const b = (mem[i] as number) * STRIDE;
    st[b + K] = tK[i] as number;
    st[b + NK] = tNK[i] as number;
    st[b + U] = tU[i] as number;
    st[b + NU] = tNU[i] as number;
    const seg = tSeg[i];
    if (seg) {
      st[b + BEST] = tBest[i] as number;
      st[b + BEST_UNKNOWN] = tBestU[i] as number;
      segments.set(mem[i] as number, seg);
    }
  }
  return { steps, truncated };
}

/** Whether path strength (p, hasUnknown) beats (q, qUnknown): fully-known paths always win. */
function better(p: number, pUnknown: boolean, q: number, qUnknown: boolean): boolean {
  if (q === Number.NEGATIVE_INFINITY) return true;
  if (pUnknown !== qUnknown) return !pUnknown;
  return p > q;
}
