import type { EntityId, Judgement, MatchVerdict } from '../model/index.ts';

/** A scored pair proposed for merging. */
export interface ScoredPair {
  readonly a: EntityId;
  readonly b: EntityId;
  readonly score: number;
}

/** The latest verdict per unordered pair (judgements come oldest first; the latest wins). */
export function latestVerdicts(
  judgements: readonly Judgement[],
): Map<string, { a: EntityId; b: EntityId; verdict: MatchVerdict }> {
  const out = new Map<string, { a: EntityId; b: EntityId; verdict: MatchVerdict }>();
  for (const j of judgements) {
    if (j.kind !== 'match') continue;
    out.set(pairKey(j.a, j.b), { a: j.a, b: j.b, verdict: j.verdict });
  }
  return out;
}

export function pairKey(a: string, b: string): string {
  return a < b ? `${a}\u0000${b}` : `${b}\u0000${a}`;
}

/**
 * Union-find with cannot-link constraints, as OpenSanctions' nomenklatura resolver applies
 * analyst judgements: "same" links are applied first and transitively (A=B, B=C ⇒ A=C), "not
 * same" keeps two clusters apart forever (no scored pair may join them, whatever its score),
 * "unsure" neither joins nor separates. Scored pairs are then merged best first when allowed.
 */
export class Resolver {
  private readonly parent = new Map<string, string>();
  private readonly members = new Map<string, Set<string>>();
  /** root → entity ids its cluster must never join. */
  private readonly forbid = new Map<string, Set<string>>();

  private find(x: string): string {
    let r = x;
    for (let p = this.parent.get(r); p !== undefined && p !== r; p = this.parent.get(r)) r = p;
    // Path compression.
    let c = x;
    while (c !== r) {
      const next = this.parent.get(c) ?? r;
      this.parent.set(c, r);
      c = next;
    }
    if (!this.parent.has(r)) {
      this.parent.set(r, r);
      this.members.set(r, new Set([r]));
    }
    return r;
  }

  /** Whether the clusters of a and b may merge (no "not same" between them). */
  canMerge(a: string, b: string): boolean {
    const ra = this.find(a);
    const rb = this.find(b);
    if (ra === rb) return true;
    for (const x of this.forbid.get(ra) ?? []) if (this.find(x) === rb) return false;
    for (const x of this.forbid.get(rb) ?? []) if (this.find(x) === ra) return false;
    return true;
  }

  /** Merges the clusters of a and b if allowed; returns whether they are now one cluster. */
  union(a: string, b: string): boolean {
    if (!this.canMerge(a, b)) return false;
    const ra = this.find(a);
    const rb = this.find(b);
    if (ra === rb) return true;
    const ma = this.members.get(ra) ?? new Set([ra]);
    const mb = this.members.get(rb) ?? new Set([rb]);
    const [big, small, rBig, rSmall] = ma.size >= mb.size ? [ma, mb, ra, rb] : [mb, ma, rb, ra];
    this.parent.set(rSmall, rBig);
    for (const m of small) big.add(m);
    this.members.delete(rSmall);
    const fb = this.forbid.get(rBig) ?? new Set<string>();
    for (const x of this.forbid.get(rSmall) ?? []) fb.add(x);
    this.forbid.set(rBig, fb);
    this.forbid.delete(rSmall);
    return true;
  }

  /** Records that a and b are not the same: their clusters may never merge. */
  separate(a: string, b: string): void {
    const ra = this.find(a);
    const rb = this.find(b);
    const fa = this.forbid.get(ra) ?? new Set<string>();
    fa.add(b);
    this.forbid.set(ra, fa);
    const fb = this.forbid.get(rb) ?? new Set<string>();
    fb.add(a);
    this.forbid.set(rb, fb);
  }

  /** Whether a and b are in one cluster. */
  same(a: string, b: string): boolean {
    return this.find(a) === this.find(b);
  }

  /** Clusters of two or more: member → canonical id (the smallest id of the cluster). */
  clusters(): Map<EntityId, EntityId> {
    const out = new Map<EntityId, EntityId>();
    for (const set of this.members.values()) {
      if (set.size < 2) continue;
      const ids = [...set].sort();
      const canon = ids[0] as EntityId;
      for (const m of ids) out.set(m as EntityId, canon);
    }
    return out;
  }
}

/**
 * Resolves entities into clusters from analyst judgements and scored pairs: "not same" first
 * (as constraints), then "same" (transitively), then scored pairs at or above `threshold`,
 * best first, each merged only if no "not same" separates the two clusters.
 */
export function resolveClusters(
  judgements: readonly Judgement[],
  pairs: readonly ScoredPair[],
  threshold: number,
): { clusters: Map<EntityId, EntityId>; merged: number; blocked: number } {
  const r = new Resolver();
  const verdicts = latestVerdicts(judgements);
  for (const v of verdicts.values()) if (v.verdict === 'not-same') r.separate(v.a, v.b);
  for (const v of verdicts.values()) if (v.verdict === 'same') r.union(v.a, v.b);
  let merged = 0;
  let blocked = 0;
  const sorted = [...pairs].filter((p) => p.score >= threshold).sort((x, y) => y.score - x.score);
  for (const p of sorted) {
    const v = verdicts.get(pairKey(p.a, p.b));
    if (v && v.verdict !== 'same') {
      // An analyst said not-same or unsure about this very pair: the score does not overrule.
      blocked++;
      continue;
    }
    if (r.same(p.a, p.b)) continue;
    if (r.union(p.a, p.b)) merged++;
    else blocked++;
  }
  return { clusters: r.clusters(), merged, blocked };
}
