import type { Entity, FtmProperty, Provenance, StoredShipment } from '../model/index.ts';
import { locate, parseUscc } from '../normalize/index.ts';
import { EXPOSURE_WEIGHTS, type ExposurePredicate, type ExposureReason } from './exposure.ts';
import type { Graph } from './graph.ts';
import { partyKey } from './party-key.ts';

/**
 * Xinjiang location as an exposure reason: a USCC registered in a 65xxxx division (6590xx:
 * an XPCC-run city), or an address — or a Chinese-script or XPCC-style name — that `locate`
 * places in Xinjiang with confidence ≥ {@link MIN_CONFIDENCE}. Collected while the graph
 * loads (`loadGraph`'s inspect hooks), so no second pass over the store is needed; shipment
 * parties count too, which flags unresolved suppliers by the address on the bill of lading.
 */

export const MIN_CONFIDENCE = 0.5;

const USCC_PROPS: readonly FtmProperty[] = ['uscCode', 'registrationNumber', 'taxNumber', 'idNumber'];
// Names are only worth locating when they can carry a Chinese registration region or XPCC unit.
const NAME_WORTH_LOCATING = /[\p{Script=Han}]|xinjiang|bingtuan|xpcc|production and construction corps/iu;

interface Finding {
  readonly detail: string;
  readonly provenance: Provenance;
}

export class XinjiangLocator {
  private readonly found = new Map<string, Finding[]>();

  /** Looks at an entity's identifiers, addresses and names. */
  inspectEntity(e: Entity): void {
    for (const st of e.statements) {
      if (USCC_PROPS.includes(st.prop)) {
        const u = parseUscc(st.value);
        if (u.valid && u.xinjiang) {
          const where = [u.region?.prefecture?.en, u.region?.county?.en].filter(Boolean).join(', ');
          this.add(e.id, {
            detail: `USCC ${u.code} registered in Xinjiang (division ${u.region?.code ?? '65'}${where ? `, ${where}` : ''})${u.xpcc ? `, XPCC division ${u.xpccDivision ?? '?'}` : ''}`,
            provenance: st.provenance,
          });
        }
      } else if (st.prop === 'address' || (st.prop === 'name' && NAME_WORTH_LOCATING.test(st.value))) {
        const loc = locate(st.value);
        if (loc.xinjiang && loc.confidence >= MIN_CONFIDENCE) {
          this.add(e.id, {
            detail: `${st.prop} in Xinjiang: ${describe(loc)} ("${st.value}")`,
            provenance: st.provenance,
          });
        }
      }
    }
  }

  /** Looks at the addresses of a bill of lading's parties. */
  inspectShipment(s: StoredShipment): void {
    for (const p of s.parties) {
      if (p.role !== 'shipper' && p.role !== 'consignee') continue;
      const text = p.address;
      if (!text) continue;
      const key = p.entityId ?? partyKey(p.name, p.country);
      if (!key) continue;
      const loc = locate(text);
      if (loc.xinjiang && loc.confidence >= MIN_CONFIDENCE) {
        this.add(key, {
          detail: `${p.role} address on bill ${s.id} in Xinjiang: ${describe(loc)} ("${text}")`,
          provenance: s.provenance,
        });
      }
    }
  }

  /** How many entities or parties were found located in Xinjiang. */
  get size(): number {
    return this.found.size;
  }

  /** The reasons as an exposure predicate over `graph` (pass it in `createExposure`'s `extra`). */
  predicate(graph: Graph): ExposurePredicate {
    const byNode = new Map<number, ExposureReason[]>();
    for (const [id, findings] of this.found) {
      const v = graph.nodeOf(id);
      if (v === undefined) continue;
      const list = byNode.get(v) ?? [];
      // One reason per node: the evidence lists every finding.
      if (list.length === 0) {
        list.push({
          kind: 'xinjiang_located',
          weight: EXPOSURE_WEIGHTS.xinjiang_located,
          summary: findings[0]?.detail ?? 'located in Xinjiang',
          evidence: [],
        });
      }
      const r = list[0] as ExposureReason;
      list[0] = {
        ...r,
        evidence: [
          ...r.evidence,
          ...findings.map((f) => ({
            type: 'fact' as const,
            node: v,
            detail: f.detail,
            sources: [f.provenance],
          })),
        ],
      };
      byNode.set(v, list);
    }
    return (v) => byNode.get(v) ?? [];
  }

  private add(id: string, f: Finding): void {
    const list = this.found.get(id);
    if (!list) this.found.set(id, [f]);
    else if (list.length < 10 && !list.some((x) => x.detail === f.detail)) list.push(f);
  }
}

function describe(loc: ReturnType<typeof locate>): string {
  const parts = [loc.prefecture?.en, loc.county?.en].filter(Boolean);
  if (loc.xpcc) parts.push(`XPCC${loc.xpcc.division ? ` division ${loc.xpcc.division}` : ''}`);
  return parts.join(', ') || 'Xinjiang';
}
