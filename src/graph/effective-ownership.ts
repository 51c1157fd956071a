import { groupByKey } from './csr.ts';
import type { Graph } from './graph.ts';

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

/**
 * Runs effective-ownership queries over one graph. Holds scratch buffers sized to the graph,
 * so create one per thread and reuse it; the graph itself is never modified.
 */
export class OwnershipEngine {
  readonly graph: Graph;
  private readonly localOf: Int32Array;
  private readonly order: Uint32Array;
  private readonly adjOffsets: Uint32Array;
  private readonly adjTarget: Uint32Array;
  private readonly adjEdge: Uint32Array;

  constructor(graph: Graph) {
    this.graph = graph;
    const n = graph.nodeCount;
    const m = graph.columns.ownership.source.length;
    this.localOf = new Int32Array(n).fill(-1);
    this.order = new Uint32Array(n);
    this.adjOffsets = new Uint32Array(n + 1);
    this.adjTarget = new Uint32Array(m);
    this.adjEdge = new Uint32Array(m);
  }

  /** Effective ownership from `root`: `down` = what root holds, `up` = who holds root. */
  reach(root: number, direction: Direction, opts: ReachOptions = {}): OwnershipReach {
    const eps = opts.epsilon ?? DEFAULT_EPSILON;
    const budget = opts.pathBudget ?? DEFAULT_PATH_BUDGET;
    const stopAt = opts.stopAt;
    const own = this.graph.columns.ownership;
    const share = own.share;
    const { localOf, order, adjOffsets, adjTarget, adjEdge } = this;

    // 1. Discovery (BFS) and a local adjacency list in BFS order.
    let count = 1;
    order[0] = root;
    localOf[root] = 0;
    const depthList: number[] = [0];
    let adjN = 0;
    for (let head = 0; head < count; head++) {
      adjOffsets[head] = adjN;
      const v = order[head] as number;
      if (head > 0 && stopAt?.(v)) continue;
      const d = (depthList[head] as number) + 1;
      const a = direction === 'down' ? (own.outOffsets[v] as number) : (own.inOffsets[v] as number);
      const b = direction === 'down' ? (own.outOffsets[v + 1] as number) : (own.inOffsets[v + 1] as number);
      for (let i = a; i < b; i++) {
        const e = direction === 'down' ? i : (own.inEdges[i] as number);
        const w = direction === 'down' ? (own.target[e] as number) : (own.source[e] as number);
        let lw = localOf[w] as number;
        if (lw < 0) {
          lw = count++;
          localOf[w] = lw;
          order[lw] = w;
          depthList.push(d);
        }
        adjTarget[adjN] = lw;
        adjEdge[adjN] = e;
        adjN++;
      }
    }
    adjOffsets[count] = adjN;
    const L = count;
    const toGraph = order.slice(0, L);
    for (let i = 0; i < L; i++) localOf[toGraph[i] as number] = -1; // scratch back to clean
    const offs = adjOffsets.slice(0, L + 1);
    const adjT = adjTarget.slice(0, adjN);
    const adjE = adjEdge.slice(0, adjN);

    // 2. Strongly connected components, completed in reverse topological order.
    const comp = tarjan(L, offs, adjT);
    const compCount = comp.count;

    // 3. Dynamic programme over components in topological order.
    const K = new Float64Array(L); // sum of products over fully-known paths
    const NK = new Float64Array(L); // number of fully-known paths
    const U = new Float64Array(L); // sum of known-factor products over paths with an unknown share
    const NU = new Float64Array(L); // number of such paths
    const bestP = new Float64Array(L).fill(Number.NEGATIVE_INFINITY);
    const bestU = new Uint8Array(L);
    const predEdge = new Int32Array(L).fill(-1);
    const predFrom = new Int32Array(L).fill(-1);
    const trunc = new Uint8Array(L);
    const segments = new Map<number, Segment>();
    K[0] = 1;
    NK[0] = 1;
    bestP[0] = 1;
    let truncated = false;
    let steps = 0;
    const topo: number[] = [];

    const members = groupByKey(comp.of, compCount);
    for (let c = compCount - 1; c >= 0; c--) {
      const ma = members.offsets[c] as number;
      const mb = members.offsets[c + 1] as number;
      if (mb - ma > 1) {
        const r = this.cycleSearch(members.items.subarray(ma, mb), comp.of, offs, adjT, adjE, share, {
          K,
          NK,
          U,
          NU,
          bestP,
          bestU,
          segments,
          eps,
          budget: budget - steps,
        });
        steps += r.steps;
        if (r.truncated) {
          truncated = true;
          for (let i = ma; i < mb; i++) trunc[members.items[i] as number] = 1;
        }
      }
      for (let i = ma; i < mb; i++) {
        const v = members.items[i] as number;
        topo.push(v);
        for (let j = offs[v] as number; j < (offs[v + 1] as number); j++) {
          const w = adjT[j] as number;
          if (comp.of[w] === c) continue;
          const e = adjE[j] as number;
          const s = share[e] as number;
          const unknown = Number.isNaN(s);
          if (!unknown) {
            K[w] = (K[w] as number) + (K[v] as number) * s;
            NK[w] = (NK[w] as number) + (NK[v] as number);
            U[w] = (U[w] as number) + (U[v] as number) * s;
            NU[w] = (NU[w] as number) + (NU[v] as number);
          } else {
            U[w] = (U[w] as number) + ((K[v] as number) + (U[v] as number));
            NU[w] = (NU[w] as number) + ((NK[v] as number) + (NU[v] as number));
          }
          const cu = (bestU[v] as number) === 1 || unknown;
          const cp = (bestP[v] as number) * (unknown ? 1 : s);
          if (better(cp, cu, bestP[w] as number, bestU[w] === 1)) {
            bestP[w] = cp;
            bestU[w] = cu ? 1 : 0;
            predEdge[w] = e;
            predFrom[w] = v;
          }
          if (trunc[v]) trunc[w] = 1;
        }
      }
    }

    const reached: number[] = [];
    for (const v of topo) {
      if (v === 0) continue;
      if ((NK[v] as number) + (NU[v] as number) > 0 || trunc[v]) reached.push(toGraph[v] as number);
    }
    let index: Map<number, number> | null = null;
    const localIndex = (g: number): number | undefined => {
      if (index === null) {
        index = new Map();
        for (let i = 0; i < L; i++) index.set(toGraph[i] as number, i);
      }
      return index.get(g);
    };

    return {
      root,
      direction,
      nodes: Uint32Array.from(reached),
      truncated,
      cycleSteps: steps,
      share(node) {
        const v = localIndex(node);
        if (v === undefined || v === 0) return null;
        const nk = NK[v] as number;
        const nu = NU[v] as number;
        if (nk + nu === 0 && !trunc[v]) return null;
        const bp = bestP[v] as number;
        return {
          node,
          knownPct: (K[v] as number) * 100,
          knownPaths: nk,
          unknownPaths: nu,
          hasUnknown: nu > 0,
          maxPct: ((K[v] as number) + (U[v] as number)) * 100,
          depth: depthList[v] as number,
          strongestPct: Number.isFinite(bp) ? bp * 100 : 0,
          strongestHasUnknown: bestU[v] === 1,
          truncated: trunc[v] === 1,
        };
      },
      pathTo(node) {
        const start = localIndex(node);
        if (start === undefined) return [];
        const out: number[] = [];
        let cur = start;
        // Each step moves to an earlier component, or to a segment's entry and then to an
        // earlier component, so this ends at the root.
        for (let guard = 0; cur !== 0 && guard <= L; guard++) {
          const seg = segments.get(cur);
          if (seg) {
            for (let i = seg.edges.length - 1; i >= 0; i--) out.push(seg.edges[i] as number);
            cur = seg.entry;
            if (cur === 0) break;
          }
          const e = predEdge[cur] as number;
          if (e < 0) break;
          out.push(e);
          cur = predFrom[cur] as number;
        }
        return out.reverse();
      },
    };
  }

