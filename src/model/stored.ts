import type { DatasetName, EntityId } from './ids.ts';
import type { Provenance } from './provenance.ts';
import type {
  EntityFact,
  MembershipFact,
  PropValue,
  RelationshipFact,
  ShipmentFact,
  TradeStatFact,
} from './records.ts';
import type { FtmProperty, FtmSchema } from './schema.ts';

/** Facts as read back from the store: each with the provenance it was written with. */

export interface Sourced<T> {
  readonly fact: T;
  readonly provenance: Provenance;
}

/** One property value of an entity with where it came from. */
export interface Statement extends PropValue {
  readonly prop: FtmProperty;
  readonly provenance: Provenance;
}

/** An entity assembled from all its statements across datasets. */
export interface Entity {
  readonly id: EntityId;
  readonly schema: FtmSchema;
  readonly datasets: readonly DatasetName[];
  /** Values per property, deduplicated, in first-seen order. */
  readonly properties: Partial<Record<FtmProperty, readonly string[]>>;
  readonly statements: readonly Statement[];
}

export type StoredRelationship = RelationshipFact & { readonly provenance: Provenance };
export type StoredMembership = MembershipFact & { readonly provenance: Provenance };
export type StoredShipment = ShipmentFact & { readonly provenance: Provenance };
export type StoredTradeStat = TradeStatFact & { readonly provenance: Provenance };
export type StoredEntityFact = EntityFact & { readonly provenance: Provenance };

/** Metadata about where a dataset comes from. */
export interface DatasetMeta {
  readonly name: DatasetName;
  readonly title: string;
  readonly publisher: string | null;
  readonly url: string | null;
  readonly licence: string | null;
  /** ISO date the publisher dated the data, if known. */
  readonly publishedAt: string | null;
  readonly version: string | null;
}

export interface DatasetSummary extends DatasetMeta {
  readonly records: number;
  readonly removed: number;
  readonly entities: number;
  readonly relationships: number;
  readonly memberships: number;
  readonly shipments: number;
  readonly tradeStats: number;
  readonly lastImport: ImportSummary | null;
}

export interface ImportSummary {
  readonly importId: number;
  readonly dataset: DatasetName;
  readonly format: string;
  readonly files: readonly string[];
  readonly startedAt: string;
  readonly finishedAt: string | null;
  readonly status: 'running' | 'done' | 'failed';
  /** Source records seen in this import. */
  readonly records: number;
  readonly rejected: number;
  /** Keys new since the last completed import of this dataset. */
  readonly added: number;
  /** Keys present last time that were absent this time (marked removed, not deleted). */
  readonly removed: number;
  /** Keys whose content differs from the last completed import. */
  readonly changed: number;
  readonly unchanged: number;
  /** Why a failed import stopped (the error it stopped on), else null. */
  readonly error: string | null;
}

export type MatchVerdict = 'same' | 'not-same' | 'unsure';
export type FindingVerdict = 'confirmed' | 'false-positive';

/** An analyst's decision. Survives re-imports and re-screens. */
export type Judgement =
  | {
      readonly kind: 'match';
      readonly a: EntityId;
      readonly b: EntityId;
      readonly verdict: MatchVerdict;
      readonly who: string;
      readonly at: string;
      readonly why: string;
    }
  | {
      readonly kind: 'finding';
      /** The stable key of the finding (see screen/). */
      readonly findingKey: string;
      readonly verdict: FindingVerdict;
      readonly who: string;
      readonly at: string;
      readonly why: string;
    };
