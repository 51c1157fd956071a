import type { Provenance } from '../../model/index.ts';
import { dedupeLinks, membershipLink, ownershipLinks, xinjiangLink } from '../evidence.ts';
import type { EvidenceLink, Subject } from '../findings.ts';
import type { PartyInput, PartyView } from '../party.ts';
import type { Snapshot } from '../snapshot.ts';

/** What every detector knows about the item being screened. */
export interface ItemContext {
  readonly kind: 'shipment' | 'entity';
  readonly id: string;
  readonly dataset: string;
  /** `dataset/id`: scopes item-level finding keys. */
  readonly itemKey: string;
  /** "bill MAEU123" or "supplier list row 12": for evidence texts. */
  readonly label: string;
  /** ISO date the goods arrived (shipments), or null (entities: judged as of today). */
  readonly date: string | null;
  /** The record screened. */
  readonly provenance: Provenance;
}

/** One party of the item, resolved. */
export interface PartyContext {
  readonly role: Subject['role'];
  readonly party: PartyInput;
  readonly view: PartyView;
  /** The party as it appears on the screened record. */
  readonly link: EvidenceLink;
}

/** Whether the item predates `effective` (an ISO date): then the listing or law did not apply to it yet. */
export function predates(item: ItemContext, effective: string | null | undefined): boolean {
  return Boolean(item.date && effective && item.date.slice(0, 10) < effective.slice(0, 10));
}

/**
 * Everything that makes node v exposed, as evidence: its listings, the OFAC chain to a listed
 * seed, the ownership paths to listed owners (and XPCC units), its Xinjiang facts.
 */
export function exposureLinks(snap: Snapshot, v: number): EvidenceLink[] {
  const g = snap.graph;
  const x = snap.exposure.of(v);
  const out: EvidenceLink[] = [];
  for (const m of x.listings) out.push(membershipLink(g, v, m, snap.policy));
  if (x.blocked) {
    const tree = snap.exposure.blockingTree(v);
    for (const e of tree.edges) out.push(...ownershipLinks(g, e));
    for (const { node, membership } of tree.seeds) out.push(membershipLink(g, node, membership, snap.policy));
  }
  if (x.owned) {
    for (const o of x.owned.owners) {
      for (const e of o.path) out.push(...ownershipLinks(g, e));
      for (const m of o.listings) out.push(membershipLink(g, o.node, m, snap.policy));
      for (const f of o.xpccUnit) out.push(xinjiangLink(f));
    }
  }
  for (const f of x.xinjiang) out.push(xinjiangLink(f));
  return dedupeLinks(out);
}
