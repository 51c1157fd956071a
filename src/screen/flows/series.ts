import type { TradeStatFact } from '../../model/index.ts';
import { ValidationError } from '../../model/index.ts';
import { aggregateFlows, type Flow, type FlowCube, type Grouping } from './cube.ts';
import { type FlagOptions, type FlowFlag, flagSeries, type SeriesInput } from './flags.ts';
import { pctChange, round1 } from './format.ts';
import { compareGroups, type SectorTiers } from './hs-groups.ts';
import { formatMonth, parseMonth } from './month.ts';
import { regionName, resolveRegion } from './region.ts';

/** Monthly series rows: one per month, or per month and product group. */

export type FlowsBy = 'month' | Grouping;

export interface SeriesOptions extends FlagOptions {
  /** ISO alpha-2 partner; omitted or null: the region's trade with all partners together. */
  readonly partner?: string | null;
  /** `month` (default): the total; `sector`: UFLPA sectors; `chapter`: HS chapters. */
  readonly by?: FlowsBy;
  /** Inclusive `YYYY-MM` bounds of the rows returned (history before `from` still informs the flags). */
  readonly from?: string;
  readonly to?: string;
}

/** One row of a series. Field names are the CLI's JSON keys. */
export interface FlowRow {
  readonly month: string;
  readonly region: string;
  readonly partner: string | null;
  /** With `by: 'sector' | 'chapter'`: the group (sector id, chapter, `other`, `unspecified`). */
  readonly sector?: string;
  /**
   * Value in USD. 0: the region reported that month but nothing for this partner or product.
   * null: the region reported nothing at all that month (a gap in the source), or the month is
   * outside the data.
   */
  readonly value_usd: number | null;
  /** Change on the month before / the same month a year before, in percent (one decimal); null when a side is unknown or zero. */
  readonly mom_pct: number | null;
  readonly yoy_pct: number | null;
  /** The partner's rank among the region's partners that month (1 = largest); null for all partners or no trade. */
  readonly partner_rank: number | null;
  /** How many partners traded with the region that month. */
  readonly partners: number | null;
  /**
   * By month with a partner: the partner's share of the region's total. By sector/chapter: the
   * group's share of the month's total (of the partner, or of all partners). Percent, one decimal.
   */
  readonly share_pct: number | null;
  /** Whether any flag was raised on this row. */
  readonly surge: boolean;
  readonly reasons: readonly string[];
  readonly flags: readonly FlowFlag[];
}

/** Throws `invalid_value` for a malformed month bound: the API's callers validate flags first. */
export function monthBound(s: string | undefined, what: string): number | null {
  if (s == null) return null;
  const m = parseMonth(s);
  if (m == null)
    throw new ValidationError('invalid_value', `${what} must be YYYY-MM, got ${JSON.stringify(s)}`);
  return m;
}

/** Values of one cube array as a series: null for unreported months, 0 for reported months without rows. */
export function seriesValues(cube: FlowCube, arr: Float64Array | undefined): (number | null)[] {
  const out = new Array<number | null>(cube.length);
  for (let m = 0; m < cube.length; m++) out[m] = cube.reported[m] ? (arr?.[m] ?? 0) : null;
  return out;
}

/** The series (input for flags) of a partner's or the region's total. */
export function totalSeries(cube: FlowCube, partner: string | null): SeriesInput {
  const base = {
    region: cube.region,
    regionName: regionName(cube.region),
    partner,
    grouping: null,
    product: null,
    first: cube.first,
  };
  if (partner == null) return { ...base, values: seriesValues(cube, cube.world.total) };
  const ranks = cube.ranks.get(partner);
  return {
    ...base,
    values: seriesValues(cube, cube.totals.get(partner)),
    ...(ranks
      ? { ranks, partnerCounts: cube.partnerCounts, whole: seriesValues(cube, cube.world.total) }
      : {}),
  };
}

/** The groups a partner (or all partners) ever traded in, in display order. */
export function groupsOf(cube: FlowCube, grouping: Grouping, partner: string | null): string[] {
  const byGroup = partner == null ? cube.world.groups[grouping] : cube.groups[grouping].get(partner);
  return [...(byGroup?.keys() ?? [])].sort(compareGroups);
}

