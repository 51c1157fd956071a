/** Compact number formats for reasons and terminal tables (shared with the dashboard). */

/** US$3,786 · US$12.5k · US$950k · US$56.8M · US$1.2bn. */
export function formatUsd(v: number | null): string {
  if (v == null || !Number.isFinite(v)) return '–';
  const a = Math.abs(v);
  const sign = v < 0 ? '-' : '';
  if (a < 10_000) return `${sign}US$${Math.round(a).toLocaleString('en-US')}`;
  if (a < 100_000) return `${sign}US$${(a / 1e3).toFixed(1)}k`;
  if (a < 1e6) return `${sign}US$${Math.round(a / 1e3)}k`;
  if (a < 1e9) return `${sign}US$${(a / 1e6).toFixed(1)}M`;
  return `${sign}US$${(a / 1e9).toFixed(1)}bn`;
}

/** +592.8% · -12.0% · – for null. */
export function formatPct(p: number | null): string {
  if (p == null || !Number.isFinite(p)) return '–';
  return `${p > 0 ? '+' : ''}${p.toFixed(1)}%`;
}

/** 1st, 2nd, 3rd, 4th, 11th, 12th, 13th, 21st, 22nd. */
export function ordinal(n: number): string {
  const mod100 = n % 100;
  if (mod100 >= 11 && mod100 <= 13) return `${n}th`;
  switch (n % 10) {
    case 1:
      return `${n}st`;
    case 2:
      return `${n}nd`;
    case 3:
      return `${n}rd`;
    default:
      return `${n}th`;
  }
}

const BARS = '▁▂▃▄▅▆▇█';

/** An inline trend: one bar per value scaled between the window's min and max; a space for unknown. */
export function sparkline(values: readonly (number | null)[]): string {
  const known = values.filter((v): v is number => v != null && Number.isFinite(v));
  if (known.length === 0) return ' '.repeat(values.length);
  const lo = Math.min(...known);
  const hi = Math.max(...known);
  return values
    .map((v) => {
      if (v == null || !Number.isFinite(v)) return ' ';
      const k = hi === lo ? 0 : Math.round(((v - lo) / (hi - lo)) * (BARS.length - 1));
      return BARS[k] ?? ' ';
    })
    .join('');
}

/** Rounds a percentage to one decimal, the precision published figures use. */
export function round1(p: number): number {
  return Math.round(p * 10) / 10;
}

/** Percentage change from `base` to `v`; null when either is unknown or the base is zero. */
export function pctChange(v: number | null, base: number | null): number | null {
  if (v == null || base == null || base <= 0) return null;
  return round1(((v - base) / base) * 100);
}
