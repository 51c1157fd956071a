import { parentPort, workerData } from 'node:worker_threads';
import type { StoredShipment } from '../model/index.ts';
import { MATCHERS } from './matchers.ts';
import { screenShard } from './shard.ts';
import { Snapshot, type SnapshotData } from './snapshot.ts';

/**
 * A screening worker thread: builds its live {@link Snapshot} once from the posted data, then
 * screens each batch it is sent with the pure {@link screenShard}.
 */

interface Init {
  readonly data: SnapshotData;
  readonly matcher: string;
}

const init = workerData as Init;
const factory = MATCHERS[init.matcher];
if (!factory) throw new Error(`unknown matcher ${init.matcher}`);
const snap = Snapshot.fromData(init.data, { matcher: factory });
parentPort?.postMessage({ kind: 'ready' });

parentPort?.on('message', (msg: { id: number; shipments: StoredShipment[] }) => {
  try {
    parentPort?.postMessage({ kind: 'done', id: msg.id, results: screenShard(snap, msg.shipments) });
  } catch (err) {
    parentPort?.postMessage({
      kind: 'error',
      id: msg.id,
      message: err instanceof Error ? (err.stack ?? err.message) : String(err),
    });
  }
});
