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
