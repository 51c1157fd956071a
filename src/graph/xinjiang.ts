import type { Entity, StoredShipment } from '../model/index.ts';
import {
  EXPOSURE_WEIGHTS,
  type ExposureEvidence,
  type ExposurePredicate,
  type ExposureReason,
} from './exposure.ts';
import type { Graph } from './graph.ts';
import { partyKey } from './party-key.ts';
import {
  sortFacts,
  type XinjiangBasis,
  type XinjiangFact,
  xinjiangFromAddress,
  xinjiangFromName,
  xinjiangFromStatements,
} from './xinjiang-facts.ts';

/**
 * Xinjiang location as an exposure reason. Collected while the graph loads (`loadGraph`'s
 * inspect hooks), so no second pass over the store is needed: an entity's USCCs, addresses and
 * names, and the shipper and consignee of every bill of lading (its address, and the name of a
 * party no entity was resolved for), which flags unresolved suppliers by what the bill says.
 * `trace` and screening both collect with it, so they agree on who is located in Xinjiang.
 */

/** An entity's countries (country, jurisdiction, main country), upper-cased, each once. */
export function entityCountries(e: Entity): string[] {
  const p = e.properties;
  return [
    ...new Set(
      [...(p.country ?? []), ...(p.jurisdiction ?? []), ...(p.mainCountry ?? [])].map((c) =>
        c.trim().toUpperCase(),
      ),
    ),
  ];
}

/** Default least `locate` confidence that places an address or name in Xinjiang. */
export const MIN_CONFIDENCE = 0.5;

/** At most this many facts are kept per entity or party: enough to cite, bounded in memory. */
const MAX_FACTS = 10;

export class XinjiangLocator {
  /** Facts per entity id or party key, strongest first. */
  readonly facts = new Map<string, XinjiangFact[]>();
  private readonly seenParty = new Set<string>();

  private readonly minConfidence: number;

  constructor(minConfidence = MIN_CONFIDENCE) {
    this.minConfidence = minConfidence;
  }

  /** Looks at an entity's identifiers, addresses and names. */
  inspectEntity(e: Entity): void {
    this.add(e.id, xinjiangFromStatements(e.statements, entityCountries(e)[0] ?? null, this.minConfidence));
  }

  /** Looks at the shipper and consignee of a bill of lading. */
  inspectShipment(s: StoredShipment): void {
    for (const party of s.parties) {
      if (party.role !== 'shipper' && party.role !== 'consignee') continue;
      const key = party.entityId ?? partyKey(party.name, party.country);
      if (!key) continue;
      // A party repeats on thousands of bills; locate each (party, address) once.
      const seen = `${key}\u0000${party.address ?? ''}`;
      if (this.seenParty.has(seen)) continue;
      this.seenParty.add(seen);
      const found: (XinjiangFact | null)[] = [];
      if (party.address)
        found.push(
          xinjiangFromAddress(party.address, `${party.role}.address`, s.provenance, this.minConfidence),
        );
      // A resolved party's name was looked at with its entity.
      if (!party.entityId)
        found.push(
          xinjiangFromName(party.name, party.country, `${party.role}.name`, s.provenance, this.minConfidence),
        );
      this.add(
        key,
        found.filter((f): f is XinjiangFact => f !== null),
      );
    }
  }

  /** How many entities or parties were found located in Xinjiang. */
  get size(): number {
    return this.facts.size;
  }

  /** The facts per node of `graph` (ids and party keys the graph does not hold are dropped). */
  byNode(graph: Graph): Map<number, XinjiangFact[]> {
    const out = new Map<number, XinjiangFact[]>();
    for (const [id, facts] of this.facts) {
      const v = graph.nodeOf(id);
      if (v !== undefined) out.set(v, [...(out.get(v) ?? []), ...facts]);
    }
    return out;
  }

  /**
   * For `createExposure`'s `xpccUnit`: the facts naming a node of `graph` itself as an XPCC
   * unit (see {@link isXpccUnitFact}), as evidence; empty for every other node.
   */
  xpccUnitEvidence(graph: Graph): (v: number) => readonly ExposureEvidence[] {
    const byNode = new Map<number, ExposureEvidence[]>();
    for (const [v, facts] of this.byNode(graph)) {
      const unit = facts.filter(isXpccUnitFact);
      if (unit.length > 0)
        byNode.set(
          v,
          unit.map((f) => ({ type: 'fact', node: v, detail: f.text, sources: [f.provenance] })),
        );
    }
    return (v) => byNode.get(v) ?? [];
  }

  /** The reasons as an exposure predicate over `graph` (pass it in `createExposure`'s `extra`). */
  predicate(graph: Graph): ExposurePredicate {
    const byNode = this.byNode(graph);
    const reasons = new Map<number, readonly ExposureReason[]>();
    return (v) => {
      let r = reasons.get(v);
      if (!r) {
        const facts = byNode.get(v);
        r = facts ? [xinjiangReason(v, facts)] : [];
        reasons.set(v, r);
      }
      return r;
    };
  }

  private add(id: string, facts: readonly XinjiangFact[]): void {
    if (facts.length === 0) return;
    const list = this.facts.get(id) ?? [];
    for (const f of facts) {
      if (list.length < MAX_FACTS && !list.some((x) => x.basis === f.basis && x.value === f.value))
        list.push(f);
    }
    this.facts.set(id, sortFacts(list));
  }
}

const NAME_FIELDS = new Set(['name', 'alias', 'previousName', 'weakAlias']);

/**
 * Whether a fact makes its entity an XPCC unit: its own name names one (兵团, 第八师,
 * "XPCC 8th Division"). An address in a regiment, or a registration in an XPCC city, locates
 * an entity in the corps' territory without making it part of the corps.
 */
export function isXpccUnitFact(f: XinjiangFact): boolean {
  return f.basis === 'xpcc-unit' && NAME_FIELDS.has(f.field);
}

const BASIS_LABEL: Record<XinjiangBasis, string> = {
  uscc: 'USCC registration',
  'xpcc-unit': 'XPCC unit',
  address: 'address',
  name: 'company name',
};

/** One exposure reason citing every fact that places node `v` in Xinjiang (strongest first). */
export function xinjiangReason(v: number, facts: readonly XinjiangFact[]): ExposureReason {
  const strong = facts.some((f) => f.basis !== 'name');
  return {
    kind: 'xinjiang_located',
    // A name-only location is weaker evidence than a USCC, an address or an XPCC unit.
    weight: strong ? EXPOSURE_WEIGHTS.xinjiang_located : EXPOSURE_WEIGHTS.xinjiang_located * 0.7,
    summary: `located in Xinjiang${facts.some((f) => f.xpcc) ? ' (XPCC)' : ''} by ${BASIS_LABEL[facts[0]?.basis ?? 'name']}`,
    evidence: facts.map((f) => ({ type: 'fact' as const, node: v, detail: f.text, sources: [f.provenance] })),
  };
}
