import {
  type DatasetName,
  type Entity,
  type EntityId,
  type FtmProperty,
  type FtmSchema,
  type Provenance,
  type RelationshipKind,
  type ShipmentParty,
  type Statement,
  type StoredMembership,
  type StoredRelationship,
  type StoredShipment,
  type StoredTradeStat,
  schemaIsA,
} from '../model/index.ts';
import type { FactTable, Tables } from './schema.ts';

/** Maps facts to table rows and back. Kept apart from SQL so both directions sit side by side. */

/** Lookup key for names and identifiers: NFKC, lower case, single spaces. */
export function foldLookup(s: string): string {
  return s.normalize('NFKC').toLowerCase().replace(/\s+/g, ' ').trim();
}

/** Entity properties as stored: a value, or `[value, lang]` when the source gave a language. */
export type PackedProps = Record<string, (string | [string, string])[]>;

type FactRow<T extends FactTable> = Tables[T];

export function provenanceOf(r: {
  dataset: string;
  source_file: string;
  record_key: string;
  line: number | null;
}): Provenance {
  return {
    dataset: r.dataset as DatasetName,
    sourceFile: r.source_file,
    recordKey: r.record_key,
    line: r.line == null ? null : Number(r.line),
  };
}

/** The most specific schema among an entity's statements (Company beats LegalEntity). */
function mostSpecific(schemata: readonly FtmSchema[]): FtmSchema {
  let best = schemata[0] as FtmSchema;
  for (const s of schemata) if (s !== best && schemaIsA(s, best)) best = s;
  return best;
}

/** Assembles entities from entity rows sorted by entity id (one row per entity and record). */
export function assembleEntities(rows: readonly FactRow<'entities'>[]): Entity[] {
  const out: Entity[] = [];
  let i = 0;
  while (i < rows.length) {
    const id = rows[i]?.entity_id as string;
    const statements: Statement[] = [];
    const props: Partial<Record<FtmProperty, string[]>> = {};
    const schemata: FtmSchema[] = [];
    const datasets: DatasetName[] = [];
    for (; i < rows.length && rows[i]?.entity_id === id; i++) {
      const r = rows[i] as FactRow<'entities'>;
      const schema = r.schema as FtmSchema;
      if (!schemata.includes(schema)) schemata.push(schema);
      if (!datasets.includes(r.dataset as DatasetName)) datasets.push(r.dataset as DatasetName);
      const prov = provenanceOf(r);
      for (const [prop, values] of Object.entries(JSON.parse(r.props) as PackedProps)) {
        const list = props[prop as FtmProperty] ?? [];
        for (const v of values) {
          const [value, lang] = typeof v === 'string' ? [v, undefined] : v;
          if (!list.includes(value)) list.push(value);
          statements.push({ prop: prop as FtmProperty, value, ...(lang ? { lang } : {}), provenance: prov });
        }
        props[prop as FtmProperty] = list;
      }
    }
    out.push({ id: id as EntityId, schema: mostSpecific(schemata), datasets, properties: props, statements });
  }
  return out;
}

export function relationshipFromRow(r: FactRow<'relationships'>): StoredRelationship {
  return {
    id: r.id as EntityId,
    kind: r.kind as RelationshipKind,
    schema: r.schema as FtmSchema,
    source: r.source_id as EntityId,
    target: r.target_id as EntityId,
    percentage: r.percentage == null ? null : Number(r.percentage),
    role: r.role,
    startDate: r.start_date,
    endDate: r.end_date,
    provenance: provenanceOf(r),
  };
}

export function membershipFromRow(r: FactRow<'memberships'>): StoredMembership {
  return {
    id: r.id,
    entityId: r.entity_id as EntityId,
    list: r.list,
    program: r.program,
    effectiveDate: r.effective_date,
    endDate: r.end_date,
    scope: r.scope,
    rawText: r.raw_text,
    provenance: provenanceOf(r),
  };
}

export function shipmentFromRow(
  r: FactRow<'shipments'>,
  links: ReadonlyMap<string, EntityId> | undefined,
): StoredShipment {
  const parties = (JSON.parse(r.parties) as ShipmentParty[]).map((p) => {
    const linked = links?.get(p.role);
    return linked === undefined ? p : { ...p, entityId: linked };
  });
  return {
    id: r.id,
    arrivalDate: r.arrival_date,
    originCountry: r.origin_country,
    parties,
    portOfLading: r.port_lading ? JSON.parse(r.port_lading) : null,
    portOfUnlading: r.port_unlading ? JSON.parse(r.port_unlading) : null,
    lines: JSON.parse(r.lines),
    raw: JSON.parse(r.raw),
    provenance: provenanceOf(r),
  };
}

export function tradeStatFromRow(r: FactRow<'trade_stats'>): StoredTradeStat {
  return {
    reporterRegion: r.reporter_region,
    partnerCountry: r.partner_country,
    month: r.month,
    hsCode: r.hs_code,
    valueUsd: r.value_usd == null ? null : Number(r.value_usd),
    quantity: r.quantity == null ? null : Number(r.quantity),
    quantityUnit: r.quantity_unit,
    flow: r.flow as 'export' | 'import',
    ...(r.raw ? { raw: JSON.parse(r.raw) as Record<string, string> } : {}),
    provenance: provenanceOf(r),
  };
}

/** Key of a shipment's party links: the same bill number may appear in two datasets. */
export function partyLinkKey(dataset: string, shipmentId: string): string {
  return `${dataset}\u0000${shipmentId}`;
}
