import { type HanParse, parseHanOrg, parseHanPerson, stripZhForms, toSimplified } from './chinese.ts';
import { hasHan, isAbjad, latinTokens, scriptsOf, splitHan } from './fold.ts';
import { parseLatin } from './latin.ts';
import { consonantSkeleton } from './phonetic.ts';
import type { NameAnalysis, NameKind, NameToken, NameVariant, VariantKind } from './types.ts';

const ORG_SCHEMATA = new Set(['Company', 'Organization', 'PublicBody', 'Vessel', 'Airplane']);

/** Maps an FtM schema name to the kind of name it carries (LegalEntity may be either). */
export function nameKindOfSchema(schema: string | undefined | null): NameKind {
  if (!schema) return 'unknown';
  if (schema === 'Person') return 'person';
  if (ORG_SCHEMATA.has(schema)) return 'organization';
  return 'unknown';
}

function variant(kind: VariantKind, tokens: readonly NameToken[]): NameVariant {
  return { kind, tokens, text: tokens.map((t) => t.text).join(' ') };
}

function uniqSorted<T extends string | number>(xs: readonly T[]): T[] {
  return [...new Set(xs)].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
}

// Looks like a person's name written in Han: short, and no company word, place or legal form.
function hanLooksPersonal(s: string): boolean {
  const t = s.replace(/\s/g, '');
  return /^[\p{Script=Han}·•・]{2,4}$/u.test(t) || /^[\p{Script=Han}]+[·•・][\p{Script=Han}·•・]+$/u.test(t);
}

/**
 * Analyses one name into comparable variants, each tagged with how it was derived:
 * `original` (folded Latin), `transliterated` (Cyrillic, Greek, Arabic… → Latin),
 * `pinyin-translated` (Chinese: places and core in pinyin, company words translated, brand
 * aliases attached), `han` (simplified Chinese, for Chinese-to-Chinese comparison) and
 * `skeleton` (consonants only, for names from Arabic or Hebrew script). Legal forms, numbers
 * and places are pulled out as facts of their own.
 */
export function analyseName(input: string, opts: { schema?: string | null } = {}): NameAnalysis {
  const nfkc = input.normalize('NFKC').trim();
  const scripts = scriptsOf(nfkc);
  const schemaKind = nameKindOfSchema(opts.schema);
  if (hasHan(nfkc)) return analyseHan(input, nfkc, scripts, schemaKind);

  const raw = latinTokens(nfkc);
  let parse = parseLatin(raw, schemaKind === 'person');
  let kind: NameKind = schemaKind;
  if (kind === 'unknown' && parse.orgSignals > 0) kind = 'organization';
  if (kind === 'unknown' && parse.orgSignals === 0) parse = parseLatin(raw, true);
  const base: VariantKind = scripts.some((s) => s !== 'latin') ? 'transliterated' : 'original';
  const variants: NameVariant[] = [variant(base, parse.tokens)];
  if (isAbjad(scripts)) variants.push(skeletonVariant(parse.tokens));
  return {
    input,
    scripts,
    kind,
    legalForms: parse.legalForms,
    numbers: uniqSorted(parse.numbers),
    places: uniqSorted(parse.places),
    variants,
  };
}

/** Consonant-skeleton copy of a token list (see {@link consonantSkeleton}). */
export function skeletonVariant(tokens: readonly NameToken[]): NameVariant {
  const out: NameToken[] = [];
  for (const t of tokens) {
    if (t.key) {
      out.push(t);
      continue;
    }
    const sk = consonantSkeleton(t.text);
    if (sk.length > 0) out.push({ ...t, text: sk, alts: [] });
  }
  return variant('skeleton', out);
}

function analyseHan(
  input: string,
  nfkc: string,
  scripts: NameAnalysis['scripts'],
  schemaKind: NameKind,
): NameAnalysis {
  const simp = toSimplified(nfkc);
  const into: HanParse = { latin: [], han: [], legalForms: [], numbers: [], places: [], orgSignals: 0 };
  const hanOnly = simp.replace(/[^\p{Script=Han}·•・]/gu, '');
  const person =
    schemaKind === 'person' ||
    (schemaKind === 'unknown' &&
      hanLooksPersonal(simp) &&
      stripZhForms(hanOnly, []) === hanOnly &&
      !hasOrgWord(hanOnly));
  // Legal forms sit at the end of the Han text, after any bracketed place: strip them off the
  // whole name first so "合盛硅业（鄯善）有限公司" loses 有限公司 and keeps 鄯善 as a place.
  const parts = splitHan(simp);
  const lastHan = parts.findLastIndex((p) => p.han);
  for (let idx = 0; idx < parts.length; idx++) {
    const p = parts[idx];
    if (!p) continue;
    if (!p.han) {
      const lp = parseLatin(latinTokens(p.text), person);
      into.latin.push(...lp.tokens);
      into.han.push(...lp.tokens);
      into.legalForms.push(...lp.legalForms);
      into.numbers.push(...lp.numbers);
      into.places.push(...lp.places);
      into.orgSignals += lp.orgSignals;
      continue;
    }
    let run = p.text;
    if (!person && idx === lastHan) run = stripZhForms(run, into.legalForms, idx > 0);
    if (person) parseHanPerson(run, into);
    else parseHanOrg(run, into);
  }
  const kind: NameKind =
    schemaKind !== 'unknown'
      ? schemaKind
      : person
        ? 'person'
        : into.legalForms.length > 0 || into.orgSignals > 0
          ? 'organization'
          : 'unknown';
  return {
    input,
    scripts,
    kind,
    legalForms: into.legalForms,
    numbers: uniqSorted(into.numbers),
    places: uniqSorted(into.places),
    variants: [variant('pinyin-translated', into.latin), variant('han', into.han)],
  };
}

function hasOrgWord(han: string): boolean {
  return /[公司厂集团社会局部院校店行业所站场]/u.test(han);
}
