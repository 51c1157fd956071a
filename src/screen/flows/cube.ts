import type { TradeStatFact } from '../../model/index.ts';
import { chapterOf, type SectorTiers, sectorGroupOf, UNSPECIFIED } from './hs-groups.ts';
import { parseMonth } from './month.ts';
import { type CodeValue, reconcileCodes } from './reconcile.ts';
import { normalizeRegionCode } from './region.ts';

/**
 * One origin region's customs statistics, aggregated once into dense monthly arrays per
 * partner and product group. Series, ranks and surge flags are all computed from this cube,
 * so the dashboard can load it once and ask many questions.
 */

export type Flow = 'export' | 'import';
/** Product groupings: UFLPA sectors (plus `other`, `unspecified`) or HS chapters (plus `unspecified`). */
export type Grouping = 'sector' | 'chapter';

export interface AggregateOptions {
  /** GB/T 2260 region code (resolve names first with `resolveRegion`). */
  readonly origin: string;
  /** Default `export`. */
  readonly flow?: Flow;
  /** Default `core`: see {@link SectorTiers}. */
  readonly sectorTiers?: SectorTiers;
}

/** What the aggregation saw and how it dealt with it; nothing is dropped silently. */
export interface FlowDiagnostics {
  rowsRead: number;
  /** Rows of the origin and flow that went into the cube. */
  rowsUsed: number;
  /** Rows of other regions or the other flow direction. */
  rowsOtherScope: number;
  /** Rows without a value (`valueUsd` null, negative or not finite). */
  rowsWithoutValue: number;
  /** Rows with a malformed month or HS code. */
  rowsInvalid: number;
  /** Rows repeating a (partner, month, code) already seen: the last one read wins. */
  duplicates: number;
  /** Cells where HS rows of different levels overlapped and were reconciled. */
  overlappingCells: number;
  /** Cells where finer HS rows added up to more than their coarser row. */
  inconsistentCells: number;
  /** Cells whose TOTAL row is below the sum of their HS rows (the TOTAL row is kept). */
  totalBelowItemised: number;
}

export interface FlowCube {
  readonly region: string;
  readonly flow: Flow;
  readonly sectorTiers: SectorTiers;
  /** Month number of index 0 (see month.ts); meaningless when `length` is 0. */
  readonly first: number;
  /** Number of months from the region's first to its last month with data. */
  readonly length: number;
  /** Per month: 1 when the region reported anything that month, 0 for a gap in the source. */
  readonly reported: Uint8Array;
  /** Partner countries with any row, sorted. */
  readonly partners: readonly string[];
  /** Per partner: the monthly total (TOTAL row when present, else the reconciled HS rows). */
  readonly totals: ReadonlyMap<string, Float64Array>;
  /** Per grouping, per partner, per group: monthly values. Absent group = zero. */
  readonly groups: Readonly<Record<Grouping, ReadonlyMap<string, ReadonlyMap<string, Float64Array>>>>;
  /** The region's total over all partners, and per group. */
  readonly world: {
    readonly total: Float64Array;
    readonly groups: Readonly<Record<Grouping, ReadonlyMap<string, Float64Array>>>;
  };
  /** Per partner: rank among the region's partners that month by total value (1 = largest, 0 = no trade). */
  readonly ranks: ReadonlyMap<string, Int32Array>;
  /** Per month: how many partners had trade. */
  readonly partnerCounts: Int32Array;
  readonly diagnostics: FlowDiagnostics;
}

interface Cell {
  total: number;
  codes: Map<number, number>;
}

interface CodeInfo {
  readonly code: string;
  readonly sector: string;
  readonly chapter: string;
}

// Cell key = partner index × 4096 + month offset from January 1900 (months up to 2199 fit).
const MONTH_BASE = 1900 * 12;
const MONTH_SPAN = 4096;
const TOTAL = -1;
const INVALID = -2;

function isAsync<T>(x: Iterable<T> | AsyncIterable<T>): x is AsyncIterable<T> {
  return typeof (x as AsyncIterable<T>)[Symbol.asyncIterator] === 'function';
}

/**
 * Reads trade statistics once (any iterable or async iterable, e.g. `store.iterateTradeStats`)
 * and aggregates the origin's rows. Rows of other regions or flows are skipped, so a caller may
 * pass an unfiltered stream. Memory is proportional to the origin's distinct (partner, month,
 * HS code) cells while reading, then to partners × months × groups.
 */
