import {
  analyseName,
  type NameAnalysis,
  type NameToken,
  type NameVariant,
  skeletonVariant,
} from '../normalize/index.ts';
import { type AlignedPair, alignTokens } from './align.ts';
import { compareIdentifiers } from './identifiers.ts';

/**
 * The default decision threshold: a score at or above it is a `match`. Chosen on the dev split
 * of the labelled set (src/resolve/eval/): its best-F1 threshold was 0.68, rounded up to favour
 * precision; `scripts/eval-matching.ts` prints the best threshold per split so drift shows.
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

export interface TokenMatch {
  readonly a: string;
  readonly b: string;
  readonly sim: number;
  readonly how: string;
}

/** Why a pair scored what it did: the variants compared, the token alignment, every feature. */
export interface Explanation {
  readonly a: string;
  readonly b: string;
  readonly variantA: { readonly kind: string; readonly text: string };
  readonly variantB: { readonly kind: string; readonly text: string };
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
  /** Token weight override (the matcher passes rarity from its index). */
  readonly weightOf?: (t: NameToken) => number;
  /** Rarity of a token in [0, 1] in the indexed corpus, for the rare-token feature. */
  readonly rarityOf?: (t: NameToken) => number;
}

interface NameSim {
  readonly score: number;
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
  const la = a.variants.filter((v) => v.kind !== 'han');
  const lb = b.variants.filter((v) => v.kind !== 'han');
  const out: [NameVariant, NameVariant][] = [];
  for (const x of la)
    for (const y of lb) if ((x.kind === 'skeleton') === (y.kind === 'skeleton')) out.push([x, y]);
  // A name from Arabic or Hebrew script meets the other side's consonant skeleton.
  const sa = la.find((v) => v.kind === 'skeleton');
  const sb = lb.find((v) => v.kind === 'skeleton');
  if (sa && !sb && lb[0]) out.push([sa, skeletonVariant(lb[0].tokens)]);
  if (sb && !sa && la[0]) out.push([skeletonVariant(la[0].tokens), sb]);
  return out;
}

/** The best-aligning pair of variants of two analysed names. */
export function nameSimilarity(a: NameAnalysis, b: NameAnalysis, opts: CompareOptions = {}): NameSim {
  // Middle names may be missing on either side of a person's name; unknown-kind names (no legal
  // form, no company word) are treated alike, organisations never.
  const person =
    (a.kind === 'person' || b.kind === 'person' || (a.kind === 'unknown' && b.kind === 'unknown')) &&
    a.kind !== 'organization' &&
    b.kind !== 'organization';
  let best: NameSim | null = null;
  for (const [va, vb] of variantPairs(a, b)) {
    const al = alignTokens(
      va.tokens,
      vb.tokens,
      opts.weightOf ? { person, weightOf: opts.weightOf } : { person },
    );
    // Skeletons lose vowels: a skeleton agreement is slightly weaker evidence.
    const score = va.kind === 'skeleton' ? al.score * 0.95 : al.score;
    if (!best || score > best.score) best = { ...al, score, va, vb };
  }
  const empty: NameVariant = { kind: 'original', tokens: [], text: '' };
  return (
    best ?? {
      score: 0,
      va: a.variants[0] ?? empty,
      vb: b.variants[0] ?? empty,
      pairs: [],
      unmatchedA: [],
      unmatchedB: [],
    }
  );
}

