import { hash } from 'node:crypto';
import {
  assertProvenance,
  type DatasetName,
  ID_PROPS,
  NAME_PROPS,
  type PortRef,
  type RecordBundle,
  ValidationError,
} from '../model/index.ts';
import type { Value } from './exec.ts';
import { foldLookup, type PackedProps } from './rows.ts';
import type { FactTable, Tables, WriteTable } from './schema.ts';

/**
 * A batch of record bundles turned into what the store writes: per record its key, content
 * hash and provenance; per table flat rows of content columns. Preparing is pure (no
 * database), so the importer runs it in its parsing thread and posts the result: flat arrays
 * of strings and numbers cost far less to copy between threads than nested bundles, and the
 * writing thread is left with only the inserts. `ImportSession.write` prepares in-thread.
 */
export interface PreparedBatch {
  readonly dataset: string;
  /** Bundles given; a key repeated within the batch is one record (the last one wins). */
  readonly bundles: number;
  readonly keys: string[];
  readonly hashes: string[];
  readonly files: string[];
  readonly lines: (number | null)[];
  readonly rows: Record<WriteTable, PreparedRows>;
}

/** Rows of one table: the record each belongs to, and their content columns row after row. */
export interface PreparedRows {
  /** Batch-local record index of each row; a record's rows are adjacent and in order. */
  readonly rec: number[];
  /** `CONTENT_COLUMNS[table].length` values per row. */
  readonly values: Value[];
}

/**
 * The columns a record's facts carry, in the order they are hashed. The provenance columns
 * (rec_id, ord, dataset, record_key, source_file, line, removed_at) are added by
 * the session when it writes, from the record the row belongs to.
 */
export const CONTENT_COLUMNS = {
  entities: ['entity_id', 'schema', 'props'],
  relationships: [
    'id',
    'kind',
    'schema',
    'source_id',
    'target_id',
    'percentage',
    'role',
    'start_date',
    'end_date',
  ],
  memberships: ['id', 'entity_id', 'list', 'program', 'effective_date', 'end_date', 'scope', 'raw_text'],
  shipments: [
    'id',
    'arrival_date',
    'origin_country',
    'parties',
    'port_lading',
    'port_unlading',
    'lines',
    'raw',
  ],
  trade_stats: [
    'reporter_region',
    'partner_country',
    'month',
    'hs_code',
    'value_usd',
    'quantity',
    'quantity_unit',
    'flow',
    'raw',
  ],
  entity_keys: ['folded', 'entity_id', 'prop'],
} as const satisfies { [T in WriteTable]: readonly (keyof Tables[T] & string)[] };

const FOLDED_PROPS: ReadonlySet<string> = new Set<string>([...NAME_PROPS, ...ID_PROPS]);

const emptyRows = (): Record<WriteTable, PreparedRows> => ({
  entities: { rec: [], values: [] },
  entity_keys: { rec: [], values: [] },
  relationships: { rec: [], values: [] },
  memberships: { rec: [], values: [] },
  shipments: { rec: [], values: [] },
  trade_stats: { rec: [], values: [] },
});

/** Prepares `bundles` for a session of `dataset`; throws `missing_provenance` on a bad bundle. */
export function prepareBatch(bundles: readonly RecordBundle[], dataset: DatasetName | string): PreparedBatch {
  // Provenance is checked here and again (in columns) by the session, the last gate before the database.
  const byKey = new Map<string, RecordBundle>();
  for (const b of bundles) {
    checkProvenance(b?.provenance, dataset);
    byKey.set(b.provenance.recordKey, b); // a key repeated within a batch: the last one wins
  }
  const builder = new BatchBuilder(dataset);
  for (const b of byKey.values()) builder.add(b);
  return { ...builder.take(), bundles: bundles.length };
}

/**
 * Builds a prepared batch one bundle at a time, so a bundle can be dropped as soon as it is
 * parsed: a parser that streams into a builder keeps only flat rows alive, not a batch of
 * object graphs (which the garbage collector would otherwise copy again and again).
 */
export class BatchBuilder {
  readonly #dataset: string;
  #batch: PreparedBatch;
  readonly #keys = new Set<string>();
  readonly #parts: string[] = [];

  constructor(dataset: DatasetName | string) {
    this.#dataset = dataset;
    this.#batch = this.#empty();
  }

  /** Records in the batch so far. */
  get size(): number {
    return this.#batch.keys.length;
  }

  /** Whether the batch already holds a record with this key (add it to the next batch instead). */
  has(key: string): boolean {
    return this.#keys.has(key);
  }

