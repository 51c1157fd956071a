import {
  analyseName,
  latinTokens,
  type NameAnalysis,
  type NameToken,
  type NameVariant,
  STOPWORDS,
} from '../normalize/index.ts';
import { type AlignedPair, type Alignment, alignTokens } from './align.ts';
import { compareIdentifiers } from './identifiers.ts';
import { type NameScore, orgNameScore, orgWeight, personNameScore, personWeight } from './name-score.ts';
import type { SimContext } from './token-sim.ts';

/**
 * The default decision threshold: a score at or above it is a `match`. Chosen on the dev split
 * of the labelled sets in src/resolve/eval/ (bench-pairs.csv: benchmark-style persons and
 * organisations in several scripts; pairs.csv: the Chinese, XPCC and Cyrillic domain pairs; the
 * OFAC alias pairs, mostly nicknames, left out): F1 is flat at 0.965-0.970 from 0.55 to 0.70
 * and highest at 0.70 (P 0.995, R 0.945), the precision end of that plateau. Held out: F1 0.925
 * at 0.70 (0.932 at 0.60). `npx node scripts/eval-matching.ts --exclude ofac- --sweep`
 * prints the sweep, so drift shows.
 */
export const DEFAULT_THRESHOLD = 0.7;

/** One side of a comparison: a name (required) and whatever else is known. */
export interface MatchSubject {
  readonly name: string;
  /** FtM schema (`Person`, `Company`, `Organization`, `LegalEntity`…), if known. */
  readonly schema?: string | null;
  /** ISO 3166 alpha-2 codes. */
  readonly countries?: readonly string[];
  readonly identifiers?: readonly string[];
}

/** One scoring feature as reported: the score is the clamped sum of contributions. */
export interface Feature {
  readonly feature:
    | 'name'
    | 'extra-names'
    | 'name-conflict'
    | 'numbers'
    | 'legal-form'
    | 'places'
    | 'structure'
    | 'business'
    | 'kind'
    | 'schema'
    | 'identifiers'
    | 'country'
    | 'rare-tokens';
  readonly weight: number;
  /** In [-1, 1]: agreement positive, conflict negative. */
  readonly value: number;
  readonly contribution: number;
  readonly detail: string;
}

/** One aligned token pair: the spellings compared, their string similarity, the credit earned. */
export interface TokenMatch {
  readonly a: string;
  readonly b: string;
  readonly sim: number;
  readonly credit: number;
  readonly how: string;
}

/** Why a pair scored what it did: the variants compared, the token alignment, every feature. */
export interface Explanation {
  readonly a: string;
  readonly b: string;
  /** How the names were compared: as persons' or as organisations' names. */
  readonly mode: 'person' | 'org';
  readonly variantA: { readonly kind: string; readonly script: string; readonly text: string };
  readonly variantB: { readonly kind: string; readonly script: string; readonly text: string };
  readonly tokens: readonly TokenMatch[];
  readonly unmatchedA: readonly string[];
  readonly unmatchedB: readonly string[];
  readonly features: readonly Feature[];
  /** Set when a rule overrode the sum (incompatible schemata, decisive identifier). */
  readonly decisive: string | null;
}

export interface ScoreResult {
  readonly score: number;
  readonly match: boolean;
  readonly threshold: number;
  readonly explanation: Explanation;
}

export interface CompareOptions {
  readonly threshold?: number;
  /**
   * Rarity of a token in [0, 1] in an indexed corpus (the matcher passes its index's): reported
   * as the rare-token feature, a small bonus for agreeing on a rare word.
   */
  readonly rarityOf?: (t: NameToken) => number;
}

/** The name comparison of the best pair of variants. */
export interface NameSim {
  readonly mode: 'person' | 'org';
  /** similarity − extra − conflict. */
  readonly total: number;
  readonly score: NameScore;
  readonly va: NameVariant;
  readonly vb: NameVariant;
  readonly pairs: readonly AlignedPair[];
  readonly unmatchedA: readonly number[];
  readonly unmatchedB: readonly number[];
}

