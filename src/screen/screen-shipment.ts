import type { Provenance, ShipmentParty, StoredShipment } from '../model/index.ts';
import { normalizeHs } from '../normalize/index.ts';
import { decide } from './decisions.ts';
import type { ItemContext, PartyContext } from './detectors/context.ts';
import { sectorFindings } from './detectors/goods.ts';
import { newIntermediaryFindings } from './detectors/new-intermediary.ts';
import { partyFindings } from './detectors/party.ts';
import { upstreamFindings } from './detectors/upstream.ts';
import { partyLink } from './evidence.ts';
import { compareFindings, type EvidenceLink, type Finding, type ScreenResult } from './findings.ts';
import { type PartyView, resolveParty } from './party.ts';
import { assess } from './risk.ts';
import type { Snapshot } from './snapshot.ts';

/**
 * Screens one bill of lading against a snapshot: every party (listed, owned by listed, Xinjiang
 * located), the goods (high-priority sectors), the shipper's supply chain (upstream exposure,
 * third-country routing) and its history (new intermediary after a listing); then applies the
 * analyst decisions and the risk formula. Pure given the snapshot (its memo tables only cache).
 */
export function screenShipment(snap: Snapshot, s: StoredShipment): ScreenResult {
  const item: ItemContext = {
    kind: 'shipment',
    id: s.id,
    dataset: s.provenance.dataset,
    itemKey: `${s.provenance.dataset}/${s.id}`,
    label: `bill ${s.id}`,
    date: s.arrivalDate,
    provenance: s.provenance,
  };
  const findings: Finding[] = [];
  let shipper: PartyContext | null = null;
  let consignee: PartyContext | null = null;
  const parties = s.parties;
  for (let i = 0; i < parties.length; i++) {
    const p = parties[i] as ShipmentParty;
    if (p.name.trim().length === 0 && !p.entityId) continue; // withheld
    if (isRepeat(parties, i)) continue;
    const pc = new LazyParty(p, resolveParty(snap, p), item.label, s.provenance);
    if (p.role === 'shipper' && !shipper) shipper = pc;
    if (p.role === 'consignee' && !consignee) consignee = pc;
    for (const f of partyFindings(snap, item, pc)) findings.push(f);
  }
  for (const f of sectorFindings(snap.policy, item, s)) findings.push(f);

  if (shipper && shipper.view.tradeNode >= 0) {
    const a = shipper.view.tradeNode;
    const b = consignee?.view.tradeNode ?? -1;
    for (const f of upstreamFindings(snap, item, {
      startOf: () => {
        const row = snap.shipmentRow(s, a, b);
        return row >= 0 ? { kind: 'shipment', shipment: row } : { kind: 'entity', node: a };
      },
      party: shipper,
      node: a,
    }))
      findings.push(f);
    for (const f of newIntermediaryFindings(snap, shipper, a, [b], () => shipmentCodes(snap, s)))
      findings.push(f);
  }
  return finish(snap, item, findings, labelOf(s));
}

/** Whether party i repeats an earlier one (same role, name and entity): screened once. */
function isRepeat(parties: readonly ShipmentParty[], i: number): boolean {
  const p = parties[i] as ShipmentParty;
  for (let j = 0; j < i; j++) {
    const q = parties[j] as ShipmentParty;
    if (q.role === p.role && q.name === p.name && q.entityId === p.entityId) return true;
  }
  return false;
}

/** A party of the bill; its evidence link is built only when a finding needs it. */
class LazyParty implements PartyContext {
  readonly role: ShipmentParty['role'];
  readonly party: ShipmentParty;
  readonly view: PartyView;
  private readonly itemLabel: string;
  private readonly provenance: Provenance;
  private cached: EvidenceLink | null = null;

  constructor(p: ShipmentParty, view: PartyView, itemLabel: string, provenance: Provenance) {
    this.role = p.role;
    this.party = p;
    this.view = view;
    this.itemLabel = itemLabel;
    this.provenance = provenance;
  }

  get link(): EvidenceLink {
    if (!this.cached) this.cached = partyLink(this.role, this.party, this.itemLabel, this.provenance);
    return this.cached;
  }
}

/** Applies decisions, dedupes by key, orders, and assesses risk. */
export function finish(
  snap: Snapshot,
  item: ItemContext,
  raw: readonly Finding[],
  label: string,
): ScreenResult {
  if (raw.length === 0) {
    return {
      kind: item.kind,
      id: item.id,
      dataset: item.dataset,
      date: item.date,
      label,
      risk: 'none',
      score: 0,
      findings: [],
    };
  }
  const byKey = new Map<string, Finding>();
  for (const f of raw) {
    const cur = byKey.get(f.key);
    if (!cur || f.score > cur.score) byKey.set(f.key, f);
  }
  const findings = [...byKey.values()].map((f) => decide(f, snap.decisions.get(f.key))).sort(compareFindings);
  const { risk, score } = assess(findings, snap.policy);
  return {
    kind: item.kind,
    id: item.id,
    dataset: item.dataset,
    date: item.date,
    label,
    risk,
    score,
    findings,
  };
}

function labelOf(s: StoredShipment): string {
  const name = (role: string) => s.parties.find((p) => p.role === role)?.name.trim() || '(withheld)';
  return `${name('shipper')} → ${name('consignee')}`;
}

/** The shipment's HS codes as the graph interned them (unknown codes are skipped), or null. */
function shipmentCodes(snap: Snapshot, s: StoredShipment): number[] | null {
  const codes: number[] = [];
  for (const l of s.lines) {
    for (const raw of l.hsCodes) {
      let k = snap.hsIndex.get(raw);
      if (k === undefined) {
        const hs = normalizeHs(raw);
        k = hs ? snap.graph.columns.hsCodes.indexOf(hs) : -1;
        snap.hsIndex.set(raw, k);
      }
      if (k >= 0 && !codes.includes(k)) codes.push(k);
    }
  }
  return codes.length > 0 ? codes : null;
}
