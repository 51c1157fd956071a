import { isCompoundFirst, type NameToken } from '../normalize/index.ts';
import type { Alignment } from './align.ts';

/**
 * The name part of a score, in parts that are reported separately: how much of the shorter
 * name the alignment explains (`similarity`), what the longer name has on top (`extra`, a
 * penalty), and whether both names have words the other lacks (`conflict`, a penalty: two
 * different given names under one surname, two different distinctive words under one "Bank").
 */
export interface NameScore {
  readonly similarity: number;
  readonly similarityDetail: string;
  readonly extra: number;
  readonly extraDetail: string;
  readonly conflict: number;
  readonly conflictDetail: string;
}

export type WeightOf = (t: NameToken) => number;

/** Token weights for persons: words 1, initials ½, patronymics ⅓, particles nothing. */
export function personWeight(t: NameToken): number {
  switch (t.kind) {
    case 'word':
    case 'core':
      return 1;
    case 'initial':
      return 0.5;
    case 'patronymic':
      return 0.3;
    case 'number':
      return 1;
    case 'particle':
      return 0;
    default:
      return t.weight;
  }
}

const round = (x: number) => Math.round(x * 1000) / 1000;

function creditOf(al: Alignment, nA: number, nB: number): { a: Float64Array; b: Float64Array } {
  const a = new Float64Array(nA);
  const b = new Float64Array(nB);
  for (const p of al.pairs) {
    for (const i of p.a) a[i] = p.credit;
    for (const j of p.b) b[j] = p.credit;
  }
  return { a, b };
}

/**
 * Persons. The shorter name (by weight) must be explained: similarity is its weighted share of
 * matched credit. The longer name's leftovers cost little when they are middle names,
 * patronymics or initials (Vladimir Vladimirovich Putin / Vladimir Putin), and much when a
 * word stands before everything matched (Qusay Saddam Hussein / Saddam Hussein: a son named
 * after his father), unless it is a first name that commonly precedes the name used (Mohammad
 * Javad Zarif). Both names with unexplained words is a conflict (Kim Jong Un / Kim Jong Il).
 * A single word cannot identify a person: similarity is capped at 0.55 when the shorter name
 * is one word and the longer has more.
 */
