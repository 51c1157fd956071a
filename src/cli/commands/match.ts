import { isFtmSchema } from '../../model/index.ts';
import { DEFAULT_THRESHOLD, Matcher } from '../../resolve/index.ts';
import { knownDatasets } from '../known-datasets.ts';
import { UsageError } from '../usage-error.ts';
import type { RegisterCommand } from './index.ts';

export const registerMatch: RegisterCommand = (program, ctx) => {
  program
    .command('match')
    .description(
      'Find the entities in the store that best match NAME (any script: Chinese, pinyin, English, Cyrillic…), ' +
        `with score, decision (match at >= ${DEFAULT_THRESHOLD}) and an explanation of every feature. ` +
        'Exit code 1 when no candidate reaches the threshold.',
    )
    .argument('<name>', 'the name to look for')
    .option('--schema <schema>', 'FtM schema of the query (Person, Company, Organization, LegalEntity)')
    .option('--country <cc>', 'ISO 3166 alpha-2 country of the query')
    .option('--id <id...>', 'identifiers of the query (USCC, LEI, list ids)')
    .option('--limit <n>', 'number of candidates', '10')
    .option('--dataset <name...>', 'only match entities of these datasets')
    .action(
      async (
        name: string,
        opts: { schema?: string; country?: string; id?: string[]; limit: string; dataset?: string[] },
        cmd,
      ) => {
        const { out, store } = ctx(cmd);
        const limit = Number(opts.limit);
        if (!Number.isInteger(limit) || limit < 1 || limit > 1000) {
          throw new UsageError(`--limit must be an integer from 1 to 1000, got ${opts.limit}`);
        }
        if (opts.schema && !isFtmSchema(opts.schema))
          throw new UsageError(`unknown FtM schema: ${opts.schema}`);
        if (opts.country && !/^[A-Za-z]{2}$/.test(opts.country)) {
          throw new UsageError(`--country must be an ISO 3166 alpha-2 code, got ${opts.country}`);
        }
        if (name.trim() === '') throw new UsageError('NAME is empty');
        const s = await store();
        const datasets = opts.dataset ? await knownDatasets(s, opts.dataset) : undefined;
        const bar = out.progress('indexing', null);
        const matcher = await Matcher.fromStore(s, {
          ...(datasets ? { datasets } : {}),
          onProgress: (n) => bar.update(n),
        });
        bar.stop();
        const res = matcher.match(
          {
            name,
            schema: opts.schema ?? null,
            country: opts.country?.toLowerCase() ?? null,
            identifiers: opts.id ?? [],
          },
          limit,
        );
        for (const r of res) out.record(r);
        out.table(
          ['score', 'match', 'entity', 'schema', 'name', 'compared'],
          res.map((r) => [
            r.score.toFixed(3),
            r.match ? 'yes' : '',
            r.entityId,
            r.schema,
            r.name,
            `${r.explanation.variantA.kind}:${r.explanation.variantA.text} ~ ${r.explanation.variantB.kind}:${r.explanation.variantB.text}`,
          ]),
        );
        if (res.length === 0) out.line(`No candidates among ${matcher.entityCount} entities.`);
        if (!res.some((r) => r.match)) process.exitCode = 1;
      },
    );
};
