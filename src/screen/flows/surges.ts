import type { TradeStatFact } from '../../model/index.ts';
import { aggregateFlows, type FlowCube, type Grouping } from './cube.ts';
import { type FlagOptions, type FlowFlag, flagSeries, type SeriesInput } from './flags.ts';
import {
  type BuildSeriesOptions,
  groupSeries,
  groupsOf,
  monthBound,
  originCode,
  totalSeries,
} from './series.ts';

/** Surge detection over a whole region: every partner (and all partners together), total and products. */

export interface SurgeOptions extends FlagOptions {
  /** Only this partner (ISO alpha-2); default: every partner and all partners together. */
  readonly partner?: string | null;
  /** Product series to scan besides totals. Default `sector`. */
  readonly products?: Grouping | 'both' | 'none';
  /** Inclusive `YYYY-MM` bounds of the flags returned. */
  readonly from?: string;
  readonly to?: string;
}

/** All flags in the cube, ordered by month, then partner (all partners first), then product. */
export function surgesOf(cube: FlowCube, opts: SurgeOptions = {}): FlowFlag[] {
  const products = opts.products ?? 'sector';
  const groupings: Grouping[] =
    products === 'both' ? ['sector', 'chapter'] : products === 'none' ? [] : [products];
  const partners: (string | null)[] = opts.partner
    ? [opts.partner.trim().toUpperCase()]
    : [null, ...cube.partners];
  const from = monthBound(opts.from, 'from') ?? Number.NEGATIVE_INFINITY;
  const to = monthBound(opts.to, 'to') ?? Number.POSITIVE_INFINITY;
  const out: { flag: FlowFlag; month: number; order: number }[] = [];
  let order = 0;
  const scan = (s: SeriesInput): void => {
    flagSeries(s, opts).forEach((flags, m) => {
      const month = cube.first + m;
      if (month < from || month > to) return;
      for (const flag of flags) out.push({ flag, month, order: order++ });
    });
  };
  for (const partner of partners) {
    scan(totalSeries(cube, partner));
    for (const g of groupings)
      for (const group of groupsOf(cube, g, partner)) scan(groupSeries(cube, g, group, partner));
  }
  return out.sort((a, b) => a.month - b.month || a.order - b.order).map((x) => x.flag);
}

/** Reads trade statistics once and returns every flag for the origin region. */
export async function detectSurges(
  stats: Iterable<TradeStatFact> | AsyncIterable<TradeStatFact>,
  opts: SurgeOptions & Pick<BuildSeriesOptions, 'origin' | 'flow' | 'sectorTiers'>,
): Promise<FlowFlag[]> {
  const cube = await aggregateFlows(stats, {
    origin: originCode(opts.origin),
    ...(opts.flow ? { flow: opts.flow } : {}),
    ...(opts.sectorTiers ? { sectorTiers: opts.sectorTiers } : {}),
  });
  return surgesOf(cube, opts);
}
