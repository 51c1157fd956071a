import { Worker } from 'node:worker_threads';
import { type RecordBundle, ThreadlineError } from '../model/index.ts';
import { BatchBuilder, type PreparedBatch } from '../store/index.ts';
import { FORMATS, type FormatName } from './formats.ts';
import type { ByteMeter } from './reader/byte-source.ts';
import type { Rejection } from './types.ts';

/** A batch of parsed records and the rows rejected while reading them. */
export interface ParsedBatch {
  /** Parsed in this thread: the bundles (empty when `prepared` carries them). */
  readonly bundles: RecordBundle[];
  /** From the worker: the bundles already prepared for the store (`BatchBuilder`). */
  readonly prepared: PreparedBatch | null;
  readonly rejections: Rejection[];
  /** Bytes of input read so far (for progress and ETA). */
  readonly bytesRead: number;
}

export interface ParseJob {
  readonly format: FormatName;
  readonly dataset: string;
  readonly paths: readonly string[];
  readonly encoding: string | undefined;
  readonly batchSize: number;
  /** Apply `enrichBundle` from normalize to every bundle (in the parsing thread). */
  readonly enrich: ((b: RecordBundle) => RecordBundle) | null;
}

/** Parses in this thread, grouping records into batches. */
export async function* parseHere(job: ParseJob, meter: ByteMeter): AsyncGenerator<ParsedBatch> {
  let bundles: RecordBundle[] = [];
  let rejections: Rejection[] = [];
  for await (const r of parseRecords(job, meter)) {
    if (!r.ok) {
      rejections.push(r.rejection);
      continue;
    }
    bundles.push(job.enrich ? job.enrich(r.bundle) : r.bundle);
    if (bundles.length >= job.batchSize) {
      yield { bundles, prepared: null, rejections, bytesRead: meter.done };
      bundles = [];
      rejections = [];
    }
  }
  yield { bundles, prepared: null, rejections, bytesRead: meter.done };
}

/**
 * Parses in this thread and prepares each record for the store as soon as it is parsed (the
 * worker's loop): only flat rows stay alive, not a batch of bundles. A record key repeated
 * within a batch starts the next batch, so each batch holds a key once and the repeat is
 * written after it, as a later version.
 */
export async function* parsePrepared(job: ParseJob, meter: ByteMeter): AsyncGenerator<ParsedBatch> {
  const builder = new BatchBuilder(job.dataset);
  let rejections: Rejection[] = [];
  const flush = (): ParsedBatch => {
    const batch = { bundles: [], prepared: builder.take(), rejections, bytesRead: meter.done };
    rejections = [];
    return batch;
  };
  for await (const r of parseRecords(job, meter)) {
    if (!r.ok) {
      rejections.push(r.rejection);
      continue;
    }
    const bundle = job.enrich ? job.enrich(r.bundle) : r.bundle;
    if (builder.has(bundle.provenance.recordKey)) yield flush();
    builder.add(bundle);
    if (builder.size >= job.batchSize) yield flush();
  }
  yield flush();
}

function parseRecords(job: ParseJob, meter: ByteMeter) {
  return FORMATS[job.format].parse({
    dataset: job.dataset as never,
    paths: job.paths,
    encoding: job.encoding,
    meter,
  });
}

/** Batches the parsing thread may run ahead of the writer (bounded memory). */
const IN_FLIGHT = 2;

export type WorkerMessage =
  | { readonly type: 'batch'; readonly batch: ParsedBatch }
  | { readonly type: 'done' }
  | { readonly type: 'error'; readonly code: string | null; readonly message: string };

/**
 * Parses in a worker thread while the caller writes: on two cores, parsing and the store's
 * inserts overlap instead of taking turns. The worker also prepares each batch for the store
 * (rows, content hashes): that work moves off the writing thread, and flat rows of strings
 * cost less to copy between threads than nested bundles. It stays at most {@link IN_FLIGHT}
 * batches ahead of the consumer.
 */
export async function* parseInWorker(job: ParseJob): AsyncGenerator<ParsedBatch> {
  const worker = new Worker(new URL('./parse-worker.ts', import.meta.url), {
    workerData: { ...job, enrich: job.enrich !== null },
  });
  const queue: WorkerMessage[] = [];
  let wake: (() => void) | null = null;
  let failure: Error | null = null;
  worker.on('message', (m: WorkerMessage) => {
    queue.push(m);
    wake?.();
  });
  worker.on('error', (e) => {
    failure = e;
    wake?.();
  });
  worker.on('exit', (code) => {
    if (code !== 0 && !failure) failure = new Error(`parse worker exited with code ${code}`);
    wake?.();
  });
  try {
    for (;;) {
      while (queue.length === 0 && !failure) await new Promise<void>((r) => (wake = r));
      wake = null;
      const m = queue.shift();
      if (!m) throw failure ?? new Error('parse worker stopped');
      if (m.type === 'done') return;
      if (m.type === 'error') {
        throw m.code ? new ThreadlineError(m.code, m.message) : new Error(m.message);
      }
      worker.postMessage('more');
      yield m.batch;
    }
  } finally {
    await worker.terminate();
  }
}

export { IN_FLIGHT };
