import type { DatasetName, Provenance } from '../model/index.ts';
import type { ItemContext, PartyContext } from './detectors/context.ts';
import { newIntermediaryFindings } from './detectors/new-intermediary.ts';
import { partyFindings } from './detectors/party.ts';
import { upstreamFindings } from './detectors/upstream.ts';
import { partyLink } from './evidence.ts';
import type { Finding, ScreenResult } from './findings.ts';
import { type PartyView, resolveParty, type Target } from './party.ts';
import { finish } from './screen-shipment.ts';
import type { Snapshot } from './snapshot.ts';

/**
 * Screens a supplier (a row of a supplier list, or a name typed on the command line): the
 * party findings for whatever it is or matches, and — when it is in the trade graph — its own
 * supply chain (upstream exposure, third-country routing) and history (new intermediary).
 */

export interface EntityQuery {
  readonly name: string;
  readonly country: string | null;
  readonly address: string | null;
  readonly identifiers: readonly string[];
  /** An entity id when the caller knows it (screening the store's own entities). */
  readonly entityId?: string | null;
}

/** Where the query came from: it is the record the findings' first evidence link cites. */
export interface QuerySource {
  readonly dataset: string;
  readonly file: string;
  readonly key: string;
  readonly line: number | null;
}

export function screenEntity(snap: Snapshot, q: EntityQuery, source: QuerySource): ScreenResult {
  const provenance: Provenance = {
    dataset: source.dataset as DatasetName,
    sourceFile: source.file,
    recordKey: source.key,
    line: source.line,
  };
  const item: ItemContext = {
    kind: 'entity',
    id: source.key,
    dataset: source.dataset,
    itemKey: `${source.dataset}/${source.key}`,
    label: source.line !== null ? `${source.file} line ${source.line}` : `"${q.name}"`,
    date: null,
    provenance,
  };
  const party = {
    name: q.name,
    address: q.address,
    country: q.country?.toUpperCase() ?? null,
    entityId: q.entityId ?? null,
    identifiers: q.identifiers,
  };
  const base = resolveParty(snap, party);
  const view = withNamedNodes(snap, base, q);
  const pc: PartyContext = {
    role: 'supplier',
    party,
    view,
    link: partyLink('supplier', party, item.label, provenance),
  };

  const findings: Finding[] = [...partyFindings(snap, item, pc)];
  // Its own trade: the node it is on bills of lading, or entities of exactly its name.
  const t = snap.graph.columns.trade;
  const nodes = new Set<number>();
  if (view.tradeNode >= 0) nodes.add(view.tradeNode);
  for (const x of view.targets) if (x.via === 'record' || x.match?.score === 1) nodes.add(x.node);
  for (const v of nodes) {
    const hasTrade = t.inOffsets[v] !== t.inOffsets[v + 1] || t.outOffsets[v] !== t.outOffsets[v + 1];
    if (!hasTrade) continue;
    findings.push(
      ...upstreamFindings(snap, item, { startOf: () => ({ kind: 'entity', node: v }), party: pc, node: v }),
    );
    const buyers: number[] = [];
    for (let e = t.outOffsets[v] as number; e < (t.outOffsets[v + 1] as number); e++)
      buyers.push(t.target[e] as number);
    findings.push(...newIntermediaryFindings(snap, pc, v, buyers, () => null));
  }
  return finish(snap, item, findings, q.name);
}

/** Adds graph nodes of exactly the query's name (and country, when both are known) as targets. */
function withNamedNodes(snap: Snapshot, view: PartyView, q: EntityQuery): PartyView {
  const g = snap.graph;
  const cc = q.country?.toUpperCase() ?? null;
  const extra: Target[] = [];
  for (const v of snap.nodesNamed(q.name)) {
    if (view.targets.some((t) => t.node === v)) continue;
    const vc = g.nodeCountry(v);
    if (cc && vc && vc !== cc) continue;
    extra.push({
      node: v,
      entityId: g.nodeId(v),
      name: g.nodeName(v),
      via: 'match',
      match: { entityId: g.nodeId(v), name: g.nodeName(v), score: 1, explanation: { method: 'exact-name' } },
    });
  }
  if (extra.length === 0) return view;
  return {
    ...view,
    targets: [...view.targets, ...extra],
    tradeNode: view.tradeNode >= 0 ? view.tradeNode : (extra[0]?.node ?? -1),
  };
}
