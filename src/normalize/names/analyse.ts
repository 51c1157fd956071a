import { type HanParse, parseHanOrg, parseHanPerson, stripZhForms, toSimplified } from './chinese.ts';
import { hasHan, isAbjad, latinTokens, type NameScript, scriptsOf, splitHan } from './fold.ts';
import { parseLatin } from './latin.ts';
import { KOREAN_SURNAMES } from './tables.ts';
import type { NameAnalysis, NameKind, NameToken, NameVariant, VariantKind, VariantScript } from './types.ts';

const ORG_SCHEMATA = new Set(['Company', 'Organization', 'PublicBody', 'Vessel', 'Airplane']);

/** Maps an FtM schema name to the kind of name it carries (LegalEntity may be either). */
export function nameKindOfSchema(schema: string | undefined | null): NameKind {
  if (!schema) return 'unknown';
  if (schema === 'Person') return 'person';
  if (ORG_SCHEMATA.has(schema)) return 'organization';
  return 'unknown';
}

function variant(kind: VariantKind, script: VariantScript, tokens: readonly NameToken[]): NameVariant {
  return { kind, script, tokens, text: tokens.map((t) => t.text).join(' ') };
}

function variantScript(scripts: readonly NameScript[]): VariantScript {
  if (isAbjad(scripts)) return 'abjad';
  if (scripts.includes('hangul')) return 'hangul';
  if (scripts.includes('cyrillic')) return 'cyrillic';
  if (scripts.includes('greek')) return 'greek';
  if (scripts.some((x) => x !== 'latin')) return 'other';
  return 'latin';
}

// "PUTIN, Vladimir Vladimirovich": surname first, given names after the comma. Read it given
// names first, as the name is spoken, so the first word is the first given name everywhere.
function personOrder(nfkc: string): string[] {
  const parts = nfkc.split(',');
  if (parts.length !== 2) return latinTokens(nfkc);
  const before = latinTokens(parts[0] ?? '');
  const after = latinTokens(parts[1] ?? '');
  if (before.length === 0 || after.length === 0 || before.length > 3) return [...before, ...after];
  return [...after, ...before];
}

// Korean family names as lists spell them: 김 (gim) = Kim, 이 (i) = Lee/Yi/Ri.
function koreanSurname(tokens: NameToken[]): NameToken[] {
  const first = tokens[0];
  const alts = first ? KOREAN_SURNAMES.get(first.text) : undefined;
  if (!first || !alts || alts.length === 0) return tokens;
  return [{ ...first, alts: [...new Set([...(first.alts ?? []), ...alts])] }, ...tokens.slice(1)];
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
  let parse = parseLatin(raw, false);
  let kind: NameKind = schemaKind;
  let kindFrom: NameAnalysis['kindFrom'] = 'schema';
  if (kind === 'unknown') {
    // Company words or a legal form make it an organisation; several words and none of them a
    // company word, a person (guessed); one bare word stays unknown (Rostec? Hamas? Putin?).
    const words = raw.filter((t) => t.length > 1).length;
    if (parse.orgSignals > 0) [kind, kindFrom] = ['organization', 'signals'];
    else if (words >= 2 && words <= 6) [kind, kindFrom] = ['person', 'guess'];
    else kindFrom = 'guess';
  }
  const script = variantScript(scripts);
  if (kind === 'person') {
    parse = parseLatin(personOrder(nfkc), true);
    if (script === 'hangul') parse = { ...parse, tokens: koreanSurname(parse.tokens) };
  }
  const base: VariantKind = script === 'latin' ? 'original' : 'transliterated';
  return {
    input,
    scripts,
    kind,
    kindFrom,
    legalForms: parse.legalForms,
    numbers: uniqSorted(parse.numbers),
    places: uniqSorted(parse.places),
    variants: [variant(base, script, parse.tokens)],
  };
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
    kindFrom: schemaKind !== 'unknown' ? 'schema' : kind === 'unknown' ? 'guess' : 'signals',
    legalForms: into.legalForms,
    numbers: uniqSorted(into.numbers),
    places: uniqSorted(into.places),
    variants: [variant('pinyin-translated', 'han', into.latin), variant('han', 'han', into.han)],
  };
}

function hasOrgWord(han: string): boolean {
  return /[公司厂集团社会局部院校店行业所站场]/u.test(han);
}
