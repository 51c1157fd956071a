import type { EntityId } from '../model/index.ts';
import type { PartyLink, Store } from '../store/index.ts';
import type { Matcher } from './matcher.ts';

export interface LinkSummary {
  readonly parties: number;
  readonly linked: number;
  readonly unchanged: number;
}

/**
 * Links shipment parties (shipper, consignee, notify, manufacturer) to entities: each party's
 * name and country is matched, and the best candidate at or above the matcher's threshold is
 * recorded with `store.setPartyEntities`. Parties already resolved (by id at import) are kept.
 */
export async function linkShipmentParties(
  store: Store,
  matcher: Matcher,
  opts: { onProgress?: (done: number) => void; batchSize?: number } = {},
): Promise<LinkSummary> {
  let parties = 0;
  let linked = 0;
  let unchanged = 0;
  let batch: PartyLink[] = [];
  const flush = async () => {
    if (batch.length > 0) await store.setPartyEntities(batch);
    batch = [];
  };
  let shipments = 0;
  for await (const s of store.iterateShipments()) {
    for (const p of s.parties) {
      parties++;
      if (p.entityId !== null || p.name.trim().length === 0) {
        unchanged++;
        continue;
      }
      const best = matcher.match({ name: p.name, ...(p.country ? { country: p.country } : {}) }, 1)[0];
      if (best?.match) {
        linked++;
        batch.push({
          shipmentId: s.id,
          dataset: s.provenance.dataset,
          role: p.role,
          entityId: best.entityId as EntityId,
        });
      }
    }
    if (batch.length >= (opts.batchSize ?? 500)) await flush();
    shipments++;
    if (opts.onProgress && shipments % 1000 === 0) opts.onProgress(shipments);
  }
  await flush();
  return { parties, linked, unchanged };
}
