import {
  entityCountries,
  type Graph,
  GraphBuilder,
  type LoadPhase,
  loadGraph,
  NODE_KINDS,
  XinjiangLocator,
} from '../graph/index.ts';
import {
  type Entity,
  ID_PROPS,
  type Judgement,
  type StoredMembership,
  type StoredRelationship,
  type StoredShipment,
} from '../model/index.ts';
import type { Store } from '../store/index.ts';
import { latestDecisions } from './decisions.ts';
import { ExposureIndex, isExposed } from './exposure.ts';
import type { WatchEntity, WatchMatch } from './matcher.ts';
import { DEFAULT_MATCHER, MATCHERS } from './matchers.ts';
import { DEFAULT_POLICY, policyHash } from './policy/load.ts';
import type { Policy } from './policy/schema.ts';
import { FAR, type SnapshotData } from './snapshot.ts';

/** Builds {@link SnapshotData} from the store (one streaming pass per table) or from arrays. */

function today(): string {
  return new Date().toISOString().slice(0, 10);
}

export interface BuildSnapshotOptions {
  readonly policy?: Policy;
  /** ISO date listings are evaluated at (default today). */
  readonly asOf?: string;
  /** Name matcher for unresolved parties (see matchers.ts; default `resolve`). */
  readonly matcher?: string;
  readonly onProgress?: (p: {
    readonly phase: LoadPhase | 'screening-index';
    readonly rows: number;
    readonly done: boolean;
  }) => void;
}

const NAME_PROPS = ['name', 'alias', 'previousName', 'weakAlias'] as const;

/** Collects what screening needs beyond the graph while entities and shipments stream past. */
class Collector {
  readonly entities = new Map<string, WatchEntity>();
  private readonly locator: XinjiangLocator;

  constructor(policy: Policy) {
    this.locator = new XinjiangLocator(policy.findings.xinjiang_located.minConfidence);
  }

  inspectEntity = (e: Entity): void => {
    this.locator.inspectEntity(e);
    const p = e.properties;
    this.entities.set(e.id, {
      id: e.id,
      schema: e.schema,
      names: NAME_PROPS.flatMap((k) => p[k] ?? []),
      countries: entityCountries(e),
      identifiers: ID_PROPS.flatMap((k) => p[k] ?? []),
    });
  };

  inspectShipment = (s: StoredShipment): void => this.locator.inspectShipment(s);

  finish(
    graph: Graph,
    policy: Policy,
    asOf: string,
    judgements: readonly Judgement[],
    matcher: string,
    onProgress?: BuildSnapshotOptions['onProgress'],
  ): SnapshotData {
    const exposure = new ExposureIndex(graph, policy, asOf, this.locator.byNode(graph));
    const watch: WatchEntity[] = [];
    for (const e of this.entities.values()) {
      const v = graph.nodeOf(e.id);
      if (v !== undefined && isExposed(exposure.of(v))) watch.push(e);
    }
    const upstreamDist = exposureDistances(graph, exposure, policy.findings.upstream_exposure.tiers);
    // Which nodes are exposed at all: workers then never recompute ownership for the rest.
    const exposed = new Uint8Array(graph.nodeCount);
    for (let v = 0; v < graph.nodeCount; v++) if (isExposed(exposure.of(v))) exposed[v] = 1;
    // Every unresolved party name on the store's bills is matched once, here, instead of once
    // per worker: workers look the answer up by the party's node.
    const factory = MATCHERS[matcher];
    if (!factory) throw new Error(`unknown matcher ${matcher}`);
    const m = factory(watch, { threshold: policy.matching.threshold, limit: policy.matching.candidates });
    const partyMatches: [string, WatchMatch[]][] = [];
    const kinds = graph.columns.nodeKinds;
    for (let v = 0; v < graph.nodeCount; v++) {
      if (NODE_KINDS[kinds[v] ?? 0] !== 'party') continue;
      const found = m.match({ name: graph.nodeName(v), country: graph.nodeCountry(v), identifiers: [] });
      if (found.length > 0) partyMatches.push([graph.nodeId(v), [...found]]);
    }
    onProgress?.({ phase: 'screening-index', rows: watch.length, done: true });
    return {
      version: 1,
      asOf,
      builtAt: new Date().toISOString(),
      policy,
      policyHash: policyHash(policy),
      matcher,
      graph: graph.toColumns(),
      xinjiang: [...this.locator.facts],
      watch,
      upstreamDist,
      exposed,
      partyMatches,
      decisions: [...latestDecisions(judgements)],
    };
  }
}

