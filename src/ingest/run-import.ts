import { createWriteStream, type WriteStream } from 'node:fs';
import { mkdir, readdir, stat } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { datasetName, type ImportSummary, type RecordBundle, ThreadlineError } from '../model/index.ts';
import { enrichBundle } from '../normalize/index.ts';
import type { Store } from '../store/index.ts';
import { FORMATS, type FormatName, isFormatName } from './formats.ts';
import { parseHere, parseInWorker } from './parse-batches.ts';
import { ByteMeter } from './reader/byte-source.ts';
import { checkEncoding } from './reader/decode.ts';
import type { Rejection } from './types.ts';

/** A bad import request: unknown format, missing file (the CLI exits 2 on these). */
export class ImportInputError extends ThreadlineError<'unknown_format' | 'missing_file' | 'no_records'> {}

/** The import was stopped by its AbortSignal; finished batches stay in the store. */
export class ImportAbortedError extends ThreadlineError<'aborted'> {
  constructor() {
    super('aborted', 'import aborted');
  }
}

/** Progress of a running import, reported after every batch. */
export interface ImportProgress {
  readonly records: number;
  readonly rejected: number;
  readonly batches: number;
  readonly bytesRead: number;
  readonly totalBytes: number;
}

export interface RunImportOptions {
  readonly format: FormatName | string;
  readonly paths: readonly string[];
  /** Dataset name; the format's default (`ofac-sdn`, `uflpa`, …) otherwise. */
  readonly dataset?: string | undefined;
  /** Force a text encoding (`gb18030`, `utf-16le`…); detected otherwise. */
  readonly encoding?: string | undefined;
  /** Bundles per store transaction (default 2,000). */
  readonly batchSize?: number | undefined;
  /** Called after each batch is written. Throwing stops the import (it is marked failed). */
  readonly onProgress?: ((p: ImportProgress) => void) | undefined;
  /** Directory for the reject file `<dataset>.<importId>.rejects.jsonl`. */
  readonly rejectDir: string;
  /** Aborting stops after the current batch; the import is marked failed, finished batches stay. */
  readonly signal?: AbortSignal | undefined;
  /**
   * Applied to every bundle before it is written. Default: `enrichBundle` from normalize
   * (USCCs found in free text, port codes, HS codes); `false` imports the facts as parsed.
   */
  readonly enrich?: ((bundle: RecordBundle) => RecordBundle) | false | undefined;
  /**
   * Parse in a worker thread so parsing and writing overlap (default `'auto'`: for inputs of
   * 4 MB or more, when the enrichment is the default one, which the worker can load itself).
   */
  readonly threads?: boolean | 'auto' | undefined;
  /**
   * The input adds to the dataset (new and updated records) instead of being its new full
   * version: records it lacks are not marked removed. Default false for a list or registry
   * snapshot; true suits a new day of bills of lading.
   */
  readonly append?: boolean | undefined;
}

export interface ImportResult extends ImportSummary {
  /** Path of the reject file, or null when no row was rejected. */
  readonly rejectFile: string | null;
  /** The first rejections (at most 20), for display. */
  readonly rejections: readonly Rejection[];
}

const SAMPLE = 20;

/**
 * Imports files of one format into `store` as one import of one dataset: creates the dataset
 * row if new, streams the parser's bundles to `session.write` in batches (each batch is one
 * transaction), writes every rejected row as a JSON line, and finishes the import as complete.
 * Re-import semantics (added/changed/removed by record key) are the store's. An input that
 * yields no record at all fails the import (ImportInputError `no_records`) and removes nothing.
 */
