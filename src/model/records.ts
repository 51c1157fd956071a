import type { EntityId } from './ids.ts';
import type { Provenance } from './provenance.ts';
import type { FtmProperty, FtmSchema } from './schema.ts';

/**
 * What an importer produces: facts read from one source record, each with its provenance.
 * The store writes one {@link RecordBundle} atomically and uses its hash to tell, on a
 * re-import, whether the source record was added, changed, unchanged or removed.
 */

/** A property value; `lang` is an ISO 639 code or script tag when the source says (`zh`, `ru`, `en`). */
export interface PropValue {
  readonly value: string;
  readonly lang?: string;
}

/** An entity (Company, Organization, Person, LegalEntity, Address, …) as described by one record. */
export interface EntityFact {
  readonly id: EntityId;
  readonly schema: FtmSchema;
  readonly properties: Partial<Record<FtmProperty, readonly PropValue[]>>;
}

export const RELATIONSHIP_KINDS = ['ownership', 'control', 'directorship', 'branch', 'link'] as const;
export type RelationshipKind = (typeof RELATIONSHIP_KINDS)[number];

/**
 * A directed link between two entities. For ownership, `source` owns `target`; for control,
 * `source` controls `target`; for directorship, `source` is a director of `target`; for branch,
 * `source` is a branch of `target`.
 */
export interface RelationshipFact {
  readonly id: EntityId;
  readonly kind: RelationshipKind;
  /** The FtM schema it came from or maps to (Ownership, Directorship, UnknownLink…). */
  readonly schema: FtmSchema;
  readonly source: EntityId;
  readonly target: EntityId;
  /** Share in percent (0-100); `null` when the source does not say — never guessed. */
  readonly percentage: number | null;
  readonly role: string | null;
  readonly startDate: string | null;
  readonly endDate: string | null;
}

/** Lists Threadline knows; free text allowed for others (`csl:…`). */
export type ListName = 'uflpa' | 'ofac-sdn' | 'cbp-wro' | 'bis-entity' | 'csl' | (string & {});

/** An entity's presence on a sanctions or forced-labour list, as a dated fact. */
export interface MembershipFact {
  readonly id: string;
  readonly entityId: EntityId;
  readonly list: ListName;
  /** Section, program or sub-list: UFLPA `(v)`, OFAC `SDGT`, … */
  readonly program: string | null;
  /** ISO date the listing took effect, if known. */
  readonly effectiveDate: string | null;
  /** ISO date the listing ended, if known (delisting, move to another section). */
  readonly endDate: string | null;
  /** Scope as stated ("and subsidiaries", named subsidiaries…). */
  readonly scope: string | null;
  /** The source's own text for this entry, kept verbatim. */
  readonly rawText: string;
}

export const PARTY_ROLES = ['shipper', 'consignee', 'notify', 'manufacturer'] as const;
export type PartyRole = (typeof PARTY_ROLES)[number];

export interface ShipmentParty {
  readonly role: PartyRole;
  readonly name: string;
  readonly address: string | null;
  readonly country: string | null;
  /** The entity this party was resolved to (at import, by id, or later by the resolver). */
  readonly entityId: EntityId | null;
}

export interface ShipmentLine {
  readonly description: string | null;
  /** HS codes as digits only (2-10), in the order given. */
  readonly hsCodes: readonly string[];
  readonly weightKg: number | null;
  readonly quantity: number | null;
  readonly quantityUnit: string | null;
  readonly containers: readonly string[];
}

export interface PortRef {
  readonly raw: string;
  readonly code: string | null;
  readonly country: string | null;
}

/** One bill of lading. */
export interface ShipmentFact {
  readonly id: string;
  /** ISO date (YYYY-MM-DD) of arrival, or null. */
  readonly arrivalDate: string | null;
  readonly parties: readonly ShipmentParty[];
  readonly originCountry: string | null;
  readonly portOfLading: PortRef | null;
  readonly portOfUnlading: PortRef | null;
  readonly lines: readonly ShipmentLine[];
  /** Source columns Threadline has no field for, kept as given. */
  readonly raw: Readonly<Record<string, string>>;
}

/** One cell of customs statistics. */
export interface TradeStatFact {
  /** GB/T 2260 region code (`65` = Xinjiang) or another reporter code. */
  readonly reporterRegion: string;
  /** ISO 3166 alpha-2. */
  readonly partnerCountry: string;
  /** `YYYY-MM`. */
  readonly month: string;
  /** HS code digits (2-10) or `TOTAL`. */
  readonly hsCode: string;
  readonly valueUsd: number | null;
  readonly quantity: number | null;
  readonly quantityUnit: string | null;
  /** `export` (reporter → partner) or `import`. */
  readonly flow: 'export' | 'import';
  /** Source columns Threadline has no field for, kept as given (omitted when there are none). */
  readonly raw?: Readonly<Record<string, string>>;
}

/**
 * Everything one source record says. `provenance.recordKey` keys it for change detection:
 * re-importing the same key with a different bundle is a change.
 */
export interface RecordBundle {
  readonly provenance: Provenance;
  readonly entities?: readonly EntityFact[];
  readonly relationships?: readonly RelationshipFact[];
  readonly memberships?: readonly MembershipFact[];
  readonly shipments?: readonly ShipmentFact[];
  readonly tradeStats?: readonly TradeStatFact[];
}
