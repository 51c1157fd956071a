import type { Entity, EntityId, FtmProperty } from '../model/index.ts';
import { ID_PROPS } from '../model/index.ts';
import { analyseName, type NameAnalysis, type NameToken } from '../normalize/index.ts';
import type { Store } from '../store/index.ts';
import { decodeAnalysis, encodeAnalysis } from './analysis-codec.ts';
import {
  type CompareOptions,
  compare,
  DEFAULT_THRESHOLD,
  type Explanation,
  type MatchSubject,
  type ScoreResult,
  scoreAnalysed,
} from './compare.ts';
import { keyHashes, type MatchIndex, MatchIndexBuilder } from './match-index.ts';

/** What to look for: a name and whatever else is known. */
export interface MatchQuery {
  readonly name: string;
  readonly schema?: string | null;
  /** ISO 3166 alpha-2. */
  readonly country?: string | null;
  readonly identifiers?: readonly string[];
}

/** One ranked candidate: the entity, which of its names scored best, and why. */
export interface MatchCandidate {
  readonly entityId: EntityId;
  readonly schema: string;
  readonly name: string;
  readonly score: number;
  readonly match: boolean;
  readonly explanation: Explanation;
}

/** Names a matcher indexes for an entity: primary names, aliases and previous names. */
export const MATCH_NAME_PROPS: readonly FtmProperty[] = ['name', 'alias', 'previousName', 'weakAlias'];
const COUNTRY_PROPS = ['country', 'jurisdiction', 'nationality', 'citizenship', 'mainCountry'];

/** A record the matcher can index without a store (tests, benchmarks, other importers). */
export interface MatchRecord {
  readonly id: string;
  readonly schema: string;
  readonly names: readonly string[];
  readonly countries?: readonly string[];
  readonly identifiers?: readonly string[];
}

/** The matcher's view of a store entity. */
export function recordOfEntity(e: Entity): MatchRecord {
  const p = e.properties as Partial<Record<string, readonly string[]>>;
  const names = MATCH_NAME_PROPS.flatMap((k) => p[k] ?? []);
  return {
    id: e.id,
    schema: e.schema,
    names: [...new Set(names)],
    countries: COUNTRY_PROPS.flatMap((k) => p[k] ?? []),
    identifiers: ID_PROPS.flatMap((k) => p[k] ?? []),
  };
}

/** Names scored in full per query at the least (see `match`). */
const MIN_SCORED = 25;

export interface MatcherOptions {
  readonly threshold?: number;
  /** Candidates fully scored per query (default: limit + 1). */
  readonly candidates?: number;
}

/**
 * The matcher the rest of Threadline uses: an index over entity names, `match` for ranked
 * candidates with scores, decisions and explanations, `compare` for two names or records.
 * Built once (from the store or records), then read-only: safe to share across a batch.
 */
export class Matcher {
  readonly threshold: number;
  private readonly index: MatchIndex;
  private readonly names: readonly string[];
  /** Each name's analysis, encoded (see analysis-codec.ts): scoring never re-analyses a name. */
  private readonly analyses: readonly string[];
  private readonly nameEntity: Int32Array;
  private readonly ids: readonly string[];
  private readonly schemata: readonly string[];
  private readonly countries: readonly string[];
  private readonly identifiers: readonly string[];
  private readonly perQuery: number | undefined;

  private constructor(
    parts: {
      index: MatchIndex;
      names: string[];
      analyses: string[];
      nameEntity: Int32Array;
      ids: string[];
      schemata: string[];
      countries: string[];
      identifiers: string[];
    },
    opts: MatcherOptions,
  ) {
    this.index = parts.index;
    this.names = parts.names;
    this.analyses = parts.analyses;
    this.nameEntity = parts.nameEntity;
    this.ids = parts.ids;
    this.schemata = parts.schemata;
    this.countries = parts.countries;
    this.identifiers = parts.identifiers;
    this.threshold = opts.threshold ?? DEFAULT_THRESHOLD;
    this.perQuery = opts.candidates;
  }

  /** Builds a matcher from records (any iterable); `onProgress` gets the count every 10,000. */
  static fromRecords(
    records: Iterable<MatchRecord>,
    opts: MatcherOptions & { onProgress?: (done: number) => void } = {},
  ): Matcher {
    const acc = new Accumulator();
    for (const r of records) {
      acc.add(r);
      if (opts.onProgress && acc.count % 10_000 === 0) opts.onProgress(acc.count);
    }
    return acc.finish(opts);
  }

  /** Builds a matcher over the store's current party entities. */
  static async fromStore(
    store: Store,
    opts: MatcherOptions & {
      datasets?: readonly string[];
      onProgress?: (done: number) => void;
    } = {},
  ): Promise<Matcher> {
    const acc = new Accumulator();
    const it = store.iterateEntities({
      schemata: ['Company', 'Organization', 'Person', 'LegalEntity', 'PublicBody'],
      ...(opts.datasets ? { datasets: opts.datasets as never } : {}),
    });
    for await (const e of it) {
      acc.add(recordOfEntity(e));
      if (opts.onProgress && acc.count % 10_000 === 0) opts.onProgress(acc.count);
    }
    return acc.finish(opts);
  }

