/**
 * Chinese numerals, shared by name matching and by XPCC unit naming: positional ("一百五十二" =
 * 152, "十四" = 14) or digit by digit as regiments are written ("一五二" = 152).
 */

const DIGITS: Record<string, number> = {
  零: 0,
  〇: 0,
  一: 1,
  二: 2,
  两: 2,
  三: 3,
  四: 4,
  五: 5,
  六: 6,
  七: 7,
  八: 8,
  九: 9,
};
const UNITS: Record<string, number> = { 十: 10, 百: 100, 千: 1000 };

/** Characters that can make up a Chinese numeral. */
export const ZH_NUMERAL_CHARS = '零〇一二三四五六七八九两十百千';

/**
 * Parses a Chinese numeral: positional ("一百五十二" = 152, "十四" = 14) or digit by digit as
 * XPCC regiments are written ("一五二" = 152). Null when it is not a numeral.
 */
export function chineseNumber(s: string): number | null {
  if (s.length === 0) return null;
  if (/^\d+$/.test(s)) return Number(s);
  let positional = false;
  for (const ch of s) {
    if (UNITS[ch] !== undefined) positional = true;
    else if (DIGITS[ch] === undefined) return null;
  }
  if (!positional) {
    let n = 0;
    for (const ch of s) n = n * 10 + (DIGITS[ch] ?? 0);
    return n;
  }
  let total = 0;
  let digit = 0;
  for (const ch of s) {
    const u = UNITS[ch];
    if (u !== undefined) {
      total += (digit === 0 ? 1 : digit) * u;
      digit = 0;
    } else digit = DIGITS[ch] ?? 0;
  }
  return total + digit;
}

/** Character class for numerals in regexes (Arabic digits too). */
export const ZH_NUM = `[${ZH_NUMERAL_CHARS}\\d]`;