  /** Adds one bundle; its record key must not be in the batch yet. */
  add(b: RecordBundle): void {
    const p = b?.provenance;
    checkProvenance(p, this.#dataset);
    if (this.#keys.has(p.recordKey)) throw new Error(`record ${p.recordKey} is already in this batch`);
    this.#keys.add(p.recordKey);
    const out = this.#batch;
    const rec = out.keys.length;
    out.keys.push(p.recordKey);
    out.files.push(p.sourceFile);
    out.lines.push(p.line);
    const parts = this.#parts;
    parts.length = 0;
    addRecordRows(b, rec, out.rows, parts);
    out.hashes.push(hash('sha1', parts.join('\n'), 'base64url'));
  }

  /** The batch built so far (its `bundles` = records added); the builder starts a new one. */
  take(): PreparedBatch {
    const out = { ...this.#batch, bundles: this.#batch.keys.length };
    this.#batch = this.#empty();
    this.#keys.clear();
    return out;
  }

  #empty(): PreparedBatch {
    return {
      dataset: this.#dataset,
      bundles: 0,
      keys: [],
      hashes: [],
      files: [],
      lines: [],
      rows: emptyRows(),
    };
  }
}

export function checkProvenance(p: unknown, dataset: string): asserts p is RecordBundle['provenance'] {
  assertProvenance(p);
  if (p.dataset !== dataset) {
    throw new ValidationError(
      'missing_provenance',
      `record ${p.recordKey} names dataset ${p.dataset}, import is for ${dataset}`,
    );
  }
}

/**
 * Appends one record's rows to `rows` and the content it is hashed by to `parts`: each fact
 * row as its table name and its values joined by NUL, provenance excluded (the same facts on
 * another line of a newer file are unchanged; any difference in a fact is a change). A null
 * and an empty string hash alike; parsers give null for empty cells, so both mean "no value".
 * entity_keys derive from entities, so they are not hashed.
 */
function addRecordRows(
  b: RecordBundle,
  rec: number,
  rows: Record<WriteTable, PreparedRows>,
  parts: string[],
) {
  const add = (t: FactTable, values: Value[]) => {
    const r = rows[t];
    r.rec.push(rec);
    r.values.push(...values);
    parts.push(t, values.join('\u0000'));
  };
  if (b.entities?.length) addEntities(b.entities, rec, rows, add);
  for (const r of b.relationships ?? []) {
    add('relationships', [
      r.id,
      r.kind,
      r.schema,
      r.source,
      r.target,
      r.percentage ?? null,
      r.role ?? null,
      r.startDate ?? null,
      r.endDate ?? null,
    ]);
  }
  for (const m of b.memberships ?? []) {
    add('memberships', [
      m.id,
      m.entityId,
      m.list,
      m.program ?? null,
      m.effectiveDate ?? null,
      m.endDate ?? null,
      m.scope ?? null,
      m.rawText,
    ]);
  }
  for (const s of b.shipments ?? []) {
    add('shipments', [
      s.id,
      s.arrivalDate ?? null,
      s.originCountry ?? null,
      JSON.stringify(s.parties),
      portJson(s.portOfLading),
      portJson(s.portOfUnlading),
      JSON.stringify(s.lines),
      JSON.stringify(s.raw),
    ]);
  }
  for (const t of b.tradeStats ?? []) {
    add('trade_stats', [
      t.reporterRegion,
      t.partnerCountry,
      t.month,
      t.hsCode,
      t.valueUsd ?? null,
      t.quantity ?? null,
      t.quantityUnit ?? null,
      t.flow,
      t.raw && Object.keys(t.raw).length > 0 ? JSON.stringify(t.raw) : null,
    ]);
  }
}

/** Memo of port JSON by raw name: a manifest file names a few hundred ports millions of times. */
const portMemo = new Map<string, { code: string | null; country: string | null; json: string }>();

function portJson(p: PortRef | null): string | null {
  if (!p) return null;
  const known = portMemo.get(p.raw);
  if (known && known.code === p.code && known.country === p.country) return known.json;
  const json = JSON.stringify({ raw: p.raw, code: p.code, country: p.country });
  if (portMemo.size < 10_000) portMemo.set(p.raw, { code: p.code, country: p.country, json });
  return json;
}

/** Entity rows (properties packed as JSON) and their folded lookup keys, once per key. */
function addEntities(
  entities: NonNullable<RecordBundle['entities']>,
  rec: number,
  rows: Record<WriteTable, PreparedRows>,
  add: (t: FactTable, values: Value[]) => void,
) {
  const keys = rows.entity_keys;
  const seen = new Set<string>();
  for (const e of entities) {
    const props: PackedProps = {};
    for (const prop in e.properties) {
      const values = e.properties[prop as keyof typeof e.properties];
      const packed: (string | [string, string])[] = [];
      const folds = FOLDED_PROPS.has(prop);
      for (const v of values ?? []) {
        if (v.value.length === 0) continue;
        packed.push(v.lang ? [v.value, v.lang] : v.value);
        if (!folds) continue;
        const folded = foldLookup(v.value);
        const k = `${folded}\u0000${e.id}\u0000${prop}`;
        if (seen.has(k)) continue;
        seen.add(k);
        keys.rec.push(rec);
        keys.values.push(folded, e.id, prop);
      }
      if (packed.length > 0) props[prop] = packed;
    }
    add('entities', [e.id, e.schema, JSON.stringify(props)]);
  }
}
