import type { Command } from 'commander';
import type { TradeStatFact } from '../../model/index.ts';
import {
  aggregateFlows,
  type FlowFlag,
  type FlowRow,
  type FlowsBy,
  formatMonth,
  formatPct,
  formatUsd,
  groupLabel,
  parseMonth,
  resolveRegion,
  seriesOf,
  sparkline,
  surgesOf,
} from '../../screen/flows/index.ts';
import type { Output } from '../output.ts';
import { safeText } from '../output.ts';
import { UsageError } from '../usage-error.ts';
import type { RegisterCommand } from './index.ts';

interface FlowsOptions {
  origin: string;
  partner?: string;
  by: string;
  from?: string;
  to?: string;
  flow: string;
  csv?: boolean;
  downstream?: boolean;
  surges?: boolean;
}

const BY: readonly FlowsBy[] = ['month', 'sector', 'chapter'];

/**
 * Rows per store page: fewer round trips for the region's millions of rows. (With the first
 * store layout, which filtered on a region index and re-sorted per page, this also took a 2M-row
 * read from 230 s to 23 s; the current layout scans in key order and needs it less.)
 */
export const STORE_PAGE_SIZE = 50_000;

const HELP = `
One row per month (and per product group with --by sector|chapter):
  month, value_usd, mom_pct, yoy_pct, partner_rank, share_pct, surge, reasons
value_usd is 0 when the region reported that month but not this partner/product, and null for
a month the region reported nothing at all. TOTAL rows are the totals when present; HS rows at
several levels are reconciled so no good counts twice (docs/flows.md).

Surges: log value against its 12-month trend and the same calendar month of up to 3 earlier
years, robust z (median/MAD) ≥ 3.5, at least 1.5× expected and US$100k; also a partner's jump
into the top 10 by 5+ places and a product appearing after 12 months without trade. Flags name
legal events (the UFLPA, 2022-06-21) they follow. History before --from still informs flags.

Examples:
  threadline flows --origin Xinjiang --partner US --from 2022-01
  threadline flows --origin 新疆 --partner US --by sector --json
  threadline flows --origin 65 --surges --from 2022-06      (every partner and sector)
  threadline flows --origin 65 --partner US --csv > xinjiang-us.csv`;

function parseOptions(o: FlowsOptions, json: boolean) {
  const region = resolveRegion(o.origin);
  if (!region)
    throw new UsageError(
      `--origin: unknown region ${JSON.stringify(o.origin)} (a GB/T 2260 code like 65 or a province name)`,
    );
  const partner = o.partner?.trim().toUpperCase();
  if (partner != null && !/^[A-Z]{2}$/.test(partner))
    throw new UsageError(`--partner must be an ISO 3166 alpha-2 code, got ${JSON.stringify(o.partner)}`);
  if (!BY.includes(o.by as FlowsBy)) throw new UsageError(`--by must be one of ${BY.join(', ')}`);
  for (const [flag, v] of [
    ['--from', o.from],
    ['--to', o.to],
  ] as const) {
    if (v != null && parseMonth(v) == null)
      throw new UsageError(`${flag} must be YYYY-MM, got ${JSON.stringify(v)}`);
  }
  if (o.from && o.to && o.from > o.to) throw new UsageError('--from is after --to');
  if (o.flow !== 'export' && o.flow !== 'import') throw new UsageError('--flow must be export or import');
  if (o.csv && json) throw new UsageError('choose one of --json and --csv');
  return { region, partner, by: o.by as FlowsBy, flow: o.flow as 'export' | 'import' };
}

/** Counts rows as they stream past, for the progress bar. */
async function* counted<T>(rows: AsyncIterable<T>, onCount: (n: number) => void): AsyncIterable<T> {
  let n = 0;
  for await (const r of rows) {
    yield r;
    if (++n % 50_000 === 0) onCount(n);
  }
  onCount(n);
}

