import {
  type DatasetName,
  memoize,
  type PortRef,
  type ShipmentFact,
  type ShipmentParty,
} from '../../model/index.ts';
import { normalizeHs } from '../../normalize/index.ts';
import { countryCode } from '../countries.ts';
import type { HeaderMap } from '../reader/table.ts';
import { accept, type ParseContext, type ParseResult, reject } from '../types.ts';
import { parseDate, parseNumber } from '../values.ts';
import { parseHeaderedRows } from './headered-rows.ts';

/**
 * Bills of lading, one row per bill. Headers are matched case-insensitively (punctuation
 * folded) against the canonical names and the aliases below, which cover the common vendor
 * exports (ImportGenius/Panjiva-style "Bill of Lading Number", "Consignee", "Shipper",
 * "Weight (kg)", "Goods Shipped", "US Port", "Foreign Port"…). Only `bol_id` and one party
 * name are required. Columns with no canonical name are kept in the shipment's `raw`.
 * Parties are kept as written, `entityId: null`; the resolver links them later.
 */
export const BOL_COLUMNS = {
  bolId: [
    'bill_of_lading',
    'bill_of_lading_number',
    'bol',
    'bol_number',
    'bol_no',
    'bill_no',
    'bill_number',
    'master_bill_of_lading',
    'master_bol_number',
    'house_bill_of_lading',
    'house_bol_number',
  ],
  arrivalDate: ['arrival_date', 'actual_arrival_date', 'estimated_arrival_date', 'date', 'shipment_date'],
  shipperName: ['shipper_name', 'shipper', 'shipper_company', 'exporter', 'exporter_name'],
  shipperAddress: ['shipper_address', 'shipper_full_address'],
  shipperCountry: ['shipper_country'],
  consigneeName: ['consignee_name', 'consignee', 'consignee_company', 'importer', 'importer_name'],
  consigneeAddress: ['consignee_address', 'consignee_full_address'],
  consigneeCountry: ['consignee_country'],
  notifyName: ['notify_name', 'notify_party', 'notify', 'notify_party_name'],
  notifyAddress: ['notify_address', 'notify_party_address'],
  notifyCountry: ['notify_country', 'notify_party_country'],
  manufacturerName: ['manufacturer_name', 'manufacturer'],
  manufacturerAddress: ['manufacturer_address'],
  manufacturerCountry: ['manufacturer_country'],
  originCountry: ['origin_country', 'country_of_origin', 'shipment_origin', 'origin'],
  portOfLading: [
    'port_of_lading',
    'foreign_port',
    'foreign_port_of_lading',
    'port_of_loading',
    'loading_port',
  ],
  portOfUnlading: ['port_of_unlading', 'us_port', 'port_of_discharge', 'port_of_unloading', 'discharge_port'],
  hsCodes: ['hs_codes', 'hs_code', 'hs', 'hts_code', 'hts', 'harmonized_number', 'harmonized_code'],
  description: [
    'description',
    'product_description',
    'goods_shipped',
    'goods_description',
    'cargo_description',
    'product_details',
    'description_text',
  ],
  weightKg: ['weight_kg', 'weight', 'gross_weight_kg', 'weight_in_kg', 'gross_weight'],
  weightLb: ['weight_lb', 'weight_lbs', 'weight_in_lb'],
  quantity: ['quantity', 'qty', 'piece_count', 'pieces'],
  quantityUnit: ['quantity_unit', 'unit', 'qty_unit', 'quantity_units', 'q_unit'],
  containers: ['containers', 'container_numbers', 'container_number', 'container'],
} as const;
type Col = keyof typeof BOL_COLUMNS;

const LB_TO_KG = 0.45359237;
const PARTY_COLS = [
  ['shipper', 'shipperName', 'shipperAddress', 'shipperCountry'],
  ['consignee', 'consigneeName', 'consigneeAddress', 'consigneeCountry'],
  ['notify', 'notifyName', 'notifyAddress', 'notifyCountry'],
  ['manufacturer', 'manufacturerName', 'manufacturerAddress', 'manufacturerCountry'],
] as const;

/** HS codes from a cell (`6109.10;6110.20`, `610910, 611020`): normalised, and the invalid ones. */
export function splitHs(cell: string): { codes: string[]; invalid: string[] } {
  const codes: string[] = [];
  const invalid: string[] = [];
  for (const part of cell.split(/[;,|/\n]+/)) {
    const p = part.trim();
    if (!p) continue;
    const hs = normalizeHs(p);
    if (hs) {
      if (!codes.includes(hs)) codes.push(hs);
    } else invalid.push(p);
  }
  return { codes, invalid };
}

