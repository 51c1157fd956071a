import type { DatasetName, EntityId, Judgement } from '../model/index.ts';
import type { Store } from '../store/index.ts';
import { resolveClusters, type ScoredPair } from './cluster.ts';
import { Matcher, recordOfEntity } from './matcher.ts';

/**
 * Score from which xref merges two entities into one node. Stricter than the match decision
 * (0.70): a wrong merge does more harm than a missed one, because it rewires the ownership and
 * trade graph (two firms that share a rare trade name, "X Group" and "X Tomato Products", at
 * 0.70 became one company and borrowed each other's owners). Analysts merge the rest with
 * `threadline judge … same`.
 */
export const XREF_THRESHOLD = 0.8;

export interface XrefOptions {
  readonly datasets?: readonly DatasetName[];
  readonly threshold?: number;
  /** Candidates looked at per name (default 10). */
  readonly candidates?: number;
  readonly onProgress?: (done: number, total: number) => void;
}

export interface XrefSummary {
  readonly entities: number;
  readonly pairsScored: number;
  readonly pairsAboveThreshold: number;
  readonly merged: number;
  /** Merges a score proposed but a judgement or a relationship between the two kept apart. */
  readonly blocked: number;
  readonly clusters: number;
  readonly clusteredEntities: number;
  /** The strongest proposed pairs, for review. */
  readonly topPairs: readonly (ScoredPair & { nameA: string; nameB: string })[];
}

/** Links from `from` down to `to` along `out` (breadth first, at most `max`), or null. */
function chainHops<T>(out: ReadonlyMap<T, readonly T[]>, from: T, to: T, max = 8): number | null {
  let frontier = [from];
  const seen = new Set(frontier);
  for (let hops = 1; hops <= max && frontier.length > 0; hops++) {
    const next: T[] = [];
    for (const v of frontier) {
      for (const w of out.get(v) ?? []) {
        if (w === to) return hops;
        if (!seen.has(w)) {
          seen.add(w);
          next.push(w);
        }
      }
    }
    frontier = next;
  }
  return null;
}

/**
 * Cross-references the entities of one or several datasets: each entity's names are matched
 * against the index (blocking), candidate pairs are scored, and the pairs plus the analysts'
 * judgements are resolved into clusters (see {@link resolveClusters}), which replace the stored
 * resolution.
 */
export async function xref(store: Store, opts: XrefOptions = {}): Promise<XrefSummary> {
  // Each name's few best pre-scored candidates are enough here: every entity is queried, so a
  // pair missed from one side is usually found from the other.
  const perName = opts.candidates ?? 10;
  const matcher = await Matcher.fromStore(store, {
    candidates: perName + 1,
    ...(opts.datasets ? { datasets: opts.datasets } : {}),
  });
  const threshold = opts.threshold ?? XREF_THRESHOLD;
  const best = new Map<string, ScoredPair & { nameA: string; nameB: string }>();
  let scored = 0;
  let done = 0;
  const total = matcher.entityCount;
  const it = store.iterateEntities({
    schemata: ['Company', 'Organization', 'Person', 'LegalEntity', 'PublicBody'],
    ...(opts.datasets ? { datasets: opts.datasets } : {}),
  });
  for await (const e of it) {
    const rec = recordOfEntity(e);
    for (const name of rec.names) {
      const res = matcher.match(
        {
          name,
          schema: rec.schema,
          ...(rec.countries?.[0] ? { country: rec.countries[0] } : {}),
          identifiers: rec.identifiers ?? [],
        },
        perName,
      );
      for (const c of res) {
        if (c.entityId === e.id) continue;
        scored++;
        const key = e.id < c.entityId ? `${e.id}\u0000${c.entityId}` : `${c.entityId}\u0000${e.id}`;
        const prev = best.get(key);
        if (!prev || c.score > prev.score) {
          best.set(key, { a: e.id, b: c.entityId as EntityId, score: c.score, nameA: name, nameB: c.name });
        }
      }
    }
    done++;
    if (opts.onProgress && done % 500 === 0) opts.onProgress(done, total);
  }
  const pairs = [...best.values()];
  // Two entities joined by a relationship (an owner and what it owns, a branch and its head
  // office) are by definition two entities, however alike their names ("X Group" owns 41% of
  // "X Co."). So are two on one chain of relationships ("Lavena 1 S.à r.l." owning "Lavena
  // Holding 1 GmbH" through a third): merging them would fold a chain into a loop and inflate
  // every effective share along it. They go first, so an analyst's own later judgement on
  // the pair still wins.
  const linked: Judgement[] = [];
  const out = new Map<EntityId, EntityId[]>();
  const constraint = (a: EntityId, b: EntityId, why: string): Judgement => ({
    kind: 'match',
    a,
    b,
    verdict: 'not-same',
    who: 'threadline',
    at: '1970-01-01T00:00:00.000Z',
    why,
  });
  for await (const r of store.iterateRelationships(opts.datasets ? { datasets: opts.datasets } : {})) {
    if (r.source === r.target) continue;
    linked.push(constraint(r.source, r.target, `linked by ${r.kind} ${r.id} (${r.provenance.dataset})`));
    const targets = out.get(r.source);
    if (targets) targets.push(r.target);
    else out.set(r.source, [r.target]);
  }
  for (const p of pairs) {
    if (p.score < threshold) continue;
    const hops = chainHops(out, p.a, p.b) ?? chainHops(out, p.b, p.a);
    if (hops !== null && hops > 1)
      linked.push(constraint(p.a, p.b, `on one chain of relationships (${hops} links apart)`));
  }
  const judgements = [...linked, ...(await store.listJudgements('match'))];
  const res = resolveClusters(judgements, pairs, threshold);
  await store.replaceResolution(res.clusters);
  const above = pairs.filter((p) => p.score >= threshold).sort((x, y) => y.score - x.score);
  return {
    entities: total,
    pairsScored: scored,
    pairsAboveThreshold: above.length,
    merged: res.merged,
    blocked: res.blocked,
    clusters: new Set(res.clusters.values()).size,
    clusteredEntities: res.clusters.size,
    topPairs: above.slice(0, 20),
  };
}
