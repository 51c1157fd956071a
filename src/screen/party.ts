import {
  partyKey,
  type XinjiangFact,
  xinjiangFromAddress,
  xinjiangFromIdentifier,
  xinjiangFromName,
} from '../graph/index.ts';
import type { Provenance } from '../model/index.ts';
import { findUsccs } from '../normalize/index.ts';
import type { WatchMatch } from './matcher.ts';
import type { Snapshot } from './snapshot.ts';

/**
 * Who a party is, for screening: the graph nodes whose exposure applies to it. A party
 * resolved on its record (an entity id set at import or by the resolver) is that entity; an
 * unresolved one is its own trade node (same name and country across bills) plus the watch-set
 * entities its name or identifiers match. Memoised per snapshot and thread: a party repeats on
 * thousands of bills.
 */

export interface Target {
  readonly node: number;
  readonly entityId: string;
  readonly name: string;
  /** `record`: the party is this node; `match`: matched by name or identifier. */
  readonly via: 'record' | 'match';
  readonly match: WatchMatch | null;
}

export interface PartyInput {
  readonly name: string;
  readonly address: string | null;
  readonly country: string | null;
  readonly entityId: string | null;
  readonly identifiers?: readonly string[];
}

export interface PartyView {
  /** Identifies the party across runs: its entity id, or its normalised name + country. */
  readonly subjectKey: string;
  /** Its node in the trade graph, or -1. */
  readonly tradeNode: number;
  readonly targets: readonly Target[];
  /**
   * Xinjiang facts from the party's own identifiers, name and address (cite the record that
   * carries them).
   */
  readonly textFacts: readonly XinjiangFact[];
}

const PLACEHOLDER: Provenance = {
  dataset: 'placeholder',
  sourceFile: '-',
  recordKey: '-',
  line: null,
} as Provenance;
const MEMO_LIMIT = 500_000;

export function resolveParty(snap: Snapshot, p: PartyInput): PartyView {
  // Two-level memo (who, then address) so the hot path builds no long key strings: a resolved
  // party is its entity id; an unresolved one its name, country and identifiers.
  const outer =
    p.entityId ?? `\u0000${p.name}\u0000${p.country ?? ''}\u0000${(p.identifiers ?? []).join(',')}`;
  const memo = snap.partyViews;
  let inner = memo.get(outer);
  const hit = inner?.get(p.address ?? '');
  if (hit) return hit;
  if (!inner) {
    if (memo.size >= MEMO_LIMIT) memo.clear();
    inner = new Map();
    memo.set(outer, inner);
  }

  const g = snap.graph;
  const targets: Target[] = [];
  const tradeNode = snap.partyNode(p.entityId, p.name, p.country);
  if (tradeNode >= 0) {
    targets.push({
      node: tradeNode,
      entityId: g.nodeId(tradeNode),
      name: g.nodeName(tradeNode),
      via: 'record',
      match: null,
    });
  }
  // A party the resolver (or the source) already tied to an entity is that entity: matching its
  // name again could only contradict a better-informed decision.
  if (!p.entityId && p.name.trim().length > 0) {
    // Parties on the store's bills were matched when the snapshot was built.
    const known = tradeNode >= 0 && g.nodeKind(tradeNode) === 'party' && (p.identifiers ?? []).length === 0;
    const matches = known
      ? (snap.partyMatches.get(g.nodeId(tradeNode)) ?? [])
      : snap.matcher.match({
          name: p.name,
          country: p.country,
          identifiers: p.identifiers ?? [],
        });
    // A candidate well below the best is a related entity (the parent of a subsidiary sharing
    // its name), not another reading of this party.
    const best = matches[0]?.score ?? 0;
    for (const m of matches) {
      if (m.score < best - 0.1) continue;
      const v = g.nodeOf(m.entityId);
      if (v === undefined || targets.some((t) => t.node === v)) continue;
      targets.push({ node: v, entityId: g.nodeId(v), name: g.nodeName(v), via: 'match', match: m });
    }
  }

  const minConf = snap.policy.findings.xinjiang_located.minConfidence;
  const textFacts: XinjiangFact[] = [];
  // A USCC the caller gives (supplier-list column, --id) or the bill's text carries ("USCI
  // 91659001…" in an address) registers the party in its division whether or not any entity in
  // the store has that code: the code itself is the evidence, and the strongest there is.
  const add = (f: XinjiangFact | null) => {
    if (f && !textFacts.some((x) => x.basis === f.basis && x.value === f.value)) textFacts.push(f);
  };
  for (const id of p.identifiers ?? []) {
    // The column may hold "USCC: 9165…" rather than the bare code.
    const f = xinjiangFromIdentifier(id, 'party.identifier', PLACEHOLDER);
    if (f) add(f);
    else for (const code of findUsccs(id)) add(xinjiangFromIdentifier(code, 'party.identifier', PLACEHOLDER));
  }
  if (p.address)
    for (const code of findUsccs(p.address)) add(xinjiangFromIdentifier(code, 'party.address', PLACEHOLDER));
  for (const code of findUsccs(p.name)) add(xinjiangFromIdentifier(code, 'party.name', PLACEHOLDER));
  if (p.address) {
    const f = xinjiangFromAddress(p.address, 'party.address', PLACEHOLDER, minConf);
    if (f) textFacts.push(f);
  }
  if (!p.entityId) {
    const f = xinjiangFromName(p.name, p.country, 'party.name', PLACEHOLDER, minConf);
    if (f) textFacts.push(f);
  }

  const view: PartyView = {
    subjectKey: p.entityId ?? partyKey(p.name, p.country) ?? 'party:withheld',
    tradeNode,
    targets,
    textFacts,
  };
  inner.set(p.address ?? '', view);
  return view;
}
