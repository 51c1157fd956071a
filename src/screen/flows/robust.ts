/** Robust statistics: medians and the median absolute deviation, on small windows. */

/** Median of the values (copied and sorted); NaN for an empty list. */
export function median(values: readonly number[]): number {
  const n = values.length;
  if (n === 0) return Number.NaN;
  const s = [...values].sort((a, b) => a - b);
  const mid = n >> 1;
  return n % 2 === 1 ? (s[mid] ?? Number.NaN) : ((s[mid - 1] ?? 0) + (s[mid] ?? 0)) / 2;
}

/** Median absolute deviation from `center`. */
export function mad(values: readonly number[], center: number): number {
  return median(values.map((v) => Math.abs(v - center)));
}

/** MAD × 1.4826 estimates the standard deviation of normally distributed data. */
export const MAD_TO_SIGMA = 1.4826;
