import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterAll, describe, expect, it } from 'vitest';
import { openStore } from '../store/index.ts';
import { storeTarget } from './context.ts';
import { displayWidth, renderTable, safeText } from './output.ts';

const BIN = join(import.meta.dirname, '..', '..', 'bin', 'threadline.mjs');
const dir = mkdtempSync(join(tmpdir(), 'threadline-cli-'));
/** A small FtM list from the example workspace. */
const FIXTURE = join(
  import.meta.dirname,
  '..',
  '..',
  'examples',
  'workspace',
  'lists',
  'sanctions.ftm.jsonl',
);
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** Runs the real CLI in a child process, with no PostgreSQL in its environment. */
function cli(args: string[]) {
  const env = { ...process.env };
  delete env.DATABASE_URL;
  delete env.THREADLINE_DB;
  const r = spawnSync(process.execPath, [BIN, ...args], { encoding: 'utf8', env, cwd: dir });
  return { status: r.status, stdout: r.stdout, stderr: r.stderr };
}

describe('threadline CLI shell', () => {
  it('prints help listing the commands, and the version', () => {
    const help = cli(['--help']);
    expect(help.status).toBe(0);
    for (const c of ['datasets', 'import', 'demo']) expect(help.stdout).toMatch(new RegExp(`\\n\\s+${c}\\b`));
    const v = cli(['--version']);
    expect(v.status).toBe(0);
    expect(v.stdout.trim()).toMatch(/^\d+\.\d+\.\d+$/);
  });

  it('exits 2 on usage errors', () => {
    expect(cli(['no-such-command']).status).toBe(2);
    expect(cli(['datasets', '--no-such-flag']).status).toBe(2);
    expect(cli(['import']).status).toBe(2);
  });

  it('exits quietly when the reader of its output goes away (EPIPE)', () => {
    const env = { ...process.env };
    delete env.DATABASE_URL;
    const r = spawnSync('sh', ['-c', `"${process.execPath}" "${BIN}" --help | head -c 10`], {
      encoding: 'utf8',
      env,
    });
    expect(r.status).toBe(0);
    expect(r.stderr).not.toMatch(/EPIPE|Error/);
  });

  it('lists datasets of an empty store as a table and as JSON lines', async () => {
    const db = join(dir, 'empty.db');
    await (await openStore(db)).close();
    const human = cli(['--db', db, 'datasets']);
    expect(human.status).toBe(0);
    expect(human.stdout).toContain('No datasets');
    const json = cli(['--db', db, '--json', 'datasets']);
    expect(json.status).toBe(0);
    expect(json.stdout).toBe('');
  });

  it('imports a file and reports it in datasets with provenance (JSON lines)', () => {
    const db = join(dir, 'one.db');
    const imp = cli(['--db', db, '--json', 'import', 'ftm', FIXTURE, '--dataset', 'cli-test']);
    expect(imp.status).toBe(0);
    const summary = JSON.parse(imp.stdout.trim().split('\n').at(-1) as string);
    expect(summary).toMatchObject({ dataset: 'cli-test', records: 7, added: 7, rejected: 0 });
    const ds = cli(['--db', db, '--json', 'datasets']);
    const rows = ds.stdout
      .trim()
      .split('\n')
      .map((l) => JSON.parse(l));
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({ name: 'cli-test', entities: 3, memberships: 2, relationships: 2 });
    expect(rows[0].lastImport.files).toEqual([FIXTURE]);
  });
});

