/**
 * Numbers and ordinals in names, so "8th" = "Eighth" = "第八" = "八" and "152" = "一五二":
 * XPCC divisions and regiments differ only by their number, so numbers must compare exactly.
 */

const WORDS: Record<string, number> = {
  one: 1,
  first: 1,
  two: 2,
  second: 2,
  three: 3,
  third: 3,
  four: 4,
  fourth: 4,
  five: 5,
  fifth: 5,
  six: 6,
  sixth: 6,
  seven: 7,
  seventh: 7,
  eight: 8,
  eighth: 8,
  nine: 9,
  ninth: 9,
  ten: 10,
  tenth: 10,
  eleven: 11,
  eleventh: 11,
  twelve: 12,
  twelfth: 12,
  thirteen: 13,
  thirteenth: 13,
  fourteen: 14,
  fourteenth: 14,
  fifteen: 15,
  fifteenth: 15,
  sixteen: 16,
  sixteenth: 16,
  seventeen: 17,
  seventeenth: 17,
  eighteen: 18,
  eighteenth: 18,
  nineteen: 19,
  nineteenth: 19,
  twenty: 20,
  twentieth: 20,
};

const ORDINAL_RE = /^(\d+)(st|nd|rd|th|e|ya|yy|iy|oy|y)?$/;

// Roman numerals as companies number their vehicles (Nord Stream II, Fleurette Energy III);
// single letters and the words "vi", "xi", "xv" (Xi is a surname) are left alone.
const ROMAN: Record<string, number> = {
  ii: 2,
  iii: 3,
  iv: 4,
  vii: 7,
  viii: 8,
  ix: 9,
  xii: 12,
  xiii: 13,
  xiv: 14,
  xvi: 16,
  xvii: 17,
  xviii: 18,
  xix: 19,
  xx: 20,
};

/** The number a folded Latin token stands for ("8", "8th", "eighth", "152nd", "II"), or null. */
export function latinNumber(token: string): number | null {
  const c = token.charCodeAt(0);
  if (c >= 48 && c <= 57) {
    const m = ORDINAL_RE.exec(token);
    if (m?.[1] === undefined) return null;
    const n = Number(m[1]);
    return Number.isSafeInteger(n) ? n : null;
  }
  // Own properties only: "constructor" is a company word, not Object.prototype's.
  if (Object.hasOwn(WORDS, token)) return WORDS[token] ?? null;
  if (Object.hasOwn(ROMAN, token)) return ROMAN[token] ?? null;
  return null;
}

export { chineseNumber, ZH_NUMERAL_CHARS } from '../chinese-numerals.ts';