export async function aggregateFlows(
  stats: Iterable<TradeStatFact> | AsyncIterable<TradeStatFact>,
  opts: AggregateOptions,
): Promise<FlowCube> {
  const origin = normalizeRegionCode(opts.origin);
  const flow: Flow = opts.flow ?? 'export';
  const tiers: SectorTiers = opts.sectorTiers ?? 'core';
  const d: FlowDiagnostics = {
    rowsRead: 0,
    rowsUsed: 0,
    rowsOtherScope: 0,
    rowsWithoutValue: 0,
    rowsInvalid: 0,
    duplicates: 0,
    overlappingCells: 0,
    inconsistentCells: 0,
    totalBelowItemised: 0,
  };
  const partnerIdx = new Map<string, number>();
  const partnerNames: string[] = [];
  const monthCache = new Map<string, number>();
  const codeIdx = new Map<string, number>();
  const codes: CodeInfo[] = [];
  const cells = new Map<number, Cell>();

  const take = (s: TradeStatFact): void => {
    d.rowsRead++;
    if (s.flow !== flow) {
      d.rowsOtherScope++;
      return;
    }
    const region = s.reporterRegion;
    if (region !== origin && normalizeRegionCode(region) !== origin) {
      d.rowsOtherScope++;
      return;
    }
    const v = s.valueUsd;
    if (v == null || !Number.isFinite(v) || v < 0) {
      d.rowsWithoutValue++;
      return;
    }
    let month = monthCache.get(s.month);
    if (month === undefined) {
      const m = parseMonth(s.month);
      month = m == null ? -1 : m - MONTH_BASE;
      monthCache.set(s.month, month);
    }
    let code = codeIdx.get(s.hsCode);
    if (code === undefined) {
      const raw = s.hsCode.trim();
      if (raw.toUpperCase() === 'TOTAL') code = TOTAL;
      else if (/^\d{2,10}$/.test(raw)) {
        code = codes.length;
        codes.push({ code: raw, sector: sectorGroupOf(raw, tiers), chapter: chapterOf(raw) });
      } else code = INVALID;
      codeIdx.set(s.hsCode, code);
    }
    if (month < 0 || code === INVALID) {
      d.rowsInvalid++;
      return;
    }
    const partner = s.partnerCountry;
    let p = partnerIdx.get(partner);
    if (p === undefined) {
      const norm = partner.trim().toUpperCase();
      p = partnerIdx.get(norm);
      if (p === undefined) {
        p = partnerNames.length;
        partnerNames.push(norm);
        partnerIdx.set(norm, p);
      }
      partnerIdx.set(partner, p);
    }
    const key = p * MONTH_SPAN + month;
    let cell = cells.get(key);
    if (!cell) {
      cell = { total: Number.NaN, codes: new Map() };
      cells.set(key, cell);
    }
    d.rowsUsed++;
    if (code === TOTAL) {
      if (!Number.isNaN(cell.total)) d.duplicates++;
      cell.total = v;
    } else {
      if (cell.codes.has(code)) d.duplicates++;
      cell.codes.set(code, v);
    }
  };

  if (isAsync(stats)) for await (const s of stats) take(s);
  else for (const s of stats) take(s);

  return buildCube(origin, flow, tiers, partnerNames, codes, cells, d);
}

/** Marks codes that have an ancestor or a descendant among the codes seen: only those need reconciling. */
function relatedCodes(codes: readonly CodeInfo[]): Uint8Array {
  const related = new Uint8Array(codes.length);
  const present = new Set(codes.map((c) => c.code));
  const index = new Map(codes.map((c, i) => [c.code, i]));
  for (let i = 0; i < codes.length; i++) {
    const c = codes[i]?.code ?? '';
    for (let len = 2; len < c.length; len++) {
      const prefix = c.slice(0, len);
      if (present.has(prefix)) {
        related[i] = 1;
        related[index.get(prefix) ?? 0] = 1;
      }
    }
  }
  return related;
}

