import { entityId, NotFoundError } from '../../model/index.ts';
import { analystName, WHO_HELP } from '../analyst.ts';
import { UsageError } from '../usage-error.ts';
import type { RegisterCommand } from './index.ts';

const VERDICTS = ['same', 'not-same', 'unsure'] as const;

export const registerJudge: RegisterCommand = (program, ctx) => {
  program
    .command('judge')
    .description(
      'Record an analyst judgement that entities A and B are the same, not the same, or unsure, with who, ' +
        'when and why. The latest judgement on a pair wins; `threadline xref` applies them (same transitively, ' +
        'not-same as a separation no score overrules). Judgements survive re-imports.',
    )
    .argument('<a>', 'entity id')
    .argument('<b>', 'entity id')
    .argument('<verdict>', VERDICTS.join(' | '))
    .requiredOption('--why <text>', 'the reason, kept with the judgement (required)')
    .option('--who <name>', WHO_HELP)
    .action(async (a: string, b: string, verdict: string, opts: { why: string; who?: string }, cmd) => {
      const { out, store } = ctx(cmd);
      if (!(VERDICTS as readonly string[]).includes(verdict)) {
        throw new UsageError(`verdict must be one of ${VERDICTS.join(', ')}, got ${verdict}`);
      }
      if (opts.why.trim().length === 0) throw new UsageError('--why must say why');
      let ida: ReturnType<typeof entityId>;
      let idb: ReturnType<typeof entityId>;
      try {
        ida = entityId(a);
        idb = entityId(b);
      } catch (err) {
        throw new UsageError((err as Error).message);
      }
      if (ida === idb) throw new UsageError('A and B must be different entities');
      const s = await store();
      for (const id of [ida, idb]) if (!(await s.getEntity(id))) throw new NotFoundError(`entity ${id}`);
      const j = {
        kind: 'match' as const,
        a: ida,
        b: idb,
        verdict: verdict as (typeof VERDICTS)[number],
        who: analystName(opts.who),
        at: new Date().toISOString(),
        why: opts.why,
      };
      await s.addJudgement(j);
      out.record(j);
      out.line(`Recorded: ${ida} ${verdict} ${idb} (${j.who}, ${j.at}).`);
    });
};
