import { classifyGoods, goodsOfHs } from '../../normalize/index.ts';
import { UsageError } from '../usage-error.ts';
import type { RegisterCommand } from './index.ts';

export const registerGoods: RegisterCommand = (program, ctx) => {
  program
    .command('goods')
    .description(
      'What goods are: with --hs, the HS chapter/heading and the UFLPA high-priority sectors (core or downstream) of a code; with a description (English or Chinese), the likely HS codes and sectors, ranked, with confidence and the words that decided it.',
    )
    .argument('[description...]', 'a cargo description, e.g. "100% COTTON COMBED YARN" or 多晶硅')
    .option('--hs <code>', 'an HS code (2-10 digits, dots allowed), e.g. 2002.90')
    .addHelpText(
      'after',
      '\nExamples:\n  threadline goods --hs 5205.12\n  threadline goods "TOMATO PASTE 36-38 BRIX"\n  threadline --json goods 多晶硅\nExit codes: 0, 2 usage error (neither or both of --hs and a description, or not an HS code).',
    )
    .action((words: string[], opts: { hs?: string }, cmd) => {
      const { out } = ctx(cmd);
      const text = words.join(' ').trim();
      if (opts.hs && text) throw new UsageError('give either --hs CODE or a description, not both');
      if (opts.hs) {
        const g = goodsOfHs(opts.hs);
        if (!g)
          throw new UsageError(`not an HS code: ${JSON.stringify(opts.hs)} (2-10 digits, dots allowed)`);
        out.record(g);
        out.table(
          ['code', 'chapter', 'heading'],
          [
            [
              g.code,
              g.chapter ? `${g.chapter.code} ${g.chapter.description}` : '?',
              g.heading ? `${g.heading.code} ${g.heading.description}` : '',
            ],
          ],
        );
        out.line();
        if (g.sectors.length === 0) out.line('Not in a UFLPA high-priority sector.');
        else
          out.table(
            ['sector', 'tier', 'prefix', 'match'],
            g.sectors.map((s) => [
              s.name,
              s.tier,
              s.prefix,
              s.strength === 'exact' ? 'exact' : 'partial (code too coarse)',
            ]),
          );
        return;
      }
      if (!text) throw new UsageError('give a description or --hs CODE');
      const guesses = classifyGoods(text);
      out.record({ description: text, guesses });
      if (guesses.length === 0) {
        out.line('Nothing recognised.');
        return;
      }
      out.table(
        ['HS', 'sector', 'tier', 'confidence', 'via', 'words'],
        guesses.map((g) => [
          g.hsCode,
          g.sector ?? '-',
          g.tier ?? '',
          g.confidence,
          g.via,
          g.words.join(', '),
        ]),
      );
    });
};
