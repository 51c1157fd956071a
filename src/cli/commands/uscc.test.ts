import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

// uscc, locate and goods need no store.
const root = join(import.meta.dirname, '..', '..', '..');
function cli(...args: string[]) {
  const r = spawnSync(process.execPath, [join(root, 'bin', 'threadline.mjs'), ...args], {
    encoding: 'utf8',
    env: { ...process.env, DATABASE_URL: '' },
  });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}
const lines = (s: string) =>
  s
    .trim()
    .split('\n')
    .map((l) => JSON.parse(l));

describe('threadline uscc / locate / goods', () => {
  it('uscc: one object per code in order; exit 1 when one is invalid', () => {
    const ok = cli('--json', 'uscc', '91210700701620122U');
    expect(ok.code).toBe(0);
    expect(lines(ok.stdout)[0]).toMatchObject({
      code: '91210700701620122U',
      valid: true,
      errors: [],
      authority: { code: '9' },
      category: { code: '91', zh: '企业', en: 'Enterprise' },
      region: {
        code: '210700',
        province: { zh: '辽宁省', en: 'Liaoning' },
        prefecture: { zh: '锦州市', en: 'Jinzhou' },
        county: null,
      },
      xinjiang: false,
      xpcc: false,
    });
    const mixed = cli('--json', 'uscc', '91210700701620122X', '91210700701620122U');
    expect(mixed.code).toBe(1);
    expect(lines(mixed.stdout).map((o) => o.valid)).toEqual([false, true]);
  });

  it('locate: JSON with evidence; a US restaurant is not Xinjiang', () => {
    const r = cli('--json', 'locate', 'Xinjiang Restaurant, 123 Main St, Flushing, NY 11354, USA');
    expect(r.code).toBe(0);
    expect(lines(r.stdout)[0]).toMatchObject({ country: 'US', xinjiang: false });
    const x = lines(cli('--json', 'locate', '兵团农六师新湖农场').stdout)[0];
    expect(x.xpcc).toMatchObject({ division: 6, unit: { code: '652324520' } });
  });

  it('goods: --hs and descriptions; usage error without either', () => {
    expect(lines(cli('--json', 'goods', '--hs', '2002.90').stdout)[0].sectors[0].sector).toBe('tomatoes');
    expect(lines(cli('--json', 'goods', '100% COTTON COMBED YARN').stdout)[0].guesses[0]).toMatchObject({
      sector: 'cotton',
    });
    expect(cli('goods').code).toBe(2);
    expect(cli('goods', '--hs', 'abc').code).toBe(2);
  });
});
