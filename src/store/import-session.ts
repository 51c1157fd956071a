import type { Compilable } from 'kysely';
import type { DatasetName, ImportSummary, RecordBundle } from '../model/index.ts';
import { compileOnce, type Exec, type Value } from './exec.ts';
import { CONTENT_COLUMNS, checkProvenance, type PreparedBatch, prepareBatch } from './prepare.ts';
import { FACT_TABLES, type FactTable } from './schema.ts';
import type { BatchCounts, ImportSession } from './store.ts';

/** SQLite's default host-parameter limit leaves room for ~900 keys per IN list. */
const IN_CHUNK = 500;

const now = () => new Date().toISOString();

const RECORD_COLUMNS = [
  'id',
  'dataset',
  'record_key',
  'hash',
  'first_import',
  'changed_import',
  'last_import',
];
/** Fact rows as the session writes them: provenance columns, then the prepared content. */
const FACT_COLUMNS = Object.fromEntries(
  FACT_TABLES.map((t) => [
    t,
    ['rec_id', 'ord', 'dataset', 'record_key', 'source_file', 'line', ...CONTENT_COLUMNS[t]],
  ]),
) as Record<FactTable, string[]>;

/**
 * A prepared batch may come from another thread: its provenance columns are checked again here,
 * the last gate before the database, whatever the caller sent.
 */
function checkPrepared(batch: PreparedBatch, dataset: DatasetName): void {
  const n = batch.keys.length;
  if (batch.hashes.length !== n || batch.files.length !== n || batch.lines.length !== n) {
    throw new Error('malformed prepared batch: record columns differ in length');
  }
  for (let i = 0; i < n; i++) {
    checkProvenance(
      { dataset: batch.dataset, sourceFile: batch.files[i], recordKey: batch.keys[i], line: batch.lines[i] },
      dataset,
    );
  }
}

interface Existing {
  id: number;
  hash: string;
  removed: boolean;
}

/**
 * One import: batches are transactions; change detection is by record key against the
 * stored hash. Counts in the summary are relative to the last *completed* import of the
 * dataset (`base`), so an import that was interrupted and re-run reports the same totals as
 * one clean run would.
 */
