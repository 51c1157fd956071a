import { parentPort, workerData } from 'node:worker_threads';
import { ThreadlineError } from '../model/index.ts';
import { enrichBundle } from '../normalize/index.ts';
import { IN_FLIGHT, type ParseJob, parsePrepared, type WorkerMessage } from './parse-batches.ts';
import { ByteMeter } from './reader/byte-source.ts';

/** Worker-thread entry: parses `workerData`'s job and posts batches (see parse-batches.ts). */
const port = parentPort;
if (!port) throw new Error('parse-worker must run in a worker thread');
const data = workerData as Omit<ParseJob, 'enrich'> & { enrich: boolean };
const job: ParseJob = { ...data, enrich: data.enrich ? enrichBundle : null };

let credit = IN_FLIGHT;
let wake: (() => void) | null = null;
port.on('message', () => {
  credit++;
  wake?.();
});
const post = (m: WorkerMessage) => port.postMessage(m);

try {
  for await (const batch of parsePrepared(job, new ByteMeter())) {
    while (credit === 0) await new Promise<void>((r) => (wake = r));
    credit--;
    post({ type: 'batch', batch });
  }
  post({ type: 'done' });
} catch (err) {
  post({
    type: 'error',
    code: err instanceof ThreadlineError ? err.code : null,
    message: err instanceof Error ? err.message : String(err),
  });
}
port.close();