function variantPairs(a: NameAnalysis, b: NameAnalysis): [NameVariant, NameVariant][] {
  const ha = a.variants.find((v) => v.kind === 'han');
  const hb = b.variants.find((v) => v.kind === 'han');
  // Chinese against Chinese compares characters: pinyin would make homophones (华孚/华福) equal.
  if (ha && hb) return [[ha, hb]];
  const out: [NameVariant, NameVariant][] = [];
  for (const x of a.variants) {
    if (x.kind === 'han') continue;
    for (const y of b.variants) if (y.kind !== 'han') out.push([x, y]);
  }
  return out;
}

/** Persons' names are compared as such when either side is a person and neither a company. */
export function comparisonMode(a: NameAnalysis, b: NameAnalysis): 'person' | 'org' {
  if (a.kind === 'organization' || b.kind === 'organization') return 'org';
  if (a.kind === 'person' || b.kind === 'person') return 'person';
  return 'org';
}

// Skeleton and Korean-key comparisons stand in for the vowels and spellings a script does not
// fix; between two names in that same script the letters are known, and compared as such
// (حسين Husayn and حسن Hasan share a skeleton but not their letters).
function contextOf(mode: 'person' | 'org', va: NameVariant, vb: NameVariant): SimContext {
  const cross = va.script !== vb.script;
  return {
    mode,
    cross,
    abjad: cross && (va.script === 'abjad' || vb.script === 'abjad'),
    hangul: cross && (va.script === 'hangul' || vb.script === 'hangul'),
    sameScript: !cross && va.script !== 'latin',
  };
}

// "IRISL" = Islamic Republic of Iran Shipping Lines, "IRGC", "NIOC": one short word against the
// initials of the other name (with or without its legal form and little words).
function acronymOf(a: NameAnalysis, b: NameAnalysis): boolean {
  const words = (x: NameAnalysis) =>
    (x.variants[0]?.tokens ?? []).filter((t) => t.kind !== 'particle' && t.kind !== 'number');
  const wa = words(a);
  if (wa.length !== 1 || wa[0]?.kind !== 'word') return false;
  const acr = wa[0].text;
  if (acr.length < 3 || acr.length > 6) return false;
  const all = latinTokens(b.input);
  const initials = (ts: readonly string[]) => ts.map((t) => t[0] ?? '').join('');
  const content = all.filter((t) => !STOPWORDS.has(t));
  // Single letters (the Persian ezafe of "Tehrik-e Taliban Pakistan") are not in acronyms.
  const long = content.filter((t) => t.length > 1);
  return all.length >= 3 && [initials(all), initials(content), initials(long)].includes(acr);
}

// A legal form proper (Co., Ltd., LLC, PJSC, GmbH…), not a bare "Company": a registered name.
function registered(a: NameAnalysis): boolean {
  return a.legalForms.some((f) => f.id !== 'company');
}

/** The best-aligning pair of variants of two analysed names, scored as persons or organisations. */
export function nameSimilarity(a: NameAnalysis, b: NameAnalysis): NameSim {
  const mode = comparisonMode(a, b);
  const weightOf = mode === 'person' ? personWeight : orgWeight;
  let best: NameSim | null = null;
  for (const [va, vb] of variantPairs(a, b)) {
    const al: Alignment = alignTokens(va.tokens, vb.tokens, contextOf(mode, va, vb));
    const score =
      mode === 'person'
        ? personNameScore(va.tokens, vb.tokens, al, weightOf)
        : orgNameScore(va.tokens, vb.tokens, al, weightOf, {
            a: registered(a),
            b: registered(b),
            places: a.places.length > 0 && b.places.length > 0,
          });
    const total = score.similarity - score.extra - score.conflict;
    if (!best || total > best.total) best = { mode, total, score, va, vb, ...al };
  }
  const empty: NameVariant = { kind: 'original', script: 'latin', tokens: [], text: '' };
  const none: NameScore = {
    similarity: 0,
    similarityDetail: 'nothing to compare',
    extra: 0,
    extraDetail: '',
    conflict: 0,
    conflictDetail: '',
  };
  let out: NameSim = best ?? {
    mode,
    total: 0,
    score: none,
    va: a.variants[0] ?? empty,
    vb: b.variants[0] ?? empty,
    pairs: [],
    unmatchedA: [],
    unmatchedB: [],
  };
  if (mode === 'org' && out.total < 0.85 && (acronymOf(a, b) || acronymOf(b, a))) {
    out = {
      ...out,
      total: 0.85,
      score: { ...none, similarity: 0.85, similarityDetail: 'one name is the acronym of the other' },
    };
  }
  return out;
}

