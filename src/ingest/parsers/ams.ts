import { readdir } from 'node:fs/promises';
import { basename, join } from 'node:path';
import type { PartyRole, ShipmentFact, ShipmentLine, ShipmentParty } from '../../model/index.ts';
import { normalizeHs } from '../../normalize/index.ts';
import { countryCode } from '../countries.ts';
import { foldHeader, readTable } from '../reader/table.ts';
import { accept, type ParseContext, type ParseResult, reject } from '../types.ts';
import { parseDate, parseNumber } from '../values.ts';

/**
 * CBP AMS manifest extracts: a folder with one CSV per table (`header`, `bill`/`billgen`,
 * `shipper`, `consignee`, `notifyparty`, `cargodesc`, `tariff`; file names may carry
 * prefixes and dates, e.g. `ams__header_2020__202001290000.csv`), joined on `identifier`.
 * One shipment per header row, keyed by `identifier`. The side tables are loaded into memory
 * keyed by identifier before the header is streamed, so memory grows with the side tables:
 * split very large extracts by period.
 */

type Table = 'header' | 'bill' | 'shipper' | 'consignee' | 'notifyparty' | 'cargodesc' | 'tariff';
const TABLE_RE: readonly [Table, RegExp][] = [
  ['notifyparty', /notify_?party/],
  ['cargodesc', /cargo_?desc/],
  ['consignee', /consignee/],
  ['shipper', /shipper/],
  ['tariff', /tariff/],
  ['header', /header/],
  ['bill', /bill(gen)?/],
];

/** The AMS table a file holds, from its name, or null (container, marksnumbers… are ignored). */
export function amsTableOf(fileName: string): Table | null {
  const n = basename(fileName).toLowerCase();
  if (!/\.(csv|tsv|txt)(\.gz)?$/.test(n)) return null;
  for (const [t, re] of TABLE_RE) if (re.test(n)) return t;
  return null;
}

type Rec = Record<string, string>;

/** Rows of one table as folded-header records, rejections passed to `onReject`. */
async function* records(
  path: string,
  ctx: ParseContext,
  onReject: (r: ParseResult) => void,
): AsyncGenerator<{ rec: Rec; line: number; raw: string }> {
  let header: string[] | null = null;
  for await (const r of readTable(path, { encoding: ctx.encoding, meter: ctx.meter })) {
    if (!r.ok) {
      onReject(r);
      continue;
    }
    if (!header) {
      header = r.row.cells.map(foldHeader);
      continue;
    }
    if (r.row.cells.length !== header.length) {
      onReject(
        reject(path, r.row.line, `expected ${header.length} fields, got ${r.row.cells.length}`, r.row.raw),
      );
      continue;
    }
    const rec: Rec = {};
    header.forEach((h, i) => {
      const v = (r.row.cells[i] ?? '').trim();
      if (v) rec[h] = v;
    });
    if (!rec.identifier) {
      onReject(reject(path, r.row.line, 'empty identifier', r.row.raw));
      continue;
    }
    yield { rec, line: r.row.line, raw: r.row.raw };
  }
}

function party(role: PartyRole, rec: Rec): ShipmentParty | null {
  const keys = Object.keys(rec);
  const nameKey = keys.find((k) => k.endsWith('name') && k !== 'identifier');
  const name = nameKey ? rec[nameKey] : undefined;
  if (!name) return null;
  const address = [
    ...keys.filter((k) => /address_?\d$/.test(k)).map((k) => rec[k]),
    rec.city,
    rec.state_province ?? rec.state,
    rec.zip_code,
  ]
    .filter(Boolean)
    .join(', ');
  const cc = rec.country_code ? countryCode(rec.country_code) : null;
  return { role, name, address: address || null, country: cc, entityId: null };
}

/** Kilograms from an AMS weight and unit (K/KG/KGS, L/LB/LBS, T/MT), or null if the unit is unknown. */
export function kilograms(value: string | undefined, unit: string | undefined): number | null {
  const n = value ? parseNumber(value) : null;
  if (n == null) return null;
  const u = (unit ?? '').trim().toUpperCase();
  if (u === '' || u.startsWith('K')) return u === '' ? null : n;
  if (u.startsWith('L') || u === 'POUNDS') return Math.round(n * 0.45359237 * 1000) / 1000;
  if (u === 'T' || u === 'MT' || u === 'TON' || u === 'TONNES') return n * 1000;
  return null;
}

function group<T>(rows: readonly T[] | undefined, key: (r: T) => string): Map<string, T[]> {
  const m = new Map<string, T[]>();
  for (const r of rows ?? []) {
    const k = key(r);
    const list = m.get(k) ?? [];
    list.push(r);
    m.set(k, list);
  }
  return m;
}

export async function* parseAms(ctx: ParseContext): AsyncGenerator<ParseResult> {
  for (const dir of ctx.paths) yield* parseFolder(ctx, dir);
}

