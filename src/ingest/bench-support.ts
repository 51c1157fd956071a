/**
 * For bench/import-*.bench.ts (not part of the ingest API). Shared by the import benchmarks: a seeded generator, and a run of the import driver on an
 * embedded SQLite store file that measures total throughput, the time spent inside the
 * store's `session.write`, and peak memory. The parser alone is timed too (no store), so a
 * shortfall can be attributed.
 */
import { rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { datasetName, seededRandom } from '../model/index.ts';
import { openStore, type Store } from '../store/index.ts';
import { ByteMeter, FORMATS, type FormatName, runImport } from './index.ts';

/** The model's seeded generator, so every run sees the same data. */
export const rng = seededRandom;

const mb = () => Math.round(process.resourceUsage().maxRSS / 1024);

/** Wraps the store so the time spent in `session.write`/`writePrepared` is measured. */
function timedStore(store: Store, spent: { write: number }): Store {
  return new Proxy(store, {
    get(target, prop) {
      if (prop !== 'beginImport') {
        // Bound to the real store: its methods use private fields a proxy does not have.
        const v = Reflect.get(target, prop, target);
        return typeof v === 'function' ? v.bind(target) : v;
      }
      return async (opts: Parameters<Store['beginImport']>[0]) => {
        const session = await target.beginImport(opts);
        return new Proxy(session, {
          get(s, p) {
            const v = Reflect.get(s, p, s);
            if (typeof v !== 'function') return v;
            if (p !== 'write' && p !== 'writePrepared') return v.bind(s);
            return async (...args: unknown[]) => {
              const t0 = performance.now();
              try {
                return await v.apply(s, args);
              } finally {
                spent.write += performance.now() - t0;
              }
            };
          },
        });
      };
    },
  });
}

export async function benchImport(
  format: FormatName,
  file: string,
  rows: number,
  unit: string,
): Promise<void> {
  // 1. Full import into an embedded store file.
  const db = join(tmpdir(), `threadline-${format}-bench.db`);
  for (const suffix of ['', '-wal', '-shm']) rmSync(`${db}${suffix}`, { force: true });
  const spent = { write: 0 };
  const store = timedStore(await openStore(db), spent);
  let t0 = performance.now();
  const cpu0 = process.cpuUsage();
  const main0 = process.threadCpuUsage();
  const r = await runImport(store, { format, paths: [file], rejectDir: tmpdir() });
  const secs = (performance.now() - t0) / 1000;
  // CPU per record: this (writing) thread, and the rest of the process (the parse worker,
  // plus GC and I/O helper threads). On a loaded VM wall time varies; CPU time much less.
  const all = process.cpuUsage(cpu0);
  const main = process.threadCpuUsage(main0);
  const perRecord = (us: number) => (us / r.records).toFixed(1);
  const mainUs = main.user + main.system;
  await store.close();
  console.log(
    `import: ${r.records} ${unit} (${r.rejected} rejected) in ${secs.toFixed(2)} s = ${Math.round(r.records / secs)} ${unit}/s; ` +
      `session.write ${(spent.write / 1000).toFixed(2)} s (${Math.round((spent.write / 1000 / secs) * 100)}%), ` +
      `parsing and driver ${(secs - spent.write / 1000).toFixed(2)} s; peak RSS ${mb()} MB`,
  );
  console.log(
    `cpu per record: writing thread ${perRecord(mainUs)} µs, other threads ${perRecord(all.user + all.system - mainUs)} µs`,
  );
  // 2. Parser alone (after the import, so the import runs on a fresh heap).
  t0 = performance.now();
  let parsed = 0;
  for await (const x of FORMATS[format].parse({
    dataset: datasetName('bench'),
    paths: [file],
    meter: new ByteMeter(),
  })) {
    if (x.ok) parsed++;
  }
  const parseSecs = (performance.now() - t0) / 1000;
  console.log(
    `parse only: ${parsed} ${unit} in ${parseSecs.toFixed(2)} s = ${Math.round(parsed / parseSecs)} ${unit}/s (peak RSS ${mb()} MB)`,
  );

  if (r.records !== rows) console.log(`WARNING: expected ${rows} ${unit}, imported ${r.records}`);
  for (const suffix of ['', '-wal', '-shm']) rmSync(`${db}${suffix}`, { force: true });
}
