import type { Provenance } from '../model/index.ts';
import type { ExposureEvidence, ExposureReason } from './exposure.ts';
import type { Graph } from './graph.ts';
import type { HoldingRow, OwnershipLink } from './holdings.ts';
import type { RoutingFinding } from './routing.ts';
import type { TraceLink, TracePath } from './trace.ts';

/**
 * JSON views of graph answers (snake_case, one shape for the CLI's --json and the API), every
 * link citing its source records. Percentages are rounded to 1e-6 so binary noise
 * (42.099999999) does not leak into reports.
 */

export function pct(x: number): number {
  return Math.round(x * 1e6) / 1e6;
}

export function provenanceJson(p: Provenance) {
  return { dataset: p.dataset, source_file: p.sourceFile, record_key: p.recordKey, line: p.line };
}

export function nodeJson(g: Graph, v: number) {
  return { id: g.nodeId(v), name: g.nodeName(v), country: g.nodeCountry(v), kind: g.nodeKind(v) };
}

export function ownershipLinkJson(g: Graph, l: OwnershipLink) {
  return {
    owner: g.nodeId(l.owner),
    owner_name: g.nodeName(l.owner),
    asset: g.nodeId(l.asset),
    asset_name: g.nodeName(l.asset),
    pct: l.pct === null ? null : pct(l.pct),
    sources: l.relationships.map((r) => ({ relationship: r.id, ...provenanceJson(r.provenance) })),
  };
}

/** One subsidiary or owner: `{"id","name","effective_pct","blocked_ofac","undetermined_ofac","depth","path":[…]}` and the unknown-share details. */
export function holdingJson(g: Graph, r: HoldingRow) {
  return {
    id: r.id,
    name: r.name,
    effective_pct: pct(r.effectivePct),
    blocked_ofac: r.blockedOfac,
    undetermined_ofac: r.undeterminedOfac,
    depth: r.depth,
    path: r.path.map((l) => ownershipLinkJson(g, l)),
    has_unknown: r.hasUnknown,
    unknown_paths: r.unknownPaths,
    max_pct: pct(r.maxPct),
    truncated: r.truncated,
  };
}

export function evidenceJson(g: Graph, e: ExposureEvidence) {
  switch (e.type) {
    case 'membership':
      return {
        type: e.type,
        entity: g.nodeId(e.node),
        membership: e.membershipId,
        list: e.list,
        program: e.program,
        effective_date: e.effectiveDate,
        source: provenanceJson(e.provenance),
      };
    case 'ownership':
      return { type: e.type, ...ownershipLinkJson(g, e.link) };
    case 'fact':
      return {
        type: e.type,
        entity: g.nodeId(e.node),
        detail: e.detail,
        sources: e.sources.map(provenanceJson),
      };
  }
}

export function exposureJson(g: Graph, r: ExposureReason) {
  return {
    kind: r.kind,
    weight: r.weight,
    summary: r.summary,
    evidence: r.evidence.map((e) => evidenceJson(g, e)),
  };
}

export function shipmentJson(g: Graph, s: number) {
  const x = g.shipment(s);
  return {
    id: x.id,
    date: x.date,
    hs: x.hsCodes,
    weight_kg: x.weightKg,
    source: provenanceJson(x.provenance),
  };
}

export function traceLinkJson(g: Graph, l: TraceLink) {
  return {
    supplier: nodeJson(g, l.supplier),
    buyer: nodeJson(g, l.buyer),
    shipment_count: l.shipmentCount,
    high_priority: l.highPriority,
    goods_unverified: l.goodsUnverified,
    goods: l.goods.map((p) => ({
      input: p.input,
      output: p.output,
      rule: p.match?.rule ?? null,
      chain: p.match?.chain ?? null,
      from_stage: p.match?.fromStage ?? null,
      to_stage: p.match?.toStage ?? null,
    })),
    shipments: l.shipments.map((s) => shipmentJson(g, s)),
  };
}

export function tracePathJson(g: Graph, p: TracePath, rank: number) {
  return {
    rank,
    score: Math.round(p.score * 1e4) / 1e4,
    reaches: nodeJson(g, p.node),
    reasons: p.reasons.map((r) => exposureJson(g, r)),
    tiers: p.links.length,
    links: p.links.map((l) => traceLinkJson(g, l)),
  };
}

export function routingJson(g: Graph, f: RoutingFinding) {
  return {
    intermediary: nodeJson(g, f.node),
    score: f.score,
    inputs: f.inputs.map((i) => ({
      supplier: nodeJson(g, i.supplier),
      reasons: i.reasons.map((r) => exposureJson(g, r)),
      shipment_count: i.shipmentCount,
      goods: i.goods,
      shipments: i.shipments.map((s) => shipmentJson(g, s)),
    })),
    outputs: f.outputs.map((o) => ({
      buyer: nodeJson(g, o.buyer),
      shipment_count: o.shipmentCount,
      goods: o.goods.map((p) => ({
        input: p.input,
        output: p.output,
        rule: p.match.rule,
        chain: p.match.chain ?? null,
      })),
      shipments: o.shipments.map((s) => shipmentJson(g, s)),
    })),
  };
}
