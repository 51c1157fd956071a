import type { Generated } from 'kysely';

/**
 * Table shapes for Kysely. Facts live in one table per kind; every fact row carries its
 * provenance columns (dataset, record_key, source_file, line). `records` keeps one
 * row per source record key for change detection; `removed_at` on fact rows mirrors the
 * record's removal so reads need no join.
 *
 * An entity's properties are stored as one JSON row per (entity, record) rather than one row
 * per statement: every value of a record shares that record's provenance, so nothing is lost,
 * and the embedded store writes a third of the rows and index entries (see bench/).
 */
export interface Tables {
  datasets: {
    name: string;
    title: string;
    publisher: string | null;
    url: string | null;
    licence: string | null;
    published_at: string | null;
    version: string | null;
    created_at: string;
    updated_at: string;
  };
  imports: {
    id: Generated<number>;
    dataset: string;
    format: string;
    files: string;
    started_at: string;
    finished_at: string | null;
    status: string;
    base_import: number;
    records: number;
    rejected: number;
    added: number;
    removed: number;
    changed: number;
    unchanged: number;
    /** Why a failed import stopped (migration 0003); null otherwise. */
    error: string | null;
  };
  records: {
    id: Generated<number>;
    dataset: string;
    record_key: string;
    hash: string;
    first_import: number;
    changed_import: number;
    last_import: number;
    removed_at: string | null;
    removed_import: number | null;
  };
  /** One row per entity per source record; properties as JSON (see rows.ts `PackedProps`). */
  entities: FactColumns & {
    entity_id: string;
    schema: string;
    props: string;
  };
  /**
   * Folded names and identifiers of entities, for exact lookups (the fuzzy index is in memory).
   * Append-only: a key whose record later changed or was removed may linger, so readers
   * re-check hits against the entity's current values (cheaper than a second index to delete by).
   */
  entity_keys: {
    folded: string;
    entity_id: string;
    prop: string;
  };
  relationships: FactColumns & {
    id: string;
    kind: string;
    schema: string;
    source_id: string;
    target_id: string;
    percentage: number | null;
    role: string | null;
    start_date: string | null;
    end_date: string | null;
  };
  memberships: FactColumns & {
    id: string;
    entity_id: string;
    list: string;
    program: string | null;
    effective_date: string | null;
    end_date: string | null;
    scope: string | null;
    raw_text: string;
  };
  shipments: FactColumns & {
    id: string;
    arrival_date: string | null;
    origin_country: string | null;
    /** JSON: ShipmentParty[] as imported. */
    parties: string;
    port_lading: string | null;
    port_unlading: string | null;
    /** JSON: ShipmentLine[]. */
    lines: string;
    /** JSON: raw source columns. */
    raw: string;
  };
  party_links: {
    dataset: string;
    shipment_id: string;
    role: string;
    entity_id: string;
  };
  trade_stats: FactColumns & {
    reporter_region: string;
    partner_country: string;
    month: string;
    hs_code: string;
    value_usd: number | null;
    quantity: number | null;
    quantity_unit: string | null;
    flow: string;
    /** JSON of extra source columns, or null when there were none. */
    raw: string | null;
  };
  judgements: {
    seq: Generated<number>;
    kind: string;
    a: string | null;
    b: string | null;
    finding_key: string | null;
    verdict: string;
    who: string;
    at: string;
    why: string;
  };
  resolution: {
    entity_id: string;
    canonical_id: string;
  };
  screen_runs: {
    id: Generated<number>;
    kind: string;
    policy_hash: string;
    started_at: string;
    findings: number;
  };
  findings: {
    seq: Generated<number>;
    run_id: number;
    item_key: string;
    finding_key: string;
    type: string;
    severity: string;
    score: number;
    body: string;
  };
}

export interface FactColumns {
  /** The `records.id` this fact came from: rewrites and removals go by it. */
  rec_id: number;
  /** Position of the fact among its record's facts of this table; (rec_id, ord) is the key. */
  ord: number;
  dataset: string;
  record_key: string;
  source_file: string;
  line: number | null;
  removed_at: string | null;
}

/**
 * The fact tables a record bundle writes into (cleared and rewritten when a record changes).
 * Each is keyed and clustered by (rec_id, ord): on SQLite a WITHOUT ROWID table, so a fact costs
 * one B-tree insert for the table plus one per secondary index.
 */
export const FACT_TABLES = ['entities', 'relationships', 'memberships', 'shipments', 'trade_stats'] as const;
export type FactTable = (typeof FACT_TABLES)[number];
/** Tables a bundle writes to: the fact tables and the lookup keys. */
export type WriteTable = FactTable | 'entity_keys';
