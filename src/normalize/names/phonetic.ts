/**
 * Phonetic folding for transliterated names: spellings that different romanisation systems give
 * the same sound (kh/h, ph/f, y/i, ou/u, w/v, doubled letters) fold to one key, so
 * "Mukhammed" meets "Muhammad" and "Sergey" meets "Sergei". Applied to tokens already folded to
 * lower-case ASCII.
 */
const RULES: readonly [RegExp, string][] = [
  [/sch/g, 'sh'],
  [/tch/g, 'ch'],
  [/shch/g, 'sh'],
  [/kh/g, 'h'],
  [/gh/g, 'g'],
  [/ph/g, 'f'],
  [/th/g, 't'],
  [/dh/g, 'd'],
  [/zh/g, 'j'],
  [/dzh/g, 'j'],
  [/dj/g, 'j'],
  [/ck/g, 'k'],
  [/q/g, 'k'],
  [/x/g, 'ks'],
  [/c(?=[eiy])/g, 's'],
  [/c(?!h)/g, 'k'],
  [/w/g, 'v'],
  [/ou/g, 'u'],
  [/eo/g, 'o'],
  [/eu/g, 'u'],
  [/oo/g, 'u'],
  [/ee/g, 'i'],
  [/y/g, 'i'],
  [/ie/g, 'i'],
  [/ei/g, 'i'],
  [/(.)\1+/g, '$1'],
];

/** The phonetic key of one folded token. */
export function phoneticKey(token: string): string {
  let t = token;
  for (const [re, rep] of RULES) t = t.replace(re, rep);
  return t;
}

/**
 * The consonant skeleton of a token: what a name written in Arabic or Hebrew script keeps
 * (short vowels are not written, long ones and w/y are unreliable), so "Mohammed" and the
 * transliterated "mhmd" compare equal.
 */
export function consonantSkeleton(token: string): string {
  return phoneticKey(token)
    .replace(/[aeiouvy'`]/g, '')
    .replace(/(.)\1+/g, '$1');
}
