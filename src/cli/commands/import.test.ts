import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

const ROOT = new URL('../../../', import.meta.url).pathname;
const FIXTURES = join(ROOT, 'src/ingest/fixtures');

function threadline(args: string[]) {
  const r = spawnSync(process.execPath, [join(ROOT, 'bin/threadline.mjs'), ...args], { encoding: 'utf8' });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

describe('threadline import', () => {
  it('imports, reports rejects on stderr and ends --json output with the summary', () => {
    const dir = mkdtempSync(join(tmpdir(), 'threadline-cli-'));
    const db = join(dir, 't.db');
    const r = threadline([
      '--db',
      db,
      '--json',
      'import',
      'ams',
      join(FIXTURES, 'ams'),
      '--dataset',
      'ams-test',
    ]);
    expect(r.code).toBe(0);
    const last = JSON.parse(r.stdout.trim().split('\n').at(-1) as string);
    expect(last).toMatchObject({
      dataset: 'ams-test',
      records: 2,
      rejected: 1,
      added: 2,
      removed: 0,
      changed: 0,
    });
    expect(last.rejectFile).toBe(join(dir, `ams-test.${last.importId}.rejects.jsonl`));
    expect(readdirSync(dir)).toContain(`ams-test.${last.importId}.rejects.jsonl`);
    expect(r.stderr).toContain('ams__header_2022__202209010000.csv:4: unparseable arrival date "not a date"');

    const again = threadline(['--db', db, 'import', 'ams', join(FIXTURES, 'ams'), '--dataset', 'ams-test']);
    expect(again.code).toBe(0);
    expect(again.stdout).toContain('0 added, 0 changed, 0 removed, 2 unchanged; 1 rejected.');
  });

  it('exits 2 on usage errors and lists the formats in --help', () => {
    const dir = mkdtempSync(join(tmpdir(), 'threadline-cli-'));
    const db = join(dir, 't.db');
    expect(threadline(['--db', db, 'import', 'nope', 'x.csv']).code).toBe(2);
    const missing = threadline(['--db', db, 'import', 'bol-csv', join(dir, 'missing.csv')]);
    expect(missing.code).toBe(2);
    expect(missing.stderr).toContain('no such file');
    expect(existsSync(db)).toBe(false); // a typo leaves no empty store behind
    expect(
      threadline([
        '--db',
        db,
        'import',
        'bol-csv',
        join(FIXTURES, 'bol-vendor.csv'),
        '--dataset',
        'Bad Name!',
      ]).code,
    ).toBe(2);
    const help = threadline(['import', '--help']);
    expect(help.code).toBe(0);
    for (const f of [
      'ftm',
      'ofac-sdn-csv',
      'ofac-sdn-xml',
      'uflpa-html',
      'cbp-wro-csv',
      'csl-csv',
      'registry-csv',
      'bol-csv',
      'ams',
      'trade-stats-csv',
    ]) {
      expect(help.stdout).toContain(`  ${f} `);
    }
  });
});
