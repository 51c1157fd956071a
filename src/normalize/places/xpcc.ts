import { pinyin } from 'pinyin-pro';
import { chineseNumber as parseChineseNumber, ZH_NUM } from '../chinese-numerals.ts';
import { foldPlaceName } from './gazetteer.ts';
import table from './xpcc-units.json' with { type: 'json' };

/**
 * XPCC (新疆生产建设兵团) units as they appear in company, shareholder and address text:
 * the corps itself, divisions (兵团第八师, 农八师, "8th Division", "Agricultural Division 8"),
 * regiments (一五二团, "152nd Regiment", "Tuan 152") and the farms/ranches of the statistical
 * township codes (652324520 兵团农六师新湖农场).
 */

export interface XpccUnit {
  /** 9-digit statistical township code (county code + 5xx). */
  readonly code: string;
  readonly zh: string;
  /** The bare name used in running text: 新湖农场, 一五二团. */
  readonly name: string;
  readonly kind: 'regiment' | 'farm' | 'ranch' | 'other';
  readonly regiment: number | null;
  /** Only where the source states it (or the unit lies in an XPCC city); never guessed. */
  readonly division: number | null;
  /** The county-level division the unit lies in. */
  readonly county: string;
}

export const XPCC_UNITS: readonly XpccUnit[] = table.units as readonly XpccUnit[];
export const XPCC_UNITS_SOURCE: string = table.source;

/** The unit listed for a regiment number (numbers are unique across the corps). */
export function regimentUnit(n: number): XpccUnit | undefined {
  const all = XPCC_UNITS.filter((u) => u.regiment === n);
  return all.find((u) => u.division !== null) ?? all[0];
}

export type XpccMatchKind = 'corps' | 'division' | 'regiment' | 'unit';

export interface XpccMatch {
  readonly kind: XpccMatchKind;
  readonly start: number;
  readonly end: number;
  readonly token: string;
  readonly division: number | null;
  readonly regiment: number | null;
  readonly unit: XpccUnit | null;
  /** Self-sufficient evidence (兵团, 农八师, 一五二团, "Agricultural Division") vs needing other context. */
  readonly strong: boolean;
}

const ORDINALS = [
  'first',
  'second',
  'third',
  'fourth',
  'fifth',
  'sixth',
  'seventh',
  'eighth',
  'ninth',
  'tenth',
  'eleventh',
  'twelfth',
  'thirteenth',
  'fourteenth',
];
const ORD = `(\\d{1,2})(?:st|nd|rd|th)?|(${ORDINALS.join('|')})`;
const num = (digits: string | undefined, word: string | undefined): number | null =>
  digits ? Number(digits) : word ? ORDINALS.indexOf(word.toLowerCase()) + 1 : null;

interface Pattern {
  readonly re: RegExp;
  readonly kind: XpccMatchKind;
  readonly strong: boolean;
  readonly read: (m: RegExpExecArray) => { division?: number | null; regiment?: number | null };
}
const PATTERNS: readonly Pattern[] = [
  {
    re: /新疆生产建设兵团|生产建设兵团|中国新建集团(?:公司|有限公司)?|兵团/g,
    kind: 'corps',
    strong: true,
    read: () => ({}),
  },
  {
    re: /\b(?:Xinjiang\s+Production\s+(?:and|&)\s+Construction\s+Corps|Production\s+(?:and|&)\s+Construction\s+Corps|XPCC|Bingtuan|China\s+Xinjian\s+Group)\b/gi,
    kind: 'corps',
    strong: true,
    read: () => ({}),
  },
  {
    re: /(?:兵团)?(农|第)([一二三四五六七八九十]{1,3})师/g,
    kind: 'division',
    strong: true,
    read: (m) => ({ division: parseChineseNumber(m[2] ?? '') }),
  },
  {
    re: new RegExp(
      `\\bAgricultural\\s+(?:(?:${ORD})\\s+)?Division(?:\\s+(?:No\\.?\\s*)?(\\d{1,2}))?\\b`,
      'gi',
    ),
    kind: 'division',
    strong: true,
    read: (m) => ({ division: num(m[1], m[2]) ?? (m[3] ? Number(m[3]) : null) }),
  },
  {
    re: /\bNong\s*(yi|er|san|si|wu|liu|qi|ba|jiu|shi|shiyi|shier|shisan|shisi)\s*shi\b/gi,
    kind: 'division',
    strong: true,
    read: (m) => ({
      division:
        [
          'yi',
          'er',
          'san',
          'si',
          'wu',
          'liu',
          'qi',
          'ba',
          'jiu',
          'shi',
          'shiyi',
          'shier',
          'shisan',
          'shisi',
        ].indexOf((m[1] ?? '').toLowerCase()) + 1,
    }),
  },
  {
    re: new RegExp(`\\b(?:${ORD})\\s+Division\\b`, 'gi'),
    kind: 'division',
    strong: false,
    read: (m) => ({ division: num(m[1], m[2]) }),
  },
  {
    re: /\bDivision\s+(?:No\.?\s*)?(\d{1,2})\b/gi,
    kind: 'division',
    strong: false,
    read: (m) => ({ division: Number(m[1]) }),
  },
  {
    // 一五二团, 152团, 第一五二团 — at least two numerals so 集团/共青团 never match.
    re: new RegExp(`第?(${ZH_NUM}{2,4})团(?!结)`, 'g'),
    kind: 'regiment',
    strong: true,
    read: (m) => ({ regiment: parseChineseNumber(m[1] ?? '') }),
  },
  {
    re: /\bTuan\s*(?:No\.?\s*)?(\d{1,3})\b|\b(\d{1,3})\s*Tuan\b/gi,
    kind: 'regiment',
    strong: true,
    read: (m) => ({ regiment: Number(m[1] ?? m[2]) }),
  },
  {
    re: /\b(\d{1,3})(?:st|nd|rd|th)?\s+Regiment\b|\bRegiment\s+(?:No\.?\s*)?(\d{1,3})\b/gi,
    kind: 'regiment',
    strong: false,
    read: (m) => ({ regiment: Number(m[1] ?? m[2]) }),
  },
];