describe('output helpers', () => {
  it('strips terminal control sequences from untrusted text', () => {
    expect(safeText('ACME\u001b[2J\rLtd')).toBe('ACME�[2J�Ltd');
  });
  it('aligns CJK text by display width', () => {
    const t = renderTable(
      ['name', 'n'],
      [
        ['新疆冠农', 1],
        ['Guannong', 22],
      ],
    ).split('\n');
    const col = (line: string | undefined, cell: string) =>
      displayWidth((line ?? '').slice(0, (line ?? '').indexOf(cell)));
    expect(col(t[2], '1')).toBe(10);
    expect(col(t[3], '22')).toBe(10);
  });
  it('chooses the store: --db, then DATABASE_URL, then THREADLINE_DB, then ./threadline.db', () => {
    expect(storeTarget({ db: 'a.db' }, { DATABASE_URL: 'postgres://x' })).toBe('a.db');
    expect(storeTarget({}, { DATABASE_URL: 'postgres://x', THREADLINE_DB: 'b.db' })).toBe('postgres://x');
    expect(storeTarget({}, { THREADLINE_DB: 'b.db' })).toBe('b.db');
    expect(storeTarget({}, {})).toBe('./threadline.db');
  });
});

describe('the --db store file', () => {
  it('must exist for commands that read: a mistyped path fails instead of answering "nothing found"', () => {
    const typo = join(dir, 'typo.db');
    for (const args of [
      ['datasets'],
      ['screen', 'shipments', '--fail-on', 'high'],
      ['screen', 'entity', 'Grand Star LLC'],
      ['owners', 'x'],
      ['subsidiaries', 'x'],
      ['trace', 'x'],
      ['match', 'x'],
      ['flows', '--origin', 'Xinjiang'],
      ['decisions'],
    ]) {
      const r = cli(['--db', typo, ...args]);
      expect(r.status, args.join(' ')).toBe(1);
      expect(r.stderr).toBe(
        `threadline: no store at ${typo}; import data first (threadline import …) or give --db [no_store]\n`,
      );
    }
    expect(existsSync(typo)).toBe(false);
    // The default store is no different: a read in an empty folder says where it looked.
    const r = cli(['datasets']);
    expect(r.status).toBe(1);
    expect(r.stderr).toContain(`no store at ${join(dir, 'threadline.db')}`);
  });

  it('is created by import, in an existing directory only', () => {
    const db = join(dir, 'new.db');
    expect(cli(['--db', db, 'import', 'ftm', FIXTURE]).status).toBe(0);
    expect(cli(['--db', db, 'datasets']).status).toBe(0);
    const deep = join(dir, 'no', 'such', 'dir', 'x.db');
    for (const args of [['datasets'], ['import', 'ftm', FIXTURE]]) {
      const r = cli(['--db', deep, ...args]);
      expect(r.status).toBe(1);
      expect(r.stderr).toMatch(/^threadline: (no store at|cannot create a store at) .*x\.db.*\n$/);
    }
    expect(existsSync(join(dir, 'no'))).toBe(false);
  });

  it('that is not SQLite is named in a one-line message, not a stack trace', () => {
    const file = join(dir, 'notadb.db');
    writeFileSync(file, 'id,name\n1,ACME\n');
    for (const args of [['datasets'], ['import', 'ftm', FIXTURE]]) {
      const r = cli(['--db', file, ...args]);
      expect(r.status).toBe(1);
      expect(r.stderr).toBe(
        `threadline: ${file} is not a Threadline store (file is not a database) [not_a_store]\n`,
      );
    }
    expect(readFileSync(file, 'utf8')).toBe('id,name\n1,ACME\n');
  });

  it("that is another application's SQLite database is refused, not migrated", () => {
    const file = join(dir, 'other-app.db');
    const other = new Database(file);
    other.exec("CREATE TABLE users (id INTEGER PRIMARY KEY, name TEXT); INSERT INTO users VALUES (1, 'a')");
    other.close();
    const before = readFileSync(file);
    for (const args of [['datasets'], ['import', 'ftm', FIXTURE]]) {
      const r = cli(['--db', file, ...args]);
      expect(r.status).toBe(1);
      expect(r.stderr).toBe(
        `threadline: ${file} is an SQLite database but not a Threadline store [not_a_store]\n`,
      );
    }
    expect(readFileSync(file).equals(before)).toBe(true);
  });
});
