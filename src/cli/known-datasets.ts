import { type DatasetName, datasetName } from '../model/index.ts';
import type { Store } from '../store/index.ts';
import { UsageError } from './usage-error.ts';

/**
 * The datasets a `--dataset` flag names, checked against the store: a mistyped name would
 * otherwise select nothing and the command would quietly work on an empty set.
 */
export async function knownDatasets(store: Store, names: readonly string[]): Promise<DatasetName[]> {
  let parsed: DatasetName[];
  try {
    parsed = names.map(datasetName);
  } catch (err) {
    throw new UsageError((err as Error).message);
  }
  const known = new Set((await store.listDatasets()).map((d) => d.name as string));
  const unknown = parsed.filter((d) => !known.has(d));
  if (unknown.length > 0)
    throw new UsageError(
      `unknown dataset ${unknown.join(', ')}; the store has: ${[...known].join(', ') || 'none'}`,
    );
  return parsed;
}
