import * as OpenCC from 'opencc-js';
import { pinyin } from 'pinyin-pro';
import { conceptToken, placeToken } from './latin.ts';
import { chineseNumber, ZH_NUMERAL_CHARS } from './numbers.ts';
import { zhPlaceCode, zhPlaceWords } from './places.ts';
import { BRANDS, type LegalForm, registerBrandPinyin, ZH_CONCEPTS, ZH_FORMS } from './tables.ts';
import type { NameToken } from './types.ts';

/**
 * Chinese names: traditional → simplified (OpenCC), legal-form suffixes, a longest-match
 * segmentation into places, company words, XPCC unit numbers and the distinctive core, and
 * Han → pinyin with pinyin-pro's word dictionary (so polyphones read in context: 银行 yinhang,
 * 重庆 chongqing) and its surname mode for persons (曾 zeng, 单 shan).
 */

const twToCn = OpenCC.Converter({ from: 'tw', to: 'cn' });
const hkToCn = OpenCC.Converter({ from: 'hk', to: 'cn' });

/** Simplified Chinese for any traditional (Taiwan or Hong Kong) text. */
export function toSimplified(s: string): string {
  return hkToCn(twToCn(s));
}

/** Toneless pinyin syllables of Han text, read in context. */
export function pinyinSyllables(han: string, surname = false): string[] {
  const out = pinyin(han, {
    toneType: 'none',
    type: 'array',
    v: true,
    ...(surname ? { surname: 'head' } : {}),
  });
  return out.map((s) => s.toLowerCase().replace(/[^a-z]/g, ''));
}

type Entry =
  | { kind: 'place'; code: string }
  | { kind: 'concept'; ids: readonly string[] }
  | { kind: 'brand'; en: readonly string[] };

const DICT = new Map<string, Entry>();
for (const w of zhPlaceWords()) {
  const code = zhPlaceCode(w);
  if (code) DICT.set(w, { kind: 'place', code });
}
for (const [w, ids] of ZH_CONCEPTS) if (!DICT.has(w)) DICT.set(w, { kind: 'concept', ids });
for (const [w, en] of BRANDS) {
  DICT.set(w, { kind: 'brand', en });
  registerBrandPinyin(pinyinSyllables(w).join(''), en);
}
let MAX_WORD = 1;
for (const w of DICT.keys()) MAX_WORD = Math.max(MAX_WORD, w.length);

const UNIT_CHARS = '师团连场厂号队营';
const NUMERAL_RE = new RegExp(
  `^第?([${ZH_NUMERAL_CHARS}]+|\\d+)(?=[${UNIT_CHARS}])|^第([${ZH_NUMERAL_CHARS}]+|\\d+)`,
);

const COMPOUND_SURNAMES = new Set(
  '欧阳 司马 诸葛 上官 东方 皇甫 尉迟 公孙 慕容 令狐 长孙 宇文 司徒 夏侯 轩辕 端木 申屠 独孤 南宫 闻人 呼延 赫连 澹台 西门 百里 东郭 第五'.split(
    ' ',
  ),
);

/** A segmented Chinese name: parallel token lists for the pinyin/translated and Han variants. */
export interface HanParse {
  readonly latin: NameToken[];
  readonly han: NameToken[];
  readonly legalForms: (LegalForm & { text: string })[];
  readonly numbers: number[];
  readonly places: string[];
  orgSignals: number;
}

/** Strips legal-form suffixes off a simplified Han run. */
export function stripZhForms(s: string, forms: (LegalForm & { text: string })[], mayEmpty = false): string {
  let t = s;
  for (let guard = 0; guard < 3; guard++) {
    const hit = ZH_FORMS.find((f) => t.endsWith(f.zh) && (mayEmpty || t.length > f.zh.length));
    if (!hit) break;
    forms.push({ ...hit.form, text: hit.zh });
    t = t.slice(0, t.length - hit.zh.length);
  }
  return t;
}

