import type { NameToken } from '../normalize/index.ts';
import { joinedSim, type SimContext, type TokenHow, tokenSim } from './token-sim.ts';

/** One aligned pair: token positions on each side (several when syllables were joined). */
export interface AlignedPair {
  readonly a: readonly number[];
  readonly b: readonly number[];
  /** Share of the pair's weight earned, in (0, 1]. */
  readonly credit: number;
  readonly sim: number;
  readonly how: TokenHow;
}

export interface Alignment {
  readonly pairs: readonly AlignedPair[];
  readonly unmatchedA: readonly number[];
  readonly unmatchedB: readonly number[];
}

interface Cand {
  a: number[];
  b: number[];
  credit: number;
  sim: number;
  how: TokenHow;
}

function joinable(t: NameToken): boolean {
  return t.kind === 'word' || t.kind === 'core' || t.kind === 'place';
}

// A run of 2-3 tokens on one side joined against one token on the other ("Guan Nong" =
// "Guannong", "Xi Jin Ping" = "Jinping", "Nasr Allah" = "Nasrallah", "Ali Reza" = "Alireza",
// 阿里 + 巴巴 = "Alibaba"). Particles inside the run are skipped: سراج الدين "sraj al din" =
// "Sirajuddin".
function joinedCands(
  A: readonly NameToken[],
  B: readonly NameToken[],
  flip: boolean,
  ctx: SimContext,
  out: Cand[],
): void {
  for (let i = 0; i + 1 < A.length; i++) {
    const first = A[i] as NameToken;
    if (!joinable(first)) continue;
    let joined = first.text;
    let exact = first.exact === true;
    let words = 1;
    for (let k = i + 1; k < A.length && words < 3; k++) {
      const t = A[k] as NameToken;
      if (t.kind === 'particle') continue;
      if (!joinable(t)) break;
      joined += t.text;
      exact ||= t.exact === true;
      words++;
      for (let j = 0; j < B.length; j++) {
        const b = B[j] as NameToken;
        if (!joinable(b) || b.key !== undefined) continue;
        if (
          b.text.charCodeAt(0) !== joined.charCodeAt(0) &&
          !(b.alts?.some((x) => x[0] === joined[0]) ?? false)
        )
          continue;
        if (!ctx.abjad && Math.abs(b.text.length - joined.length) > 2 + b.text.length / 4 && !b.alts)
          continue;
        const s = joinedSim(joined, exact, b, ctx);
        if (s.credit < 0.85) continue;
        const idx: number[] = [];
        for (let n = i; n <= k; n++) idx.push(n);
        out.push(
          flip
            ? { a: [j], b: idx, credit: s.credit, sim: s.sim, how: s.how }
            : { a: idx, b: [j], credit: s.credit, sim: s.sim, how: s.how },
        );
      }
    }
  }
}

/**
 * Aligns two token lists one to one: every pair's credit (see {@link tokenSim}), joined runs,
 * then a greedy assignment, best credit first (names have a handful of tokens; greedy equals
 * the optimum on all but contrived cases). Particles (al, bin, van) pair with equal particles
 * for the explanation and weigh nothing.
 */
export function alignTokens(A: readonly NameToken[], B: readonly NameToken[], ctx: SimContext): Alignment {
  const cands: Cand[] = [];
  for (let i = 0; i < A.length; i++) {
    const a = A[i] as NameToken;
    for (let j = 0; j < B.length; j++) {
      const b = B[j] as NameToken;
      if (a.kind === 'particle' || b.kind === 'particle') {
        if (a.kind === b.kind && a.text === b.text)
          cands.push({ a: [i], b: [j], credit: 1, sim: 1, how: 'exact' });
        continue;
      }
      const s = tokenSim(a, b, ctx);
      if (s.credit > 0) cands.push({ a: [i], b: [j], credit: s.credit, sim: s.sim, how: s.how });
    }
  }
  let al = assign(A, B, cands);
  // Joined runs only matter when single tokens left something unexplained.
  const loose = (ts: readonly NameToken[], idx: readonly number[]) =>
    idx.some((i) => (ts[i] as NameToken).kind !== 'particle');
  if ((A.length > 1 || B.length > 1) && (loose(A, al.unmatchedA) || loose(B, al.unmatchedB))) {
    const before = cands.length;
    joinedCands(A, B, false, ctx, cands);
    joinedCands(B, A, true, ctx, cands);
    if (cands.length > before) al = assign(A, B, cands);
  }
  return al;
}

function assign(A: readonly NameToken[], B: readonly NameToken[], cands: Cand[]): Alignment {
  cands.sort((x, y) => y.credit - x.credit || x.a.length + x.b.length - (y.a.length + y.b.length));
  const usedA = new Uint8Array(A.length);
  const usedB = new Uint8Array(B.length);
  const pairs: AlignedPair[] = [];
  for (const c of cands) {
    if (c.a.some((i) => usedA[i]) || c.b.some((j) => usedB[j])) continue;
    for (const i of c.a) usedA[i] = 1;
    for (const j of c.b) usedB[j] = 1;
    pairs.push(c);
  }
  const unmatchedA: number[] = [];
  const unmatchedB: number[] = [];
  for (let i = 0; i < A.length; i++) if (!usedA[i]) unmatchedA.push(i);
  for (let j = 0; j < B.length; j++) if (!usedB[j]) unmatchedB.push(j);
  return { pairs, unmatchedA, unmatchedB };
}
