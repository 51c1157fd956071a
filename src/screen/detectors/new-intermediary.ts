import { dayOf, isoOfDay, NO_DATE } from '../../graph/index.ts';
import type { StoredMembership } from '../../model/index.ts';
import { dedupeLinks, membershipLink } from '../evidence.ts';
import { type EvidenceLink, type Finding, link, makeFinding } from '../findings.ts';
import type { ListedSupplier, Snapshot } from '../snapshot.ts';
import type { PartyContext } from './context.ts';

/**
 * `new_intermediary_after_listing`: the party (shipper of the screened bill, or the screened
 * entity) first appears in the trade data within `windowDays` after a supplier was listed, and
 * either
 * - `replaced`: the listed supplier shipped to the same buyer before its listing, goods
 *   compatible with what the newcomer ships (a new name in front of the old source), or
 * - `pass-through`: the listed supplier ships to the newcomer (a new conduit for its goods).
 */

interface Candidate {
  readonly supplier: number;
  readonly membership: StoredMembership;
  readonly listedDay: number;
  /** Trade edge supplier → buyer (replaced) or supplier → newcomer (pass-through). */
  readonly edge: number;
  readonly pattern: 'replaced' | 'pass-through';
}

/** Listed suppliers of `v` with the listing day and the trade edge (memoised per thread). */
function listedSuppliers(snap: Snapshot, v: number): readonly ListedSupplier[] {
  const hit = snap.listedSuppliers.get(v);
  if (hit) return hit;
  const t = snap.graph.columns.trade;
  const out: ListedSupplier[] = [];
  for (let i = t.inOffsets[v] as number; i < (t.inOffsets[v + 1] as number); i++) {
    const e = t.inEdges[i] as number;
    const s = t.source[e] as number;
    for (const m of snap.exposure.listings(s)) {
      const day = dayOf(m.effectiveDate);
      if (day !== NO_DATE) out.push({ supplier: s, m, day, edge: e });
    }
  }
  snap.listedSuppliers.set(v, out);
  return out;
}

export function newIntermediaryFindings(
  snap: Snapshot,
  party: PartyContext,
  node: number,
  buyers: readonly number[],
  /** The party's goods as graph code indices (computed only when needed), or null when unknown. */
  goodsOf: () => readonly number[] | null,
): Finding[] {
  const rule = snap.policy.findings.new_intermediary_after_listing;
  if (!rule.enabled || node < 0) return [];
  const first = snap.firstDay[node] as number;
  if (first === NO_DATE) return [];
  const within = (listed: number) => first >= listed && first <= listed + rule.windowDays;
  const g = snap.graph;
  const t = g.columns.trade;
  const cands: Candidate[] = [];

  for (const b of buyers) {
    if (b < 0) continue;
    for (const s of listedSuppliers(snap, b)) {
      if (s.supplier === node || !within(s.day)) continue;
      // The listed supplier must have served this buyer before its listing …
      if ((t.firstDay[s.edge] as number) >= s.day) continue;
      // … with goods the newcomer's goods can be (same chain or heading), when both are known.
      const goodsCodes = goodsOf();
      if (goodsCodes && goodsCodes.length > 0 && !servedCompatible(snap, s.edge, s.day, goodsCodes)) continue;
      cands.push({
        supplier: s.supplier,
        membership: s.m,
        listedDay: s.day,
        edge: s.edge,
        pattern: 'replaced',
      });
    }
  }
  for (const s of listedSuppliers(snap, node)) {
    if (!within(s.day)) continue;
    cands.push({
      supplier: s.supplier,
      membership: s.m,
      listedDay: s.day,
      edge: s.edge,
      pattern: 'pass-through',
    });
  }
  if (cands.length === 0) return [];

  const out: Finding[] = [];
  const seen = new Set<string>();
  for (const c of cands) {
    const k = `${c.supplier}|${c.membership.list}|${c.pattern}`;
    if (seen.has(k)) continue;
    seen.add(k);
    const days = first - c.listedDay;
    const listed = isoOfDay(c.listedDay) ?? '?';
    const evidence: EvidenceLink[] = [party.link, membershipLink(g, c.supplier, c.membership, snap.policy)];
    evidence.push(...edgeLinks(snap, c.edge, c.pattern === 'replaced' ? 'before' : 'after', c.listedDay));
    const firstLink = firstShipmentLink(snap, node, first);
    if (firstLink) evidence.push(firstLink);
    const supplierName = g.nodeName(c.supplier);
    out.push(
      makeFinding({
        type: 'new_intermediary_after_listing',
        severity: rule.severity,
        // Sooner after the listing is more telling.
        score: rule.weight * (1 - 0.5 * (days / rule.windowDays)),
        subject: {
          role: party.role,
          name: party.party.name,
          entityId: party.party.entityId ?? (g.nodeKind(node) === 'party' ? null : g.nodeId(node)),
          country: party.party.country ?? g.nodeCountry(node),
        },
        subjectKey: party.view.subjectKey,
        summary:
          c.pattern === 'replaced'
            ? `${party.role} first appears ${days} days after ${supplierName} was listed (${listed}) and ships to a buyer ${supplierName} supplied before its listing`
            : `${party.role} first appears ${days} days after ${supplierName} was listed (${listed}) and receives goods from it`,
        facts: { supplier: g.nodeId(c.supplier), list: c.membership.list, pattern: c.pattern },
        evidence: dedupeLinks(evidence),
      }),
    );
  }
  return out;
}