/** The series (input for flags) of one product group. */
export function groupSeries(
  cube: FlowCube,
  grouping: Grouping,
  group: string,
  partner: string | null,
): SeriesInput {
  const byGroup = partner == null ? cube.world.groups[grouping] : cube.groups[grouping].get(partner);
  return {
    region: cube.region,
    regionName: regionName(cube.region),
    partner,
    grouping,
    product: group,
    first: cube.first,
    values: seriesValues(cube, byGroup?.get(group)),
  };
}

/** Rows of a series from an aggregated cube (pure; reuse the cube for many questions). */
export function seriesOf(cube: FlowCube, opts: SeriesOptions = {}): FlowRow[] {
  const by = opts.by ?? 'month';
  const partner = opts.partner ? opts.partner.trim().toUpperCase() : null;
  const last = cube.first + cube.length - 1;
  const from = monthBound(opts.from, 'from') ?? cube.first;
  const to = monthBound(opts.to, 'to') ?? last;
  if (cube.length === 0 && (opts.from == null || opts.to == null)) return [];
  const total = totalSeries(cube, partner);
  const world = seriesValues(cube, cube.world.total);
  const ranks = partner == null ? undefined : cube.ranks.get(partner);
  const at = (values: readonly (number | null)[], m: number): number | null =>
    m >= 0 && m < values.length ? (values[m] ?? null) : null;
  const rankAt = (m: number): number | null => {
    const r = partner == null || m < 0 || m >= cube.length ? 0 : (ranks?.[m] ?? 0);
    return r > 0 ? r : null;
  };
  const partnersAt = (m: number): number | null =>
    m >= 0 && m < cube.length && cube.reported[m] ? (cube.partnerCounts[m] ?? 0) : null;
  const share = (v: number | null, whole: number | null): number | null =>
    v == null || whole == null || whole <= 0 ? null : round1((v / whole) * 100);

  const series: { sector?: string; input: SeriesInput }[] =
    by === 'month'
      ? [{ input: total }]
      : groupsOf(cube, by, partner).map((g) => ({ sector: g, input: groupSeries(cube, by, g, partner) }));
  const flagged = series.map((s) => flagSeries(s.input, opts));

  const rows: FlowRow[] = [];
  for (let month = from; month <= to; month++) {
    const m = month - cube.first;
    series.forEach((s, i) => {
      const values = s.input.values;
      const v = at(values, m);
      const flags = (m >= 0 && m < cube.length ? flagged[i]?.[m] : undefined) ?? [];
      const whole = by === 'month' ? (partner == null ? null : at(world, m)) : at(total.values, m);
      rows.push({
        month: formatMonth(month),
        region: cube.region,
        partner,
        ...(s.sector != null ? { sector: s.sector } : {}),
        value_usd: v,
        mom_pct: pctChange(v, at(values, m - 1)),
        yoy_pct: pctChange(v, at(values, m - 12)),
        partner_rank: rankAt(m),
        partners: partnersAt(m),
        share_pct: share(v, whole),
        surge: flags.length > 0,
        reasons: flags.map((f) => f.reason),
        flags,
      });
    });
  }
  return rows;
}

export interface BuildSeriesOptions extends SeriesOptions {
  /** Region code (`65`) or name (Xinjiang, 新疆). */
  readonly origin: string;
  readonly flow?: Flow;
  readonly sectorTiers?: SectorTiers;
}

/** Throws `invalid_value` when `origin` is neither a region code nor a known province name. */
export function originCode(origin: string): string {
  const r = resolveRegion(origin);
  if (!r) throw new ValidationError('invalid_value', `unknown region ${JSON.stringify(origin)}`);
  return r.code;
}

/**
 * Reads trade statistics and returns the series rows: `buildSeries(store.iterateTradeStats(
 * { reporterRegion: '65' }), { origin: 'Xinjiang', partner: 'US' })`. Pass the region's rows
 * for all partners, not only the partner's: ranks and shares need them.
 */
export async function buildSeries(
  stats: Iterable<TradeStatFact> | AsyncIterable<TradeStatFact>,
  opts: BuildSeriesOptions,
): Promise<FlowRow[]> {
  const cube = await aggregateFlows(stats, {
    origin: originCode(opts.origin),
    ...(opts.flow ? { flow: opts.flow } : {}),
    ...(opts.sectorTiers ? { sectorTiers: opts.sectorTiers } : {}),
  });
  return seriesOf(cube, opts);
}
