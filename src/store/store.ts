import type {
  DatasetMeta,
  DatasetName,
  DatasetSummary,
  Entity,
  EntityId,
  FtmSchema,
  ImportSummary,
  Judgement,
  PartyRole,
  RecordBundle,
  StoredMembership,
  StoredRelationship,
  StoredShipment,
  StoredTradeStat,
} from '../model/index.ts';
import type { PreparedBatch } from './prepare.ts';

/**
 * The one storage interface. Two backends implement it (embedded SQLite, PostgreSQL) from one
 * Kysely query codebase; `store/contract.test-suite.ts` is the contract both must pass.
 * Reads stream (`AsyncIterable`) so callers can load millions of rows in bounded memory.
 */
export interface Store {
  readonly backend: 'sqlite' | 'postgres';
  /** Human description of where the data lives (file path or redacted URL). */
  readonly location: string;

  close(): Promise<void>;

  // ── datasets and imports ────────────────────────────────────────────────
  upsertDataset(meta: DatasetMeta): Promise<void>;
  listDatasets(): Promise<DatasetSummary[]>;
  getDataset(name: DatasetName): Promise<DatasetSummary | null>;
  /** Starts an import of `dataset` (which must exist). */
  beginImport(opts: {
    dataset: DatasetName;
    format: string;
    files: readonly string[];
  }): Promise<ImportSession>;
  listImports(dataset?: DatasetName): Promise<ImportSummary[]>;

  // ── entities ─────────────────────────────────────────────────────────────
  getEntity(id: EntityId): Promise<Entity | null>;
  /** Entities whose `name`/`alias` equals `name` exactly (case-insensitive). */
  findEntitiesByName(name: string, limit?: number): Promise<Entity[]>;
  /** Entities having identifier `value` in any identifier property. */
  findEntitiesByIdentifier(value: string, limit?: number): Promise<Entity[]>;
  /** Every current (not removed) entity, assembled, in id order. */
  iterateEntities(opts?: IterateOptions & { schemata?: readonly FtmSchema[] }): AsyncIterable<Entity>;
  countEntities(opts?: IterateOptions): Promise<number>;

  // ── relationships, memberships, shipments, trade statistics ─────────────
  iterateRelationships(opts?: IterateOptions): AsyncIterable<StoredRelationship>;
  iterateMemberships(opts?: IterateOptions): AsyncIterable<StoredMembership>;
  membershipsOf(entityId: EntityId): Promise<StoredMembership[]>;
  iterateShipments(opts?: IterateOptions & { ids?: readonly string[] }): AsyncIterable<StoredShipment>;
  getShipment(id: string): Promise<StoredShipment | null>;
  /** Records which entity a shipment party resolves to (set by the resolver; null clears it). */
  setPartyEntities(links: readonly PartyLink[]): Promise<void>;
  iterateTradeStats(filter?: TradeStatFilter & IterateOptions): AsyncIterable<StoredTradeStat>;

  // ── judgements ───────────────────────────────────────────────────────────
  addJudgement(j: Judgement): Promise<void>;
  /** All judgements, oldest first; the latest judgement on a pair or finding wins. */
  listJudgements(kind?: Judgement['kind']): Promise<Judgement[]>;

  // ── resolution (clusters of entities judged or scored to be the same) ───
  /** Replaces the stored clustering: each member id maps to its canonical id. */
  replaceResolution(clusters: ReadonlyMap<EntityId, EntityId>): Promise<void>;
  getResolution(): Promise<Map<EntityId, EntityId>>;

  // ── screening runs (for --since-last monitoring) ────────────────────────
  saveScreenRun(run: ScreenRunInput): Promise<number>;
  /** The most recent run of `kind` before run `beforeId` (or the latest if omitted). */
  latestScreenRun(kind: string, beforeId?: number): Promise<ScreenRunSummary | null>;
  findingsOfRun(runId: number): Promise<StoredFinding[]>;
}

export interface IterateOptions {
  readonly datasets?: readonly DatasetName[];
  /** Include records marked removed by a later import (default false). */
  readonly includeRemoved?: boolean;
  /** Rows fetched per round trip (default 5000). */
  readonly pageSize?: number;
}

export interface TradeStatFilter {
  readonly reporterRegion?: string;
  readonly partnerCountry?: string;
  /** Inclusive `YYYY-MM` bounds. */
  readonly fromMonth?: string;
  readonly toMonth?: string;
  readonly flow?: 'export' | 'import';
}

export interface PartyLink {
  readonly shipmentId: string;
  readonly dataset: DatasetName;
  readonly role: PartyRole;
  readonly entityId: EntityId | null;
}

/** One import in progress. Each `write` is one transaction: all of the batch or none. */
export interface ImportSession {
  readonly importId: number;
  readonly dataset: DatasetName;
  /** Writes a batch atomically; every bundle's provenance must name this session's dataset. */
  write(bundles: readonly RecordBundle[]): Promise<BatchCounts>;
  /**
   * Writes a batch prepared by `prepareBatch` (possibly in another thread): the bulk path of
   * imports. Same semantics as `write`; the provenance columns are checked again.
   */
  writePrepared(batch: PreparedBatch): Promise<BatchCounts>;
  /** Counts rejected rows (the importer writes the reject file; the store keeps the tally). */
  noteRejected(count: number): Promise<void>;
  /**
   * Ends the import. With `complete: true` (the whole source was read), keys of the dataset not
   * seen in this import are marked removed (dated, not deleted), unless `removeMissing` is
   * false: an input that adds to the dataset (a new day of bills) rather than replacing it.
   * Returns the import's summary.
   */
  finish(opts: { complete: boolean; removeMissing?: boolean }): Promise<ImportSummary>;
  /** Marks the import failed; what was written in finished batches stays (it is consistent). */
  fail(reason: string): Promise<ImportSummary>;
}

export interface BatchCounts {
  readonly added: number;
  readonly changed: number;
  readonly unchanged: number;
}

export interface ScreenRunInput {
  readonly kind: string;
  readonly policyHash: string;
  readonly startedAt: string;
  readonly findings: readonly StoredFinding[];
}

export interface ScreenRunSummary {
  readonly id: number;
  readonly kind: string;
  readonly policyHash: string;
  readonly startedAt: string;
  readonly findings: number;
}

/** A finding as persisted for monitoring: its stable key and the JSON the screener produced. */
export interface StoredFinding {
  /** The screened item (shipment id, entity id). */
  readonly itemKey: string;
  /** Stable across runs: same facts → same key (see screen/). */
  readonly findingKey: string;
  readonly type: string;
  readonly severity: string;
  readonly score: number;
  readonly body: unknown;
}
