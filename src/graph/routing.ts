import { NO_DATE } from './dates.ts';
import type { ExposurePredicate, ExposureReason } from './exposure.ts';
import { GoodsIndex, type GoodsMatch } from './goods.ts';
import type { Graph } from './graph.ts';

/**
 * Third-country routing: an intermediary outside China that receives high-priority-sector
 * inputs (cotton yarn, polysilicon…) from exposed — listed, blocked, owned-by-listed or
 * Xinjiang-located — suppliers, and later ships goods those inputs can become (fabric,
 * garments, modules) to buyers in other countries. Garments then reach the US with no
 * Xinjiang party on the final bill of lading; the chain of bills shows it.
 *
 * Countries come from the entity record, or else from the shipment party's country. A node
 * whose country is unknown is not judged (it may be in China); a buyer whose country is
 * unknown is not counted as "another country".
 */

export interface RoutingOptions {
  readonly exposure: ExposurePredicate;
  /** Countries that are not third countries (default `['CN']`). */
  readonly homeCountries?: readonly string[];
  /** Shipments cited per input or output link (default 10). */
  readonly maxEvidence?: number;
  readonly goods?: GoodsIndex;
}

export interface RoutingInput {
  readonly supplier: number;
  readonly edge: number;
  readonly reasons: readonly ExposureReason[];
  /** High-priority shipments from this supplier (date order, capped). */
  readonly shipments: readonly number[];
  readonly shipmentCount: number;
  /** HS codes received, with the sectors they fall in. */
  readonly goods: readonly { readonly hs: string; readonly sectors: readonly string[] }[];
}

export interface RoutingOutput {
  readonly buyer: number;
  readonly buyerCountry: string;
  readonly edge: number;
  /** Compatible shipments on or after an input's arrival (capped). */
  readonly shipments: readonly number[];
  readonly shipmentCount: number;
  readonly goods: readonly { readonly input: string; readonly output: string; readonly match: GoodsMatch }[];
}

export interface RoutingFinding {
  readonly node: number;
  readonly country: string;
  readonly score: number;
  readonly inputs: readonly RoutingInput[];
  readonly outputs: readonly RoutingOutput[];
}

/** Scans every intermediary once. Linear in trade edges and shipments. */
export function findThirdCountryRouting(graph: Graph, opts: RoutingOptions): RoutingFinding[] {
  const home = new Set((opts.homeCountries ?? ['CN']).map((s) => s.toUpperCase()));
  const maxEvidence = opts.maxEvidence ?? 10;
  const goods = opts.goods ?? new GoodsIndex(graph.columns.hsCodes);
  const c = graph.columns;
  const t = c.trade;
  const findings: RoutingFinding[] = [];

  for (let m = 0; m < graph.nodeCount; m++) {
    const country = graph.nodeCountry(m);
    if (!country || home.has(country)) continue;
    if (t.inOffsets[m] === t.inOffsets[m + 1] || t.outOffsets[m] === t.outOffsets[m + 1]) continue;

    // Inputs: earliest arrival per high-priority code from exposed suppliers.
    const inputs: RoutingInput[] = [];
    const earliest = new Map<number, number>();
    for (let i = t.inOffsets[m] as number; i < (t.inOffsets[m + 1] as number); i++) {
      const e = t.inEdges[i] as number;
      const z = t.source[e] as number;
      const reasons = opts.exposure(z);
      if (reasons.length === 0) continue;
      const shipments: number[] = [];
      let count = 0;
      const codes = new Set<number>();
      for (const s of graph.tradeShipments(e)) {
        const day = c.shipDay[s] as number;
        let hp = false;
        for (const k of graph.shipmentCodes(s)) {
          if (!goods.highPriority(k)) continue;
          hp = true;
          codes.add(k);
          if (day !== NO_DATE && !(day >= (earliest.get(k) ?? NO_DATE))) earliest.set(k, day);
        }
        if (hp) {
          count++;
          if (shipments.length < maxEvidence) shipments.push(s);
        }
      }
      if (count === 0) continue;
      inputs.push({
        supplier: z,
        edge: e,
        reasons,
        shipments,
        shipmentCount: count,
        goods: [...codes].map((k) => ({
          hs: goods.code(k),
          sectors: [
            ...new Set(
              goods
                .sectors(k)
                .filter((h) => h.strength === 'exact')
                .map((h) => h.sector),
            ),
          ],
        })),
      });
    }
    if (inputs.length === 0 || earliest.size === 0) continue;

    // Outputs: compatible goods shipped on or after an input arrived, to another country.
    const outputs: RoutingOutput[] = [];
    for (let e = t.outOffsets[m] as number; e < (t.outOffsets[m + 1] as number); e++) {
      const b = t.target[e] as number;
      const bc = graph.nodeCountry(b);
      if (!bc || bc === country) continue;
      const shipments: number[] = [];
      let count = 0;
      const pairs = new Map<string, { input: string; output: string; match: GoodsMatch }>();
      for (const s of graph.tradeShipments(e)) {
        const day = c.shipDay[s] as number;
        if (day === NO_DATE) break;
        let ok = false;
        for (const k of graph.shipmentCodes(s)) {
          for (const [ik, iday] of earliest) {
            if (day < iday) continue;
            const match = goods.match(ik, k);
            if (!match) continue;
            ok = true;
            const key = `${ik}>${k}`;
            if (pairs.size < 12 && !pairs.has(key))
              pairs.set(key, { input: goods.code(ik), output: goods.code(k), match });
          }
        }
        if (ok) {
          count++;
          if (shipments.length < maxEvidence) shipments.push(s);
        }
      }
      if (count > 0)
        outputs.push({
          buyer: b,
          buyerCountry: bc,
          edge: e,
          shipments,
          shipmentCount: count,
          goods: [...pairs.values()],
        });
    }
    if (outputs.length === 0) continue;
    const weight = Math.max(...inputs.flatMap((i) => i.reasons.map((r) => r.weight)));
    findings.push({ node: m, country, score: weight, inputs, outputs });
  }
  findings.sort(
    (a, b) =>
      b.score - a.score ||
      b.outputs.reduce((n, o) => n + o.shipmentCount, 0) - a.outputs.reduce((n, o) => n + o.shipmentCount, 0),
  );
  return findings;
}