export async function runImport(store: Store, opts: RunImportOptions): Promise<ImportResult> {
  if (!isFormatName(opts.format)) {
    throw new ImportInputError(
      'unknown_format',
      `unknown format ${JSON.stringify(opts.format)}; one of: ${Object.keys(FORMATS).join(', ')}`,
    );
  }
  const format = FORMATS[opts.format];
  if (opts.paths.length === 0) throw new ImportInputError('missing_file', 'no input file given');
  const meter = new ByteMeter();
  for (const p of opts.paths) {
    const st = await stat(p).catch(() => null);
    if (!st) throw new ImportInputError('missing_file', `no such file: ${p}`);
    if (st.isDirectory() !== format.directory) {
      throw new ImportInputError(
        'missing_file',
        format.directory ? `${opts.format} reads a folder, not a file: ${p}` : `not a file: ${p}`,
      );
    }
    meter.total += format.directory ? await folderSize(p) : st.size;
  }
  const dataset = datasetName(opts.dataset ?? format.defaultDataset);
  const encoding = opts.encoding ? checkEncoding(opts.encoding) : undefined;
  if (!(await store.getDataset(dataset))) await store.upsertDataset({ name: dataset, ...format.meta });

  const session = await store.beginImport({ dataset, format: opts.format, files: opts.paths });
  const rejectFile = join(opts.rejectDir, `${dataset}.${session.importId}.rejects.jsonl`);
  const rejects = new RejectWriter(rejectFile);
  const batchSize = Math.max(1, opts.batchSize ?? 2000);
  const enrich = opts.enrich === false ? null : (opts.enrich ?? enrichBundle);
  const job = { format: opts.format, dataset, paths: opts.paths, encoding, batchSize, enrich };
  // A custom enrich function cannot cross into a worker; only the default one is rebuilt there.
  const canThread = enrich === null || enrich === enrichBundle;
  const threaded =
    canThread &&
    (opts.threads === true || ((opts.threads ?? 'auto') === 'auto' && meter.total >= THREAD_BYTES));
  let records = 0;
  let batches = 0;

  try {
    for await (const b of threaded ? parseInWorker(job) : parseHere(job, meter)) {
      for (const r of b.rejections) await rejects.write(r);
      if (b.rejections.length > 0) await session.noteRejected(b.rejections.length);
      const count = b.prepared ? b.prepared.bundles : b.bundles.length;
      if (count > 0) {
        await (b.prepared ? session.writePrepared(b.prepared) : session.write(b.bundles));
        records += count;
        batches++;
      }
      meter.done = Math.max(meter.done, b.bytesRead);
      opts.onProgress?.({
        records,
        rejected: rejects.count,
        batches,
        bytesRead: meter.done,
        totalBytes: meter.total,
      });
      if (opts.signal?.aborted) throw new ImportAbortedError();
    }
    await rejects.close();
    if (records === 0) {
      // A wrong file, a wrong format or an empty export would otherwise read as "everything
      // was removed" and empty the dataset. Nothing is imported and nothing marked removed.
      const first = rejects.sample[0];
      throw new ImportInputError(
        'no_records',
        `no records read from ${opts.paths.join(', ')} as ${opts.format}` +
          (rejects.count > 0
            ? ` (${rejects.count} rows rejected, the first at ${first?.file}:${first?.line}: ${first?.reason}; see ${rejectFile})`
            : ' (empty input)') +
          `; nothing imported, nothing in dataset ${dataset} marked removed`,
      );
    }
    const summary = await session.finish({ complete: true, removeMissing: !opts.append });
    return { ...summary, rejectFile: rejects.count > 0 ? rejectFile : null, rejections: rejects.sample };
  } catch (err) {
    await rejects.close().catch(() => {});
    const reason = err instanceof Error ? err.message : String(err);
    await session.fail(reason).catch(() => {});
    throw err;
  }
}

/** Inputs this large are parsed in a worker thread (below it, starting one costs more than it saves). */
const THREAD_BYTES = 4 * 1024 * 1024;

async function folderSize(dir: string): Promise<number> {
  let total = 0;
  for (const name of await readdir(dir)) {
    const st = await stat(join(dir, name)).catch(() => null);
    if (st?.isFile()) total += st.size;
  }
  return total;
}

/** Appends rejections as JSON lines; the file is created on the first rejection only. */
class RejectWriter {
  count = 0;
  readonly sample: Rejection[] = [];
  private out: WriteStream | null = null;
  private readonly path: string;

  constructor(path: string) {
    this.path = path;
  }

  async write(r: Rejection): Promise<void> {
    this.count++;
    if (this.sample.length < SAMPLE) this.sample.push(r);
    if (!this.out) {
      await mkdir(dirname(this.path), { recursive: true });
      this.out = createWriteStream(this.path, { flags: 'a' });
    }
    const line = `${JSON.stringify({ file: r.file, line: r.line, reason: r.reason, raw: r.raw })}\n`;
    if (!this.out.write(line)) await new Promise<void>((res) => this.out?.once('drain', () => res()));
  }

  async close(): Promise<void> {
    const out = this.out;
    if (!out) return;
    this.out = null;
    await new Promise<void>((res, rej) => out.end((e?: Error | null) => (e ? rej(e) : res())));
  }
}
