import type { Store, StoredFinding } from '../store/index.ts';
import type { ScreenResult } from './findings.ts';

/**
 * Monitoring: each screening run is saved (its findings with their stable keys); the next run of
 * the same kind compares with it and reports findings that appeared or disappeared — e.g. after
 * an OFAC list re-import added an owner, or a delisting removed one.
 */

/** The findings of results as the store keeps them for comparison (dismissed ones included). */
export function toStoredFindings(results: Iterable<ScreenResult>): StoredFinding[] {
  const out: StoredFinding[] = [];
  for (const r of results) {
    for (const f of r.findings) {
      out.push({
        itemKey: itemKey(r),
        findingKey: f.key,
        type: f.type,
        severity: f.severity,
        score: f.score,
        body: { subject: f.subject, summary: f.summary, status: f.status, label: r.label },
      });
    }
  }
  return out;
}

/** The item a stored finding belongs to: `dataset/id` for shipments and entities. */
export function itemKey(r: Pick<ScreenResult, 'dataset' | 'id'>): string {
  return r.dataset ? `${r.dataset}/${r.id}` : r.id;
}

export interface RunDiff {
  readonly previousRun: number | null;
  /** In this run, not in the previous one. */
  readonly appeared: readonly StoredFinding[];
  /** In the previous run, not in this one. */
  readonly disappeared: readonly StoredFinding[];
  readonly unchanged: number;
}

/** Compares two runs' findings by (item, finding key). */
export function diffRuns(
  previous: readonly StoredFinding[],
  current: readonly StoredFinding[],
  previousRun: number | null = null,
): RunDiff {
  const k = (f: StoredFinding) => `${f.itemKey}\u0000${f.findingKey}`;
  const prev = new Map(previous.map((f) => [k(f), f]));
  const cur = new Map(current.map((f) => [k(f), f]));
  const appeared: StoredFinding[] = [];
  let unchanged = 0;
  for (const [key, f] of cur) {
    if (prev.has(key)) unchanged++;
    else appeared.push(f);
  }
  const disappeared = [...prev].filter(([key]) => !cur.has(key)).map(([, f]) => f);
  return { previousRun, appeared, disappeared, unchanged };
}

/**
 * Saves a run's findings and compares them with the previous run of the same `kind`
 * (`shipments`, `shipments:<dataset>`, `entities:<file>`…). Returns the diff, or null when
 * there was no previous run.
 */
export async function recordRun(
  store: Store,
  run: { kind: string; policyHash: string; startedAt: string; findings: readonly StoredFinding[] },
): Promise<{ runId: number; diff: RunDiff | null }> {
  const prev = await store.latestScreenRun(run.kind);
  const runId = await store.saveScreenRun(run);
  if (!prev) return { runId, diff: null };
  return { runId, diff: diffRuns(await store.findingsOfRun(prev.id), run.findings, prev.id) };
}
