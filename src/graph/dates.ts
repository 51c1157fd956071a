/**
 * Dates as whole days since 1970-01-01 (UTC) in an Int32Array: compact, and comparing two
 * shipments' dates is an integer comparison in the trace's hot loop.
 */

/** Marks an unknown date. Larger than any real day, so date-sorted lists put unknowns last. */
export const NO_DATE = 2_147_483_647;

const ISO_DAY = /^(\d{4})-(\d{2})-(\d{2})/;

/** `YYYY-MM-DD…` → day number, or {@link NO_DATE} when absent or malformed. */
export function dayOf(iso: string | null | undefined): number {
  if (!iso) return NO_DATE;
  const m = ISO_DAY.exec(iso);
  if (!m) return NO_DATE;
  const ms = Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3]));
  return Number.isFinite(ms) ? Math.floor(ms / 86_400_000) : NO_DATE;
}

/** Day number → `YYYY-MM-DD`, or null for {@link NO_DATE}. */
export function isoOfDay(day: number): string | null {
  if (day === NO_DATE) return null;
  return new Date(day * 86_400_000).toISOString().slice(0, 10);
}
