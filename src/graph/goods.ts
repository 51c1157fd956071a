import { inputOf, type SectorHit, sectorsOfHs } from '../normalize/index.ts';

/**
 * Goods compatibility over a graph's interned HS codes, memoised: the trace asks "can goods
 * A be an input of goods B?" millions of times, for a few thousand distinct codes.
 *
 * Compatible when `inputOf(input, output)` finds them on one sector chain (raw cotton → yarn →
 * fabric → garments, transitively; same stage counts, as traders re-ship what they buy), or —
 * for goods on no chain — when both codes share their 4-digit heading: an intermediary that
 * buys steel bars and ships steel bars is re-shipping, not transforming.
 */

export type GoodsRule = 'chain' | 'same-heading';

export interface GoodsMatch {
  readonly rule: GoodsRule;
  /** The chain and stages that decided it (rule `chain`). */
  readonly chain?: string;
  readonly fromStage?: string;
  readonly toStage?: string;
}

export class GoodsIndex {
  private readonly codes: readonly string[];
  private readonly memo = new Map<number, GoodsMatch | null>();
  private readonly sectorMemo = new Map<number, readonly SectorHit[]>();

  constructor(codes: readonly string[]) {
    this.codes = codes;
  }

  /** Whether code `input` can be an input of code `output` (interned indices). */
  match(input: number, output: number): GoodsMatch | null {
    const key = input * 1_048_576 + output;
    const hit = this.memo.get(key);
    if (hit !== undefined) return hit;
    const a = this.codes[input] ?? '';
    const b = this.codes[output] ?? '';
    let m: GoodsMatch | null = null;
    const chain = inputOf(a, b);
    if (chain) {
      m = { rule: 'chain', chain: chain.from.chain, fromStage: chain.from.name, toStage: chain.to.name };
    } else if (a.length >= 4 && b.length >= 4 && a.slice(0, 4) === b.slice(0, 4)) {
      m = { rule: 'same-heading' };
    }
    this.memo.set(key, m);
    return m;
  }

  /** UFLPA high-priority sectors of code `k` (memoised `sectorsOfHs`). */
  sectors(k: number): readonly SectorHit[] {
    let s = this.sectorMemo.get(k);
    if (!s) {
      s = sectorsOfHs(this.codes[k] ?? '');
      this.sectorMemo.set(k, s);
    }
    return s;
  }

  /** Whether code `k` is squarely in a high-priority sector (an exact core or downstream hit). */
  highPriority(k: number): boolean {
    return this.sectors(k).some((h) => h.strength === 'exact');
  }

  code(k: number): string {
    return this.codes[k] ?? '';
  }
}
