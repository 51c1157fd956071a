import type { Graph, TraceLink, XinjiangFact } from '../graph/index.ts';
import type { Provenance, StoredMembership } from '../model/index.ts';
import { type EvidenceLink, link } from './findings.ts';
import type { WatchMatch } from './matcher.ts';
import type { Policy } from './policy/schema.ts';

/** Evidence links from graph facts, each citing the record it rests on. */

export function listTitle(policy: Policy, list: string): string {
  return policy.lists[list]?.title ?? list;
}

/** "UFLPA Entity List, section (v), effective 2022-06-21", citing the list record. */
export function membershipLink(g: Graph, node: number, m: StoredMembership, policy: Policy): EvidenceLink {
  const parts = [listTitle(policy, m.list)];
  if (m.program) parts.push(m.list === 'uflpa' ? `section ${m.program}` : `program ${m.program}`);
  if (m.effectiveDate) parts.push(`effective ${m.effectiveDate.slice(0, 10)}`);
  if (m.endDate) parts.push(`ended ${m.endDate.slice(0, 10)}`);
  return link('membership', `${g.nodeName(node)} on the ${parts.join(', ')}`, m.provenance, {
    entity: g.nodeId(node),
    list: m.list,
    program: m.program,
    effectiveDate: m.effectiveDate,
    endDate: m.endDate,
    scope: m.scope,
    rawText: m.rawText.length > 300 ? `${m.rawText.slice(0, 299)}…` : m.rawText,
  });
}

/** One link per relationship record behind ownership edge `e` ("A holds 41.3% of B"). */
export function ownershipLinks(g: Graph, e: number): EvidenceLink[] {
  const own = g.columns.ownership;
  const owner = own.source[e] as number;
  const asset = own.target[e] as number;
  const pct = g.ownershipPct(e);
  const share = pct === null ? 'an unstated share' : `${Math.round(pct * 100) / 100}%`;
  return g.ownershipFacts(e).map((r) =>
    link('ownership', `${g.nodeName(owner)} holds ${share} of ${g.nodeName(asset)}`, r.provenance, {
      owner: g.nodeId(owner),
      asset: g.nodeId(asset),
      pct,
      relationship: r.id,
    }),
  );
}

/** A trace link: the supplier's qualifying shipments to the buyer, citing the first of them. */
export function tradeLink(g: Graph, l: TraceLink): EvidenceLink {
  const first = l.shipments[0] as number;
  const ships = l.shipments.map((s) => g.shipment(s));
  const dates = ships.map((s) => s.date).filter((d): d is string => d !== null);
  const span =
    dates.length > 0 ? ` (${dates[0]}${dates.length > 1 ? ` … ${dates[dates.length - 1]}` : ''})` : '';
  const goods = [...new Set(l.goods.map((p) => p.input).filter((x): x is string => x !== null))];
  const text = `${g.nodeName(l.supplier)} → ${g.nodeName(l.buyer)}: ${l.shipmentCount} shipment${
    l.shipmentCount === 1 ? '' : 's'
  }${goods.length > 0 ? ` of HS ${goods.slice(0, 4).join(', ')}` : ''}${span}`;
  return link('trade', text, g.shipment(first).provenance, {
    supplier: g.nodeId(l.supplier),
    buyer: g.nodeId(l.buyer),
    shipmentCount: l.shipmentCount,
    shipments: ships.map((s) => ({ id: s.id, date: s.date, hs: s.hsCodes, record: s.provenance.recordKey })),
    goods: l.goods.map((p) => ({
      input: p.input,
      output: p.output,
      rule: p.match?.rule ?? null,
      chain: p.match?.chain ?? null,
    })),
    goodsUnverified: l.goodsUnverified,
  });
}

/** The party of the screened record ("shipper 'X', address …, on bill B"). */
export function partyLink(
  role: string,
  party: { name: string; address: string | null; country: string | null; entityId: string | null },
  itemLabel: string,
  p: Provenance,
): EvidenceLink {
  const where = [party.address, party.country].filter(Boolean).join(', ');
  return link('party', `${role} "${party.name}"${where ? ` (${where})` : ''} on ${itemLabel}`, p, {
    role,
    name: party.name,
    address: party.address,
    country: party.country,
    entityId: party.entityId,
  });
}

/**
 * The identifier that decided a match, or null when the name did: the exact matcher reports
 * `method: 'identifier'`; resolve/'s matcher a decisive `identifiers` feature (a shared valid
 * USCC scores 0.99 whatever the names say). Read from the explanation, as computed.
 */
export function matchedIdentifier(m: WatchMatch): string | null {
  const x = m.explanation as {
    method?: unknown;
    identifier?: unknown;
    decisive?: unknown;
    features?: readonly { feature?: unknown; value?: unknown; detail?: unknown }[];
  } | null;
  if (!x || typeof x !== 'object') return null;
  if (x.method === 'identifier') return typeof x.identifier === 'string' ? x.identifier : 'identifier';
  if (typeof x.decisive !== 'string') return null;
  const decided = x.features?.some(
    (f) =>
      f.feature === 'identifiers' && typeof f.value === 'number' && f.value > 0 && f.detail === x.decisive,
  );
  return decided ? x.decisive : null;
}

/** The party's name or identifier matched an entity; cites the record the party's name is on. */
export function matchLink(
  partyName: string,
  entityName: string,
  entityId: string,
  m: WatchMatch,
  p: Provenance,
): EvidenceLink {
  const id = matchedIdentifier(m);
  const how = id ? `by identifier: ${id}` : `by name (score ${m.score.toFixed(2)})`;
  return link('name-match', `"${partyName}" matches ${entityName} ${how}`, p, {
    entityId,
    entityName,
    matchedName: m.name,
    score: m.score,
    via: id ? 'identifier' : 'name',
    explanation: m.explanation,
  });
}

/** A Xinjiang fact: the identifier, address or name that places the party, citing where it was read. */
export function xinjiangLink(f: XinjiangFact, p: Provenance = f.provenance): EvidenceLink {
  const step =
    f.basis === 'uscc'
      ? 'identifier'
      : f.basis === 'address'
        ? 'address'
        : f.field.endsWith('address')
          ? 'address'
          : 'name';
  return link(step, f.text, p, {
    basis: f.basis,
    xpcc: f.xpcc,
    code: f.code,
    confidence: f.confidence,
    value: f.value,
    field: f.field,
  });
}

/** Drops links citing the same record for the same claim (paths share edges). */
export function dedupeLinks(links: readonly EvidenceLink[]): EvidenceLink[] {
  const seen = new Set<string>();
  const out: EvidenceLink[] = [];
  for (const l of links) {
    const k = `${l.step}\u0000${l.dataset}\u0000${l.record.file}\u0000${l.record.key}\u0000${l.text}`;
    if (seen.has(k)) continue;
    seen.add(k);
    out.push(l);
  }
  return out;
}
