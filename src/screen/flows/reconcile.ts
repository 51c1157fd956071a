/**
 * Reconciles HS rows of one cell (region × partner × month) that overlap, e.g. a chapter row
 * `61` next to its subheading rows `610910` and `611595`.
 *
 * The rule (docs/flows.md): a coarser row is the value of its whole subtree and the finer rows
 * split it. What the finer rows do not explain stays with the coarser code (its residual), so
 * the finest detail is used without counting anything twice. When the finer rows add up to
 * more than the coarser row (an inconsistent source), the finer rows win and the cell is
 * reported as inconsistent.
 */

export interface CodeValue {
  readonly code: string;
  readonly value: number;
}

export interface Reconciled {
  /** Per input item, in input order: the value attributable to that code alone. */
  readonly residuals: number[];
  /** Sum of the residuals: the itemised value of the cell, each good counted once. */
  readonly total: number;
  /** True when some finer rows added up to more than their coarser row. */
  readonly inconsistent: boolean;
}

export function reconcileCodes(items: readonly CodeValue[]): Reconciled {
  const n = items.length;
  const order = Array.from({ length: n }, (_, i) => i).sort((a, b) => {
    const ca = items[a]?.code ?? '';
    const cb = items[b]?.code ?? '';
    return ca < cb ? -1 : ca > cb ? 1 : 0;
  });
  // Lexicographic order puts every code right after its ancestors, so the nearest ancestor
  // present is the innermost code on a stack of open prefixes.
  const parent = new Int32Array(n).fill(-1);
  const stack: number[] = [];
  for (const i of order) {
    const code = items[i]?.code ?? '';
    while (stack.length > 0 && !code.startsWith(items[stack[stack.length - 1] ?? 0]?.code ?? '')) stack.pop();
    const top = stack[stack.length - 1];
    if (top !== undefined) parent[i] = top;
    stack.push(i);
  }
  const childSum = new Float64Array(n);
  const residuals = new Array<number>(n).fill(0);
  let total = 0;
  let inconsistent = false;
  // Reverse order visits children before their parents.
  for (let k = n - 1; k >= 0; k--) {
    const i = order[k] ?? 0;
    const own = items[i]?.value ?? 0;
    const kids = childSum[i] ?? 0;
    if (kids > own * (1 + 1e-9) + 0.5) inconsistent = true;
    const effective = Math.max(own, kids);
    residuals[i] = effective - kids;
    const p = parent[i] ?? -1;
    if (p >= 0) childSum[p] = (childSum[p] ?? 0) + effective;
    else total += effective;
  }
  return { residuals, total, inconsistent };
}
