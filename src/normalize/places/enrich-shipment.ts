import type { PortRef, ShipmentFact, ShipmentLine, ShipmentParty } from '../../model/index.ts';
import { normalizeHs } from '../goods/hs-code.ts';
import { locate } from './locate.ts';
import { locatePort } from './ports.ts';

/**
 * Import-time enrichment of a bill of lading. Pure; fills only what the source left empty:
 * - port code (UN/LOCODE) and country from the port's raw name;
 * - HS codes normalised to digits ("6109.10.0012" → 6109100012), unreadable ones dropped;
 * - a party's country from its address when the address points somewhere with confidence ≥ 0.5.
 */
export function enrichShipment(fact: ShipmentFact): ShipmentFact {
  return {
    ...fact,
    portOfLading: enrichPort(fact.portOfLading),
    portOfUnlading: enrichPort(fact.portOfUnlading),
    lines: fact.lines.map(enrichLine),
    parties: fact.parties.map(enrichParty),
  };
}

function enrichPort(p: PortRef | null): PortRef | null {
  if (!p || (p.code && p.country)) return p;
  const m = locatePort(p.raw);
  if (!m) return p;
  return { raw: p.raw, code: p.code ?? m.locode, country: p.country ?? m.country };
}

function enrichLine(l: ShipmentLine): ShipmentLine {
  const hsCodes: string[] = [];
  for (const c of l.hsCodes) {
    const n = normalizeHs(c);
    if (n && !hsCodes.includes(n)) hsCodes.push(n);
  }
  return { ...l, hsCodes };
}

function enrichParty(p: ShipmentParty): ShipmentParty {
  if (p.country || !p.address) return p;
  const loc = locate(p.address);
  return loc.country && loc.confidence >= 0.5 ? { ...p, country: loc.country } : p;
}