// Farm and ranch names (Chinese and pinyin + Farm/Ranch), longest first.
const UNIT_NAMES: { readonly key: string; readonly unit: XpccUnit; readonly latin: boolean }[] = [];
for (const u of XPCC_UNITS) {
  if (u.kind !== 'farm' && u.kind !== 'ranch') continue;
  UNIT_NAMES.push({ key: u.name, unit: u, latin: false });
  const stem = u.name.replace(/(农场|牧场|总场|场)$/, '');
  const py = pinyin(stem, { toneType: 'none', separator: '' });
  UNIT_NAMES.push({
    key: foldPlaceName(`${py}${u.kind === 'ranch' ? 'ranch' : 'farm'}`),
    unit: u,
    latin: true,
  });
  UNIT_NAMES.push({
    key: foldPlaceName(`${py}${u.kind === 'ranch' ? 'muchang' : 'nongchang'}`),
    unit: u,
    latin: true,
  });
}
UNIT_NAMES.sort((a, b) => b.key.length - a.key.length);

/** Every XPCC mention in `text`, with character spans. Overlaps are left to the caller. */
export function findXpcc(text: string): XpccMatch[] {
  const out: XpccMatch[] = [];
  for (const p of PATTERNS) {
    p.re.lastIndex = 0;
    for (let m = p.re.exec(text); m !== null; m = p.re.exec(text)) {
      const r = p.read(m);
      const regiment = r.regiment ?? null;
      if (p.kind === 'regiment' && (regiment === null || regiment < 1 || regiment > 300)) continue;
      const division = r.division ?? null;
      if (p.kind === 'division' && (division === null || division < 1 || division > 14)) continue;
      const unit = regiment !== null ? (regimentUnit(regiment) ?? null) : null;
      out.push({
        kind: p.kind,
        start: m.index,
        end: m.index + m[0].length,
        token: m[0],
        division: division ?? unit?.division ?? null,
        regiment,
        unit,
        // A regiment number the township table knows is strong even in English.
        strong: p.strong || unit !== null,
      });
    }
  }
  for (const { key, unit, latin } of UNIT_NAMES) {
    if (!latin) {
      for (let i = text.indexOf(key); i >= 0; i = text.indexOf(key, i + key.length))
        out.push(unitMatch(unit, i, i + key.length, key));
    }
  }
  // Latin farm names: fold the text once and map folded offsets back to the original.
  const { folded, map } = foldWithMap(text);
  for (const { key, unit, latin } of UNIT_NAMES) {
    if (!latin) continue;
    for (let i = folded.indexOf(key); i >= 0; i = folded.indexOf(key, i + key.length)) {
      const start = map[i] ?? 0;
      const end = (map[i + key.length - 1] ?? start) + 1;
      out.push(unitMatch(unit, start, end, text.slice(start, end)));
    }
  }
  return out;
}

function unitMatch(unit: XpccUnit, start: number, end: number, token: string): XpccMatch {
  return {
    kind: 'unit',
    start,
    end,
    token,
    division: unit.division,
    regiment: unit.regiment,
    unit,
    strong: true,
  };
}

/** The text folded like {@link foldPlaceName}, with each folded char's original index. */
function foldWithMap(text: string): { folded: string; map: number[] } {
  let folded = '';
  const map: number[] = [];
  for (let i = 0; i < text.length; i++) {
    const f = foldPlaceName(text.charAt(i));
    for (let k = 0; k < f.length; k++) map.push(i);
    folded += f;
  }
  return { folded, map };
}
