/** Chinese numerals as written in XPCC unit names: 一五二 (digit by digit), 八十六, 二十一, 一零四. */
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

/** The value of a Chinese or Arabic numeral string, or null. */
export function parseChineseNumber(s: string): number | null {
  if (/^\d+$/.test(s)) return Number(s);
  if (s.length === 0) return null;
  if (!/[十百]/.test(s)) {
    // Digit by digit (一五二 = 152), the way regiment numbers are usually written.
    let n = 0;
    for (const ch of s) {
      const d = DIGITS[ch];
      if (d === undefined) return null;
      n = n * 10 + d;
    }
    return n;
  }
  let total = 0;
  let current = 0;
  for (const ch of s) {
    const d = DIGITS[ch];
    if (d !== undefined) current = d;
    else if (ch === '十') {
      total += (current || 1) * 10;
      current = 0;
    } else if (ch === '百') {
      total += (current || 1) * 100;
      current = 0;
    } else return null;
  }
  return total + current;
}

/** Character class for numerals in regexes. */
export const ZH_NUM = '[〇零一二两三四五六七八九十百\\d]';
