import { ValidationError } from './errors.ts';

declare const brand: unique symbol;
/** A nominal type: a `T` that only a validating constructor can mint. */
export type Brand<T, B extends string> = T & { readonly [brand]: B };

/** An entity id as imported (FtM id unchanged, or `dataset-sourcekey` for other formats). */
export type EntityId = Brand<string, 'EntityId'>;
/** A dataset's short machine name, e.g. `ofac-sdn`, `uflpa`, `example-bol`. */
export type DatasetName = Brand<string, 'DatasetName'>;

// Control characters in ids break terminals and CSV; reject them at the edge.
// biome-ignore lint/suspicious/noControlCharactersInRegex: that is the point
const CONTROL = /[\u0000-\u001f\u007f]/;

export function entityId(raw: string): EntityId {
  const s = raw.trim();
  if (s.length === 0 || s.length > 512 || CONTROL.test(s)) {
    throw new ValidationError('invalid_value', `invalid entity id: ${JSON.stringify(raw.slice(0, 80))}`);
  }
  return s as EntityId;
}

const DATASET_RE = /^[a-z0-9][a-z0-9_.-]{0,63}$/;
export function datasetName(raw: string): DatasetName {
  const s = raw.trim().toLowerCase();
  if (!DATASET_RE.test(s)) {
    throw new ValidationError(
      'invalid_value',
      `invalid dataset name ${JSON.stringify(raw)}: use 1-64 of a-z 0-9 _ . - starting with a letter or digit`,
    );
  }
  return s as DatasetName;
}

/** Builds a stable id for a record of a non-FtM source: `dataset-key`, slugged. */
export function makeEntityId(dataset: DatasetName, ...parts: readonly string[]): EntityId {
  const key = parts
    .map((p) => p.trim())
    .filter((p) => p.length > 0)
    .join('-');
  return entityId(`${dataset}-${key}`);
}