export function personNameScore(
  A: readonly NameToken[],
  B: readonly NameToken[],
  al: Alignment,
  weightOf: WeightOf,
): NameScore {
  const c = creditOf(al, A.length, B.length);
  const wa = A.map(weightOf);
  const wb = B.map(weightOf);
  const sumA = wa.reduce((s, x) => s + x, 0);
  const sumB = wb.reduce((s, x) => s + x, 0);
  const nameToks = (ts: readonly NameToken[]) => ts.filter((t) => t.kind !== 'particle').length;
  const aShorter = sumA < sumB || (sumA === sumB && nameToks(A) <= nameToks(B));
  const [S, L, wS, wL, cS, cL, sumS] = aShorter
    ? [A, B, wa, wb, c.a, c.b, sumA]
    : [B, A, wb, wa, c.b, c.a, sumB];
  let got = 0;
  for (let i = 0; i < S.length; i++) got += (cS[i] ?? 0) * (wS[i] ?? 0);
  let similarity = sumS > 0 ? got / sumS : 0;
  let similarityDetail = `${round(similarity)} of the shorter name explained`;
  const sWords = S.filter((t) => t.kind === 'word' || t.kind === 'core').length;
  const lWords = L.filter((t) => t.kind === 'word' || t.kind === 'core').length;
  if (sWords <= 1 && S.filter((t) => t.kind === 'initial').length === 0 && lWords > 1 && similarity > 0.55) {
    similarity = 0.55;
    similarityDetail += '; one word cannot identify a person: capped at 0.55';
  }

  // Leftovers of the longer name.
  let firstMatched = -1;
  for (let i = 0; i < L.length; i++) {
    if ((cL[i] ?? 0) > 0 && (wL[i] ?? 0) > 0) {
      firstMatched = i;
      break;
    }
  }
  let extra = 0;
  const extras: string[] = [];
  for (let i = 0; i < L.length; i++) {
    const t = L[i] as NameToken;
    if ((cL[i] ?? 0) > 0 || (wL[i] ?? 0) === 0) continue;
    if (t.kind === 'word' || t.kind === 'core') {
      const leading = firstMatched > i && !isCompoundFirst(t);
      extra += leading ? 0.35 : 0.05;
      extras.push(leading ? `${t.text} (before the shared name)` : t.text);
    } else {
      extra += 0.02;
      extras.push(t.text);
    }
  }
  extra = Math.min(extra, 0.45);

  // Unexplained words on both sides.
  const unexplained = (ts: readonly NameToken[], cr: Float64Array) =>
    ts.filter(
      (t, i) => (cr[i] ?? 0) === 0 && (t.kind === 'word' || t.kind === 'core' || t.kind === 'initial'),
    );
  const uS = unexplained(S, cS);
  const uL = unexplained(L, cL);
  let conflict = uS.length > 0 && uL.length > 0 ? 0.3 : 0;
  let conflictDetail =
    conflict > 0
      ? `${uS.map((t) => t.text).join(' ')} vs ${uL.map((t) => t.text).join(' ')}: different names`
      : '';
  // Same words, given names swapped under one family name: عمر أحمد العتيبي (Omar son of Ahmed)
  // is not أحمد عمر العتيبي (Ahmed son of Omar). A family name moved to the front (Putin
  // Vladimir) is not a swap.
  if (conflict === 0 && swappedGivenNames(A, B, al)) {
    conflict = 0.4;
    conflictDetail = 'the same given names in another order under one family name';
  }
  return {
    similarity,
    similarityDetail,
    extra,
    extraDetail: extras.length > 0 ? `only the longer name has ${extras.join(', ')}` : '',
    conflict,
    conflictDetail,
  };
}

function swappedGivenNames(A: readonly NameToken[], B: readonly NameToken[], al: Alignment): boolean {
  const words = (ts: readonly NameToken[]) => {
    const out: number[] = [];
    ts.forEach((t, i) => {
      if (t.kind === 'word' || t.kind === 'core') out.push(i);
    });
    return out;
  };
  const wa = words(A);
  const wb = words(B);
  if (wa.length < 3 || wb.length < 3) return false;
  const partner = new Map<number, number>();
  for (const p of al.pairs)
    if (p.a.length === 1 && p.b.length === 1) partner.set(p.a[0] as number, p.b[0] as number);
  const lastA = wa[wa.length - 1] as number;
  const lastB = wb[wb.length - 1] as number;
  const firstA = wa[0] as number;
  const firstB = wb[0] as number;
  const pf = partner.get(firstA);
  return (
    partner.get(lastA) === lastB &&
    pf !== undefined &&
    pf !== firstB &&
    partner.has(wa[1] as number) &&
    partner.get(wa[1] as number) === firstB
  );
}

/** Token weights for organisations: distinctive words 1, company words their table weight. */
export function orgWeight(t: NameToken): number {
  switch (t.kind) {
    case 'word':
    case 'core':
    case 'number':
      return 1;
    case 'initial':
      return 0.3;
    case 'particle':
    case 'patronymic':
      return t.kind === 'patronymic' ? 0.3 : 0;
    default:
      return t.weight;
  }
}

const GENERIC = new Set(['concept', 'place', 'initial']);
// Qualifiers of place: "of Russia", "Iran", "Xinjiang" on one side only never make two companies.
// Parent/branch words (group, holding) are reported by the structure feature instead.
function placeLike(t: NameToken): boolean {
  return (
    t.kind === 'place' ||
    (t.key?.startsWith('c:country') ?? false) ||
    t.key === 'c:city' ||
    t.key === 'c:china' ||
    t.key === 'c:group' ||
    t.key === 'c:holding'
  );
}

