/**
 * Token measures in the style of the widely used fuzzy-matching libraries (rapidfuzz
 * `fuzz.ratio`, `token_sort_ratio`, `token_set_ratio`), on a 0-1 scale, so their published
 * values serve as goldens. `ratio` is the normalised Indel similarity: 1 − (insertions +
 * deletions) / (|a| + |b|) = 2·LCS / (|a| + |b|).
 */

/** Length of the longest common subsequence (two-row dynamic programme). */
export function lcsLength(a: string, b: string): number {
  if (a.length === 0 || b.length === 0) return 0;
  let prev = new Uint16Array(b.length + 1);
  let cur = new Uint16Array(b.length + 1);
  for (let i = 1; i <= a.length; i++) {
    const c = a.charCodeAt(i - 1);
    for (let j = 1; j <= b.length; j++) {
      cur[j] = c === b.charCodeAt(j - 1) ? (prev[j - 1] ?? 0) + 1 : Math.max(prev[j] ?? 0, cur[j - 1] ?? 0);
    }
    [prev, cur] = [cur, prev];
  }
  return prev[b.length] ?? 0;
}

/** Normalised Indel similarity of two strings in [0, 1]. */
export function ratio(a: string, b: string): number {
  const total = a.length + b.length;
  if (total === 0) return 1;
  return (2 * lcsLength(a, b)) / total;
}

function words(s: string): string[] {
  return s
    .toLowerCase()
    .split(/[^\p{L}\p{N}]+/u)
    .filter((w) => w.length > 0);
}

/** `ratio` of the two strings with their words sorted: word order does not matter. */
export function tokenSortRatio(a: string, b: string): number {
  return ratio(words(a).sort().join(' '), words(b).sort().join(' '));
}

/**
 * Token-set ratio: compares the shared words with each side's shared + remaining words and
 * keeps the best, so a name contained in a longer one scores 1.
 */
export function tokenSetRatio(a: string, b: string): number {
  const sa = new Set(words(a));
  const sb = new Set(words(b));
  const inter = [...sa].filter((w) => sb.has(w)).sort();
  const diffA = [...sa].filter((w) => !sb.has(w)).sort();
  const diffB = [...sb].filter((w) => !sa.has(w)).sort();
  const t0 = inter.join(' ');
  const t1 = [t0, diffA.join(' ')].filter((x) => x.length > 0).join(' ');
  const t2 = [t0, diffB.join(' ')].filter((x) => x.length > 0).join(' ');
  if (t0.length > 0 && (diffA.length === 0 || diffB.length === 0)) return 1;
  return Math.max(ratio(t0, t1), ratio(t0, t2), ratio(t1, t2));
}
