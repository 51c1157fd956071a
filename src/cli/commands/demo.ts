import { existsSync, rmSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { renderResult, resultRecord } from '../../report/index.ts';
import { xref } from '../../resolve/index.ts';
import { screenShipments } from '../../screen/index.ts';
import { openStore } from '../../store/index.ts';
import { UsageError } from '../usage-error.ts';
import { EXAMPLE_WORKSPACE, loadWorkspace } from '../workspace.ts';
import type { RegisterCommand } from './index.ts';

const DEFAULT_DB = './threadline-example.db';

/**
 * `threadline demo` (what `npm start` runs): the main job, end to end, on a workspace. It
 * always uses an embedded store of its own, fresh each run, so it never touches the user's data.
 */
export const registerDemo: RegisterCommand = (program, ctx) => {
  program
    .command('demo')
    .description(
      'Run the main job on the bundled example workspace: load it into a fresh embedded store, ' +
        'resolve shipment parties, screen every shipment and print the ranked findings with evidence',
    )
    .option('--workspace <dir>', 'workspace folder (with workspace.json)', EXAMPLE_WORKSPACE)
    .option('--store <path>', 'embedded store file to (re)create for the demo', DEFAULT_DB)
    .addHelpText(
      'after',
      '\nThe demo store is deleted and rebuilt on each run; your own store (--db, DATABASE_URL, THREADLINE_DB) is not used.',
    )
    .action(async (opts: { workspace: string; store: string }, cmd) => {
      const { out } = ctx(cmd);
      if (!existsSync(resolve(opts.workspace, 'workspace.json'))) {
        throw new UsageError(`no workspace.json in ${opts.workspace}`);
      }
      const path = resolve(opts.store);
      for (const suffix of ['', '-wal', '-shm']) rmSync(`${path}${suffix}`, { force: true });
      const store = await openStore(path);
      try {
        out.line(`Threadline demo: loading ${opts.workspace} into ${path}`);
        await loadWorkspace(store, opts.workspace, {
          rejectDir: dirname(path),
          onImport: (r) => {
            out.record({ step: 'import', ...r });
            out.line(
              `  ${r.dataset.padEnd(24)} ${String(r.records).padStart(6)} records` +
                (r.rejected ? `, ${r.rejected} rejected (see ${r.rejectFile})` : ''),
            );
          },
        });
        const datasets = await store.listDatasets();
        out.line();
        out.table(
          ['dataset', 'title', 'entities', 'links', 'listings', 'shipments', 'stats'],
          datasets.map((d) => [
            d.name,
            d.title,
            d.entities,
            d.relationships,
            d.memberships,
            d.shipments,
            d.tradeStats,
          ]),
        );

        // Resolve: the same company named in several sources (the XPCC in a registry and on
        // the OFAC list) becomes one node, so ownership chains connect across datasets.
        const x = await xref(store);
        out.record({ step: 'xref', ...x, topPairs: undefined });
        out.line();
        out.line(
          `Resolved ${x.entities} entities into ${x.clusters} clusters of the same party (${x.clusteredEntities} entities merged).`,
        );

        // Screen every shipment with the default policy.
        const bar = out.progress('screening', null);
        const r = await screenShipments(store, { onScreened: (n) => bar.update(n) });
        bar.stop();
        out.line(
          `Screened ${r.screened} shipments: ${r.counts.high} high, ${r.counts.medium} medium, ${r.counts.low} low, ${r.counts.none} none.`,
        );
        out.line();
        const shown = r.results.filter((res) => res.risk !== 'none');
        for (const res of shown) {
          out.record(resultRecord(res));
          out.line(renderResult(res, { maxEvidence: 8 }));
          out.line();
        }
        out.line(
          'Try: npx threadline --db threadline-example.db screen shipments --json | head -1 ; ' +
            'npx threadline --db threadline-example.db flows --origin Xinjiang --partner US --from 2022-01',
        );
      } finally {
        await store.close();
      }
    });
};