function csvCell(v: unknown): string {
  const s = safeText(v);
  return /[",\n\r]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}

export const registerFlows: RegisterCommand = (program, ctx) => {
  program
    .command('flows')
    .description('Customs statistics of an origin region by month, partner and product, with surge flags')
    .requiredOption('--origin <region>', 'origin region: GB/T 2260 code (65) or name (Xinjiang, 新疆)')
    .option('--partner <cc>', 'partner country, ISO alpha-2 (default: all partners together)')
    .option('--by <what>', 'month | sector (UFLPA sectors) | chapter (HS chapters)', 'month')
    .option('--from <YYYY-MM>', 'first month shown')
    .option('--to <YYYY-MM>', 'last month shown')
    .option('--flow <dir>', 'export | import (the region is the reporter)', 'export')
    .option('--downstream', 'count downstream HS codes in sectors (footwear in apparel, …)')
    .option('--surges', 'list the flags of every partner and sector instead of one series')
    .option('--csv', 'CSV on stdout')
    .addHelpText('after', HELP)
    .action(async (raw: FlowsOptions, cmd: Command) => {
      const { out, store } = ctx(cmd);
      const o = parseOptions(raw, out.json);
      const s = await store();
      const bar = out.progress('reading statistics', null);
      const stats: AsyncIterable<TradeStatFact> = counted(
        s.iterateTradeStats({
          reporterRegion: o.region.code,
          flow: o.flow,
          pageSize: STORE_PAGE_SIZE,
          // Months after --to cannot change anything; months before --from feed the baseline.
          ...(raw.to ? { toMonth: raw.to } : {}),
        }),
        (n) => bar.update(n),
      );
      const cube = await aggregateFlows(stats, {
        origin: o.region.code,
        flow: o.flow,
        sectorTiers: raw.downstream ? 'core+downstream' : 'core',
      });
      bar.stop();
      const d = cube.diagnostics;
      if (
        d.rowsInvalid + d.rowsWithoutValue + d.duplicates + d.inconsistentCells + d.totalBelowItemised >
        0
      ) {
        out.warn(
          `flows: ${d.rowsUsed} rows used; skipped ${d.rowsInvalid} malformed and ${d.rowsWithoutValue} without value; ` +
            `${d.duplicates} duplicates (last kept); ${d.inconsistentCells} cells with HS detail above its parent, ` +
            `${d.totalBelowItemised} with TOTAL below its HS rows`,
        );
      }
      const subject = `${o.region.name} (${o.region.code}) ${o.flow}s${o.partner ? ` ${o.flow === 'export' ? 'to' : 'from'} ${o.partner}` : ''}`;
      if (cube.length === 0) {
        out.line(`No ${o.flow} statistics for ${o.region.name} (${o.region.code}) in ${s.location}.`);
        return;
      }
      if (o.partner && !cube.partners.includes(o.partner)) {
        // A series of zeros would read as "no trade", when the data simply lacks the partner.
        out.line(
          `No ${o.flow} statistics of ${o.region.name} (${o.region.code}) with partner ${o.partner}; partners in the data: ${cube.partners.join(', ')}.`,
        );
        process.exitCode = 1;
        return;
      }
      const common = {
        ...(o.partner ? { partner: o.partner } : {}),
        ...(raw.from ? { from: raw.from } : {}),
        ...(raw.to ? { to: raw.to } : {}),
      };
      if (raw.surges) {
        const flags = surgesOf(cube, { ...common, products: o.by === 'chapter' ? 'chapter' : 'sector' });
        printFlags(out, flags, raw.csv ?? false, subject);
        return;
      }
      const rows = seriesOf(cube, { ...common, by: o.by });
      // The inline trend looks back 12 months, also before --from.
      const { from: _from, ...unbounded } = common;
      const trend = new Map<string, number | null>();
      if (!out.json && !raw.csv)
        for (const r of seriesOf(cube, { ...unbounded, by: o.by }))
          trend.set(`${r.sector ?? ''} ${r.month}`, r.value_usd);
      printRows(out, rows, o.by, raw.csv ?? false, subject, trend);
    });
};

function printRows(
  out: Output,
  rows: readonly FlowRow[],
  by: FlowsBy,
  csv: boolean,
  subject: string,
  trend: ReadonlyMap<string, number | null>,
): void {
  const keys = [
    'month',
    ...(by === 'month' ? [] : ['sector']),
    'region',
    'partner',
    'value_usd',
    'mom_pct',
    'yoy_pct',
    'partner_rank',
    'share_pct',
    'surge',
    'reasons',
  ];
  const cell = (r: FlowRow, k: string): unknown =>
    k === 'sector' ? (r.sector ?? null) : (r as unknown as Record<string, unknown>)[k];
  if (out.json) {
    for (const r of rows) {
      out.record(Object.fromEntries(keys.map((k) => [k, cell(r, k)])));
    }
    return;
  }
  if (csv) {
    out.line(keys.join(','));
    for (const r of rows) {
      out.line(
        keys
          .map((k) => (k === 'reasons' ? r.reasons.join(' | ') : (cell(r, k) ?? '')))
          .map(csvCell)
          .join(','),
      );
    }
    return;
  }
  const table = rows.map((r) => {
    const m = parseMonth(r.month) ?? 0;
    const h = Array.from(
      { length: 12 },
      (_, i) => trend.get(`${r.sector ?? ''} ${formatMonth(m - 11 + i)}`) ?? null,
    );
    return [
      r.month,
      ...(by === 'month' ? [] : [by === 'sector' ? groupLabel(r.sector ?? '') : (r.sector ?? '')]),
      formatUsd(r.value_usd),
      formatPct(r.mom_pct),
      formatPct(r.yoy_pct),
      r.partner_rank ?? '–',
      r.share_pct == null ? '–' : `${r.share_pct.toFixed(1)}%`,
      sparkline(h),
      r.flags.length > 0 ? `▲ ${[...new Set(r.flags.map((f) => f.kind))].join(', ')}` : '',
    ];
  });
  out.line(subject);
  out.table(
    [
      'month',
      ...(by === 'month' ? [] : [by === 'sector' ? 'sector' : 'chapter']),
      'value',
      'm/m',
      'y/y',
      'rank',
      'share',
      'trend (12 mo)',
      'flag',
    ],
    table,
  );
  const flagged = rows.filter((r) => r.surge);
  if (flagged.length > 0) {
    out.line();
    for (const r of flagged)
      for (const reason of r.reasons)
        out.line(`${r.month}${r.sector ? ` ${groupLabel(r.sector)}` : ''}: ${safeText(reason)}`);
  }
}

function printFlags(out: Output, flags: readonly FlowFlag[], csv: boolean, subject: string): void {
  if (out.json) {
    for (const f of flags) out.record(f);
    return;
  }
  const keys = [
    'month',
    'kind',
    'partner',
    'product',
    'value_usd',
    'expected_usd',
    'z',
    'rank',
    'previous_rank',
    'reason',
  ] as const;
  if (csv) {
    out.line(keys.join(','));
    for (const f of flags) out.line(keys.map((k) => csvCell(f[k] ?? '')).join(','));
    return;
  }
  out.line(`${subject}: ${flags.length} flag${flags.length === 1 ? '' : 's'}`);
  out.table(
    ['month', 'partner', 'product', 'kind', 'value', 'reason'],
    flags.map((f) => [
      f.month,
      f.partner ?? 'all',
      f.product == null ? 'total' : groupLabel(f.product),
      f.kind,
      formatUsd(f.value_usd),
      f.reason,
    ]),
  );
}
