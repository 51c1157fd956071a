/**
 * Phonetic folding for transliterated names: spellings that different romanisation systems give
 * the same sound fold to one key, so "Mukhammed" meets "Muhammed", "Sergey" meets "Sergei",
 * "Yevgeniy" meets "Evgeny" and "Wladimir" meets "Vladimir". Rules: sch/shch → sh, tch → ch,
 * zh/dzh/dj → j, kh → h, gh → g, ph → f, th → t, dh → d, ck/c/q → k (c before e/i/y → s),
 * x → ks, w → v, tz → ts, French gu(e) → g; ou/oo → u, eo → o, eu/ue → u, oe → o,
 * ee/ei/ey/ie → i, y → i, a leading ye → e; doubled letters once; a final d → t. Applied to tokens
 * folded to lower-case ASCII. One pass over the characters (this runs for every token of every
 * candidate), not a chain of regular expressions.
 */
export function phoneticKey(token: string): string {
  const s = token.startsWith('ye') && !'aeiouy'.includes(token[2] ?? 'a') ? token.slice(1) : token;
  const n = s.length;
  let out = '';
  let i = 0;
  while (i < n) {
    const c = s[i] as string;
    const n1 = s[i + 1];
    const n2 = s[i + 2];
    let rep = c;
    let step = 1;
    switch (c) {
      case 's':
        if (n1 === 'h' && n2 === 'c' && s[i + 3] === 'h') [rep, step] = ['sh', 4];
        else if (n1 === 'c' && n2 === 'h') [rep, step] = ['sh', 3];
        break;
      case 't':
        if (n1 === 'c' && n2 === 'h') [rep, step] = ['ch', 3];
        else if (n1 === 'h') [rep, step] = ['t', 2];
        else if (n1 === 'z') [rep, step] = ['ts', 2];
        break;
      case 'd':
        if (n1 === 'z' && n2 === 'h') [rep, step] = ['j', 3];
        else if (n1 === 'j') [rep, step] = ['j', 2];
        else if (n1 === 'h') [rep, step] = ['d', 2];
        break;
      case 'z':
        if (n1 === 'h') [rep, step] = ['j', 2];
        break;
      case 'k':
        if (n1 === 'h') [rep, step] = ['h', 2];
        break;
      case 'g':
        if (n1 === 'h') [rep, step] = ['g', 2];
        else if (n1 === 'u' && (n2 === 'e' || n2 === 'i' || n2 === 'y')) [rep, step] = ['g', 2];
        break;
      case 'p':
        if (n1 === 'h') [rep, step] = ['f', 2];
        break;
      case 'c':
        if (n1 === 'k') [rep, step] = ['k', 2];
        else if (n1 === 'h') [rep, step] = ['ch', 2];
        else rep = n1 === 'e' || n1 === 'i' || n1 === 'y' ? 's' : 'k';
        break;
      case 'q':
        rep = 'k';
        break;
      case 'x':
        rep = 'ks';
        break;
      case 'w':
        rep = 'v';
        break;
      case 'o':
        if (n1 === 'u' || n1 === 'o') [rep, step] = ['u', 2];
        else if (n1 === 'e') [rep, step] = ['o', 2];
        break;
      case 'e':
        if (n1 === 'o') [rep, step] = ['o', 2];
        else if (n1 === 'u') [rep, step] = ['u', 2];
        else if (n1 === 'e' || n1 === 'i' || n1 === 'y') [rep, step] = ['i', 2];
        break;
      case 'u':
        if (n1 === 'e' && i + 2 < n) [rep, step] = ['u', 2];
        break;
      case 'i':
      case 'y':
        rep = 'i';
        if (n1 === 'e') step = 2;
        break;
    }
    out += rep;
    i += step;
  }
  // Doubled letters once; a final d is devoiced (Mohamed/Mohamet, Akhmad/Akhmat).
  let key = '';
  for (let j = 0; j < out.length; j++) if (out[j] !== out[j - 1]) key += out[j];
  if (key.length >= 2 && key.endsWith('d')) key = `${key.slice(0, -1)}t`;
  return key;
}

/**
 * The consonant skeleton of a token: what a name written in Arabic, Persian or Hebrew script
 * keeps. Short vowels are not written and the letters for long vowels and w/y/v are
 * unreliable, ق is read q, k or g (Qaddafi / Gaddafi), a final h is often a vowel (Haniyeh,
 * خامنه): so vowels, y, w/v and j are dropped, g is read k and a final h is dropped. "Mohammed",
 * "Muhammad" and محمد all read "mhmt"; "Osama" and "Usama" read "sm".
 */
export function consonantSkeleton(token: string): string {
  return skeletonOfKey(phoneticKey(token));
}

/** {@link consonantSkeleton} of a token whose phonetic key is already known. */
export function skeletonOfKey(phonetic: string): string {
  // Arabic script has no "ch": in a Latin rendering it is French sh (Michel / ميشال) or Persian
  // چ, which we transliterate ch as well — both sides fold to sh.
  const k = phonetic.includes('ch') ? phonetic.replace(/ch/g, 'sh') : phonetic;
  let out = '';
  const end = k.endsWith('h') && k.length > 1 ? k.length - 1 : k.length;
  for (let i = 0; i < end; i++) {
    let c = k[i] as string;
    if ("aeiouyvj'".includes(c)) continue;
    if (c === 'g') c = 'k';
    if (out[out.length - 1] !== c) out += c;
  }
  return out;
}

/**
 * A key for Korean syllables romanised by different systems (Revised: Gim Jeong Eun;
 * McCune-Reischauer: Kim Jong Un): voicing is not distinguished (g/k, d/t, b/p, j/ch) nor
 * r/l, and vowels are dropped. Empty for a vowel-only syllable.
 */
export function hangulKey(token: string): string {
  const k = phoneticKey(token);
  let out = '';
  for (let i = 0; i < k.length; i++) {
    let c = k[i] as string;
    if ('aeiouyv'.includes(c)) continue;
    if (c === 'g') c = 'k';
    else if (c === 'd') c = 't';
    else if (c === 'b') c = 'p';
    else if (c === 'r') c = 'l';
    else if (c === 'j') c = 'ch';
    else if (c === 'c' && k[i + 1] === 'h') {
      c = 'ch';
      i++;
    }
    if (!out.endsWith(c)) out += c;
  }
  return out;
}
