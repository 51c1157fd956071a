import { compare, DEFAULT_THRESHOLD, readPairs } from '../../resolve/index.ts';
import { UsageError } from '../usage-error.ts';
import type { RegisterCommand } from './index.ts';

export const registerCompare: RegisterCommand = (program, ctx) => {
  program
    .command('compare')
    .description(
      'Score pairs of names from a CSV (columns name1,name2 and optional schema; other columns ignored). ' +
        'Prints one JSON object per row, in input order: {"line","name1","name2","score","match","explanation"}; ' +
        'the explanation says whether the names were compared as persons or organisations, which variants ' +
        '(original, transliterated, pinyin/translated, Han) met, how each token pair agreed and what it earned, ' +
        'and every feature with its weight, value and detail. ' +
        `Needs no store. A pair matches at score >= ${DEFAULT_THRESHOLD} unless --threshold says otherwise.`,
    )
    .requiredOption('--pairs <file>', 'CSV file with a header row: name1,name2[,schema]')
    .option('--threshold <n>', 'decision threshold in [0,1]', String(DEFAULT_THRESHOLD))
    .action(async (opts: { pairs: string; threshold: string }, cmd) => {
      const { out } = ctx(cmd);
      const threshold = Number(opts.threshold);
      if (!Number.isFinite(threshold) || threshold < 0 || threshold > 1) {
        throw new UsageError(`--threshold must be a number in [0,1], got ${opts.threshold}`);
      }
      let parsed: Awaited<ReturnType<typeof readPairs>>;
      try {
        parsed = await readPairs(opts.pairs);
      } catch (err) {
        throw new UsageError(`cannot read ${opts.pairs}: ${(err as Error).message}`);
      }
      if (!parsed.ok) throw new UsageError(parsed.error);
      for (const row of parsed.rows) {
        const schema = row.schema ?? null;
        const r = compare({ name: row.name1, schema }, { name: row.name2, schema }, { threshold });
        const obj = {
          line: row.line,
          name1: row.name1,
          name2: row.name2,
          score: r.score,
          match: r.match,
          explanation: r.explanation,
        };
        // JSON lines with or without --json: this output is meant for programs.
        if (out.json) out.record(obj);
        else out.line(JSON.stringify(obj));
      }
    });
};
