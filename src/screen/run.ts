import type { DatasetName } from '../model/index.ts';
import type { Store } from '../store/index.ts';
import type { ScreenResult } from './findings.ts';
import { DEFAULT_MATCHER, MATCHERS } from './matchers.ts';
import type { Policy, RiskLevel } from './policy/schema.ts';
import { ScreenPool } from './pool.ts';
import { riskRank } from './risk.ts';
import { screenShard } from './shard.ts';
import { Snapshot, type SnapshotData } from './snapshot.ts';
import { type BuildSnapshotOptions, buildSnapshot } from './snapshot-build.ts';

/**
 * Running a screen over the store: build the snapshot once, stream the shipments in batches,
 * screen each batch in this thread or on worker threads, yield results in store order.
 */

export interface StreamOptions {
  /** Worker threads (default 1: screen in this thread). */
  readonly workers?: number;
  /** Shipments per batch (default 2,000). */
  readonly batchSize?: number;
  /** Matcher name (see matchers.ts; default: the snapshot's). */
  readonly matcher?: string;
  readonly ids?: readonly string[];
  readonly datasets?: readonly DatasetName[];
  /** Called after each batch with the number of shipments screened so far. */
  readonly onScreened?: (done: number) => void;
}

/** Screens the store's shipments against `data`, yielding one array of results per batch, in order. */
export async function* screenStream(
  store: Store,
  data: SnapshotData,
  opts: StreamOptions = {},
): AsyncGenerator<ScreenResult[]> {
  const batchSize = Math.max(1, opts.batchSize ?? 2000);
  const matcher = opts.matcher ?? data.matcher ?? DEFAULT_MATCHER;
  const iter = store.iterateShipments({
    ...(opts.ids ? { ids: opts.ids } : {}),
    ...(opts.datasets ? { datasets: opts.datasets } : {}),
  });
  let done = 0;
  if ((opts.workers ?? 1) <= 1) {
    const factory = MATCHERS[matcher];
    if (!factory) throw new Error(`unknown matcher ${matcher}`);
    const snap = Snapshot.fromData(data, { matcher: factory });
    for await (const batch of batches(iter, batchSize)) {
      const r = screenShard(snap, batch);
      done += batch.length;
      opts.onScreened?.(done);
      yield r;
    }
    return;
  }
  const pool = await ScreenPool.start(data, opts.workers ?? 2, matcher);
  try {
    // Keep every worker fed (two batches each) while preserving output order.
    const queue: { size: number; result: Promise<ScreenResult[]> }[] = [];
    for await (const batch of batches(iter, batchSize)) {
      queue.push({ size: batch.length, result: pool.screen(batch) });
      while (queue.length >= pool.size * 2) {
        const head = queue.shift() as (typeof queue)[number];
        const r = await head.result;
        done += head.size;
        opts.onScreened?.(done);
        yield r;
      }
    }
    while (queue.length > 0) {
      const head = queue.shift() as (typeof queue)[number];
      const r = await head.result;
      done += head.size;
      opts.onScreened?.(done);
      yield r;
    }
  } finally {
    await pool.close();
  }
}

async function* batches<T>(rows: AsyncIterable<T>, size: number): AsyncGenerator<T[]> {
  let batch: T[] = [];
  for await (const r of rows) {
    batch.push(r);
    if (batch.length >= size) {
      yield batch;
      batch = [];
    }
  }
  if (batch.length > 0) yield batch;
}

/** Strongest first: risk level, then score, then id. */
export function rankResults<T extends Pick<ScreenResult, 'risk' | 'score' | 'id'>>(results: T[]): T[] {
  return results.sort(
    (a, b) =>
      riskRank(b.risk) - riskRank(a.risk) || b.score - a.score || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0),
  );
}

export type RiskCounts = Record<RiskLevel, number>;

export function emptyCounts(): RiskCounts {
  return { none: 0, low: 0, medium: 0, high: 0 };
}

export interface ScreenShipmentsOptions extends StreamOptions, BuildSnapshotOptions {
  /** Keep (and return) only results at or above this level (default: all). */
  readonly minRisk?: RiskLevel;
  /** A snapshot built before (reused instead of building one). */
  readonly snapshot?: SnapshotData;
}

export interface ScreenShipmentsResult {
  /** Ranked: highest risk and score first. */
  readonly results: ScreenResult[];
  readonly screened: number;
  readonly counts: RiskCounts;
  readonly policy: Policy;
  readonly policyHash: string;
  readonly asOf: string;
  readonly startedAt: string;
}

/**
 * The main job: screens every shipment in the store (or `ids` / `datasets`) and returns the
 * ranked results. What `npm start` (the demo) and `threadline screen shipments` call.
 */
export async function screenShipments(
  store: Store,
  opts: ScreenShipmentsOptions = {},
): Promise<ScreenShipmentsResult> {
  const startedAt = new Date().toISOString();
  const data =
    opts.snapshot ??
    (await buildSnapshot(store, {
      ...(opts.policy ? { policy: opts.policy } : {}),
      ...(opts.asOf ? { asOf: opts.asOf } : {}),
      ...(opts.matcher ? { matcher: opts.matcher } : {}),
      ...(opts.onProgress ? { onProgress: opts.onProgress } : {}),
    }));
  const min = riskRank(opts.minRisk ?? 'none');
  const counts = emptyCounts();
  const results: ScreenResult[] = [];
  let screened = 0;
  for await (const batch of screenStream(store, data, opts)) {
    for (const r of batch) {
      screened++;
      counts[r.risk]++;
      if (riskRank(r.risk) >= min) results.push(r);
    }
  }
  return {
    results: rankResults(results),
    screened,
    counts,
    policy: data.policy,
    policyHash: data.policyHash,
    asOf: data.asOf,
    startedAt,
  };
}
