import anyAscii from 'any-ascii';
import { arabicToLatin, hasArabic, hasHebrew, hebrewToLatin } from './abjad.ts';
import { cyrillicToLatin, hasCyrillic } from './cyrillic.ts';
import { greekToLatin, hasGreek } from './greek.ts';

/** Unicode scripts a name can carry, as far as matching cares. */
export type NameScript =
  | 'latin'
  | 'han'
  | 'cyrillic'
  | 'arabic'
  | 'hebrew'
  | 'hangul'
  | 'kana'
  | 'greek'
  | 'other';

const HAN_RE = /\p{Script=Han}/u;
const HAN_RUN_RE = /\p{Script=Han}+/gu;

/** Whether the text contains a Han character. */
export function hasHan(s: string): boolean {
  return HAN_RE.test(s);
}

/** The non-Latin scripts present in a name (Latin is implied for ASCII letters). */
export function scriptsOf(s: string): NameScript[] {
  // biome-ignore lint/suspicious/noControlCharactersInRegex: testing for pure ASCII
  if (/^[\u0000-\u007f]*$/.test(s)) return /[A-Za-z]/.test(s) ? ['latin'] : [];
  const out = new Set<NameScript>();
  for (const ch of s) {
    const cp = ch.codePointAt(0) ?? 0;
    if (cp < 0x80) {
      if (/[A-Za-z]/.test(ch)) out.add('latin');
      continue;
    }
    if (/\p{Script=Latin}/u.test(ch)) out.add('latin');
    else if (/\p{Script=Han}/u.test(ch)) out.add('han');
    else if (/\p{Script=Cyrillic}/u.test(ch)) out.add('cyrillic');
    else if (/[\p{Script=Arabic}\p{Script=Syriac}\p{Script=Thaana}]/u.test(ch)) out.add('arabic');
    else if (/\p{Script=Hebrew}/u.test(ch)) out.add('hebrew');
    else if (/\p{Script=Hangul}/u.test(ch)) out.add('hangul');
    else if (/[\p{Script=Hiragana}\p{Script=Katakana}]/u.test(ch)) out.add('kana');
    else if (/\p{Script=Greek}/u.test(ch)) out.add('greek');
    else if (/\p{L}/u.test(ch)) out.add('other');
  }
  return [...out];
}

/** Scripts written without short vowels: their Latin form is a consonant skeleton. */
export function isAbjad(scripts: readonly NameScript[]): boolean {
  return scripts.includes('arabic') || scripts.includes('hebrew');
}

/**
 * Latin transliteration of non-Han text: Cyrillic, Greek, Arabic-script and Hebrew through our
 * own tables (so the spelling is the one trade data and sanctions lists use, BGN/PCGN- and
 * ELOT-like), everything else through any-ascii. Hangul comes back with a capital per syllable
 * ("GimJeongEun"); we keep the syllables apart with a space so "Kim Jong Un" can meet them
 * syllable by syllable. Azerbaijani ə is read a (Əliyev = Aliyev), not any-ascii's e.
 */
export function toLatin(s: string): string {
  let t = s;
  if (hasCyrillic(t)) t = cyrillicToLatin(t);
  if (hasGreek(t)) t = greekToLatin(t);
  if (hasArabic(t)) t = arabicToLatin(t);
  if (hasHebrew(t)) t = hebrewToLatin(t);
  // biome-ignore lint/suspicious/noControlCharactersInRegex: testing for pure ASCII
  if (/^[\u0000-\u007f]*$/.test(t)) return t;
  let out = '';
  for (const ch of t) {
    const cp = ch.codePointAt(0) ?? 0;
    if (cp < 0x80) {
      out += ch;
      continue;
    }
    if (ch === 'ə' || ch === 'Ə') {
      out += 'a';
      continue;
    }
    if (cp >= 0xac00 && cp <= 0xd7a3) {
      out += ` ${anyAscii(ch)} `;
      continue;
    }
    out += anyAscii(ch);
  }
  return out;
}

/** Splits text into Han runs and the rest, in order. */
export function splitHan(s: string): { han: boolean; text: string }[] {
  const parts: { han: boolean; text: string }[] = [];
  let last = 0;
  for (const m of s.matchAll(HAN_RUN_RE)) {
    const i = m.index ?? 0;
    if (i > last) parts.push({ han: false, text: s.slice(last, i) });
    parts.push({ han: true, text: m[0] });
    last = i + m[0].length;
  }
  if (last < s.length) parts.push({ han: false, text: s.slice(last) });
  return parts;
}

/**
 * Folds Latin text to comparable tokens: lower case, ASCII, `&` as "and", apostrophes dropped
 * (O'Brien = OBrien), every other punctuation a separator.
 */
export function latinTokens(s: string): string[] {
  const t = toLatin(s.normalize('NFKC'))
    .toLowerCase()
    .replace(/&/g, ' and ')
    .replace(/['’‘`´ʼʻ"]/g, '')
    .replace(/[^a-z0-9]+/g, ' ')
    .trim();
  return t.length === 0 ? [] : t.split(' ');
}
