import { memoize, type TradeStatFact } from '../../model/index.ts';
import { normalizeHs } from '../../normalize/index.ts';
import { countryCode } from '../countries.ts';
import { regionCode } from '../regions.ts';
import { accept, type ParseContext, type ParseResult, reject } from '../types.ts';
import { parseNumber } from '../values.ts';
import { parseHeaderedRows } from './headered-rows.ts';

/**
 * Customs statistics: `reporter_region` (GB/T 2260 code such as `65`, or a name such as
 * Xinjiang / 新疆), `partner_country` (ISO alpha-2, or a country name), `month` (`YYYY-MM`,
 * also `YYYYMM` and `YYYY/MM`), `hs_code` (2-10 digits or `TOTAL`), `value_usd`, `quantity`,
 * `quantity_unit`, and optionally `flow` (`export`, the default, or `import`). One record per
 * cell, keyed `<region>|<partner>|<month>|<hs>|<flow>`.
 */
export const TRADE_COLUMNS = {
  reporterRegion: ['reporter_region', 'region', 'reporter', 'origin_region', '地区', '省份'],
  partnerCountry: ['partner_country', 'partner', 'country', 'destination', '国家', '贸易伙伴'],
  month: ['month', 'period', '月份'],
  hsCode: ['hs_code', 'hs', 'commodity_code', '商品编码'],
  valueUsd: ['value_usd', 'value', 'trade_value_usd', 'usd', '美元'],
  quantity: ['quantity', 'qty', '数量'],
  quantityUnit: ['quantity_unit', 'unit', '计量单位'],
  flow: ['flow', 'trade_flow', 'direction'],
} as const;
type Col = keyof typeof TRADE_COLUMNS;

/** `2022-08`, `202208`, `2022/8` → `2022-08`; anything else undefined. */
export function parseMonth(raw: string): string | undefined {
  const m = /^(\d{4})[-/.]?(\d{1,2})$/.exec(raw.trim());
  if (!m) return undefined;
  const mo = Number(m[2]);
  if (mo < 1 || mo > 12 || (m[2]?.length === 1 && !/[-/.]/.test(raw))) return undefined;
  return `${m[1]}-${String(mo).padStart(2, '0')}`;
}

/** Memoised: a statistics file repeats a few dozen region and country spellings. */
const regionOf = memoize(regionCode);
const countryOf = memoize(countryCode);

export async function* parseTradeStatsCsv(ctx: ParseContext): AsyncGenerator<ParseResult> {
  for (const path of ctx.paths) {
    yield* parseHeaderedRows<Col>(
      path,
      TRADE_COLUMNS,
      {
        encoding: ctx.encoding,
        meter: ctx.meter,
        required: (h) => {
          const missing = (['reporterRegion', 'partnerCountry', 'month', 'hsCode'] as const).filter(
            (c) => !h.has(c),
          );
          // Named as the documented columns, not as this parser's fields.
          return missing.length > 0
            ? `missing column(s): ${missing.map((c) => TRADE_COLUMNS[c][0]).join(', ')}`
            : null;
        },
      },
      (h, row) => {
        const get = (c: Col) => h.get(row.cells, c);
        const bad = (why: string) => reject(path, row.line, why, row.raw);
        const region = regionOf(get('reporterRegion'));
        if (!region) {
          return bad(`unknown reporter_region ${JSON.stringify(get('reporterRegion'))}`);
        }
        const partner = countryOf(get('partnerCountry'));
        if (!partner) {
          return bad(`unknown partner_country ${JSON.stringify(get('partnerCountry'))}`);
        }
        const month = parseMonth(get('month'));
        if (!month) {
          return bad(`month ${JSON.stringify(get('month'))} is not YYYY-MM`);
        }
        const hsText = get('hsCode');
        const hs = /^total$/i.test(hsText) ? 'TOTAL' : normalizeHs(hsText);
        if (!hs) {
          return bad(`hs_code ${JSON.stringify(hsText)} is neither 2-10 digits nor TOTAL`);
        }
        const value = parseNumber(get('valueUsd'));
        const quantity = parseNumber(get('quantity'));
        if (value === undefined || quantity === undefined) {
          return bad(`unparseable ${value === undefined ? 'value_usd' : 'quantity'}`);
        }
        const flowText = get('flow').toLowerCase();
        const flow =
          flowText === '' || flowText.startsWith('ex')
            ? 'export'
            : flowText.startsWith('im')
              ? 'import'
              : null;
        if (!flow) {
          return bad(`flow ${JSON.stringify(get('flow'))} is neither export nor import`);
        }
        const extra: Record<string, string> = {};
        for (const u of h.unknown) {
          const v = row.cells[u.index];
          if (v !== undefined && v.trim() !== '') extra[u.name] = v.trim();
        }
        const stat: TradeStatFact = {
          ...(Object.keys(extra).length > 0 ? { raw: extra } : {}),
          reporterRegion: region,
          partnerCountry: partner,
          month,
          hsCode: hs,
          valueUsd: value,
          quantity,
          quantityUnit: get('quantityUnit') || null,
          flow,
        };
        return accept(ctx.dataset, path, `${region}|${partner}|${month}|${hs}|${flow}`, row.line, {
          tradeStats: [stat],
        });
      },
    );
  }
}
