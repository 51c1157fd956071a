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

const SERBIAN: Record<string, string> = {
  ч: 'c',
  ш: 's',
  ж: 'z',
  ћ: 'c',
  ђ: 'dj',
  џ: 'dz',
  ј: 'j',
  х: 'h',
  ц: 'c',
};

const VOWELS = new Set('аеёиоуыэюяіїєӕ'.split(''));

/**
 * Transliterates the Cyrillic letters of `s`, keeping everything else; output is lower case.
 * Ukrainian text (і ї є ґ without э) reads и as y and г as h, Belarusian (і or ў with э) г as h,
 * as their national romanisations do; Russian е and ё read ye / yo at the start of a word or
 * after a vowel (Евгений → yevgeniy), as BGN/PCGN and the sanctions lists write them.
 */
export function cyrillicToLatin(s: string): string {
  const lower = s.toLowerCase();
  const ukrainian = /[іїєґ]/.test(lower) && !/[эыё]/.test(lower);
  const belarusian = !ukrainian && /[іў]/.test(lower);
  // Serbian and Macedonian Cyrillic map letter for letter onto their Latin alphabet (ч = č,
  // ш = š, ж = ž, ћ = ć), whose letters lists write without diacritics: Вучић = Vucic.
  const serbian = /[ђјљњћџѓќ]/.test(lower);
  let out = '';
  let prev = ' ';
  for (const ch of lower) {
    let t: string | undefined;
    if (serbian && SERBIAN[ch] !== undefined) t = SERBIAN[ch];
    else if (ukrainian && ch === 'и') t = 'y';
    else if ((ukrainian || belarusian) && ch === 'г') t = 'h';
    else if (
      (ch === 'е' || ch === 'ё') &&
      !ukrainian &&
      !serbian &&
      (!CYR_RE.test(prev) || VOWELS.has(prev) || prev === 'ь' || prev === 'ъ')
    )
      t = ch === 'е' ? 'ye' : 'yo';
    else t = TABLE[ch];
    out += t === undefined ? ch : t;
    prev = ch;
  }
  return out;
}
