import type { FindingVerdict } from '../../model/index.ts';
import { findingJudgement, isFindingKey } from '../../screen/index.ts';
import { analystName, WHO_HELP } from '../analyst.ts';
import { UsageError } from '../usage-error.ts';
import type { RegisterCommand } from './index.ts';

const VERDICTS: readonly FindingVerdict[] = ['confirmed', 'false-positive'];

/** `threadline decide KEY confirmed|false-positive --why …` and `threadline decisions [KEY]`. */
export const registerDecide: RegisterCommand = (program, ctx) => {
  program
    .command('decide')
    .description(
      'Record an analyst decision on a screening finding: confirmed (it counts, marked confirmed) or ' +
        'false-positive (reported as dismissed, no longer raises risk), with who, when and why. The latest ' +
        'decision on a key wins; decisions apply on the next screen and survive re-imports.',
    )
    .argument('<finding-key>', 'the finding key printed by `threadline screen` (type:16 hex digits)')
    .argument('<verdict>', VERDICTS.join(' | '))
    .requiredOption('--why <text>', 'the reason, kept in the audit trail (required)')
    .option('--who <name>', WHO_HELP)
    .addHelpText(
      'after',
      `
A finding key hashes the finding type, its subject (the party's entity id, or its name and
country) and the decisive facts (which list entry, which owner, which division code), not the
bill: a decision on "this party matches that list entry" applies to every bill it appears on.
See the history with \`threadline decisions [KEY]\`.

Exit codes: 0 recorded, 2 usage error.

Example:
  threadline decide listed:3fa9c2e1d0b7a415 false-positive --why "different company, same trade name; checked USCC"`,
    )
    .action(async (key: string, verdict: string, opts: { why: string; who?: string }, cmd) => {
      const { out, store } = ctx(cmd);
      if (!isFindingKey(key))
        throw new UsageError(`not a finding key: ${JSON.stringify(key)} (expected type:16 hex digits)`);
      if (!(VERDICTS as readonly string[]).includes(verdict))
        throw new UsageError(`verdict must be one of ${VERDICTS.join(', ')}, got ${verdict}`);
      if (opts.why.trim().length === 0) throw new UsageError('--why must say why');
      const j = findingJudgement({
        findingKey: key,
        verdict: verdict as FindingVerdict,
        why: opts.why.trim(),
        who: analystName(opts.who),
      });
      const s = await store();
      await s.addJudgement(j);
      out.record(j);
      out.line(
        `Recorded: ${key} ${verdict} (${j.who}, ${j.at}). It applies on the next \`threadline screen\`.`,
      );
    });

  program
    .command('decisions')
    .description(
      'List analyst decisions on screening findings, oldest first: the audit trail (who, when, why)',
    )
    .argument('[finding-key]', 'only this finding')
    .action(async (key: string | undefined, _opts, cmd) => {
      const { out, store } = ctx(cmd);
      const s = await store();
      const all = (await s.listJudgements('finding')).filter(
        (j) => j.kind === 'finding' && (!key || j.findingKey === key),
      );
      for (const j of all) out.record(j);
      out.table(
        ['when', 'who', 'finding', 'verdict', 'why'],
        all.map((j) => (j.kind === 'finding' ? [j.at, j.who, j.findingKey, j.verdict, j.why] : [])),
      );
      if (all.length === 0) out.line(key ? `No decisions on ${key}.` : 'No decisions yet.');
    });
};
