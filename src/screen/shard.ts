import type { StoredShipment } from '../model/index.ts';
import type { ScreenResult } from './findings.ts';
import { screenShipment } from './screen-shipment.ts';
import type { Snapshot } from './snapshot.ts';

/**
 * Screens one shard of shipments against a snapshot. The unit of distribution: a batch split
 * into shards gives the same results, shard by shard, on any thread or machine that holds the
 * same snapshot (worker threads here; later, stateless workers sharing PostgreSQL).
 */
export function screenShard(snap: Snapshot, shipments: Iterable<StoredShipment>): ScreenResult[] {
  const out: ScreenResult[] = [];
  for (const s of shipments) out.push(screenShipment(snap, s));
  return out;
}
