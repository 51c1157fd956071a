import { Worker } from 'node:worker_threads';
import type { StoredShipment } from '../model/index.ts';
import type { ScreenResult } from './findings.ts';
import { DEFAULT_MATCHER } from './matchers.ts';
import type { SnapshotData } from './snapshot.ts';

/**
 * Worker threads that each hold a copy of the snapshot and screen batches of shipments with
 * `screenShard`. The snapshot is posted once per worker (structured clone of typed arrays and
 * plain objects); batches go to the least busy worker; results come back per batch.
 */
export class ScreenPool {
  readonly size: number;
  private readonly workers: Worker[];
  private readonly busy: number[];
  private readonly pending = new Map<
    number,
    { resolve: (r: ScreenResult[]) => void; reject: (e: Error) => void; worker: number }
  >();
  private seq = 0;
  private closed = false;

  private constructor(workers: Worker[]) {
    this.workers = workers;
    this.size = workers.length;
    this.busy = workers.map(() => 0);
    workers.forEach((w, i) => {
      w.on('message', (m: { kind: string; id: number; results?: ScreenResult[]; message?: string }) => {
        const p = this.pending.get(m.id);
        if (!p) return;
        this.pending.delete(m.id);
        this.busy[i] = (this.busy[i] as number) - 1;
        if (m.kind === 'done') p.resolve(m.results ?? []);
        else p.reject(new Error(`screening worker failed: ${m.message ?? 'unknown error'}`));
      });
      w.on('error', (err) => this.failAll(i, err));
    });
  }

  /** Starts `size` workers and waits until each has built its snapshot. */
  static async start(data: SnapshotData, size: number, matcher = DEFAULT_MATCHER): Promise<ScreenPool> {
    const url = new URL('./worker.ts', import.meta.url);
    const workers = await Promise.all(
      Array.from({ length: Math.max(1, size) }, async () => {
        const w = new Worker(url, { workerData: { data, matcher } });
        await new Promise<void>((resolve, reject) => {
          const onMsg = (m: { kind: string }) => {
            if (m.kind === 'ready') {
              w.off('message', onMsg);
              w.off('error', reject);
              resolve();
            }
          };
          w.on('message', onMsg);
          w.once('error', reject);
        });
        return w;
      }),
    );
    return new ScreenPool(workers);
  }

  /** Batches in flight (for back-pressure). */
  get inFlight(): number {
    return this.pending.size;
  }

  screen(shipments: StoredShipment[]): Promise<ScreenResult[]> {
    if (this.closed) return Promise.reject(new Error('pool closed'));
    let w = 0;
    for (let i = 1; i < this.size; i++) if ((this.busy[i] as number) < (this.busy[w] as number)) w = i;
    const id = this.seq++;
    this.busy[w] = (this.busy[w] as number) + 1;
    return new Promise((resolve, reject) => {
      this.pending.set(id, { resolve, reject, worker: w });
      (this.workers[w] as Worker).postMessage({ id, shipments });
    });
  }

  async close(): Promise<void> {
    this.closed = true;
    await Promise.all(this.workers.map((w) => w.terminate()));
  }

  private failAll(worker: number, err: Error): void {
    for (const [id, p] of this.pending) {
      if (p.worker !== worker) continue;
      this.pending.delete(id);
      p.reject(err);
    }
  }
}
