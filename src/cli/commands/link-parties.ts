import { DEFAULT_THRESHOLD, linkShipmentParties, Matcher } from '../../resolve/index.ts';
import { knownDatasets } from '../known-datasets.ts';
import { UsageError } from '../usage-error.ts';
import type { RegisterCommand } from './index.ts';

const HELP = `
Each shipper, consignee, notify party and manufacturer on the stored bills that no entity id
was given for at import is matched by name and country against the entities (of --dataset,
default all); the best candidate scoring at least --threshold is recorded as that party's
entity. trace, owners/subsidiaries of a party and the graph then follow the link (screen
matches unresolved names itself and does not need it). Links survive re-imports; running
again only looks at parties still unresolved. Check proposals first with \`threadline match\`.

--json prints {"parties","linked","unchanged"}.

Examples:
  threadline link-parties
  threadline link-parties --dataset ofac-sdn uflpa --threshold 0.8`;

export const registerLinkParties: RegisterCommand = (program, ctx) => {
  program
    .command('link-parties')
    .description('Resolve the parties of stored bills of lading to entities by name, so traces follow them')
    .option('--dataset <name...>', 'match against entities of these datasets (default: all)')
    .option('--threshold <n>', 'record a link at or above this score', String(DEFAULT_THRESHOLD))
    .addHelpText('after', HELP)
    .action(async (opts: { dataset?: string[]; threshold: string }, cmd) => {
      const { out, store } = ctx(cmd);
      const threshold = Number(opts.threshold);
      if (!Number.isFinite(threshold) || threshold <= 0 || threshold > 1)
        throw new UsageError(`--threshold must be a number in (0,1], got ${opts.threshold}`);
      const s = await store();
      const datasets = opts.dataset ? await knownDatasets(s, opts.dataset) : undefined;
      const indexing = out.progress('indexing entities', null);
      const matcher = await Matcher.fromStore(s, {
        threshold,
        ...(datasets ? { datasets } : {}),
        onProgress: (n) => indexing.update(n),
      });
      indexing.stop();
      const bar = out.progress('linking parties of bills', null);
      const r = await linkShipmentParties(s, matcher, { onProgress: (n) => bar.update(n) });
      bar.stop();
      out.record(r);
      out.line(
        `${r.linked} of ${r.parties} shipment parties linked to entities (matched at >= ${threshold} against ${matcher.entityCount} entities); ${r.unchanged} already resolved.`,
      );
    });
};
