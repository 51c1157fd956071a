import { safeText } from '../output.ts';
import type { RegisterCommand } from './index.ts';

export const registerDatasets: RegisterCommand = (program, ctx) => {
  program
    .command('datasets')
    .description('List the loaded datasets with record counts and provenance')
    .action(async (_opts, cmd) => {
      const { out, store } = ctx(cmd);
      const s = await store();
      const rows = await s.listDatasets();
      for (const d of rows) out.record(d);
      out.table(
        [
          'dataset',
          'title',
          'records',
          'entities',
          'links',
          'listings',
          'shipments',
          'stats',
          'removed',
          'last import',
        ],
        rows.map((d) => [
          d.name,
          d.title,
          d.records,
          d.entities,
          d.relationships,
          d.memberships,
          d.shipments,
          d.tradeStats,
          d.removed,
          d.lastImport
            ? `${d.lastImport.finishedAt ?? d.lastImport.startedAt} (${d.lastImport.status}${d.lastImport.error ? `: ${d.lastImport.error}` : ''})`
            : '',
        ]),
      );
      if (rows.length === 0)
        out.line(`No datasets in ${safeText(s.location)}. Try \`threadline import --help\`.`);
    });
};
