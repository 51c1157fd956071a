/**
 * `f` remembered for up to `limit` distinct inputs. Import files repeat a few hundred country
 * spellings, dates and HS codes millions of times; past the limit new inputs are computed each
 * time, so memory stays bounded whatever the file holds.
 */
export function memoize<R>(f: (s: string) => R, limit = 10_000): (s: string) => R {
  const cache = new Map<string, R>();
  return (s) => {
    const known = cache.get(s);
    if (known !== undefined || cache.has(s)) return known as R;
    const v = f(s);
    if (cache.size < limit) cache.set(s, v);
    return v;
  };
}