// Details are built only when an explanation is read: the matcher scores more candidates
// than it reports, and string building is a third of a score's cost.
interface Draft {
  readonly feature: Feature['feature'];
  readonly weight: number;
  readonly value: number;
  readonly contribution: number;
  readonly detail: () => string;
}

function feature(f: Feature['feature'], weight: number, value: number, detail: () => string): Draft {
  return { feature: f, weight, value, contribution: weight * value, detail };
}

function sameSet<T>(a: readonly T[], b: readonly T[]): boolean {
  return a.length === b.length && a.every((x) => b.includes(x));
}

// Two place codes name compatible places when one contains the other (65 ⊃ 6531 ⊃ 653101).
function placesCompatible(a: readonly string[], b: readonly string[]): boolean {
  return a.some((x) => b.some((y) => x.startsWith(y) || y.startsWith(x)));
}

const PERSON_SCHEMA = 'Person';
const STRUCTURE_KEYS = new Set(['c:group', 'c:branch', 'c:holding', 'c:head office']);
const NON_BUSINESS = new Set([
  ...STRUCTURE_KEYS,
  'c:china',
  'c:city',
  'c:county',
  'c:province',
  'c:region',
  'c:international',
  'c:enterprise',
  'c:new',
]);
const ORG_LIKE = new Set(['Company', 'Organization', 'PublicBody', 'Vessel', 'Airplane']);

/** Whether two schemata can never describe the same party (Person vs Company). */
export function schemataConflict(a: string | null | undefined, b: string | null | undefined): boolean {
  if (!a || !b) return false;
  return (a === PERSON_SCHEMA && ORG_LIKE.has(b)) || (b === PERSON_SCHEMA && ORG_LIKE.has(a));
}

/**
 * Scores two analysed subjects. The name comparison (best pair of variants, as persons or as
 * organisations) gives `name`, `extra-names` and `name-conflict`; numbers, legal forms, places,
 * parent/branch words, trades, inferred kind, countries and identifiers add or subtract;
 * incompatible schemata and a shared valid USCC/LEI decide outright.
 */