/** Memoised: a bill file repeats a few hundred country spellings and dates millions of times. */
const country = memoize(countryCode);
const date = memoize(parseDate);

function port(raw: string): PortRef | null {
  return raw ? { raw, code: null, country: null } : null;
}

export async function* parseBolCsv(ctx: ParseContext): AsyncGenerator<ParseResult> {
  for (const path of ctx.paths) {
    yield* parseHeaderedRows<Col>(
      path,
      BOL_COLUMNS,
      {
        encoding: ctx.encoding,
        meter: ctx.meter,
        required: (h) => {
          if (!h.has('bolId')) return 'missing bol_id column (bol_id / Bill of Lading Number / …)';
          if (!PARTY_COLS.some(([, name]) => h.has(name)))
            return 'no party column (shipper, consignee, notify, manufacturer)';
          return null;
        },
      },
      (h, row) => bolRow(ctx.dataset, path, h, row.line, row.cells, row.raw),
    );
  }
}

/** One bill. Exported for tests and the benchmark. */
export function bolRow(
  dataset: DatasetName,
  file: string,
  h: HeaderMap<Col>,
  line: number,
  cells: readonly string[],
  raw: string,
): ParseResult {
  const get = (c: Col) => h.get(cells, c);
  const bolId = get('bolId');
  if (!bolId) return reject(file, line, 'empty bol_id', raw);
  const extra: Record<string, string> = {};
  const parties: ShipmentParty[] = [];
  for (const [role, nameCol, addrCol, countryCol] of PARTY_COLS) {
    const name = get(nameCol);
    if (!name) continue;
    const countryText = get(countryCol);
    const cc = countryText ? country(countryText) : null;
    if (countryText && !cc) extra[h.names[h.index(countryCol)] ?? countryCol] = countryText;
    parties.push({ role, name, address: get(addrCol) || null, country: cc, entityId: null });
  }
  if (parties.length === 0)
    return reject(file, line, 'no party name (shipper, consignee, notify or manufacturer)', raw);
  const arrival = date(get('arrivalDate'));
  if (arrival === undefined)
    return reject(file, line, `unparseable arrival_date ${JSON.stringify(get('arrivalDate'))}`, raw);
  let weightKg = parseNumber(get('weightKg').replace(/\s*kgs?$/i, ''));
  if (weightKg === undefined)
    return reject(file, line, `unparseable weight_kg ${JSON.stringify(get('weightKg'))}`, raw);
  if (weightKg == null && h.has('weightLb')) {
    const lb = parseNumber(get('weightLb').replace(/\s*lbs?$/i, ''));
    if (lb === undefined)
      return reject(file, line, `unparseable weight_lb ${JSON.stringify(get('weightLb'))}`, raw);
    weightKg = lb == null ? null : Math.round(lb * LB_TO_KG * 1000) / 1000;
  }
  const quantity = parseNumber(get('quantity'));
  if (quantity === undefined)
    return reject(file, line, `unparseable quantity ${JSON.stringify(get('quantity'))}`, raw);
  // A negative weight or count is a typo or a placeholder, not a measurement.
  if ((weightKg ?? 0) < 0) return reject(file, line, `negative weight ${weightKg} kg`, raw);
  if ((quantity ?? 0) < 0) return reject(file, line, `negative quantity ${quantity}`, raw);
  const hsCell = get('hsCodes');
  const hs = hsCell ? splitHs(hsCell) : { codes: [], invalid: [] };
  if (hs.invalid.length > 0) extra[h.names[h.index('hsCodes')] ?? 'hs_codes'] = hsCell;
  const originText = get('originCountry');
  const origin = originText ? country(originText) : null;
  if (originText && !origin) extra[h.names[h.index('originCountry')] ?? 'origin_country'] = originText;
  for (const u of h.unknown) {
    const v = cells[u.index];
    if (v !== undefined && v.trim() !== '') extra[u.name] = v.trim();
  }
  const containerCell = get('containers');
  const shipment: ShipmentFact = {
    // The bill number as the user knows it; the dataset is kept beside it in the store.
    id: bolId,
    arrivalDate: arrival,
    parties,
    originCountry: origin,
    portOfLading: port(get('portOfLading')),
    portOfUnlading: port(get('portOfUnlading')),
    lines: [
      {
        description: get('description') || null,
        hsCodes: hs.codes,
        weightKg,
        quantity,
        quantityUnit: get('quantityUnit') || null,
        containers: containerCell ? containerCell.split(/[;,\s]+/).filter(Boolean) : [],
      },
    ],
    raw: extra,
  };
  return accept(dataset, file, bolId, line, { shipments: [shipment] });
}
