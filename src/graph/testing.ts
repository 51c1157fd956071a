/**
 * Synthetic fixtures for graph tests and benchmarks: fictitious companies, marked synthetic in
 * their provenance (`dataset: synthetic`). Not exported from the package index.
 */
import type {
  DatasetName,
  EntityId,
  StoredMembership,
  StoredRelationship,
  StoredShipment,
} from '../model/index.ts';
import { seededRandom } from '../model/index.ts';

const SYNTHETIC = 'synthetic' as DatasetName;

let relSeq = 0;
/** `owner` owns `pct`% (null = unknown) of `asset`. */
export function own(owner: string, asset: string, pct: number | null, id?: string): StoredRelationship {
  const rid = id ?? `own-${owner}-${asset}-${relSeq++}`;
  return {
    id: rid as EntityId,
    kind: 'ownership',
    schema: 'Ownership',
    source: owner as EntityId,
    target: asset as EntityId,
    percentage: pct,
    role: null,
    startDate: null,
    endDate: null,
    provenance: { dataset: SYNTHETIC, sourceFile: 'synthetic.csv', recordKey: rid, line: relSeq },
  };
}

export function listed(
  entity: string,
  list = 'ofac-sdn',
  opts: Partial<StoredMembership> = {},
): StoredMembership {
  return {
    id: `m-${list}-${entity}`,
    entityId: entity as EntityId,
    list,
    program: null,
    effectiveDate: null,
    endDate: null,
    scope: null,
    rawText: `${entity} (synthetic listing)`,
    provenance: { dataset: SYNTHETIC, sourceFile: 'synthetic-list.csv', recordKey: entity, line: null },
    ...opts,
  };
}

export interface ShipSpec {
  readonly id: string;
  readonly from: string;
  readonly to: string;
  readonly date: string | null;
  readonly hs: readonly string[];
  readonly weightKg?: number;
  /** Parties resolved to entity ids (default) or left as raw names (`resolved: false`). */
  readonly resolved?: boolean;
  readonly fromCountry?: string;
  readonly toCountry?: string;
}

export function ship(s: ShipSpec): StoredShipment {
  const resolved = s.resolved ?? true;
  return {
    id: s.id,
    arrivalDate: s.date,
    parties: [
      {
        role: 'shipper',
        name: s.from,
        address: null,
        country: s.fromCountry ?? null,
        entityId: resolved ? (s.from as EntityId) : null,
      },
      {
        role: 'consignee',
        name: s.to,
        address: null,
        country: s.toCountry ?? null,
        entityId: resolved ? (s.to as EntityId) : null,
      },
    ],
    originCountry: null,
    portOfLading: null,
    portOfUnlading: null,
    lines: [
      {
        description: null,
        hsCodes: s.hs,
        weightKg: s.weightKg ?? null,
        quantity: null,
        quantityUnit: null,
        containers: [],
      },
    ],
    raw: {},
    provenance: { dataset: SYNTHETIC, sourceFile: 'synthetic-bol.csv', recordKey: s.id, line: null },
  };
}

/** A company entity with a name and country. */
export function company(id: string, name = id, country?: string) {
  return {
    id,
    schema: 'Company',
    properties: { name: [name], ...(country ? { country: [country] } : {}) },
  };
}

/** Deterministic PRNG for seeded synthetic data (the model's mulberry32). */
export const rng = seededRandom;
