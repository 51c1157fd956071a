/**
 * Cyrillic → Latin in the BGN/PCGN style sanctions lists and trade data use (х = kh, ц = ts,
 * щ = shch, soft and hard signs dropped), with the extra letters of Ukrainian, Belarusian,
 * Kazakh, Kyrgyz, Uzbek and Uyghur Cyrillic. Spelling variants (ya/ia, y/i, kh/h) are left to
 * the phonetic key, so one table serves every source.
 */
const TABLE: Record<string, string> = {
  а: 'a',
  б: 'b',
  в: 'v',
  г: 'g',
  д: 'd',
  е: 'e',
  ё: 'e',
  ж: 'zh',
  з: 'z',
  и: 'i',
  й: 'y',
  к: 'k',
  л: 'l',
  м: 'm',
  н: 'n',
  о: 'o',
  п: 'p',
  р: 'r',
  с: 's',
  т: 't',
  у: 'u',
  ф: 'f',
  х: 'kh',
  ц: 'ts',
  ч: 'ch',
  ш: 'sh',
  щ: 'shch',
  ъ: '',
  ы: 'y',
  ь: '',
  э: 'e',
  ю: 'yu',
  я: 'ya',
  і: 'i',
  ї: 'yi',
  є: 'ye',
  ґ: 'g',
  ў: 'u',
  ә: 'a',
  ғ: 'gh',
  қ: 'q',
  ң: 'ng',
  ө: 'o',
  ұ: 'u',
  ү: 'u',
  һ: 'h',
  ҳ: 'h',
  ҷ: 'j',
  ӣ: 'i',
  ӯ: 'u',
  ҫ: 's',
  ӑ: 'a',
  ӗ: 'e',
  ӳ: 'u',
  ј: 'j',
  љ: 'lj',
  њ: 'nj',
  ћ: 'c',
  ђ: 'dj',
  џ: 'dz',
  ѓ: 'gj',
  ќ: 'kj',
  ѕ: 'dz',
};

const CYR_RE = /\p{Script=Cyrillic}/u;

export function hasCyrillic(s: string): boolean {
  return CYR_RE.test(s);
}

/** Transliterates the Cyrillic letters of `s`, keeping everything else; output is lower case. */
export function cyrillicToLatin(s: string): string {
  let out = '';
  for (const ch of s) {
    const lower = ch.toLowerCase();
    const t = TABLE[lower];
    out += t === undefined ? ch : t;
  }
  return out;
}
