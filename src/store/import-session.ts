import {
  assertProvenance,
  type DatasetName,
  type ImportSummary,
  type RecordBundle,
  ValidationError,
} from '../model/index.ts';
import type { Exec, Row } from './exec.ts';
import { rowsHash } from './hash.ts';
import { factRows } from './rows.ts';
import { FACT_TABLES, type WriteTable } from './schema.ts';
import type { BatchCounts, ImportSession } from './store.ts';

/** SQLite's default host-parameter limit leaves room for ~900 keys per IN list. */
const IN_CHUNK = 500;

const now = () => new Date().toISOString();

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
  #done = false;

  constructor(ex: Exec, importId: number, dataset: DatasetName, base: number) {
    this.#ex = ex;
    this.importId = importId;
    this.dataset = dataset;
    this.#base = base;
  }

  async write(bundles: readonly RecordBundle[]): Promise<BatchCounts> {
    if (this.#done) throw new Error('import session already finished');
    // Provenance is checked here, at the last gate before the database, whatever the caller typed.
    const byKey = new Map<string, RecordBundle>();
    for (const b of bundles) {
      assertProvenance(b?.provenance);
      if (b.provenance.dataset !== this.dataset) {
        throw new ValidationError(
          'missing_provenance',
          `record ${b.provenance.recordKey} names dataset ${b.provenance.dataset}, import is for ${this.dataset}`,
        );
      }
      byKey.set(b.provenance.recordKey, b); // a key repeated within a batch: the last one wins
    }
    const ex = this.#ex;
    return ex.transaction(async (tx) => {
      // Always look keys up (an indexed probe per key): a key may repeat across batches of one file.
      const existing = await this.#lookup(tx, [...byKey.keys()]);
      const counts = { added: 0, changed: 0, unchanged: 0 };
      const fresh: { key: string; bundle: RecordBundle; hash: string; rows: Record<WriteTable, Row[]> }[] =
        [];
      const rewrite: { id: number; rows: Record<WriteTable, Row[]> }[] = [];
      const db = tx.db;
      for (const [key, b] of byKey) {
        const rows = factRows(b, this.importId);
        const hash = rowsHash(rows);
        const old = existing.get(key);
        const p = b.provenance;
        if (old && old.hash === hash && !old.removed) {
          counts.unchanged++;
          await tx.run(
            db
              .updateTable('records')
              .set({ last_import: this.importId, source_file: p.sourceFile, line: p.line })
              .where('id', '=', old.id),
          );
          continue;
        }
        if (!old) {
          counts.added++;
          fresh.push({ key, bundle: b, hash, rows });
          continue;
        }
        // Changed, or back after a removal (a new life: counted as added).
        if (old.removed) counts.added++;
        else counts.changed++;
        rewrite.push({ id: old.id, rows });
        await tx.run(
          db
            .updateTable('records')
            .set({
              hash,
              source_file: p.sourceFile,
              line: p.line,
              changed_import: this.importId,
              last_import: this.importId,
              removed_at: null,
              removed_import: null,
              ...(old.removed ? { first_import: this.importId } : {}),
            })
            .where('id', '=', old.id),
        );
      }
      for (let i = 0; i < rewrite.length; i += IN_CHUNK) {
        const ids = rewrite.slice(i, i + IN_CHUNK).map((r) => r.id);
        for (const t of FACT_TABLES) await tx.run(db.deleteFrom(t).where('rec_id', 'in', ids));
      }
      const inserted = await tx.insertReturning(
        'records',
        fresh.map(({ key, bundle, hash }) => ({
          dataset: this.dataset,
          record_key: key,
          hash,
          source_file: bundle.provenance.sourceFile,
          line: bundle.provenance.line,
          first_import: this.importId,
          changed_import: this.importId,
          last_import: this.importId,
          removed_at: null,
          removed_import: null,
        })),
        ['id', 'record_key'],
      );
      const idOf = new Map(inserted.map((r) => [r.record_key as string, Number(r.id)]));
      const facts: Record<WriteTable, Row[]> = {
        entities: [],
        entity_keys: [],
        relationships: [],
        memberships: [],
        shipments: [],
        trade_stats: [],
      };
      const add = (rows: Record<WriteTable, Row[]>, recId: number) => {
        for (const t of FACT_TABLES) {
          for (const r of rows[t]) {
            r.rec_id = recId;
            facts[t].push(r);
          }
        }
        for (const r of rows.entity_keys) facts.entity_keys.push(r);
      };
      for (const f of fresh) add(f.rows, idOf.get(f.key) as number);
      for (const r of rewrite) add(r.rows, r.id);
      for (const t of FACT_TABLES) await tx.insertMany(t, facts[t]);
      await tx.insertMany('entity_keys', facts.entity_keys, { ignoreConflicts: true });
      return counts;
    });
  }

  async #lookup(tx: Exec, keys: string[]): Promise<Map<string, Existing>> {
    const out = new Map<string, Existing>();
    for (let i = 0; i < keys.length; i += IN_CHUNK) {
      const rows = await tx.all(
        tx.db
          .selectFrom('records')
          .select(['id', 'record_key', 'hash', 'removed_at'])
          .where('dataset', '=', this.dataset)
          .where('record_key', 'in', keys.slice(i, i + IN_CHUNK)),
      );
      for (const r of rows)
        out.set(r.record_key, { id: Number(r.id), hash: r.hash, removed: r.removed_at != null });
    }
    return out;
  }

  async noteRejected(count: number): Promise<void> {
    this.#rejected += count;
    await this.#ex.run(
      this.#ex.db.updateTable('imports').set({ rejected: this.#rejected }).where('id', '=', this.importId),
    );
  }

  async finish(opts: { complete: boolean }): Promise<ImportSummary> {
    this.#done = true;
    const ex = this.#ex;
    const db = ex.db;
    const id = this.importId;
    await ex.transaction(async (tx) => {
      let removed = 0;
      if (opts.complete) {
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
    void reason;
    return this.finish({ complete: false });
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
  };
}