export function scoreAnalysed(
  sa: MatchSubject,
  a: NameAnalysis,
  sb: MatchSubject,
  b: NameAnalysis,
  opts: CompareOptions = {},
): ScoreResult {
  const threshold = opts.threshold ?? DEFAULT_THRESHOLD;
  const ns = nameSimilarity(a, b);
  const org = ns.mode === 'org';
  const features: Draft[] = [];
  features.push(
    feature(
      'name',
      1,
      Math.round(ns.score.similarity * 1e4) / 1e4,
      () =>
        `${ns.va.kind} "${ns.va.text}" ~ ${ns.vb.kind} "${ns.vb.text}" as ${org ? 'organisations' : 'persons'}: ${ns.score.similarityDetail}`,
    ),
  );
  if (ns.score.extra > 0)
    features.push(feature('extra-names', round3(ns.score.extra), -1, () => ns.score.extraDetail));
  if (ns.score.conflict > 0)
    features.push(feature('name-conflict', round3(ns.score.conflict), -1, () => ns.score.conflictDetail));

  if (a.numbers.length > 0 && b.numbers.length > 0) {
    features.push(
      sameSet(a.numbers, b.numbers)
        ? feature('numbers', 0.05, 1, () => `both ${a.numbers.join(',')}`)
        : feature('numbers', 0.6, -1, () => `${a.numbers.join(',')} ≠ ${b.numbers.join(',')}`),
    );
  } else if (org && a.numbers.length + b.numbers.length > 0) {
    features.push(
      feature(
        'numbers',
        0.15,
        -1,
        () => `number on one side only: ${[...a.numbers, ...b.numbers].join(',')}`,
      ),
    );
  }

  // Legal forms are how a company is registered, not who it is: variants (Gazprom PJSC / OAO
  // Gazprom / ПАО «Газпром») barely move the score.
  const fa = a.legalForms.filter((f) => f.id !== 'company');
  const fb = b.legalForms.filter((f) => f.id !== 'company');
  if (fa.length > 0 && fb.length > 0) {
    const ids = (fs: typeof fa) => fs.map((f) => f.id);
    const fam = (fs: typeof fa) => fs.map((f) => f.family);
    const loose = new Set(['limited', 'stock', 'corporation']);
    if (ids(fa).some((x) => ids(fb).includes(x)))
      features.push(feature('legal-form', 0.02, 1, () => `same form ${ids(fa).join('+')}`));
    else if (fam(fa).some((x) => fam(fb).includes(x)))
      features.push(feature('legal-form', 0.01, 1, () => `same family ${fam(fa).join('+')}`));
    else if (fam(fa).every((x) => loose.has(x)) && fam(fb).every((x) => loose.has(x)))
      features.push(feature('legal-form', 0.01, -1, () => `${ids(fa).join('+')} vs ${ids(fb).join('+')}`));
    else features.push(feature('legal-form', 0.03, -1, () => `${fam(fa).join('+')} vs ${fam(fb).join('+')}`));
  }

  if (a.places.length > 0 && b.places.length > 0 && !placesCompatible(a.places, b.places)) {
    features.push(feature('places', 0.15, -1, () => `${a.places.join(',')} vs ${b.places.join(',')}`));
  }

  // Agreement on a rare token is slightly stronger evidence than agreement on a common one.
  if (opts.rarityOf && ns.pairs.length > 0) {
    let rare = 0;
    let rareText = '';
    for (const p of ns.pairs) {
      if (p.credit < 0.85) continue;
      for (const i of p.a) {
        const t = ns.va.tokens[i];
        if (!t || (t.kind !== 'word' && t.kind !== 'core')) continue;
        const r = opts.rarityOf(t);
        if (r > rare) {
          rare = r;
          rareText = t.text;
        }
      }
    }
    if (rareText)
      features.push(
        feature(
          'rare-tokens',
          0.04,
          round3(rare - 0.5),
          () => `rarest agreeing token "${rareText}" rarity ${rare.toFixed(2)}`,
        ),
      );
  }

  // Parent and subsidiary, head office and branch: a structure word on one side only. In
  // Chinese registrations 集团 (group) names a distinct legal person; in English usage
  // "X Group" is often X itself, so the penalty is smaller there.
  const structure = (v: NameVariant) =>
    v.tokens.filter((t) => STRUCTURE_KEYS.has(t.key ?? '')).map((t) => t.key ?? '');
  const sta = structure(ns.va);
  const stb = structure(ns.vb);
  const oneSided = [...sta.filter((k) => !stb.includes(k)), ...stb.filter((k) => !sta.includes(k))];
  if (org && oneSided.length > 0) {
    // A registered Chinese name that adds 集团 to another registered name is the parent.
    const chinese =
      (a.scripts.includes('han') || b.scripts.includes('han')) && registered(a) && registered(b);
    const strong = chinese || oneSided.some((k) => k === 'c:branch' || k === 'c:head office');
    features.push(
      feature(
        'structure',
        strong ? 0.2 : 0.05,
        -1,
        () => `only one side says ${oneSided.map((k) => k.slice(2)).join(', ')}`,
      ),
    );
  }

  // Different trades under one distinctive name (Atun Trading vs Atun Chemical) are different
  // companies: both sides have a business word the other lacks.
  const business = (ts: readonly NameToken[], idx: readonly number[]) =>
    idx
      .map((i) => ts[i])
      .filter(
        (t): t is NameToken =>
          t !== undefined &&
          t.kind === 'concept' &&
          !NON_BUSINESS.has(t.key ?? '') &&
          !t.key?.startsWith('c:country'),
      )
      .map((t) => t.text);
  const ba = business(ns.va.tokens, ns.unmatchedA);
  const bb = business(ns.vb.tokens, ns.unmatchedB);
  if (org && ba.length > 0 && bb.length > 0) {
    features.push(feature('business', 0.2, -1, () => `${ba.join(' ')} vs ${bb.join(' ')}`));
  }

  // A person is never a company; but a kind guessed from the words alone (two words, no company
  // word: "Almaz Antey") is not evidence.
  if (
    a.kind !== 'unknown' &&
    b.kind !== 'unknown' &&
    a.kind !== b.kind &&
    a.kindFrom !== 'guess' &&
    b.kindFrom !== 'guess'
  ) {
    features.push(feature('kind', 0.25, -1, () => `${a.kind} vs ${b.kind}`));
  }

  const ca = (sa.countries ?? []).map((c) => c.toLowerCase());
  const cb = (sb.countries ?? []).map((c) => c.toLowerCase());
  if (ca.length > 0 && cb.length > 0) {
    features.push(
      ca.some((c) => cb.includes(c))
        ? feature('country', 0.05, 1, () => `shared ${ca.filter((c) => cb.includes(c)).join(',')}`)
        : feature('country', 0.15, -1, () => `${ca.join(',')} vs ${cb.join(',')}`),
    );
  }

  let decisive: string | null = null;
  const ids = compareIdentifiers(sa.identifiers ?? [], sb.identifiers ?? []);
  if (ids.kind === 'agree') features.push(feature('identifiers', 0.3, 1, () => ids.detail));
  if (ids.kind === 'conflict') features.push(feature('identifiers', 0.5, -1, () => ids.detail));
  if (ids.kind === 'decisive') {
    features.push(feature('identifiers', 1, 1, () => ids.detail));
    decisive = ids.detail;
  }

  let score = Math.min(
    1,
    Math.max(
      0,
      features.reduce((sum, f) => sum + f.contribution, 0),
    ),
  );
  if (decisive) score = Math.max(score, 0.99);
  if (schemataConflict(sa.schema, sb.schema)) {
    features.push(feature('schema', 1, -1, () => `${sa.schema} never matches ${sb.schema}`));
    decisive = `schema ${sa.schema} vs ${sb.schema}`;
    score = 0;
  }
  score = Math.round(score * 1e4) / 1e4;
  const ta = ns.va.tokens;
  const tb = ns.vb.tokens;
  const show = (ts: readonly NameToken[], idx: readonly number[]) =>
    idx.map((i) => ts[i]?.text ?? '').join(' ');
  const finalDecisive = decisive;
  let explanation: Explanation | null = null;
  // The explanation is plain data, built the first time it is read (JSON.stringify and object
  // spread read it like any property).
  return {
    score,
    match: score >= threshold,
    threshold,
    get explanation(): Explanation {
      explanation ??= {
        a: sa.name,
        b: sb.name,
        mode: ns.mode,
        variantA: { kind: ns.va.kind, script: ns.va.script, text: ns.va.text },
        variantB: { kind: ns.vb.kind, script: ns.vb.script, text: ns.vb.text },
        tokens: ns.pairs.map((p) => ({
          a: show(ta, p.a),
          b: show(tb, p.b),
          sim: round3(p.sim),
          credit: round3(p.credit),
          how: p.how,
        })),
        unmatchedA: ns.unmatchedA.map((i) => ta[i]?.text ?? ''),
        unmatchedB: ns.unmatchedB.map((j) => tb[j]?.text ?? ''),
        features: features.map((f) => ({
          feature: f.feature,
          weight: f.weight,
          value: f.value,
          contribution: f.contribution,
          detail: f.detail(),
        })),
        decisive: finalDecisive,
      };
      return explanation;
    },
  };
}

const round3 = (x: number) => Math.round(x * 1000) / 1000;

/** Analyses and scores two subjects (names alone or records with schema, countries, identifiers). */
export function compare(
  a: MatchSubject | string,
  b: MatchSubject | string,
  opts: CompareOptions = {},
): ScoreResult {
  const sa = typeof a === 'string' ? { name: a } : a;
  const sb = typeof b === 'string' ? { name: b } : b;
  const schemaA = sa.schema ?? sb.schema ?? null;
  const schemaB = sb.schema ?? sa.schema ?? null;
  return scoreAnalysed(
    sa,
    analyseName(sa.name, { schema: schemaA }),
    sb,
    analyseName(sb.name, { schema: schemaB }),
    opts,
  );
}
