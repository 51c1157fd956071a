/**
 * Builders for screening fixtures (tests, the benchmark, examples): entities with statements,
 * list memberships, ownership and bills of lading, each with provenance. Not exported from the
 * package index.
 */
import type {
  DatasetName,
  Entity,
  EntityId,
  FtmProperty,
  PartyRole,
  Provenance,
  StoredMembership,
  StoredRelationship,
  StoredShipment,
} from '../model/index.ts';

export function prov(
  dataset: string,
  sourceFile: string,
  recordKey: string,
  line: number | null = null,
): Provenance {
  return { dataset: dataset as DatasetName, sourceFile, recordKey, line };
}

/** An entity whose every property value is a statement citing `p`. */
export function ent(
  id: string,
  props: Partial<Record<FtmProperty, readonly string[]>>,
  p: Provenance,
  schema: Entity['schema'] = 'Company',
): Entity {
  const statements = Object.entries(props).flatMap(([prop, values]) =>
    (values ?? []).map((value) => ({ prop: prop as FtmProperty, value, provenance: p })),
  );
  return { id: id as EntityId, schema, datasets: [p.dataset], properties: props, statements };
}

export function membership(
  entityId: string,
  list: string,
  opts: { program?: string | null; effectiveDate?: string | null; endDate?: string | null; rawText?: string },
  p: Provenance,
): StoredMembership {
  return {
    id: `${list}-${entityId}-${opts.program ?? ''}`,
    entityId: entityId as EntityId,
    list,
    program: opts.program ?? null,
    effectiveDate: opts.effectiveDate ?? null,
    endDate: opts.endDate ?? null,
    scope: null,
    rawText: opts.rawText ?? entityId,
    provenance: p,
  };
}

export function ownership(
  owner: string,
  asset: string,
  pct: number | null,
  p: Provenance,
): StoredRelationship {
  return {
    id: `own-${owner}-${asset}` as EntityId,
    kind: 'ownership',
    schema: 'Ownership',
    source: owner as EntityId,
    target: asset as EntityId,
    percentage: pct,
    role: null,
    startDate: null,
    endDate: null,
    provenance: p,
  };
}

export interface PartySpec {
  readonly name: string;
  readonly id?: string | null;
  readonly address?: string | null;
  readonly country?: string | null;
}

export interface BillSpec {
  readonly id: string;
  readonly date: string | null;
  readonly shipper: PartySpec;
  readonly consignee: PartySpec;
  readonly notify?: PartySpec;
  readonly hs?: readonly string[];
  readonly description?: string | null;
  readonly weightKg?: number | null;
  readonly originCountry?: string | null;
  readonly dataset?: string;
  readonly file?: string;
  readonly line?: number | null;
}

/** A bill of lading with one goods line. Parties with `id` are resolved to that entity. */
export function bill(b: BillSpec): StoredShipment {
  const party = (role: PartyRole, s: PartySpec) => ({
    role,
    name: s.name,
    address: s.address ?? null,
    country: s.country ?? null,
    entityId: (s.id ?? null) as EntityId | null,
  });
  return {
    id: b.id,
    arrivalDate: b.date,
    parties: [
      party('shipper', b.shipper),
      party('consignee', b.consignee),
      ...(b.notify ? [party('notify', b.notify)] : []),
    ],
    originCountry: b.originCountry ?? null,
    portOfLading: null,
    portOfUnlading: null,
    lines: [
      {
        description: b.description ?? null,
        hsCodes: b.hs ?? [],
        weightKg: b.weightKg ?? null,
        quantity: null,
        quantityUnit: null,
        containers: [],
      },
    ],
    raw: {},
    provenance: prov(b.dataset ?? 'synthetic-bol', b.file ?? 'synthetic-bol.csv', b.id, b.line ?? null),
  };
}
