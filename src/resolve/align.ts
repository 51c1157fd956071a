import type { NameToken } from '../normalize/index.ts';
import { stringSim, type TokenHow, tokenSim } from './token-sim.ts';

/** One aligned pair: token positions on each side (several when syllables were joined). */
export interface AlignedPair {
  readonly a: readonly number[];
  readonly b: readonly number[];
  readonly sim: number;
  readonly how: TokenHow;
}

export interface Alignment {
  /** Weighted share of both names explained by matching tokens, in [0, 1]. */
  readonly score: number;
  readonly pairs: readonly AlignedPair[];
  readonly unmatchedA: readonly number[];
  readonly unmatchedB: readonly number[];
}

/** Below this a token pair is no match at all. */
const MIN_SIM = 0.8;

/**
 * How much of a token pair's weight a similarity earns: identical tokens all of it, near misses
 * (a letter off, a vowel changed) part of it, so "Wanda" and "Wanfang" do not look alike.
 */
export function credit(sim: number, how: TokenHow = 'jaro-winkler'): number {
  if (sim >= 0.995) return 1;
  if (sim < MIN_SIM) return 0;
  // Phonetic-key equality, given-name groups and aliases: spelling variants, nearly full credit.
  if (sim >= 0.955 && (how === 'phonetic' || how === 'alias' || how === 'joined')) return 0.92;
  return 0.1 + (0.5 * (sim - MIN_SIM)) / (1 - MIN_SIM);
}

function joinable(t: NameToken): boolean {
  return t.key === undefined && (t.kind === 'word' || t.kind === 'core' || t.kind === 'particle');
}

interface Cand {
  a: number[];
  b: number[];
  sim: number;
  how: TokenHow;
}

function joinedCands(A: readonly NameToken[], B: readonly NameToken[], flip: boolean, out: Cand[]): void {
  // A run of 2-3 tokens on one side joined against one token on the other ("Guan Nong" =
  // "Guannong", "Jin Ping" = "Jinping", "Kim Jong Un" syllables).
  for (let i = 0; i < A.length; i++) {
    let joined = A[i]?.text ?? '';
    if (!A[i] || !joinable(A[i] as NameToken)) continue;
    for (let k = i + 1; k < Math.min(A.length, i + 3); k++) {
      const t = A[k];
      if (!t || !joinable(t)) break;
      joined += t.text;
      const idx = Array.from({ length: k - i + 1 }, (_, n) => i + n);
      for (let j = 0; j < B.length; j++) {
        const b = B[j];
        if (!b || b.kind === 'number' || b.kind === 'initial') continue;
        const spellings = [b.text, ...(b.alts ?? [])].filter(
          (sp) =>
            sp.charCodeAt(0) === joined.charCodeAt(0) &&
            Math.abs(sp.length - joined.length) <= 2 + sp.length / 4,
        );
        if (spellings.length === 0) continue;
        let best = 0;
        if (b.exact || A.slice(i, k + 1).some((t) => t.exact)) best = spellings.includes(joined) ? 1 : 0;
        else for (const sp of spellings) best = Math.max(best, stringSim(joined, sp).sim);
        if (best >= 0.9)
          out.push(
            flip
              ? { a: [j], b: idx, sim: best, how: 'joined' }
              : { a: idx, b: [j], sim: best, how: 'joined' },
          );
      }
    }
  }
}

/**
 * Aligns two token lists: every pair's similarity, joined syllable runs, then a greedy
 * one-to-one assignment by similarity. The score is Σ credit·(wA + wB) over aligned pairs
 * divided by the total weight of both names, so unmatched distinctive tokens pull it down and
 * unmatched generic words (company, trading) hardly do. For persons, when every token of the
 * shorter name found a partner, the longer name's leftover tokens (middle names, patronymics)
 * weigh a third.
 */
export function alignTokens(
  A: readonly NameToken[],
  B: readonly NameToken[],
  opts: { person?: boolean; weightOf?: (t: NameToken) => number } = {},
): Alignment {
  const w = opts.weightOf ?? ((t: NameToken) => t.weight);
  const cands: Cand[] = [];
  for (let i = 0; i < A.length; i++) {
    for (let j = 0; j < B.length; j++) {
      const s = tokenSim(A[i] as NameToken, B[j] as NameToken);
      if (s.sim >= MIN_SIM) cands.push({ a: [i], b: [j], sim: s.sim, how: s.how });
    }
  }
  joinedCands(A, B, false, cands);
  joinedCands(B, A, true, cands);
  cands.sort((x, y) => y.sim - x.sim || x.a.length + x.b.length - (y.a.length + y.b.length));
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

  let earned = 0;
  let matchedW = 0;
  for (const p of pairs) {
    const pw =
      p.a.reduce((s, i) => s + w(A[i] as NameToken), 0) + p.b.reduce((s, j) => s + w(B[j] as NameToken), 0);
    earned += credit(p.sim, p.how) * pw;
    matchedW += pw;
  }
  let restA = unmatchedA.reduce((s, i) => s + w(A[i] as NameToken), 0);
  let restB = unmatchedB.reduce((s, j) => s + w(B[j] as NameToken), 0);
  // A name fully contained in the other: for persons the leftovers are middle names or
  // patronymics and weigh a fifth; for organisations they are qualifiers (a place, "lines") and
  // weigh two thirds. Only when the contained side is really explained (two tokens, or one
  // distinctive token plus more).
  const explainedA = restA === 0 || unmatchedA.every((i) => (A[i] as NameToken).kind !== 'word');
  const explainedB = restB === 0 || unmatchedB.every((j) => (B[j] as NameToken).kind !== 'word');
  if (pairs.length >= 2 && matchedW >= 2) {
    const f = opts.person ? 0.2 : 0.65;
    if (explainedA && !explainedB) restB *= f;
    else if (explainedB && !explainedA) restA *= f;
  }
  const total = matchedW + restA + restB;
  return { score: total > 0 ? earned / total : 0, pairs, unmatchedA, unmatchedB };
}
