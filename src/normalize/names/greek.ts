/**
 * Greek → Latin close to ELOT 743 / UN, the romanisation passports and sanctions lists use
 * (η, ι, υ → i/y; β → v; χ → ch; ου → ou), with the digraphs read as one sound (μπ → b at the
 * start of a word, ντ → d, γκ → g). What English spellings add on top (Giannis / Yanis,
 * Alexios / Alexis) is left to the phonetic key and the given-name table.
 */
const LETTERS: Record<string, string> = {
  α: 'a',
  β: 'v',
  γ: 'g',
  δ: 'd',
  ε: 'e',
  ζ: 'z',
  η: 'i',
  θ: 'th',
  ι: 'i',
  κ: 'k',
  λ: 'l',
  μ: 'm',
  ν: 'n',
  ξ: 'x',
  ο: 'o',
  π: 'p',
  ρ: 'r',
  σ: 's',
  ς: 's',
  τ: 't',
  υ: 'y',
  φ: 'f',
  χ: 'ch',
  ψ: 'ps',
  ω: 'o',
};

const GREEK_RE = /\p{Script=Greek}/u;

/** Whether the text contains a Greek letter. */
export function hasGreek(s: string): boolean {
  return GREEK_RE.test(s);
}

/** Transliterates the Greek letters of `s` (lower case out), keeping everything else. */
export function greekToLatin(s: string): string {
  // Strip accents and diaeresis first: ά → α, ϊ → ι.
  const t = s
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase();
  let out = '';
  for (let i = 0; i < t.length; i++) {
    const c = t[i] ?? '';
    const n = t[i + 1] ?? '';
    const prev = t[i - 1] ?? ' ';
    const start = !/\p{L}/u.test(prev);
    if (c === 'ο' && n === 'υ') {
      out += 'ou';
      i++;
      continue;
    }
    if ((c === 'α' || c === 'ε') && n === 'υ') {
      out += c === 'α' ? 'av' : 'ev';
      i++;
      continue;
    }
    if (c === 'μ' && n === 'π') {
      out += start ? 'b' : 'mb';
      i++;
      continue;
    }
    if (c === 'ν' && n === 'τ') {
      out += start ? 'd' : 'nt';
      i++;
      continue;
    }
    if (c === 'γ' && (n === 'κ' || n === 'γ')) {
      out += start || prev === 'ν' ? 'g' : 'ng';
      i++;
      continue;
    }
    const l = LETTERS[c];
    out += l === undefined ? c : l;
  }
  return out;
}