export class KyselyImportSession implements ImportSession {
  readonly importId: number;
  readonly dataset: DatasetName;
  readonly #ex: Exec;
  readonly #base: number;
  #rejected = 0;
  #lookupQuery: Compilable<{
    id: number;
    record_key: string;
    hash: string;
    removed_at: string | null;
  }> | null = null;
  #done = false;

  constructor(ex: Exec, importId: number, dataset: DatasetName, base: number) {
    this.#ex = ex;
    this.importId = importId;
    this.dataset = dataset;
    this.#base = base;
  }

  async write(bundles: readonly RecordBundle[]): Promise<BatchCounts> {
    return this.writePrepared(prepareBatch(bundles, this.dataset));
  }

  async writePrepared(batch: PreparedBatch): Promise<BatchCounts> {
    if (this.#done) throw new Error('import session already finished');
    checkPrepared(batch, this.dataset);
    const importId = this.importId;
    return this.#ex.transaction(async (tx) => {
      // Always look keys up (an indexed probe per key): a key may repeat across batches of one file.
      const existing = await this.#lookup(tx, batch.keys);
      const counts = { added: 0, changed: 0, unchanged: 0 };
      const n = batch.keys.length;
      /** Per record: the rec_id its facts are (re)written under, or 0 when they stay as stored. */
      const recIds = new Array<number>(n).fill(0);
      const fresh: number[] = [];
      const touched: Value[][] = [];
      const rewritten: Value[][] = [];
      const revived: Value[][] = [];
      const gone: number[] = [];
      for (let i = 0; i < n; i++) {
        const old = existing.get(batch.keys[i] as string);
        const hash = batch.hashes[i] as string;
        if (!old) {
          counts.added++;
          fresh.push(i);
        } else if (old.hash === hash && !old.removed) {
          counts.unchanged++;
          // The stored facts keep where their content was read.
          touched.push([importId, old.id]);
        } else {
          if (old.removed) {
            // Back after a removal: a new life, counted as added.
            counts.added++;
            revived.push([hash, importId, importId, null, null, importId, old.id]);
          } else {
            counts.changed++;
            rewritten.push([hash, importId, importId, old.id]);
          }
          // Its facts are cleared and written again under the same record id.
          recIds[i] = old.id;
          gone.push(old.id);
        }
      }
      // Each update is compiled once with placeholder values; the lists give them in order.
      const update = tx.db.updateTable('records');
      const rewrite = { hash: '', changed_import: 0, last_import: 0 };
      await tx.runEach(update.set({ last_import: 0 }).where('id', '=', 0), touched);
      await tx.runEach(update.set(rewrite).where('id', '=', 0), rewritten);
      await tx.runEach(
        update
          .set({ ...rewrite, removed_at: null, removed_import: null, first_import: 0 })
          .where('id', '=', 0),
        revived,
      );
      for (let i = 0; i < gone.length; i += IN_CHUNK) {
        const ids = gone.slice(i, i + IN_CHUNK);
        for (const t of FACT_TABLES) await tx.run(tx.db.deleteFrom(t).where('rec_id', 'in', ids));
      }
      const ids = await tx.reserveIds('records', fresh.length);
      const records: Value[] = [];
      for (let j = 0; j < fresh.length; j++) {
        const i = fresh[j] as number;
        const id = ids[j] as number;
        recIds[i] = id;
        records.push(
          id,
          this.dataset,
          batch.keys[i] as string,
          batch.hashes[i] as string,
          importId,
          importId,
          importId,
        );
      }
      await tx.insertFlat('records', RECORD_COLUMNS, records);
      for (const t of FACT_TABLES) {
        await tx.insertFlat(t, FACT_COLUMNS[t], this.#factValues(batch, t, recIds));
      }
      const keys = batch.rows.entity_keys;
      const keyValues: Value[] = [];
      for (let r = 0; r < keys.rec.length; r++) {
        if (recIds[keys.rec[r] as number] === 0) continue;
        keyValues.push(
          keys.values[r * 3] ?? null,
          keys.values[r * 3 + 1] ?? null,
          keys.values[r * 3 + 2] ?? null,
        );
      }
      await tx.insertFlat('entity_keys', CONTENT_COLUMNS.entity_keys, keyValues, { ignoreConflicts: true });
      return counts;
    });
  }

  /** The rows of `table` to write, provenance columns first, for the records with a rec_id. */
  #factValues(batch: PreparedBatch, table: FactTable, recIds: readonly number[]): Value[] {
    const { rec, values } = batch.rows[table];
    const width = CONTENT_COLUMNS[table].length;
    const out: Value[] = [];
    let last = -1;
    let ord = 0;
    for (let r = 0; r < rec.length; r++) {
      const i = rec[r] as number;
      const recId = recIds[i] as number;
      ord = i === last ? ord + 1 : 0;
      last = i;
      if (recId === 0) continue;
      out.push(
        recId,
        ord,
        this.dataset,
        batch.keys[i] as string,
        batch.files[i] as string,
        batch.lines[i] ?? null,
      );
      for (let c = r * width; c < (r + 1) * width; c++) out.push(values[c] ?? null);
    }
    return out;
  }

  async #lookup(tx: Exec, keys: readonly string[]): Promise<Map<string, Existing>> {
    const out = new Map<string, Existing>();
    // One query shape for every chunk, compiled once: a short chunk repeats its first key
    // (a repeat in an IN list changes nothing). Compiling a 500-key IN list per chunk cost
    // as much as the lookups themselves.
    this.#lookupQuery ??= compileOnce(
      tx.db
        .selectFrom('records')
        .select(['id', 'record_key', 'hash', 'removed_at'])
        .where('dataset', '=', this.dataset)
        .where('record_key', 'in', new Array<string>(IN_CHUNK).fill('')),
    );
    const lookup = this.#lookupQuery;
    for (let i = 0; i < keys.length; i += IN_CHUNK) {
      const chunk = keys.slice(i, i + IN_CHUNK);
      while (chunk.length < IN_CHUNK) chunk.push(chunk[0] as string);
      for (const r of await tx.allWith(lookup, [this.dataset, ...chunk])) {
        out.set(r.record_key, { id: Number(r.id), hash: r.hash, removed: r.removed_at != null });
      }
    }
    return out;
  }

  async noteRejected(count: number): Promise<void> {
    this.#rejected += count;
    await this.#ex.run(
      this.#ex.db.updateTable('imports').set({ rejected: this.#rejected }).where('id', '=', this.importId),
    );
  }

  async finish(opts: { complete: boolean; removeMissing?: boolean }): Promise<ImportSummary> {
    this.#done = true;
    const ex = this.#ex;
    const db = ex.db;
    const id = this.importId;
    await ex.transaction(async (tx) => {
      let removed = 0;
      if (opts.complete && opts.removeMissing !== false) {
        const at = now();
        removed = await tx.run(
          db
            .updateTable('records')
            .set({ removed_at: at, removed_import: id })
            .where('dataset', '=', this.dataset)
            .where('removed_at', 'is', null)
            .where('last_import', '<', id),
        );
        if (removed > 0) {
          // Mirror the removal onto fact rows so reads filter without a join. History stays.
          const gone = db
            .selectFrom('records')
            .select('id')
            .where('dataset', '=', this.dataset)
            .where('removed_import', '=', id);
          for (const t of FACT_TABLES) {
            // The union of table names defeats Kysely's column inference; every fact table has rec_id.
            await tx.run(
              db
                .updateTable(t)
                .set({ removed_at: at })
                .where('rec_id', 'in', gone as never),
            );
          }
        }
      }
      const counts = await this.#counts(tx);
      await tx.run(
        db
          .updateTable('imports')
          .set({
            ...counts,
            removed,
            rejected: this.#rejected,
            status: opts.complete ? 'done' : 'failed',
            finished_at: now(),
          })
          .where('id', '=', id),
      );
    });
    return this.#summary();
  }

  async fail(reason: string): Promise<ImportSummary> {
    await this.finish({ complete: false });
    // Kept with the import, so `datasets`/`listImports` can say why it stopped.
    await this.#ex.run(
      this.#ex.db
        .updateTable('imports')
        .set({ error: reason.slice(0, 2000) })
        .where('id', '=', this.importId),
    );
    return this.#summary();
  }

  async #counts(tx: Exec) {
    const db = tx.db;
    const [r] = await tx.all(
      db
        .selectFrom('records')
        .select((eb) => [
          eb.fn.countAll<number>().as('records'),
          eb.fn
            .sum<number>(eb.case().when('first_import', '>', this.#base).then(1).else(0).end())
            .as('added'),
          eb.fn
            .sum<number>(
              eb
                .case()
                .when(eb.and([eb('first_import', '<=', this.#base), eb('changed_import', '>', this.#base)]))
                .then(1)
                .else(0)
                .end(),
            )
            .as('changed'),
        ])
        .where('dataset', '=', this.dataset)
        .where('last_import', '=', this.importId),
    );
    const records = Number(r?.records ?? 0);
    const added = Number(r?.added ?? 0);
    const changed = Number(r?.changed ?? 0);
    return { records, added, changed, unchanged: records - added - changed };
  }

  async #summary(): Promise<ImportSummary> {
    const [row] = await this.#ex.all(
      this.#ex.db.selectFrom('imports').selectAll().where('id', '=', this.importId),
    );
    if (!row) throw new Error(`import ${this.importId} vanished`);
    return importSummaryFromRow(row);
  }
}

export function importSummaryFromRow(row: {
  id: number;
  dataset: string;
  format: string;
  files: string;
  started_at: string;
  finished_at: string | null;
  status: string;
  records: number;
  rejected: number;
  added: number;
  removed: number;
  changed: number;
  unchanged: number;
  error?: string | null;
}): ImportSummary {
  return {
    importId: Number(row.id),
    dataset: row.dataset as DatasetName,
    format: row.format,
    files: JSON.parse(row.files) as string[],
    startedAt: row.started_at,
    finishedAt: row.finished_at,
    status: row.status as ImportSummary['status'],
    records: Number(row.records),
    rejected: Number(row.rejected),
    added: Number(row.added),
    removed: Number(row.removed),
    changed: Number(row.changed),
    unchanged: Number(row.unchanged),
    error: row.error ?? null,
  };
}
