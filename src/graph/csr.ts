/**
 * Compressed sparse rows: items grouped by a small integer key (a node index) with one offsets
 * array, built by counting sort in O(n + keys) — no comparator sort over millions of edges.
 */
export interface Csr {
  /** `offsets[k]..offsets[k+1]` is key k's range in `items`; length keys + 1. */
  readonly offsets: Uint32Array;
  /** Item indices, grouped by key, in original order within a key (stable). */
  readonly items: Uint32Array;
}

/** Groups item indices 0..keys.length-1 by `keys[i]` (each < `keyCount`). */
export function groupByKey(keys: ArrayLike<number>, keyCount: number): Csr {
  const offsets = new Uint32Array(keyCount + 1);
  for (let i = 0; i < keys.length; i++)
    offsets[(keys[i] as number) + 1] = (offsets[(keys[i] as number) + 1] as number) + 1;
  for (let k = 0; k < keyCount; k++) offsets[k + 1] = (offsets[k + 1] as number) + (offsets[k] as number);
  const cursor = offsets.slice(0, keyCount);
  const items = new Uint32Array(keys.length);
  for (let i = 0; i < keys.length; i++) {
    const k = keys[i] as number;
    const at = cursor[k] as number;
    items[at] = i;
    cursor[k] = at + 1;
  }
  return { offsets, items };
}
