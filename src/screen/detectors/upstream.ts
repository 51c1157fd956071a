import type { TraceLink, TracePath, TraceStart } from '../../graph/index.ts';
import { dedupeLinks, tradeLink } from '../evidence.ts';
import { type EvidenceLink, type Finding, makeFinding, type Subject } from '../findings.ts';
import type { Severity } from '../policy/schema.ts';
import { FAR, type Snapshot } from '../snapshot.ts';
import { exposureLinks, type ItemContext, type PartyContext } from './context.ts';

/**
 * `upstream_exposure` and `third_country_routing`: graph/'s tracer follows trade edges up from
 * the screened shipment (or entity) to exposed suppliers, keeping a link only when the
 * supplier shipped goods that can be an input of what its buyer shipped later, and no later.
 * Each path becomes one finding: third-country routing when an intermediary on it (the
 * shipper, or a supplier between it and the exposed one) sits outside the policy's home
 * countries — the Bangladesh garment maker fed by a Xinjiang mill — else upstream exposure.
 * The shipper's own exposure is a party finding, not a path.
 */

const TIER_DECAY = 0.8;

export interface UpstreamStart {
  /** The trace start: the shipment's graph row, or the entity's node (computed only if a trace runs). */
  readonly startOf: () => TraceStart;
  /** The party whose supply chain is traced (the shipper, or the screened entity). */
  readonly party: PartyContext;
  /** Its node (the trace's first supplier for a shipment start). */
  readonly node: number;
}

export function upstreamFindings(snap: Snapshot, item: ItemContext, u: UpstreamStart): Finding[] {
  const p = snap.policy.findings;
  if (!p.upstream_exposure.enabled && !p.third_country_routing.enabled) return [];
  const dist = snap.data.upstreamDist[u.node] ?? FAR;
  // 0: the party itself is exposed (a party finding, and the trace stops there); FAR: nothing
  // exposed within reach, so no trace is needed — the common case, kept cheap.
  if (dist === 0 || dist === FAR) return [];
  const start = u.startOf();
  const fromShipment = start.kind === 'shipment';
  const tiers = p.upstream_exposure.tiers - (fromShipment ? 0 : 1);
  const result = snap.tracer.trace(start, 'up', {
    exposure: snap.exposure.predicate(),
    tiers,
    maxPaths: 10,
    pathsPerTarget: 1,
    maxEvidence: 5,
  });
  const out: Finding[] = [];
  for (const path of result.paths) {
    // With a shipment start the first link is the shipment itself; the upstream part follows.
    const up = fromShipment ? path.links.slice(1) : path.links;
    if (up.length === 0) continue;
    const f = pathFinding(snap, item, u, path, up, fromShipment ? (path.links[0] as TraceLink) : null);
    if (f) out.push(f);
  }
  return out;
}

function pathFinding(
  snap: Snapshot,
  item: ItemContext,
  u: UpstreamStart,
  path: TracePath,
  up: readonly TraceLink[],
  first: TraceLink | null,
): Finding | null {
  const g = snap.graph;
  const policy = snap.policy;
  const home = new Set(policy.findings.third_country_routing.homeCountries);
  // Intermediaries: the start party, then every supplier but the exposed one at the far end.
  const between = [u.node, ...up.slice(0, -1).map((l) => l.supplier)];
  const third = between.find((v) => {
    const cc = g.nodeCountry(v);
    return cc !== null && !home.has(cc);
  });
  const type = third !== undefined ? 'third_country_routing' : 'upstream_exposure';
  const rule = policy.findings[type];
  if (!rule.enabled) return null;

  const exposed = path.node;
  const x = snap.exposure.of(exposed);
  const last = up[up.length - 1] as TraceLink;
  const weight = Math.max(0, ...path.reasons.map((r) => r.weight));
  const unverified = up.some((l) => l.goodsUnverified);
  const strength =
    weight * TIER_DECAY ** (up.length - 1) * (last.highPriority ? 1 : 0.7) * (unverified ? 0.6 : 1);
  const strongReason =
    x.listings.length > 0 ||
    x.blocked !== null ||
    x.owned !== null ||
    x.xinjiang.some((f) => f.basis !== 'name');
  const linksWithShipment = up.length + 1;
  const severity: Severity =
    linksWithShipment <= policy.findings.upstream_exposure.highWithinTiers &&
    last.highPriority &&
    !unverified &&
    strongReason
      ? 'high'
      : 'medium';

  const viaNode = third ?? u.node;
  const subject: Subject =
    viaNode === u.node
      ? {
          role: u.party.role,
          name: u.party.party.name,
          entityId:
            u.party.party.entityId ??
            (u.node >= 0 && g.nodeKind(u.node) !== 'party' ? g.nodeId(u.node) : null),
          country: u.party.party.country ?? g.nodeCountry(u.node),
        }
      : {
          role: 'supplier',
          name: g.nodeName(viaNode),
          entityId: g.nodeKind(viaNode) === 'party' ? null : g.nodeId(viaNode),
          country: g.nodeCountry(viaNode),
        };
  const subjectKey = viaNode === u.node ? u.party.view.subjectKey : g.nodeId(viaNode);

  const evidence: EvidenceLink[] = [u.party.link];
  if (first) evidence.push(tradeLink(g, first));
  for (const l of up) evidence.push(tradeLink(g, l));
  evidence.push(...exposureLinks(snap, exposed));

  const chain = [u.node, ...up.map((l) => l.supplier)].map((v) => g.nodeName(v));
  const goods = [...new Set(last.goods.map((p) => p.input).filter((c): c is string => c !== null))].slice(
    0,
    3,
  );
  const why = path.reasons[0]?.summary ?? 'exposed';
  const where = third !== undefined ? ` via ${g.nodeName(third)} (${g.nodeCountry(third)})` : '';
  return makeFinding({
    type,
    severity,
    score: rule.weight * strength,
    subject,
    subjectKey,
    summary: `${up.length === 1 ? 'direct supplier' : `supplier ${up.length} tiers up`} ${g.nodeName(exposed)} is ${why}${where}; goods${
      goods.length > 0 ? ` HS ${goods.join(', ')}` : ''
    } shipped before the ${item.kind === 'shipment' ? 'screened shipment' : "entity's own shipments"}: ${chain.reverse().join(' → ')}`,
    facts: {
      exposed: g.nodeId(exposed),
      via: between.map((v) => g.nodeId(v)).join('>'),
      reasons: [...new Set(path.reasons.map((r) => r.kind))].sort().join(','),
    },
    evidence: dedupeLinks(evidence),
  });
}
