import { XREF_THRESHOLD, xref } from '../../resolve/index.ts';
import { knownDatasets } from '../known-datasets.ts';
import { UsageError } from '../usage-error.ts';
import type { RegisterCommand } from './index.ts';

export const registerXref: RegisterCommand = (program, ctx) => {
  program
    .command('xref')
    .description(
      'Cross-reference entities (of the given datasets, or all): match every name against the index, ' +
        'score candidate pairs, and cluster them respecting analyst judgements (`threadline judge`): ' +
        '"same" applies transitively, "not-same" keeps clusters apart. Replaces the stored resolution.',
    )
    .option('--dataset <name...>', 'datasets to cross-reference (default: all)')
    .option('--threshold <n>', 'merge pairs scoring at least this', String(XREF_THRESHOLD))
    .action(async (opts: { dataset?: string[]; threshold: string }, cmd) => {
      const { out, store } = ctx(cmd);
      const threshold = Number(opts.threshold);
      if (!Number.isFinite(threshold) || threshold < 0 || threshold > 1) {
        throw new UsageError(`--threshold must be a number in [0,1], got ${opts.threshold}`);
      }
      const s = await store();
      // A mistyped name would cross-reference nothing and replace the resolution with nothing.
      const datasets = opts.dataset ? await knownDatasets(s, opts.dataset) : undefined;
      const bar = out.progress('xref', null);
      const summary = await xref(s, {
        threshold,
        ...(datasets ? { datasets } : {}),
        onProgress: (done) => bar.update(done),
      });
      bar.stop();
      out.record(summary);
      out.line(
        `${summary.entities} entities, ${summary.pairsAboveThreshold} pairs at >= ${threshold}: ` +
          `${summary.clusters} clusters of ${summary.clusteredEntities} entities (${summary.blocked} merges kept apart by judgements or by relationships between the two).`,
      );
      out.table(
        ['score', 'a', 'name a', 'b', 'name b'],
        summary.topPairs.map((p) => [p.score.toFixed(3), p.a, p.nameA, p.b, p.nameB]),
      );
    });
};
