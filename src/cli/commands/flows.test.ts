import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { datasetName, provenance } from '../../model/index.ts';
import { xinjiangFixture } from '../../screen/flows/fixtures/xinjiang-2022.ts';
import { openStore } from '../../store/index.ts';

const root = join(import.meta.dirname, '..', '..', '..');
const dir = mkdtempSync(join(tmpdir(), 'threadline-flows-'));
const db = join(dir, 'flows.db');

function cli(...args: string[]) {
  const r = spawnSync(process.execPath, [join(root, 'bin', 'threadline.mjs'), '--db', db, ...args], {
    encoding: 'utf8',
    env: { ...process.env, DATABASE_URL: '' },
  });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

describe('threadline flows', () => {
  beforeAll(async () => {
    const store = await openStore(db);
    const dataset = datasetName('flows-fixture');
    await store.upsertDataset({
      name: dataset,
      title: 'fixture',
      publisher: null,
      url: null,
      licence: null,
      publishedAt: null,
      version: null,
    });
    const session = await store.beginImport({ dataset, format: 'test', files: ['fixture'] });
    await session.write(
      xinjiangFixture().map((fact, i) => ({
        provenance: provenance({ dataset, sourceFile: 'fixture', recordKey: `row-${i}` }),
        tradeStats: [fact],
      })),
    );
    await session.finish({ complete: true });
    await store.close();
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('prints one JSON object per month with the published figures', () => {
    const r = cli('--json', 'flows', '--origin', 'Xinjiang', '--partner', 'US', '--from', '2022-08');
    expect(r.code).toBe(0);
    const lines = r.stdout
      .trim()
      .split('\n')
      .map((l) => JSON.parse(l));
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatchObject({
      month: '2022-08',
      value_usd: 56_800_000,
      yoy_pct: 592.8,
      partner_rank: 5,
      surge: true,
    });
    expect(Object.keys(lines[0])).toEqual(
      expect.arrayContaining([
        'month',
        'value_usd',
        'mom_pct',
        'yoy_pct',
        'partner_rank',
        'surge',
        'reasons',
      ]),
    );
    expect(lines[0].reasons.join(' ')).toMatch(/UFLPA/);
  });

  it('adds the sector with --by sector and writes CSV', () => {
    const r = cli(
      'flows',
      '--origin',
      '65',
      '--partner',
      'US',
      '--by',
      'sector',
      '--from',
      '2022-08',
      '--csv',
    );
    expect(r.code).toBe(0);
    const [header, ...rows] = r.stdout.trim().split('\n');
    expect(header).toBe(
      'month,sector,region,partner,value_usd,mom_pct,yoy_pct,partner_rank,share_pct,surge,reasons',
    );
    expect(rows.find((l) => l.startsWith('2022-08,apparel,65,US,9200000,'))).toBeDefined();
  });

  it('draws a table with an inline trend', () => {
    const r = cli('flows', '--origin', '新疆', '--partner', 'US', '--from', '2022-07');
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('US$56.8M');
    expect(r.stdout).toMatch(/[▁▂▃▄▅▆▇█]{12}/);
    expect(r.stdout).toContain("rose from Xinjiang's 12th to 5th");
  });

  it('says so, exit 1, when the data lacks the partner instead of printing zeros', () => {
    const r = cli('flows', '--origin', '65', '--partner', 'ZZ');
    expect(r.code).toBe(1);
    expect(r.stdout).toMatch(
      /No export statistics of Xinjiang \(65\) with partner ZZ; partners in the data: .*US/,
    );
  });

  it('exits 2 on a bad argument', () => {
    expect(cli('flows', '--origin', 'Atlantis').code).toBe(2);
    expect(cli('flows', '--origin', '65', '--partner', 'USA').code).toBe(2);
    expect(cli('flows', '--origin', '65', '--from', '2022-13').code).toBe(2);
  });
});
