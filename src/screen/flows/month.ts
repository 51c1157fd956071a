/**
 * Months as integers (year × 12 + month − 1) so series can be indexed and subtracted; `YYYY-MM`
 * only at the edges.
 */

const MONTH_RE = /^(\d{4})-(\d{2})$/;

/** Parses `YYYY-MM` (years 1900-2199) to a month number, or null when malformed. */
export function parseMonth(s: string): number | null {
  const m = MONTH_RE.exec(s);
  if (!m) return null;
  const year = Number(m[1]);
  const month = Number(m[2]);
  if (month < 1 || month > 12 || year < 1900 || year > 2199) return null;
  return year * 12 + month - 1;
}

/** Formats a month number as `YYYY-MM`. */
export function formatMonth(n: number): string {
  const year = Math.floor(n / 12);
  const month = (n % 12) + 1;
  return `${year}-${month < 10 ? '0' : ''}${month}`;
}

/** Month number of an ISO date (`YYYY-MM-DD`). */
export function monthOfDate(iso: string): number {
  const n = parseMonth(iso.slice(0, 7));
  if (n == null) throw new Error(`bad ISO date in a data table: ${iso}`);
  return n;
}