function buildCube(
  region: string,
  flow: Flow,
  sectorTiers: SectorTiers,
  partnerNames: readonly string[],
  codes: readonly CodeInfo[],
  cells: Map<number, Cell>,
  d: FlowDiagnostics,
): FlowCube {
  let min = Number.POSITIVE_INFINITY;
  let max = Number.NEGATIVE_INFINITY;
  for (const key of cells.keys()) {
    const m = key % MONTH_SPAN;
    if (m < min) min = m;
    if (m > max) max = m;
  }
  const length = cells.size === 0 ? 0 : max - min + 1;
  const first = cells.size === 0 ? 0 : min + MONTH_BASE;
  const reported = new Uint8Array(length);
  const related = relatedCodes(codes);
  const partners = [...partnerNames].sort();
  const totals = new Map<string, Float64Array>(partners.map((p) => [p, new Float64Array(length)]));
  const groups: Record<Grouping, Map<string, Map<string, Float64Array>>> = {
    sector: new Map(partners.map((p) => [p, new Map()])),
    chapter: new Map(partners.map((p) => [p, new Map()])),
  };
  const add = (byGroup: Map<string, Float64Array> | undefined, group: string, m: number, v: number): void => {
    if (!byGroup) return;
    let arr = byGroup.get(group);
    if (!arr) {
      arr = new Float64Array(length);
      byGroup.set(group, arr);
    }
    arr[m] = (arr[m] ?? 0) + v;
  };

  for (const [key, cell] of cells) {
    const partner = partnerNames[Math.floor(key / MONTH_SPAN)] ?? '';
    const m = (key % MONTH_SPAN) - min;
    reported[m] = 1;
    const sectors = groups.sector.get(partner);
    const chapters = groups.chapter.get(partner);
    let itemised = 0;
    const overlapping: CodeValue[] = [];
    const overlappingIdx: number[] = [];
    for (const [ci, v] of cell.codes) {
      const info = codes[ci];
      if (!info) continue;
      if (related[ci]) {
        overlapping.push({ code: info.code, value: v });
        overlappingIdx.push(ci);
        continue;
      }
      itemised += v;
      add(sectors, info.sector, m, v);
      add(chapters, info.chapter, m, v);
    }
    if (overlapping.length > 1) {
      const r = reconcileCodes(overlapping);
      if (r.inconsistent) d.inconsistentCells++;
      d.overlappingCells++;
      overlappingIdx.forEach((ci, k) => {
        const info = codes[ci];
        const v = r.residuals[k] ?? 0;
        if (!info || v === 0) return;
        itemised += v;
        add(sectors, info.sector, m, v);
        add(chapters, info.chapter, m, v);
      });
    } else if (overlapping.length === 1) {
      const info = codes[overlappingIdx[0] ?? 0];
      const v = overlapping[0]?.value ?? 0;
      if (info) {
        itemised += v;
        add(sectors, info.sector, m, v);
        add(chapters, info.chapter, m, v);
      }
    }
    let total = itemised;
    if (!Number.isNaN(cell.total)) {
      // A TOTAL row is the authority for the total; HS rows only split it.
      total = cell.total;
      const rest = total - itemised;
      if (rest > 0.5) {
        add(sectors, UNSPECIFIED, m, rest);
        add(chapters, UNSPECIFIED, m, rest);
      } else if (rest < -0.5 - total * 1e-6) d.totalBelowItemised++;
    }
    const t = totals.get(partner);
    if (t) t[m] = (t[m] ?? 0) + total;
  }
  cells.clear();

  const worldTotal = new Float64Array(length);
  for (const t of totals.values())
    for (let m = 0; m < length; m++) worldTotal[m] = (worldTotal[m] ?? 0) + (t[m] ?? 0);
  const worldGroups = {
    sector: sumGroups(groups.sector, length),
    chapter: sumGroups(groups.chapter, length),
  };

  const ranks = new Map<string, Int32Array>(partners.map((p) => [p, new Int32Array(length)]));
  const partnerCounts = new Int32Array(length);
  for (let m = 0; m < length; m++) {
    const trading = partners.filter((p) => (totals.get(p)?.[m] ?? 0) > 0);
    // Largest first; ties go to the alphabetically first partner so ranks are reproducible.
    trading.sort((a, b) => (totals.get(b)?.[m] ?? 0) - (totals.get(a)?.[m] ?? 0) || (a < b ? -1 : 1));
    trading.forEach((p, i) => {
      const r = ranks.get(p);
      if (r) r[m] = i + 1;
    });
    partnerCounts[m] = trading.length;
  }
  return {
    region,
    flow,
    sectorTiers,
    first,
    length,
    reported,
    partners,
    totals,
    groups,
    world: { total: worldTotal, groups: worldGroups },
    ranks,
    partnerCounts,
    diagnostics: d,
  };
}

function sumGroups(
  byPartner: Map<string, Map<string, Float64Array>>,
  length: number,
): Map<string, Float64Array> {
  const out = new Map<string, Float64Array>();
  for (const byGroup of byPartner.values()) {
    for (const [g, arr] of byGroup) {
      let acc = out.get(g);
      if (!acc) {
        acc = new Float64Array(length);
        out.set(g, acc);
      }
      for (let m = 0; m < length; m++) acc[m] = (acc[m] ?? 0) + (arr[m] ?? 0);
    }
  }
  return out;
}
