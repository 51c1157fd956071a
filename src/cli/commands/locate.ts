import { locate, locatePort } from '../../normalize/index.ts';
import { UsageError } from '../usage-error.ts';
import type { RegisterCommand } from './index.ts';

export const registerLocate: RegisterCommand = (program, ctx) => {
  program
    .command('locate')
    .description(
      'Locate an address or name (Chinese, pinyin, English): country, province, prefecture, county, XPCC unit (division / regiment / farm), whether it is in Xinjiang, with the evidence (which words matched which gazetteer entry) and the words that did not count (street names, shop names, outweighed countries). With --port, look the text up as a port name instead (country and UN/LOCODE).',
    )
    .argument('<text...>', 'the address or name (quote it, or pass several words)')
    .option('--port', 'treat the text as a port name from a manifest')
    .addHelpText(
      'after',
      '\nExamples:\n  threadline locate "新疆生产建设兵团第八师一五二团"\n  threadline locate "Xinjiang Restaurant, 123 Main St, Flushing, NY 11354, USA"\n  threadline locate --port "NHAVA SHEVA (JNPT)"\nExit codes: 0 (also when nothing is recognised), 2 usage error.',
    )
    .action((words: string[], opts: { port?: boolean }, cmd) => {
      const { out } = ctx(cmd);
      const text = words.join(' ').trim();
      if (text.length === 0) throw new UsageError('give the text to locate');
      if (opts.port) {
        const p = locatePort(text);
        out.record({ text, port: p });
        if (p)
          out.table(
            ['port', 'country', 'UN/LOCODE', 'matched'],
            [[p.name, p.country, p.locode ?? '', p.matched]],
          );
        else out.line('No port recognised.');
        return;
      }
      const r = locate(text);
      out.record({ text, ...r });
      const name = (n: { zh: string; en: string } | null) => (n ? `${n.zh} ${n.en}` : '');
      out.table(
        ['country', 'province', 'prefecture', 'county', 'xinjiang', 'xpcc', 'confidence'],
        [
          [
            r.country ?? '?',
            name(r.province),
            name(r.prefecture),
            name(r.county),
            r.xinjiang ? 'YES' : 'no',
            r.xpcc
              ? [
                  r.xpcc.division ? `division ${r.xpcc.division}` : '',
                  r.xpcc.regiment ? `regiment ${r.xpcc.regiment}` : '',
                  r.xpcc.farm ?? '',
                  r.xpcc.unit ? r.xpcc.unit.code : '',
                ]
                  .filter(Boolean)
                  .join(', ') || 'XPCC'
              : '',
            r.confidence,
          ],
        ],
      );
      out.line();
      out.table(
        ['token', 'entry', 'role', 'weight', 'counted'],
        [
          ...r.evidence.map((e) => [e.token, e.entry, e.role, e.weight, 'yes']),
          ...r.ignored.map((e) => [e.token, e.entry, e.role, e.weight, `no: ${e.reason}`]),
        ],
      );
    });
};
