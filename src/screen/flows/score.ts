import { MAD_TO_SIGMA, mad, median } from './robust.ts';

/**
 * The surge score of a monthly series (docs/flows.md, "Surge detection"). In log space:
 *
 *   level      L(t) = median of y over the 12 months before t       (the recent trend)
 *   seasonal   S(t) = median over up to 3 earlier years k of y(t−12k) − L(t−12k)
 *   expected   E(t) = L(t) + S(t)                                    (S = 0 without history)
 *   residual   r(t) = y(t) − E(t)
 *   z(t)       = (r(t) − median r) / max(1.4826 · MAD r, σ_min), over the 24 residuals before t
 *
 * with y = ln(value + offset). Medians make one past spike or gap move nothing; the seasonal
 * term compares a month with the same calendar month of earlier years relative to their own
 * level, so December peaks that recur are expected and growth does not read as a surge.
 */

export interface ScoreParams {
  /** Added before taking logs so near-zero months do not explode (USD). */
  readonly offsetUsd: number;
  /** Months in the trailing level window. */
  readonly levelWindow: number;
  /** Known months needed in that window to have a level at all. */
  readonly levelMin: number;
  /** Earlier years used for the same-month comparison. */
  readonly seasonalYears: number;
  /** Past residuals that set the scale. */
  readonly scaleWindow: number;
  /** Past residuals needed before a month can be scored. */
  readonly scaleMin: number;
  /** Smallest scale (log units): a very regular series still needs a real move to flag. */
  readonly sigmaFloor: number;
  /** z at or above which a month is a surge. */
  readonly zThreshold: number;
  /** The value must also be at least this multiple of the expected value. */
  readonly minRatio: number;
  /** And at least this much (USD): tiny series are all noise. */
  readonly minValueUsd: number;
}

export const DEFAULT_SCORE_PARAMS: ScoreParams = {
  offsetUsd: 10_000,
  levelWindow: 12,
  levelMin: 6,
  seasonalYears: 3,
  scaleWindow: 24,
  scaleMin: 6,
  sigmaFloor: 0.15,
  zThreshold: 3.5,
  minRatio: 1.5,
  minValueUsd: 100_000,
};

export interface PointScore {
  readonly z: number;
  /** What the model expected this month (USD). */
  readonly expectedUsd: number;
  /** (value + offset) / (expected + offset). */
  readonly ratio: number;
  /** The trailing 12-month median (USD). */
  readonly levelUsd: number;
  /** Median of the same calendar month in the earlier years used (USD), or null. */
  readonly sameMonthUsd: number | null;
  /** Earlier years of the same month that entered the seasonal term (0 = trend only). */
  readonly seasonalYears: number;
  /** Known months before this one. */
  readonly history: number;
  /** Whether z, ratio and value all pass their thresholds. */
  readonly surge: boolean;
}

/**
 * Scores every month of `values` (null = unknown month) from its own past only. Months without
 * enough history score null: a series needs a level (6 of the last 12 months) and 6 earlier
 * residuals, so about 13 months of data; the seasonal term joins once the same month a year
 * earlier had a level, from about 19 months, and is a median from the third year on.
 */
export function scoreSeries(
  values: readonly (number | null)[],
  params: ScoreParams = DEFAULT_SCORE_PARAMS,
): (PointScore | null)[] {
  const n = values.length;
  const c = params.offsetUsd;
  const y = values.map((v) => (v == null ? null : Math.log(v + c)));
  const level: (number | null)[] = new Array(n).fill(null);
  for (let t = 0; t < n; t++) {
    const w: number[] = [];
    for (let j = Math.max(0, t - params.levelWindow); j < t; j++) {
      const yj = y[j];
      if (yj != null) w.push(yj);
    }
    if (w.length >= params.levelMin) level[t] = median(w);
  }
  const offset = (t: number): number | null => {
    const yt = y[t];
    const lt = level[t];
    return yt != null && lt != null ? yt - lt : null;
  };
  const expected: (number | null)[] = new Array(n).fill(null);
  const seasonalUsed = new Int32Array(n);
  const sameMonth: (number | null)[] = new Array(n).fill(null);
  for (let t = 0; t < n; t++) {
    const lt = level[t];
    if (lt == null) continue;
    const offs: number[] = [];
    const same: number[] = [];
    for (let k = 1; k <= params.seasonalYears && t - 12 * k >= 0; k++) {
      const o = offset(t - 12 * k);
      if (o != null) offs.push(o);
      const v = values[t - 12 * k];
      if (v != null) same.push(v);
    }
    expected[t] = lt + (offs.length > 0 ? median(offs) : 0);
    seasonalUsed[t] = offs.length;
    if (same.length > 0) sameMonth[t] = median(same);
  }
  const residual = (t: number): number | null => {
    const yt = y[t];
    const et = expected[t];
    return yt != null && et != null ? yt - et : null;
  };

  const out: (PointScore | null)[] = new Array(n).fill(null);
  let known = 0;
  for (let t = 0; t < n; t++) {
    const v = values[t];
    const r = residual(t);
    const et = expected[t];
    const lt = level[t];
    const history = known;
    if (v != null) known++;
    if (v == null || r == null || et == null || lt == null) continue;
    const past: number[] = [];
    for (let j = Math.max(0, t - params.scaleWindow); j < t; j++) {
      const rj = residual(j);
      if (rj != null) past.push(rj);
    }
    if (past.length < params.scaleMin) continue;
    const center = median(past);
    const sigma = Math.max(MAD_TO_SIGMA * mad(past, center), params.sigmaFloor);
    const z = (r - center) / sigma;
    const expectedLog = et + center;
    const expectedUsd = Math.max(0, Math.exp(expectedLog) - c);
    const ratio = (v + c) / Math.exp(expectedLog);
    out[t] = {
      z,
      expectedUsd,
      ratio,
      levelUsd: Math.max(0, Math.exp(lt) - c),
      sameMonthUsd: sameMonth[t] ?? null,
      seasonalYears: seasonalUsed[t] ?? 0,
      history,
      surge: z >= params.zThreshold && ratio >= params.minRatio && v >= params.minValueUsd,
    };
  }
  return out;
}
