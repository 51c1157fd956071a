/** Small helpers the benchmarks share: numeric flags, elapsed seconds, peak memory, CPU time. */

const args = process.argv.slice(2);

/** The number after `--name` on the command line, or `dflt`. */
export function numArg(name: string, dflt: number): number {
  const i = args.indexOf(name);
  return i >= 0 ? Number(args[i + 1]) : dflt;
}

/** Peak resident memory of the process so far. */
export const mem = (): string => `${Math.round(process.resourceUsage().maxRSS / 1024)} MB peak RSS`;

/** Seconds since `t0` (a `performance.now()` reading). */
export const secs = (t0: number): string => ((performance.now() - t0) / 1000).toFixed(2);

let cpu0 = process.cpuUsage();
/** Starts a CPU-time measurement (see {@link cpu}). */
export const cpuMark = (): void => {
  cpu0 = process.cpuUsage();
};
/**
 * User CPU time since the last {@link cpuMark}. The benchmark machine is shared: CPU time of
 * this process shows the work when wall time is inflated by other processes.
 */
export const cpu = (): string => `${(process.cpuUsage(cpu0).user / 1e6).toFixed(2)} s CPU`;

/** Whether `--name` was given. */
export function flag(name: string): boolean {
  return args.includes(name);
}
