import { parseUscc } from '../../normalize/index.ts';
import { UsageError } from '../usage-error.ts';
import type { RegisterCommand } from './index.ts';

const nameOf = (n: { zh: string; en: string } | null) => (n ? { zh: n.zh, en: n.en } : null);

export const registerUscc: RegisterCommand = (program, ctx) => {
  program
    .command('uscc')
    .description(
      'Validate and decode Unified Social Credit Codes (统一社会信用代码): check character (GB 32100), organisation-code check (warning), registration authority, entity category, and the registering division (province / prefecture / county, historic Xinjiang codes included), flagging Xinjiang (65xxxx) and XPCC cities (6590xx). Exit code 1 if any code is invalid.',
    )
    .argument('<code...>', 'one or more 18-character codes')
    .addHelpText(
      'after',
      '\nWith --json: one object per code, in order:\n  {"code","valid","errors":[…],"warnings":[…],"authority":{code,zh,en},"category":{code,zh,en},\n   "region":{"code","province":{zh,en},"prefecture":{zh,en},"county":{zh,en}},"xinjiang":bool,"xpcc":bool,"xpccDivision":n|null}\nExit codes: 0 all valid, 1 at least one invalid code, 2 usage error.\nExample: threadline uscc 91210700701620122U',
    )
    .action((codes: string[], _opts, cmd) => {
      const { out } = ctx(cmd);
      if (codes.length === 0) throw new UsageError('give at least one code');
      const rows: unknown[][] = [];
      let invalid = 0;
      for (const raw of codes) {
        const u = parseUscc(raw);
        if (!u.valid) invalid++;
        out.record({
          code: u.code,
          valid: u.valid,
          errors: u.errors,
          warnings: u.warnings,
          authority: u.authority,
          category: u.category,
          region: u.region
            ? {
                code: u.region.code,
                province: nameOf(u.region.province),
                prefecture: nameOf(u.region.prefecture),
                county: nameOf(u.region.county),
              }
            : null,
          xinjiang: u.xinjiang,
          xpcc: u.xpcc,
          xpccDivision: u.xpccDivision,
        });
        const place = [u.region?.province, u.region?.prefecture, u.region?.county]
          .filter((p) => p)
          .map((p) => `${p?.zh} ${p?.en}`)
          .join(' / ');
        const flags = [u.xinjiang ? 'XINJIANG' : '', u.xpcc ? `XPCC div. ${u.xpccDivision ?? '?'}` : '']
          .filter(Boolean)
          .join(', ');
        rows.push([
          u.code,
          u.valid ? 'valid' : 'INVALID',
          u.category ? `${u.category.code} ${u.category.en}` : (u.authority?.en ?? ''),
          place || u.region?.code || '',
          flags,
          [...u.errors, ...u.warnings].join('; '),
        ]);
      }
      out.table(['code', 'check', 'category', 'registered at', 'flags', 'notes'], rows);
      if (invalid > 0) process.exitCode = 1;
    });
};
