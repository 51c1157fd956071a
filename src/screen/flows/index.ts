/**
 * Trade flows: customs statistics as monthly series by origin region × partner × product, with
 * surge detection (docs/flows.md). Pure functions over an iterable of `TradeStatFact`s, shared
 * by the CLI (`threadline flows`) and the web dashboard.
 */
export {
  type AggregateOptions,
  aggregateFlows,
  type Flow,
  type FlowCube,
  type FlowDiagnostics,
  type Grouping,
} from './cube.ts';
export {
  DEFAULT_FLOW_PARAMS,
  type FlagKind,
  type FlagOptions,
  type FlowFlag,
  type FlowParams,
  flagSeries,
} from './flags.ts';
export { formatPct, formatUsd, ordinal, sparkline } from './format.ts';
export { groupLabel, OTHER, type SectorTiers, sectorGroupOf, UNSPECIFIED } from './hs-groups.ts';
export { type LegalContext, legalContext } from './legal.ts';
export { formatMonth, parseMonth } from './month.ts';
export { type CodeValue, type Reconciled, reconcileCodes } from './reconcile.ts';
export { normalizeRegionCode, type Region, regionName, resolveRegion } from './region.ts';
export { DEFAULT_SCORE_PARAMS, type PointScore, type ScoreParams, scoreSeries } from './score.ts';
export {
  type BuildSeriesOptions,
  buildSeries,
  type FlowRow,
  type FlowsBy,
  originCode,
  type SeriesOptions,
  seriesOf,
} from './series.ts';
export { detectSurges, type SurgeOptions, surgesOf } from './surges.ts';
export { LEGAL_EVENTS, LEGAL_EVENTS_SOURCE, type LegalEvent } from './tables.ts';