  /** Number of entities indexed. */
  get entityCount(): number {
    return this.ids.length;
  }

  /** Number of names indexed. */
  get nameCount(): number {
    return this.names.length;
  }

  // Decoded afresh for each query (a few µs): a cache of decoded analyses would keep objects
  // alive long enough to reach the old generation and grow the heap by hundreds of MB over a
  // batch, for few hits.
  private analysis(n: number): NameAnalysis {
    return decodeAnalysis(this.analyses[n] ?? '', this.names[n] ?? '');
  }

  private options(): CompareOptions {
    const index = this.index;
    const useRarity = index.size >= 1000;
    return {
      threshold: this.threshold,
      ...(useRarity ? { rarityOf: (t: NameToken) => index.rarity(t) } : {}),
    };
  }

  /**
   * Ranked candidates for a query: the index proposes names sharing rare keys, each is scored in
   * full, and the best-scoring name of each entity is returned, best first.
   */
  match(query: MatchQuery, limit = 10): MatchCandidate[] {
    const qa = analyseName(query.name, { schema: query.schema ?? null });
    const subject: MatchSubject = {
      name: query.name,
      schema: query.schema ?? null,
      countries: query.country ? [query.country] : [],
      identifiers: query.identifiers ?? [],
    };
    // The index's rarity-weighted key overlap is the cheap pre-score; only the best few names
    // are scored in full, and only the reported ones get their explanation built.
    // At least MIN_SCORED names are scored in full whatever the limit, so that `--limit 1`
    // returns the best of what `--limit 3` would show, not of a shorter list.
    const k = this.perQuery ?? Math.max(limit + 1, MIN_SCORED);
    const cands = this.index.candidates(keyHashes(qa, query.identifiers ?? []), k);
    const opts = this.options();
    const best = new Map<number, { r: ScoreResult; name: string }>();
    for (const c of cands) {
      const e = this.nameEntity[c.name] ?? 0;
      const na = this.analysis(c.name);
      const other: MatchSubject = {
        name: this.names[c.name] ?? '',
        schema: this.schemata[e] ?? null,
        countries: splitList(this.countries[e]),
        identifiers: splitList(this.identifiers[e]),
      };
      const r = scoreAnalysed(subject, qa, other, na, opts);
      const prev = best.get(e);
      if (!prev || r.score > prev.r.score) best.set(e, { r, name: other.name });
    }
    return (
      [...best.entries()]
        // A zero score shares nothing worth showing (the index proposed it on a common key).
        .filter(([, { r }]) => r.score > 0)
        .sort((x, y) => y[1].r.score - x[1].r.score)
        .slice(0, limit)
        .map(([e, { r, name }]) => ({
          entityId: (this.ids[e] ?? '') as EntityId,
          schema: this.schemata[e] ?? '',
          name,
          score: r.score,
          match: r.match,
          explanation: r.explanation,
        }))
    );
  }

  /** Scores two names or records with this matcher's threshold (no index needed). */
  compare(a: MatchSubject | string, b: MatchSubject | string): ScoreResult {
    return compare(a, b, { threshold: this.threshold });
  }
}

function splitList(s: string | undefined): string[] {
  return s ? s.split('\u001f') : [];
}

class Accumulator {
  readonly builder = new MatchIndexBuilder();
  readonly names: string[] = [];
  readonly analyses: string[] = [];
  nameEntity = new Int32Array(1024);
  readonly ids: string[] = [];
  readonly schemata: string[] = [];
  readonly countries: string[] = [];
  readonly identifiers: string[] = [];
  count = 0;

  add(r: MatchRecord): void {
    const e = this.ids.length;
    this.ids.push(r.id);
    this.schemata.push(r.schema);
    this.countries.push((r.countries ?? []).join('\u001f'));
    this.identifiers.push((r.identifiers ?? []).join('\u001f'));
    this.count++;
    r.names.forEach((name, i) => {
      if (name.trim().length === 0) return;
      const a = analyseName(name, { schema: r.schema });
      // Identifiers are indexed once per entity, with its first name.
      this.builder.add(a, i === 0 ? (r.identifiers ?? []) : []);
      const n = this.names.length;
      this.names.push(name);
      this.analyses.push(encodeAnalysis(a));
      if (n >= this.nameEntity.length) {
        const next = new Int32Array(this.nameEntity.length * 2);
        next.set(this.nameEntity);
        this.nameEntity = next;
      }
      this.nameEntity[n] = e;
    });
  }

  finish(opts: MatcherOptions): Matcher {
    const ctor = Matcher as unknown as new (parts: unknown, opts: MatcherOptions) => Matcher;
    return new ctor(
      {
        index: this.builder.finish(),
        names: this.names,
        analyses: this.analyses,
        nameEntity: this.nameEntity.slice(0, this.names.length),
        ids: this.ids,
        schemata: this.schemata,
        countries: this.countries,
        identifiers: this.identifiers,
      },
      opts,
    );
  }
}