/**
 * Fewest trade links from an exposed supplier down to each node (multi-source BFS along
 * shipper → consignee edges), capped: a shipment whose shipper is not within reach cannot have
 * an upstream finding, so screening skips the trace for it.
 */
function exposureDistances(graph: Graph, exposure: ExposureIndex, tiers: number): Uint8Array {
  const n = graph.nodeCount;
  const t = graph.columns.trade;
  const dist = new Uint8Array(n).fill(FAR);
  const queue: number[] = [];
  for (let v = 0; v < n; v++) {
    if (t.outOffsets[v] === t.outOffsets[v + 1]) continue;
    if (isExposed(exposure.of(v))) {
      dist[v] = 0;
      queue.push(v);
    }
  }
  for (let head = 0; head < queue.length; head++) {
    const v = queue[head] as number;
    const d = (dist[v] as number) + 1;
    if (d >= tiers) continue;
    for (let e = t.outOffsets[v] as number; e < (t.outOffsets[v + 1] as number); e++) {
      const w = t.target[e] as number;
      if ((dist[w] as number) > d) {
        dist[w] = d;
        queue.push(w);
      }
    }
  }
  return dist;
}

/** Builds a snapshot from the store: the graph plus screening's own indexes, in one pass per table. */
export async function buildSnapshot(store: Store, opts: BuildSnapshotOptions = {}): Promise<SnapshotData> {
  const policy = opts.policy ?? DEFAULT_POLICY;
  const asOf = opts.asOf ?? today();
  const c = new Collector(policy);
  const graph = await loadGraph(store, {
    inspectEntity: c.inspectEntity,
    inspectShipment: c.inspectShipment,
    ...(opts.onProgress ? { onProgress: opts.onProgress } : {}),
  });
  const judgements = await store.listJudgements('finding');
  return c.finish(graph, policy, asOf, judgements, opts.matcher ?? DEFAULT_MATCHER, opts.onProgress);
}

/** Everything a snapshot can be built from, as arrays (tests, benchmarks, fixtures). */
export interface SnapshotInput {
  readonly entities?: Iterable<Entity>;
  readonly relationships?: Iterable<StoredRelationship>;
  readonly memberships?: Iterable<StoredMembership>;
  readonly shipments?: Iterable<StoredShipment>;
  readonly canonical?: ReadonlyMap<string, string>;
  readonly judgements?: readonly Judgement[];
}

export function snapshotFromFacts(input: SnapshotInput, opts: BuildSnapshotOptions = {}): SnapshotData {
  const policy = opts.policy ?? DEFAULT_POLICY;
  const asOf = opts.asOf ?? today();
  const c = new Collector(policy);
  const b = new GraphBuilder(input.canonical ? { canonical: input.canonical } : {});
  for (const e of input.entities ?? []) {
    b.addEntity(e);
    c.inspectEntity(e);
  }
  for (const r of input.relationships ?? []) b.addRelationship(r);
  for (const m of input.memberships ?? []) b.addMembership(m);
  for (const s of input.shipments ?? []) {
    b.addShipment(s);
    c.inspectShipment(s);
  }
  return c.finish(
    b.build(),
    policy,
    asOf,
    input.judgements ?? [],
    opts.matcher ?? DEFAULT_MATCHER,
    opts.onProgress,
  );
}
