import type { StoredShipment } from '../model/index.ts';
import { normalizeHs } from '../normalize/index.ts';
import { decide } from './decisions.ts';
import type { ItemContext, PartyContext } from './detectors/context.ts';
import { sectorFindings } from './detectors/goods.ts';
import { newIntermediaryFindings } from './detectors/new-intermediary.ts';
import { partyFindings } from './detectors/party.ts';
import { upstreamFindings } from './detectors/upstream.ts';
import { partyLink } from './evidence.ts';
import { compareFindings, type Finding, type ScreenResult } from './findings.ts';
import { resolveParty } from './party.ts';
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
  const seenParties = new Set<string>();
  for (const p of s.parties) {
    const k = `${p.role}\u0000${p.name}\u0000${p.entityId ?? ''}`;
    if (seenParties.has(k)) continue;
    seenParties.add(k);
    if (p.name.trim().length === 0 && !p.entityId) continue; // withheld
    const view = resolveParty(snap, p, p.role);
    const pc: PartyContext = {
      role: p.role,
      party: p,
      view,
      link: partyLink(p.role, p, item.label, s.provenance),
    };
    if (p.role === 'shipper' && !shipper) shipper = pc;
    if (p.role === 'consignee' && !consignee) consignee = pc;
    findings.push(...partyFindings(snap, item, pc));
  }
  findings.push(...sectorFindings(snap.policy, item, s));

  if (shipper && shipper.view.tradeNode >= 0) {
    const a = shipper.view.tradeNode;
    const b = consignee?.view.tradeNode ?? -1;
    const row = snap.shipmentRow(s, a, b);
    findings.push(
      ...upstreamFindings(snap, item, {
        start: row >= 0 ? { kind: 'shipment', shipment: row } : { kind: 'entity', node: a },
        party: shipper,
        node: a,
      }),
    );
    findings.push(...newIntermediaryFindings(snap, shipper, a, [b], shipmentCodes(snap, s)));
  }
  return finish(snap, item, findings, labelOf(s));
}

/** Applies decisions, dedupes by key, orders, and assesses risk. */
export function finish(
  snap: Snapshot,
  item: ItemContext,
  raw: readonly Finding[],
  label: string,
): ScreenResult {
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
  const table = snap.graph.columns.hsCodes;
  for (const l of s.lines) {
    for (const raw of l.hsCodes) {
      const hs = normalizeHs(raw);
      if (!hs) continue;
      const k = codeIndex(snap, table, hs);
      if (k >= 0 && !codes.includes(k)) codes.push(k);
    }
  }
  return codes.length > 0 ? codes : null;
}

function codeIndex(snap: Snapshot, table: readonly string[], hs: string): number {
  const memo = snap.cache;
  const key = `\u0001hs:${hs}`;
  let k = memo.get(key) as number | undefined;
  if (k === undefined) {
    k = table.indexOf(hs);
    memo.set(key, k);
  }
  return k;
}