/** Segments one simplified Han run of an organisation's name (legal forms already stripped). */
export function parseHanOrg(run: string, into: HanParse): void {
  // One pinyin call for the whole run: context-aware readings, and 5-10× cheaper than one per word.
  const runSyl = pinyinSyllables(run);
  const py = (from: number, len: number) => runSyl.slice(from, from + len).join('');
  let core = '';
  let coreStart = 0;
  const flush = () => {
    if (core.length === 0) return;
    const syl = [py(coreStart, core.length)];
    into.latin.push({
      text: syl.join(''),
      kind: 'core',
      weight: 1,
      exact: true,
      ...umlautAlts(syl.join('')),
      from: core,
    });
    into.han.push({ text: core, kind: 'core', weight: 1, from: core });
    core = '';
  };
  let i = 0;
  while (i < run.length) {
    const rest = run.slice(i);
    const num = NUMERAL_RE.exec(rest);
    if (num) {
      const digits = num[1] ?? num[2] ?? '';
      const n = chineseNumber(digits);
      if (n !== null) {
        flush();
        into.numbers.push(n);
        const tok: NameToken = { text: String(n), kind: 'number', weight: 1, key: `#${n}`, from: num[0] };
        into.latin.push(tok);
        into.han.push(tok);
        i += num[0].length;
        continue;
      }
    }
    let matched = false;
    for (let len = Math.min(MAX_WORD, run.length - i); len >= 1; len--) {
      const w = run.slice(i, i + len);
      const e = DICT.get(w);
      if (!e) continue;
      // A single character is a word only where it cannot be part of a two-character brand
      // (冠农: 农 is not "agriculture"): at the start of a core, after a core of 2+ characters,
      // or at the end of the name.
      if (len === 1 && core.length === 1 && i + 1 < run.length) continue;
      if (len === 1 && core.length === 1 && e.kind === 'concept') continue;
      flush();
      if (e.kind === 'place') {
        into.places.push(e.code);
        into.latin.push(placeToken(e.code, py(i, len), w));
        into.han.push({ text: w, kind: 'place', weight: 0.5, key: `p:${e.code}`, from: w });
      } else if (e.kind === 'concept') {
        for (const id of e.ids) {
          into.latin.push(conceptToken(id, w, e.ids.length === 1 ? [py(i, len)] : []));
          into.han.push({ ...conceptToken(id, w), text: w });
        }
        if (!e.ids.includes('china') && !e.ids.includes('city')) into.orgSignals++;
      } else {
        const py = pinyinSyllables(w).join('');
        into.orgSignals++;
        into.latin.push({
          text: py,
          kind: 'core',
          weight: 1,
          alts: e.en.map((x) => x.replace(/ /g, '')),
          from: w,
        });
        into.han.push({ text: w, kind: 'core', weight: 1, from: w });
      }
      i += len;
      matched = true;
      break;
    }
    if (matched) continue;
    if (core.length === 0) coreStart = i;
    core += run[i];
    i++;
  }
  flush();
}

/** Tokens of a Chinese person's name: family name (compound-aware) and given name. */
export function parseHanPerson(run: string, into: HanParse): void {
  const parts = run.split(/[·•・]/).filter((p) => p.length > 0);
  if (parts.length > 1) {
    // Transcribed foreign names (伊力哈木·土赫提): one token per part.
    for (const p of parts) {
      into.latin.push({ text: pinyinSyllables(p).join(''), kind: 'word', weight: 1, from: p });
      into.han.push({ text: p, kind: 'word', weight: 1, from: p });
    }
    return;
  }
  const famLen = run.length >= 3 && COMPOUND_SURNAMES.has(run.slice(0, 2)) ? 2 : 1;
  const syl = pinyinSyllables(run, true);
  const fam = run.slice(0, famLen);
  const given = run.slice(famLen);
  const famPy = syl.slice(0, famLen).join('');
  into.latin.push({ text: famPy, kind: 'word', weight: 1, exact: true, ...umlautAlts(famPy), from: fam });
  into.han.push({ text: fam, kind: 'word', weight: 1, from: fam });
  if (given.length > 0) {
    const givenPy = syl.slice(famLen).join('');
    into.latin.push({
      text: givenPy,
      kind: 'word',
      weight: 1,
      exact: true,
      ...umlautAlts(givenPy),
      from: given,
    });
    into.han.push({ text: given, kind: 'word', weight: 1, from: given });
  }
}

// ü is written v (pinyin input), u or yu in English renderings: Lü = Lv = Lu = Lyu.
function umlautAlts(py: string): { alts?: string[] } {
  if (!py.includes('v')) return {};
  return { alts: [py.replace(/v/g, 'u'), py.replace(/v/g, 'yu')] };
}