/**
 * Organisations. Each side's coverage is its weighted share of matched credit; the score is the
 * lower of the two, so a distinctive word on one side only (Gazprom / Gazprom Neft) or on both
 * (Bank Melli / Bank Mellat) keeps it low. When one name is contained in the other, the longer
 * one's left-over qualifiers count half: places and countries always (Sberbank / Sberbank of
 * Russia), company words when the shorter name is a bare brand without legal form (Rosneft /
 * Rosneft Oil Company) or when they are generic (research, production). A Chinese-style
 * registered name (place, name, trade, legal form on both sides) that adds a trade to the
 * other is another registration, and the trade word counts double (Xinjiang Guannong Co., Ltd.
 * / Xinjiang Guannong Cotton Co., Ltd.).
 */
export function orgNameScore(
  A: readonly NameToken[],
  B: readonly NameToken[],
  al: Alignment,
  weightOf: WeightOf,
  forms: { readonly a: boolean; readonly b: boolean; readonly places: boolean } = {
    a: false,
    b: false,
    places: false,
  },
): NameScore {
  const c = creditOf(al, A.length, B.length);
  const hasExtras = (ts: readonly NameToken[], cr: Float64Array) =>
    ts.some((t, i) => (cr[i] ?? 0) === 0 && weightOf(t) > 0);
  const bothForms = forms.a && forms.b;
  const side = (
    ts: readonly NameToken[],
    cr: Float64Array,
    otherContained: boolean,
    otherHasForm: boolean,
  ) => {
    const matchedKeys = new Set<string>();
    for (let i = 0; i < ts.length; i++) if ((cr[i] ?? 0) > 0 && ts[i]?.key) matchedKeys.add(ts[i]?.key ?? '');
    let got = 0;
    let denom = 0;
    let distinctiveMatched = false;
    let distinctiveMissed = false;
    for (let i = 0; i < ts.length; i++) {
      const t = ts[i] as NameToken;
      if (!GENERIC.has(t.kind) && weightOf(t) > 0) {
        if ((cr[i] ?? 0) >= 0.8) distinctiveMatched = true;
        else distinctiveMissed = true;
      }
    }
    const discount = otherContained && distinctiveMatched && !distinctiveMissed;
    const extras: string[] = [];
    for (let i = 0; i < ts.length; i++) {
      const t = ts[i] as NameToken;
      const w = weightOf(t);
      if (w === 0) continue;
      const cr1 = cr[i] ?? 0;
      if (cr1 > 0) {
        got += cr1 * w;
        denom += w;
      } else if (t.key !== undefined && matchedKeys.has(t.key)) {
        // The same company word said twice (Banco de Venezuela … Banco Universal).
      } else {
        // Both names registered with a legal form, one adding a trade: the trade word is part
        // of that registered name, and counts double.
        const generic = GENERIC.has(t.kind);
        const half = discount && generic && (placeLike(t) || !otherHasForm || w < 0.3);
        const twice = discount && generic && !half && t.kind === 'concept' && bothForms && forms.places;
        denom += half ? w / 2 : twice ? 2 * w : w;
        extras.push(t.text);
      }
    }
    return { cov: denom > 0 ? got / denom : 0, extras };
  };
  const sa = side(A, c.a, !hasExtras(B, c.b), forms.b);
  const sb = side(B, c.b, !hasExtras(A, c.a), forms.a);
  let similarity = Math.min(sa.cov, sb.cov);
  // A name made only of company words (Bank of China, Commercial Bank of Syria) is identified
  // by all of them: any word on one side only is another institution.
  const allGeneric = [...A, ...B].every((t) => GENERIC.has(t.kind) || weightOf(t) === 0);
  if (allGeneric && similarity < 1) similarity *= similarity;
  const extras = [...sa.extras, ...sb.extras];
  return {
    similarity,
    similarityDetail: `coverage ${round(sa.cov)} / ${round(sb.cov)}`,
    extra: 0,
    extraDetail: extras.length > 0 ? `unmatched: ${extras.join(', ')}` : '',
    conflict: 0,
    conflictDetail: '',
  };
}