/** Whether the supplier's pre-listing shipments on `edge` carried goods compatible with `codes`. */
function servedCompatible(
  snap: Snapshot,
  edge: number,
  listedDay: number,
  codes: readonly number[],
): boolean {
  const g = snap.graph;
  let anyCoded = false;
  for (const s of g.tradeShipments(edge)) {
    if ((g.columns.shipDay[s] as number) >= listedDay) break;
    for (const k of g.shipmentCodes(s)) {
      anyCoded = true;
      for (const c of codes) if (k === c || snap.goods.match(k, c)) return true;
    }
  }
  // The old supplier's goods are unknown: cannot rule it out.
  return !anyCoded;
}

/** The supplier's shipments on `edge` before (or from) the listing day, citing the latest (earliest). */
function edgeLinks(
  snap: Snapshot,
  edge: number,
  when: 'before' | 'after',
  listedDay: number,
): EvidenceLink[] {
  const g = snap.graph;
  const t = g.columns.trade;
  const rows = [...g.tradeShipments(edge)].filter((s) => {
    const d = g.columns.shipDay[s] as number;
    return d !== NO_DATE && (when === 'before' ? d < listedDay : d >= listedDay);
  });
  if (rows.length === 0) return [];
  const cite = when === 'before' ? (rows[rows.length - 1] as number) : (rows[0] as number);
  const ship = g.shipment(cite);
  const supplier = g.nodeName(t.source[edge] as number);
  const buyer = g.nodeName(t.target[edge] as number);
  return [
    link(
      'trade',
      `${supplier} → ${buyer}: ${rows.length} shipment${rows.length === 1 ? '' : 's'} ${when} the listing (${
        when === 'before' ? 'last' : 'first'
      } ${ship.date ?? 'undated'})`,
      ship.provenance,
      {
        supplier: g.nodeId(t.source[edge] as number),
        buyer: g.nodeId(t.target[edge] as number),
        shipments: rows.slice(-5).map((s) => g.shipment(s).id),
        count: rows.length,
        hs: ship.hsCodes,
      },
    ),
  ];
}

/** The node's first shipment in the trade data. */
function firstShipmentLink(snap: Snapshot, node: number, first: number): EvidenceLink | null {
  const g = snap.graph;
  const t = g.columns.trade;
  const edges: number[] = [];
  for (let e = t.outOffsets[node] as number; e < (t.outOffsets[node + 1] as number); e++) edges.push(e);
  for (let i = t.inOffsets[node] as number; i < (t.inOffsets[node + 1] as number); i++)
    edges.push(t.inEdges[i] as number);
  for (const e of edges) {
    if (t.firstDay[e] !== first) continue;
    const s = g.tradeShipments(e)[0];
    if (s === undefined) continue;
    const ship = g.shipment(s);
    return link(
      'trade',
      `${g.nodeName(node)} first appears in the trade data on ${ship.date ?? '?'}: ${g.nodeName(t.source[e] as number)} → ${g.nodeName(t.target[e] as number)}`,
      ship.provenance,
      { node: g.nodeId(node), firstDate: ship.date, shipment: ship.id },
    );
  }
  return null;
}
