/**
 * Jaro and Jaro-Winkler similarity (Winkler 1990): the standard string measure for short names.
 * Works on UTF-16 code units, which is exact for the BMP (Latin, Cyrillic, Han).
 */

const SCRATCH = 128;
const SCRATCH_A = new Uint8Array(SCRATCH);
const SCRATCH_B = new Uint8Array(SCRATCH);

/** Jaro similarity in [0, 1]. */
export function jaro(a: string, b: string): number {
  if (a === b) return 1;
  const la = a.length;
  const lb = b.length;
  if (la === 0 || lb === 0) return 0;
  const window = Math.max(0, Math.floor(Math.max(la, lb) / 2) - 1);
  // Match flags in scratch arrays reused across calls (this runs millions of times in a batch);
  // names longer than the scratch get their own.
  const ma = la <= SCRATCH ? SCRATCH_A.fill(0, 0, la) : new Uint8Array(la);
  const mb = lb <= SCRATCH ? SCRATCH_B.fill(0, 0, lb) : new Uint8Array(lb);
  let matches = 0;
  for (let i = 0; i < la; i++) {
    const lo = Math.max(0, i - window);
    const hi = Math.min(lb - 1, i + window);
    const c = a.charCodeAt(i);
    for (let j = lo; j <= hi; j++) {
      if (mb[j] === 0 && b.charCodeAt(j) === c) {
        ma[i] = 1;
        mb[j] = 1;
        matches++;
        break;
      }
    }
  }
  if (matches === 0) return 0;
  let t = 0;
  let k = 0;
  for (let i = 0; i < la; i++) {
    if (ma[i] === 0) continue;
    while (mb[k] === 0) k++;
    if (a.charCodeAt(i) !== b.charCodeAt(k)) t++;
    k++;
  }
  const m = matches;
  return (m / la + m / lb + (m - t / 2) / m) / 3;
}

/**
 * Jaro-Winkler: Jaro boosted by the common prefix (up to 4 characters, scale 0.1) when Jaro
 * exceeds 0.7, as in Winkler's original definition.
 */
export function jaroWinkler(a: string, b: string, prefixScale = 0.1): number {
  const j = jaro(a, b);
  if (j <= 0.7) return j;
  let l = 0;
  const max = Math.min(4, a.length, b.length);
  while (l < max && a.charCodeAt(l) === b.charCodeAt(l)) l++;
  return j + l * prefixScale * (1 - j);
}