  /**
   * Simple paths inside one cyclic component, from each entry that received value. Writes the
   * component's final values into the DP arrays (replacing the inflow values).
   */
  private cycleSearch(
    mem: Uint32Array,
    compOf: Int32Array,
    offs: Uint32Array,
    adjT: Uint32Array,
    adjE: Uint32Array,
    share: Float64Array,
    st: {
      K: Float64Array;
      NK: Float64Array;
      U: Float64Array;
      NU: Float64Array;
      bestP: Float64Array;
      bestU: Uint8Array;
      segments: Map<number, Segment>;
      eps: number;
      budget: number;
    },
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
      const inK = st.K[entry] as number;
      const inNK = st.NK[entry] as number;
      const inU = st.U[entry] as number;
      const inNU = st.NU[entry] as number;
      if (inNK + inNU === 0) continue;
      const weightIn = inK + inU;
      const inBest = st.bestP[entry] as number;
      const inBestU = st.bestU[entry] === 1;

      const arrive = (local: number, p: number, unknown: boolean): void => {
        const i = pos.get(local) as number;
        if (!unknown) {
          tK[i] = (tK[i] as number) + inK * p;
          tNK[i] = (tNK[i] as number) + inNK;
          tU[i] = (tU[i] as number) + inU * p;
          tNU[i] = (tNU[i] as number) + inNU;
        } else {
          tU[i] = (tU[i] as number) + weightIn * p;
          tNU[i] = (tNU[i] as number) + (inNK + inNU);
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
        const e = adjE[j] as number;
        const s = share[e] as number;
        const unknown = Number.isNaN(s);
        const p = (stP[top] as number) * (unknown ? 1 : s);
        if (weightIn * p < st.eps) continue;
        if (steps >= st.budget) {
          truncated = true;
          break;
        }
        steps++;
        const u = (stUnk[top] as boolean) || unknown;
        pathEdges.push(e);
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
      const v = mem[i] as number;
      st.K[v] = tK[i] as number;
      st.NK[v] = tNK[i] as number;
      st.U[v] = tU[i] as number;
      st.NU[v] = tNU[i] as number;
      const seg = tSeg[i];
      if (seg) {
        st.bestP[v] = tBest[i] as number;
        st.bestU[v] = tBestU[i] as number;
        st.segments.set(v, seg);
      }
    }
    return { steps, truncated };
  }
}

/** Whether path strength (p, hasUnknown) beats (q, qUnknown): fully-known paths always win. */
function better(p: number, pUnknown: boolean, q: number, qUnknown: boolean): boolean {
  if (q === Number.NEGATIVE_INFINITY) return true;
  if (pUnknown !== qUnknown) return !pUnknown;
  return p > q;
}

/**
 * Tarjan's SCC algorithm without recursion (16+ hop chains and million-node registries would
 * overflow the call stack). Components are numbered in completion order, which is reverse
 * topological: every edge goes from a higher-numbered component to a lower or equal one.
 */
export function tarjan(n: number, offs: Uint32Array, adj: Uint32Array): { of: Int32Array; count: number } {
  const index = new Int32Array(n).fill(-1);
  const low = new Int32Array(n);
  const onStack = new Uint8Array(n);
  const stack = new Uint32Array(n);
  let sp = 0;
  const callNode = new Uint32Array(n);
  const callEdge = new Uint32Array(n);
  const of = new Int32Array(n).fill(-1);
  let next = 0;
  let count = 0;
  for (let s = 0; s < n; s++) {
    if ((index[s] as number) >= 0) continue;
    let cp = 0;
    callNode[0] = s;
    callEdge[0] = offs[s] as number;
    index[s] = low[s] = next++;
    stack[sp++] = s;
    onStack[s] = 1;
    while (cp >= 0) {
      const v = callNode[cp] as number;
      const j = callEdge[cp] as number;
      if (j < (offs[v + 1] as number)) {
        callEdge[cp] = j + 1;
        const w = adj[j] as number;
        if ((index[w] as number) < 0) {
          index[w] = low[w] = next++;
          stack[sp++] = w;
          onStack[w] = 1;
          cp++;
          callNode[cp] = w;
          callEdge[cp] = offs[w] as number;
        } else if (onStack[w] && (index[w] as number) < (low[v] as number)) {
          low[v] = index[w] as number;
        }
        continue;
      }
      if (low[v] === index[v]) {
        let w: number;
        do {
          w = stack[--sp] as number;
          onStack[w] = 0;
          of[w] = count;
        } while (w !== v);
        count++;
      }
      cp--;
      if (cp >= 0) {
        const parent = callNode[cp] as number;
        if ((low[v] as number) < (low[parent] as number)) low[parent] = low[v] as number;
      }
    }
  }
  return { of, count };
}
