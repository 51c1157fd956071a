import type { Grouping } from './cube.ts';
import { formatPct, formatUsd, ordinal, pctChange } from './format.ts';
import { groupLabel, UNSPECIFIED } from './hs-groups.ts';
import { type LegalContext, legalContext } from './legal.ts';
import { formatMonth } from './month.ts';
import { DEFAULT_SCORE_PARAMS, type ScoreParams, scoreSeries } from './score.ts';
import { LEGAL_EVENTS, LEGAL_WINDOW_MONTHS, type LegalEvent } from './tables.ts';

/** Flags on one monthly series: value surges, jumps in a partner's rank, products appearing from nothing. */

export type FlagKind = 'surge' | 'rank-jump' | 'new-product';

/** One flagged month with the numbers behind it. Field names match the CLI's JSON. */
export interface FlowFlag {
  readonly kind: FlagKind;
  readonly region: string;
  /** ISO alpha-2, or null for the region's trade with all partners together. */
  readonly partner: string | null;
  /** null for the total; else the grouping of `product`. */
  readonly grouping: Grouping | null;
  /** Sector id, HS chapter, `other` or `unspecified`; null for the total. */
  readonly product: string | null;
  readonly month: string;
  readonly value_usd: number;
  /** Surge flags: what the model expected, the multiple, and the robust z score. */
  readonly expected_usd: number | null;
  readonly ratio: number | null;
  readonly z: number | null;
  /** Median of the same calendar month in the earlier years used. */
  readonly same_month_usd: number | null;
  readonly yoy_pct: number | null;
  readonly mom_pct: number | null;
  /** Rank-jump flags: the partner's rank this month and the month before (null = no trade then). */
  readonly rank: number | null;
  readonly previous_rank: number | null;
  /** Legal events this month follows (see legal-events.json). */
  readonly legal: readonly LegalContext[];
  /** One sentence with the numbers, ending with the legal context when there is one. */
  readonly reason: string;
}

export interface FlowParams extends ScoreParams {
  /** A partner's rank must improve by at least this many places… */
  readonly rankJump: number;
  /** …and end at or above this rank… */
  readonly rankTop: number;
  /**
   * …with the partner's share of the region's trade up by at least this factor on the month
   * before: others shrinking, or a seasonal rise of everyone, is not news.
   */
  readonly rankMinRise: number;
  /** A product "appears from nothing" after this many months without trade… */
  readonly newLookback: number;
  /** …of which at least this many were reported zeros (not gaps)… */
  readonly newMinZeroMonths: number;
  /** …with at least this value (USD). */
  readonly newMinUsd: number;
}

export const DEFAULT_FLOW_PARAMS: FlowParams = {
  ...DEFAULT_SCORE_PARAMS,
  rankJump: 5,
  rankTop: 10,
  rankMinRise: 1.25,
  newLookback: 12,
  newMinZeroMonths: 6,
  newMinUsd: 100_000,
};

/** One series to flag: values per month from `first`, null for months the region did not report. */
export interface SeriesInput {
  readonly region: string;
  readonly regionName: string;
  readonly partner: string | null;
  readonly grouping: Grouping | null;
  readonly product: string | null;
  readonly first: number;
  readonly values: readonly (number | null)[];
  /** For partner totals: the partner's rank per month (0 = no trade) and the partner count. */
  readonly ranks?: Int32Array;
  readonly partnerCounts?: Int32Array;
  /** For partner totals: the region's total with all partners, per month. */
  readonly whole?: readonly (number | null)[];
}

export interface FlagOptions {
  readonly params?: Partial<FlowParams>;
  readonly legalEvents?: readonly LegalEvent[];
  readonly legalWindowMonths?: number;
}