async function* parseFolder(ctx: ParseContext, dir: string): AsyncGenerator<ParseResult> {
  const files = new Map<Table, string[]>();
  for (const name of (await readdir(dir)).sort()) {
    const t = amsTableOf(name);
    if (t) files.set(t, [...(files.get(t) ?? []), join(dir, name)]);
  }
  const headers = files.get('header') ?? [];
  if (headers.length === 0) {
    yield reject(dir, 0, 'no header table (a file named like *header*.csv) in the folder', '');
    return;
  }
  const pending: ParseResult[] = [];
  const side = new Map<Table, Map<string, Rec[]>>();
  for (const t of ['bill', 'shipper', 'consignee', 'notifyparty', 'cargodesc', 'tariff'] as const) {
    const byId = new Map<string, Rec[]>();
    for (const f of files.get(t) ?? []) {
      for await (const { rec } of records(f, ctx, (r) => pending.push(r))) {
        const id = rec.identifier as string;
        const list = byId.get(id);
        if (list) list.push(rec);
        else byId.set(id, [rec]);
      }
      yield* pending.splice(0);
    }
    side.set(t, byId);
  }
  const of = (t: Table, id: string) => side.get(t)?.get(id) ?? [];
  for (const file of headers) {
    for await (const { rec: h, line, raw } of records(file, ctx, (r) => pending.push(r))) {
      yield* pending.splice(0);
      const id = h.identifier as string;
      const parties: ShipmentParty[] = [];
      for (const [role, t] of [
        ['shipper', 'shipper'],
        ['consignee', 'consignee'],
        ['notify', 'notifyparty'],
      ] as const) {
        for (const p of of(t, id)) {
          const party1 = party(role, p);
          if (party1) parties.push(party1);
        }
      }
      const arrivalText = h.actual_arrival_date ?? h.estimated_arrival_date ?? '';
      const arrival = parseDate(arrivalText);
      if (arrival === undefined) {
        yield reject(file, line, `unparseable arrival date ${JSON.stringify(arrivalText)}`, raw);
        continue;
      }
      const extra: Record<string, string> = {};
      for (const [k, v] of Object.entries(h)) extra[k] = v;
      const bills = of('bill', id);
      for (const [i, b] of bills.entries()) {
        for (const [k, v] of Object.entries(b))
          if (k !== 'identifier') extra[bills.length > 1 ? `${k}_${i + 1}` : k] = v;
      }
      const totalKg = kilograms(h.weight, h.weight_unit);
      const lines = shipmentLines(of('cargodesc', id), of('tariff', id));
      if (lines.length === 1) {
        const only = lines[0] as ShipmentLine;
        lines[0] = {
          ...only,
          weightKg: only.weightKg ?? totalKg,
          quantity: only.quantity ?? parseNumber(h.manifest_quantity ?? '') ?? null,
          quantityUnit: only.quantityUnit ?? h.manifest_unit ?? null,
        };
      }
      const lading = h.foreign_port_of_lading;
      const unlading = h.port_of_unlading;
      const shipment: ShipmentFact = {
        // The AMS identifier as given; the dataset is kept beside it in the store.
        id,
        arrivalDate: arrival,
        parties,
        originCountry: h.country_of_origin ? countryCode(h.country_of_origin) : null,
        portOfLading: lading ? { raw: lading, code: null, country: null } : null,
        portOfUnlading: unlading ? { raw: unlading, code: null, country: null } : null,
        lines,
        raw: extra,
      };
      yield accept(ctx.dataset, file, id, line, { shipments: [shipment] });
    }
    yield* pending.splice(0);
  }
}

/** Cargo lines: cargodesc rows grouped by description sequence, with the tariff rows of the same sequence. */
function shipmentLines(cargo: readonly Rec[], tariff: readonly Rec[]): ShipmentLine[] {
  const seqOf = (r: Rec) => r.description_sequence_number ?? '1';
  const descs = group(cargo, seqOf);
  const tariffs = group(tariff, seqOf);
  const seqs = [...new Set([...descs.keys(), ...tariffs.keys()])];
  return seqs.map((seq) => {
    const d = descs.get(seq) ?? [];
    const t = tariffs.get(seq) ?? [];
    const hsCodes: string[] = [];
    for (const r of t) {
      const hs = normalizeHs(r.harmonized_number ?? '');
      if (hs && !hsCodes.includes(hs)) hsCodes.push(hs);
    }
    const containers = [
      ...new Set([...d, ...t].map((r) => r.container_number).filter((c): c is string => !!c)),
    ];
    const pieces = d
      .map((r) => parseNumber(r.piece_count ?? ''))
      .filter((n): n is number => typeof n === 'number');
    const weights = t.map((r) => kilograms(r.harmonized_weight, r.harmonized_weight_unit));
    const desc = [...new Set(d.map((r) => r.description_text).filter(Boolean))].join(' ');
    return {
      description: desc || null,
      hsCodes,
      weightKg:
        weights.length > 0 && weights.every((w) => w != null)
          ? weights.reduce((a, b) => (a ?? 0) + (b ?? 0), 0)
          : null,
      quantity: pieces.length > 0 ? pieces.reduce((a, b) => a + b, 0) : null,
      quantityUnit: null,
      containers,
    };
  });
}
