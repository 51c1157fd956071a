import type { DatasetName, Entity, StoredShipment } from '../model/index.ts';
import { PARTY_SCHEMATA } from '../model/index.ts';
import type { Store } from '../store/index.ts';
import { GraphBuilder } from './builder.ts';
import type { Graph } from './graph.ts';

export type LoadPhase = 'resolution' | 'entities' | 'relationships' | 'memberships' | 'shipments';

export interface LoadOptions {
  /** Read shipments into trade edges (default true; ownership questions do not need them). */
  readonly trade?: boolean;
  /** Collapse resolution clusters (`store.getResolution()`) into canonical nodes (default true). */
  readonly resolution?: boolean;
  readonly datasets?: readonly DatasetName[];
  /** Called every 10,000 rows and at the end of each phase (the CLI draws a bar from it). */
  /** Sees every entity as it streams past (e.g. `XinjiangLocator.inspectEntity`). */
  readonly inspectEntity?: (e: Entity) => void;
  /** Sees every shipment as it streams past (e.g. `XinjiangLocator.inspectShipment`). */
  readonly inspectShipment?: (s: StoredShipment) => void;
  readonly onProgress?: (p: {
    readonly phase: LoadPhase;
    readonly rows: number;
    readonly done: boolean;
  }) => void;
}

const EVERY = 10_000;

/**
 * Builds the graph snapshot from the store: party entities (names, schemata, countries),
 * relationships, list memberships and, unless `trade: false`, shipments. Streams every table
 * once; memory is the graph's, not the store's.
 */
export async function loadGraph(store: Store, opts: LoadOptions = {}): Promise<Graph> {
  const progress = opts.onProgress;
  const iter = opts.datasets ? { datasets: opts.datasets } : {};
  let canonical: ReadonlyMap<string, string> | undefined;
  if (opts.resolution ?? true) {
    canonical = await store.getResolution();
    progress?.({ phase: 'resolution', rows: canonical.size, done: true });
  }
  const b = new GraphBuilder(canonical ? { canonical } : {});

  const pump = async <T>(phase: LoadPhase, rows: AsyncIterable<T>, add: (row: T) => void) => {
    let n = 0;
    for await (const r of rows) {
      add(r);
      if (++n % EVERY === 0) progress?.({ phase, rows: n, done: false });
    }
    progress?.({ phase, rows: n, done: true });
  };
  await pump('entities', store.iterateEntities({ ...iter, schemata: PARTY_SCHEMATA }), (e) => {
    b.addEntity(e);
    opts.inspectEntity?.(e);
  });
  await pump('relationships', store.iterateRelationships(iter), (r) => b.addRelationship(r));
  await pump('memberships', store.iterateMemberships(iter), (m) => b.addMembership(m));
  if (opts.trade ?? true)
    await pump('shipments', store.iterateShipments(iter), (s) => {
      b.addShipment(s);
      opts.inspectShipment?.(s);
    });
  return b.build();
}
