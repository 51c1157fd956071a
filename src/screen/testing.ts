/**
 * Builders for screening fixtures (tests, the benchmark, examples): entities with statements,
 * list memberships, ownership and bills of lading, each with provenance. Not exported from the
 * package index.
 */
import {
  type DatasetName,
  datasetName,
  type Entity,
  type EntityFact,
  type EntityId,
  type FtmProperty,
  type MembershipFact,
  type PartyRole,
  type PropValue,
  type Provenance,
  type RelationshipFact,
  type ShipmentFact,
  type StoredMembership,
  type StoredRelationship,
  type StoredShipment,
} from '../model/index.ts';
import type { Store } from '../store/index.ts';

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

/**
 * Writes fixture facts into a store, one import per dataset, one record bundle per source
 * record key (facts sharing a record key travel together, as an importer would write them).
 */
export async function loadFacts(
  store: Store,
  input: {
    entities?: Iterable<Entity>;
    relationships?: Iterable<StoredRelationship>;
    memberships?: Iterable<StoredMembership>;
    shipments?: Iterable<StoredShipment>;
  },
): Promise<void> {
  type Mutable = {
    provenance: Provenance;
    entities: EntityFact[];
    relationships: RelationshipFact[];
    memberships: MembershipFact[];
    shipments: ShipmentFact[];
  };
  const byDataset = new Map<string, Map<string, Mutable>>();
  const bundle = (p: Provenance): Mutable => {
    const ds = byDataset.get(p.dataset) ?? new Map<string, Mutable>();
    byDataset.set(p.dataset, ds);
    let b = ds.get(p.recordKey);
    if (!b) {
      b = { provenance: p, entities: [], relationships: [], memberships: [], shipments: [] };
      ds.set(p.recordKey, b);
    }
    return b;
  };
  for (const e of input.entities ?? []) {
    const p = e.statements[0]?.provenance;
    if (!p) continue;
    const properties: Partial<Record<FtmProperty, PropValue[]>> = {};
    for (const st of e.statements) {
      const list = properties[st.prop] ?? [];
      list.push({ value: st.value });
      properties[st.prop] = list;
    }
    bundle(p).entities.push({ id: e.id, schema: e.schema, properties });
  }
  for (const { provenance: p, ...r } of input.relationships ?? []) bundle(p).relationships.push(r);
  for (const { provenance: p, ...m } of input.memberships ?? []) bundle(p).memberships.push(m);
  for (const { provenance: p, ...s } of input.shipments ?? []) bundle(p).shipments.push(s);
  for (const [name, bundles] of byDataset) {
    const dataset = datasetName(name);
    if (!(await store.getDataset(dataset))) {
      await store.upsertDataset({
        name: dataset,
        title: `${name} (fixture)`,
        publisher: null,
        url: null,
        licence: null,
        publishedAt: null,
        version: null,
      });
    }
    const files = [...new Set([...bundles.values()].map((b) => b.provenance.sourceFile))];
    const session = await store.beginImport({ dataset, format: 'fixture', files });
    await session.write([...bundles.values()]);
    await session.finish({ complete: false });
  }
}