function feature(f: Feature['feature'], weight: number, value: number, detail: string): Feature {
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
 * Scores two analysed subjects. The name feature is the weighted token alignment of the best
 * pair of variants; numbers, legal forms, places, inferred kind, countries and identifiers add
 * or subtract; incompatible schemata and a shared valid USCC/LEI decide outright.
 */
export function scoreAnalysed(
  sa: MatchSubject,
  a: NameAnalysis,
  sb: MatchSubject,
  b: NameAnalysis,
  opts: CompareOptions = {},
): ScoreResult {
  const threshold = opts.threshold ?? DEFAULT_THRESHOLD;
  const ns = nameSimilarity(a, b, opts);
  const features: Feature[] = [];
  features.push(
    feature('name', 1, ns.score, `${ns.va.kind} "${ns.va.text}" ~ ${ns.vb.kind} "${ns.vb.text}"`),
  );

  if (a.numbers.length > 0 && b.numbers.length > 0) {
    features.push(
      sameSet(a.numbers, b.numbers)
        ? feature('numbers', 0.05, 1, `both ${a.numbers.join(',')}`)
        : feature('numbers', 0.6, -1, `${a.numbers.join(',')} ≠ ${b.numbers.join(',')}`),
    );
  } else if (a.numbers.length + b.numbers.length > 0) {
    features.push(
      feature('numbers', 0.15, -1, `number on one side only: ${[...a.numbers, ...b.numbers].join(',')}`),
    );
  }

  const fa = a.legalForms.filter((f) => f.id !== 'company');
  const fb = b.legalForms.filter((f) => f.id !== 'company');
  if (fa.length > 0 && fb.length > 0) {
    const ids = (fs: typeof fa) => fs.map((f) => f.id);
    const fam = (fs: typeof fa) => fs.map((f) => f.family);
    const loose = new Set(['limited', 'stock', 'corporation']);
    if (ids(fa).some((x) => ids(fb).includes(x)))
      features.push(feature('legal-form', 0.03, 1, `same form ${ids(fa).join('+')}`));
    else if (fam(fa).some((x) => fam(fb).includes(x)))
      features.push(feature('legal-form', 0.02, 1, `same family ${fam(fa).join('+')}`));
    else if (fam(fa).every((x) => loose.has(x)) && fam(fb).every((x) => loose.has(x)))
      features.push(feature('legal-form', 0.03, -1, `${ids(fa).join('+')} vs ${ids(fb).join('+')}`));
    else features.push(feature('legal-form', 0.1, -1, `${fam(fa).join('+')} vs ${fam(fb).join('+')}`));
  }

  if (a.places.length > 0 && b.places.length > 0 && !placesCompatible(a.places, b.places)) {
    features.push(feature('places', 0.15, -1, `${a.places.join(',')} vs ${b.places.join(',')}`));
  }

  // Agreement on a rare token is stronger evidence than agreement on a common one.
  if (opts.rarityOf && ns.pairs.length > 0) {
    let rare = 0;
    let rareText = '';
    for (const p of ns.pairs) {
      for (const i of p.a) {
        const t = ns.va.tokens[i];
        if (!t || (t.kind !== 'word' && t.kind !== 'core') || p.sim < 0.9) continue;
        const r = opts.rarityOf(t);
        if (r > rare) {
          rare = r;
          rareText = t.text;
        }
      }
    }
    features.push(
      feature(
        'rare-tokens',
        0.1,
        rare - 0.5,
        `rarest agreeing token "${rareText}" rarity ${rare.toFixed(2)}`,
      ),
    );
  }

  // Parent and subsidiary, head office and branch: a structure word on one side only.
  const structure = (v: NameVariant) =>
    v.tokens.filter((t) => STRUCTURE_KEYS.has(t.key ?? '')).map((t) => t.key ?? '');
  const sta = structure(ns.va);
  const stb = structure(ns.vb);
  const oneSided = [...sta.filter((k) => !stb.includes(k)), ...stb.filter((k) => !sta.includes(k))];
  if (oneSided.length > 0) {
    features.push(
      feature('structure', 0.15, -1, `only one side says ${oneSided.map((k) => k.slice(2)).join(', ')}`),
    );
  }

  // Different trades under one distinctive name (Atun Trading vs Atun Chemical) are different
  // companies: both sides have a business word the other lacks.
  const business = (ts: readonly NameToken[], idx: readonly number[]) =>
    idx
      .map((i) => ts[i])
      .filter(
        (t): t is NameToken => t !== undefined && t.kind === 'concept' && !NON_BUSINESS.has(t.key ?? ''),
      )
      .map((t) => t.text);
  const ba = business(ns.va.tokens, ns.unmatchedA);
  const bb = business(ns.vb.tokens, ns.unmatchedB);
  if (ba.length > 0 && bb.length > 0) {
    features.push(feature('business', 0.2, -1, `${ba.join(' ')} vs ${bb.join(' ')}`));
  }

  if (a.kind !== 'unknown' && b.kind !== 'unknown' && a.kind !== b.kind) {
    features.push(feature('kind', 0.25, -1, `${a.kind} vs ${b.kind}`));
  }

  const ca = (sa.countries ?? []).map((c) => c.toLowerCase());
  const cb = (sb.countries ?? []).map((c) => c.toLowerCase());
  if (ca.length > 0 && cb.length > 0) {
    features.push(
      ca.some((c) => cb.includes(c))
        ? feature('country', 0.05, 1, `shared ${ca.filter((c) => cb.includes(c)).join(',')}`)
        : feature('country', 0.15, -1, `${ca.join(',')} vs ${cb.join(',')}`),
    );
  }

  let decisive: string | null = null;
  const ids = compareIdentifiers(sa.identifiers ?? [], sb.identifiers ?? []);
  if (ids.kind === 'agree') features.push(feature('identifiers', 0.3, 1, ids.detail));
  if (ids.kind === 'conflict') features.push(feature('identifiers', 0.5, -1, ids.detail));
  if (ids.kind === 'decisive') {
    features.push(feature('identifiers', 1, 1, ids.detail));
    decisive = ids.detail;
  }

  let score = Math.min(
    1,
    Math.max(
      0,
      features.reduce((s, f) => s + f.contribution, 0),
    ),
  );
  if (decisive) score = Math.max(score, 0.99);
  if (schemataConflict(sa.schema, sb.schema)) {
    features.push(feature('schema', 1, -1, `${sa.schema} never matches ${sb.schema}`));
    decisive = `schema ${sa.schema} vs ${sb.schema}`;
    score = 0;
  }
  score = Math.round(score * 1e4) / 1e4;
  const ta = ns.va.tokens;
  const tb = ns.vb.tokens;
  const show = (ts: readonly NameToken[], idx: readonly number[]) =>
    idx.map((i) => ts[i]?.text ?? '').join(' ');
  return {
    score,
    match: score >= threshold,
    threshold,
    explanation: {
      a: sa.name,
      b: sb.name,
      variantA: { kind: ns.va.kind, text: ns.va.text },
      variantB: { kind: ns.vb.kind, text: ns.vb.text },
      tokens: ns.pairs.map((p) => ({
        a: show(ta, p.a),
        b: show(tb, p.b),
        sim: Math.round(p.sim * 1000) / 1000,
        how: p.how,
      })),
      unmatchedA: ns.unmatchedA.map((i) => ta[i]?.text ?? ''),
      unmatchedB: ns.unmatchedB.map((j) => tb[j]?.text ?? ''),
      features,
      decisive,
    },
  };
}

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
