import { memoize } from '../../model/index.ts';

/**
 * Normalises an HS code as written on manifests ("2002.90", "5205 12", "HS 6109.10.0012") to
 * digits. Memoised: a manifest file repeats a few thousand codes millions of times.
 */
export const normalizeHs = memoize((raw: string): string | null => {
  const digits = raw.replace(/^\s*(hs|hts)\s*/i, '').replace(/[\s.-]/g, '');
  return /^\d{2,10}$/.test(digits) ? digits : null;
}, 50_000);

/**
 * How a code relates to a table prefix: `exact` when the code lies inside the prefix
 * (520512 in 52), `partial` when the code is coarser than the prefix (2002 vs 200290: it may or
 * may not be paste), else null.
 */
export function hsPrefixMatch(code: string, prefix: string): 'exact' | 'partial' | null {
  if (code.startsWith(prefix)) return 'exact';
  if (prefix.startsWith(code)) return 'partial';
  return null;
}
