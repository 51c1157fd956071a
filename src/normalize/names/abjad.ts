/**
 * Arabic, Persian (and Urdu) and Hebrew script → Latin. These scripts do not write short
 * vowels, so no transliteration can recover "Mohammed" from محمد: we produce a plain reading
 * (consonants, long vowels, the article split off: الأسد → "al asad") for explanations, and the
 * matcher compares such names by consonant skeleton (see `consonantSkeleton`), where
 * "Mohammed", "Muhammad" and محمد all read "mhmd".
 */

const ARABIC: Record<string, string> = {
  ا: 'a',
  أ: 'a',
  إ: 'i',
  آ: 'a',
  ٱ: 'a',
  ء: "'",
  ئ: "'",
  ؤ: "'",
  ب: 'b',
  ت: 't',
  ث: 'th',
  ج: 'j',
  ح: 'h',
  خ: 'kh',
  د: 'd',
  ذ: 'dh',
  ر: 'r',
  ز: 'z',
  س: 's',
  ش: 'sh',
  ص: 's',
  ض: 'd',
  ط: 't',
  ظ: 'z',
  ع: "'",
  غ: 'gh',
  ف: 'f',
  ق: 'q',
  ك: 'k',
  ک: 'k',
  ل: 'l',
  م: 'm',
  ن: 'n',
  ه: 'h',
  ة: 'a',
  ۀ: 'e',
  ى: 'a',
  پ: 'p',
  چ: 'ch',
  ژ: 'zh',
  گ: 'g',
  ګ: 'g',
  ٹ: 't',
  ڈ: 'd',
  ڑ: 'r',
  ں: 'n',
  ے: 'e',
};

const HEBREW: Record<string, string> = {
  א: "'",
  ב: 'v',
  ג: 'g',
  ד: 'd',
  ה: 'h',
  ז: 'z',
  ח: 'kh',
  ט: 't',
  כ: 'kh',
  ך: 'kh',
  ל: 'l',
  מ: 'm',
  ם: 'm',
  נ: 'n',
  ן: 'n',
  ס: 's',
  ע: "'",
  פ: 'f',
  ף: 'f',
  צ: 'ts',
  ץ: 'ts',
  ק: 'k',
  ר: 'r',
  ש: 'sh',
  ת: 't',
};
// Letters that are hard at the start of a word (beged-kefet without the dagesh we never see).
const HEBREW_START: Record<string, string> = { ב: 'b', כ: 'k', פ: 'p' };

const ARABIC_RE = /[\u0600-\u06ff\u0750-\u077f\ufb50-\ufdff\ufe70-\ufeff]/u;
const HEBREW_RE = /[\u0590-\u05ff]/u;

/** Whether the text contains Arabic-script letters (Arabic, Persian, Urdu…). */
export function hasArabic(s: string): boolean {
  return ARABIC_RE.test(s);
}

/** Whether the text contains Hebrew letters. */
export function hasHebrew(s: string): boolean {
  return HEBREW_RE.test(s);
}

function arabicWord(w: string): string {
  let out = '';
  for (let i = 0; i < w.length; i++) {
    const c = w[i] ?? '';
    const prevOut = out[out.length - 1] ?? '';
    // An initial alif carrying a long i or u: ایران = Iran, اوباما = Ubama.
    if (i === 0 && (c === 'ا' || c === 'أ' || c === 'إ') && w.length > 2) {
      const n = w[1];
      if (n === 'ي' || n === 'ی') {
        out += 'i';
        i++;
        continue;
      }
      if (n === 'و') {
        out += 'u';
        i++;
        continue;
      }
    }
    if (c === 'و' || c === 'ؤ') {
      // Consonant w at the start or after a long a, otherwise the long vowel u/o.
      out += i === 0 || prevOut === 'a' ? 'w' : 'u';
      continue;
    }
    if (c === 'ي' || c === 'ی' || c === 'ئ') {
      out += i === 0 || prevOut === 'a' || prevOut === 'u' ? 'y' : 'i';
      continue;
    }
    // A final ه after a consonant is mostly a vowel (سپه Sepah, Persian -e); read as "e" it
    // cannot fuse with the consonant before it into a digraph (p+h would read f).
    if (c === 'ه' && i === w.length - 1 && i > 0) {
      out += 'e';
      continue;
    }
    // An initial ʿayn or alif carries a vowel we cannot see; "a" is the likeliest reading.
    if (c === 'ع') {
      out += i === 0 ? 'a' : "'";
      continue;
    }
    const l = ARABIC[c];
    out += l === undefined ? c : l;
  }
  return out;
}

/**
 * Transliterates Arabic-script text: the article ال is split off as "al" (الأسد → "al asad"),
 * the preposition لل dropped (للتجارة → "tijara" without its vowels), Persian ه before a
 * zero-width non-joiner read as "e" (خامنه‌ای → "khamneai").
 */
export function arabicToLatin(s: string): string {
  const t = s
    .replace(/[\u064b-\u065f\u0670\u0640]/g, '') // harakat, dagger alif, tatweel
    .replace(/ه\u200c/g, 'ۀ')
    .replace(/\u200c/g, '');
  const words = t.split(/(\s+)/);
  const out: string[] = [];
  for (const w of words) {
    if (!ARABIC_RE.test(w)) {
      out.push(w);
      continue;
    }
    if (w.length > 3 && w.startsWith('ال')) out.push(`al ${arabicWord(w.slice(2))}`);
    else if (w.length > 3 && w.startsWith('لل')) out.push(arabicWord(w.slice(2)));
    else if (w.length > 4 && w.startsWith('وال')) out.push(`al ${arabicWord(w.slice(3))}`);
    else out.push(arabicWord(w));
  }
  return out.join('');
}

/** Transliterates Hebrew text (consonants; ו and י read as vowels inside a word). */
export function hebrewToLatin(s: string): string {
  const t = s.replace(/[\u0591-\u05c7]/g, ''); // points and cantillation
  let out = '';
  for (let i = 0; i < t.length; i++) {
    const c = t[i] ?? '';
    const start = i === 0 || !HEBREW_RE.test(t[i - 1] ?? '');
    if (c === 'ו') {
      out += start || t[i + 1] === 'ו' ? 'v' : 'o';
      if (t[i + 1] === 'ו') i++;
      continue;
    }
    if (c === 'י') {
      out += start ? 'y' : 'i';
      continue;
    }
    const l = (start ? HEBREW_START[c] : undefined) ?? HEBREW[c];
    out += l === undefined ? c : l;
  }
  return out;
}