/** Flags of one series, indexed like `values` (empty arrays where nothing is flagged). */
export function flagSeries(s: SeriesInput, opts: FlagOptions = {}): FlowFlag[][] {
  const p: FlowParams = { ...DEFAULT_FLOW_PARAMS, ...opts.params };
  const events = opts.legalEvents ?? LEGAL_EVENTS;
  const windowMonths = opts.legalWindowMonths ?? LEGAL_WINDOW_MONTHS;
  const n = s.values.length;
  const out: FlowFlag[][] = Array.from({ length: n }, () => []);
  const scores = scoreSeries(s.values, p);
  const surgeWord = s.product == null ? 'surge' : `surge in ${groupLabel(s.product)}`;

  for (let t = 0; t < n; t++) {
    const v = s.values[t];
    if (v == null) continue;
    const month = s.first + t;
    const yoy = t >= 12 ? pctChange(v, s.values[t - 12] ?? null) : null;
    const mom = t >= 1 ? pctChange(v, s.values[t - 1] ?? null) : null;
    const changes = [
      yoy != null ? `${formatPct(yoy)} y/y` : null,
      mom != null ? `${formatPct(mom)} m/m` : null,
    ]
      .filter(Boolean)
      .join(', ');
    let legal: LegalContext[] | undefined;
    const withLegal = (text: string): { legal: LegalContext[]; reason: string } => {
      legal ??= legalContext(month, s.partner, s.region, events, windowMonths);
      const tail = legal.map((l) => l.phrase).join('; ');
      return { legal, reason: tail ? `${text}; ${tail}` : text };
    };
    const base = {
      region: s.region,
      partner: s.partner,
      grouping: s.grouping,
      product: s.product,
      month: formatMonth(month),
      value_usd: v,
      yoy_pct: yoy,
      mom_pct: mom,
    };

    const sc = scores[t];
    if (sc?.surge) {
      const against = [
        `the 12-month trend (${formatUsd(sc.levelUsd)})`,
        sc.seasonalYears > 0
          ? `the same month in ${sc.seasonalYears} earlier year${sc.seasonalYears === 1 ? '' : 's'}${
              sc.sameMonthUsd != null ? ` (median ${formatUsd(sc.sameMonthUsd)})` : ''
            }`
          : 'no same-month history yet',
      ].join(' and ');
      const text = `${surgeWord}: ${formatUsd(v)} vs ${formatUsd(sc.expectedUsd)} expected (×${sc.ratio.toFixed(1)}, robust z ${sc.z.toFixed(1)}) from ${against}${changes ? `; ${changes}` : ''}`;
      out[t]?.push({
        kind: 'surge',
        ...base,
        expected_usd: sc.expectedUsd,
        ratio: sc.ratio,
        z: sc.z,
        same_month_usd: sc.sameMonthUsd,
        rank: null,
        previous_rank: null,
        ...withLegal(text),
      });
    }

    if (s.ranks && s.partner != null && t >= 1 && v >= p.minValueUsd) {
      const rank = s.ranks[t] ?? 0;
      const prev = s.ranks[t - 1] ?? 0;
      const shareNow = v / (s.whole?.[t] || v || 1);
      const shareBefore = (s.values[t - 1] ?? 0) / (s.whole?.[t - 1] || 1);
      const jumped = prev > 0 && prev - rank >= p.rankJump && shareNow >= shareBefore * p.rankMinRise;
      // A regular partner back after a quiet month is not news; one arriving from nothing is.
      const entered = prev === 0 && noneBefore(s.values, t, p);
      if (rank > 0 && rank <= p.rankTop && (jumped || entered)) {
        const of = s.partnerCounts?.[t];
        const text = jumped
          ? `${s.partner} rose from ${s.regionName}'s ${ordinal(prev)} to ${ordinal(rank)} largest partner${of ? ` (of ${of})` : ''}`
          : `${s.partner} entered ${s.regionName}'s partners as the ${ordinal(rank)} largest${of ? ` (of ${of})` : ''} after ${p.newLookback} months without trade`;
        out[t]?.push({
          kind: 'rank-jump',
          ...base,
          expected_usd: null,
          ratio: null,
          z: null,
          same_month_usd: null,
          rank,
          previous_rank: prev === 0 ? null : prev,
          ...withLegal(`${text}, ${formatUsd(v)}${changes ? `; ${changes}` : ''}`),
        });
      }
    }

    if (s.product != null && s.product !== UNSPECIFIED && v >= p.newMinUsd) {
      if (noneBefore(s.values, t, p)) {
        const text = `${groupLabel(s.product)} appears from nothing: ${formatUsd(v)} after ${p.newLookback} months without any`;
        out[t]?.push({
          kind: 'new-product',
          ...base,
          expected_usd: 0,
          ratio: null,
          z: null,
          same_month_usd: null,
          rank: null,
          previous_rank: null,
          ...withLegal(text),
        });
      }
    }
  }
  return out;
}

/** No trade in the `newLookback` months before `t`, at least `newMinZeroMonths` of them reported zeros. */
function noneBefore(values: readonly (number | null)[], t: number, p: FlowParams): boolean {
  if (t < p.newLookback) return false;
  let zeros = 0;
  for (let j = t - p.newLookback; j < t; j++) {
    const w = values[j];
    if (w == null) continue;
    if (w > 0) return false;
    zeros++;
  }
  return zeros >= p.newMinZeroMonths;
}
