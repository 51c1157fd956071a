import { classifyGoods } from '../classify.ts';
import { sectorsOfHs } from '../sectors.ts';
import labelled from './labelled-goods.json' with { type: 'json' };

/** The goods classifier scored on the labelled (synthetic) set; used by scripts/eval-goods.ts and a test. */

export interface SectorScore {
  readonly sector: string;
  readonly support: number;
  readonly predicted: number;
  readonly tp: number;
  readonly precision: number | null;
  readonly recall: number | null;
  readonly f1: number | null;
}

export interface GoodsEvaluation {
  readonly n: number;
  readonly zh: number;
  readonly positives: number;
  readonly negatives: number;
  readonly chapterAccuracy: number;
  readonly headingAccuracy: number;
  readonly sectors: readonly SectorScore[];
  readonly micro: { precision: number | null; recall: number | null; f1: number | null };
  readonly falseSectorOnNegatives: number;
  readonly errors: readonly { hs: string; guess: string; text: string }[];
}

/** Exact sector ids of a code (labels and predictions alike). */
export function sectorSet(hs: string): Set<string> {
  return new Set(
    sectorsOfHs(hs)
      .filter((h) => h.strength === 'exact')
      .map((h) => h.sector),
  );
}

const ratio = (a: number, b: number) => (b === 0 ? null : a / b);
const f1 = (p: number | null, r: number | null) =>
  p === null || r === null || p + r === 0 ? null : (2 * p * r) / (p + r);

export function evaluateGoods(
  items: readonly (readonly [string, string])[] = labelled.items as [string, string][],
): GoodsEvaluation {
  const counts = new Map<string, { support: number; predicted: number; tp: number }>();
  const c = (s: string) => {
    const v = counts.get(s) ?? { support: 0, predicted: 0, tp: 0 };
    counts.set(s, v);
    return v;
  };
  let chapter = 0;
  let heading = 0;
  let positives = 0;
  let falseOnNeg = 0;
  const errors: { hs: string; guess: string; text: string }[] = [];
  for (const [hs, text] of items) {
    const top = classifyGoods(text, 1)[0];
    const guess = top?.hsCode ?? '';
    if (guess.slice(0, 2) === hs.slice(0, 2)) chapter++;
    if (guess.length >= 4 && hs.length >= 4 && guess.slice(0, 4) === hs.slice(0, 4)) heading++;
    else errors.push({ hs, guess, text });
    const want = sectorSet(hs);
    const got = guess ? sectorSet(guess) : new Set<string>();
    if (want.size > 0) positives++;
    else if (got.size > 0) falseOnNeg++;
    for (const s of want) c(s).support++;
    for (const s of got) {
      c(s).predicted++;
      if (want.has(s)) c(s).tp++;
    }
  }
  const sectors = [...counts.entries()]
    .map(([sector, v]) => {
      const precision = ratio(v.tp, v.predicted);
      const recall = ratio(v.tp, v.support);
      return { sector, ...v, precision, recall, f1: f1(precision, recall) };
    })
    .sort((a, b) => b.support - a.support);
  const tp = sectors.reduce((s, x) => s + x.tp, 0);
  const pred = sectors.reduce((s, x) => s + x.predicted, 0);
  const sup = sectors.reduce((s, x) => s + x.support, 0);
  const mp = ratio(tp, pred);
  const mr = ratio(tp, sup);
  return {
    n: items.length,
    zh: items.filter(([, t]) => /\p{Script=Han}/u.test(t)).length,
    positives,
    negatives: items.length - positives,
    chapterAccuracy: chapter / items.length,
    headingAccuracy: heading / items.length,
    sectors,
    micro: { precision: mp, recall: mr, f1: f1(mp, mr) },
    falseSectorOnNegatives: falseOnNeg,
    errors,
  };
}
