import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeUscc } from '../../normalize/index.ts';
import { BILL, ID, newsCases } from '../../screen/fixtures/news-cases.ts';
import { loadFacts, membership, prov } from '../../screen/testing.ts';
import { openStore } from '../../store/index.ts';

// `threadline screen …` and `threadline decide` end to end over a store file holding the news
// cases (real names only where a public source states the fact; see fixtures/news-cases.ts).
const root = join(import.meta.dirname, '..', '..', '..');
const dir = mkdtempSync(join(tmpdir(), 'threadline-screen-'));
const db = join(dir, 'screen.db');

function cli(...args: string[]) {
  const r = spawnSync(process.execPath, [join(root, 'bin', 'threadline.mjs'), '--db', db, ...args], {
    encoding: 'utf8',
    env: { ...process.env, DATABASE_URL: '', THREADLINE_DB: '' },
  });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}
const jsonLines = (s: string) =>
  s
    .trim()
    .split('\n')
    .filter(Boolean)
    .map((l) => JSON.parse(l) as Record<string, unknown>);
const AS_OF = ['--as-of', '2024-06-01', '--workers', '1'];
const AS_OF_E = ['--as-of', '2024-06-01'];

beforeAll(async () => {
  const s = await openStore(db);
  await loadFacts(s, newsCases());
  await s.close();
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('threadline screen shipments', () => {
  it('prints one JSON object per shipment with risk, score and cited findings', () => {
    const r = cli('--json', 'screen', 'shipments', ...AS_OF, '--no-save');
    expect(r.code).toBe(0);
    const lines = jsonLines(r.stdout);
    expect(lines).toHaveLength(13);
    const restaurant = lines.find((l) => l.shipment_id === BILL.restaurant);
    expect(restaurant).toMatchObject({ risk: 'none', score: 0, findings: [] });
    const shihezi = lines.find((l) => l.shipment_id === BILL.shihezi) as {
      risk: string;
      findings: {
        type: string;
        severity: string;
        subject: { role: string };
        evidence: { dataset: string; record: { key: string } }[];
      }[];
    };
    expect(shihezi.risk).toBe('high');
    const x = shihezi.findings.find((f) => f.type === 'xinjiang_located');
    expect(x?.subject.role).toBe('shipper');
    expect(x?.evidence.every((e) => e.dataset && e.record.key)).toBe(true);
  });

  it('prints a summary and the top results with evidence for people', () => {
    const r = cli('screen', 'shipments', ...AS_OF, '--no-save', '--limit', '2');
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('Screened 13 shipments.');
    expect(r.stdout).toMatch(/high\s+3/);
    expect(r.stdout).toContain('third_country_routing');
    expect(r.stdout).toContain('evidence:');
    expect(r.stdout).toMatch(/key [a-z_]+:[0-9a-f]{16}/);
  });

  it('writes CSV with one row per finding, filters by --min-risk, and gates with --fail-on', () => {
    const csv = cli('screen', 'shipments', ...AS_OF, '--no-save', '--csv', '--min-risk', 'high');
    expect(csv.code).toBe(0);
    const rows = csv.stdout.trim().split('\n');
    expect(rows[0]).toMatch(/^item_kind,item_id,dataset,date,label,risk,score,finding_key,type/);
    expect(rows.slice(1).every((l) => l.includes(',high,'))).toBe(true);
    expect(cli('screen', 'shipments', ...AS_OF, '--no-save', '--json', '--fail-on', 'high').code).toBe(1);
    expect(cli('screen', 'shipments', ...AS_OF, '--no-save', '--json', '--fail-on', 'none').code).toBe(2);
  });

  it('rejects a bad policy file naming the field (exit 2)', () => {
    const bad = join(dir, 'bad-policy.yaml');
    writeFileSync(
      bad,
      'findings:\n  listed:\n    weight: 2\nrisk:\n  thresholds: { medium: 0.9, high: 0.1 }\n',
    );
    const r = cli('screen', 'shipments', ...AS_OF, '--no-save', '--policy', bad);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('findings.listed');
    expect(r.stderr).toContain('risk.thresholds');
  });
});

describe('decisions and monitoring', () => {
  it('a decision dismisses the finding on the next screen; --since-last reports what a new listing changed', async () => {
    const first = jsonLines(cli('--json', 'screen', 'shipments', ...AS_OF).stdout);
    const shihezi = first.find((l) => l.shipment_id === BILL.shihezi) as {
      findings: { key: string; type: string }[];
    };
    const key = shihezi.findings.find((f) => f.type === 'xinjiang_located')?.key ?? '';
    const d = cli(
      '--json',
      'decide',
      key,
      'false-positive',
      '--why',
      'test: wrong registry record',
      '--who',
      'analyst-t',
    );
    expect(d.code).toBe(0);
    expect(jsonLines(d.stdout)[0]).toMatchObject({
      kind: 'finding',
      findingKey: key,
      verdict: 'false-positive',
      who: 'analyst-t',
    });
    expect(cli('decide', key, 'maybe', '--why', 'x').code).toBe(2);
    expect(cli('decide', 'not-a-key', 'confirmed', '--why', 'x').code).toBe(2);

    const second = jsonLines(cli('--json', 'screen', 'shipments', ...AS_OF).stdout);
    const again = second.find((l) => l.shipment_id === BILL.shihezi) as {
      risk: string;
      findings: { key: string; status: string; decision?: { who: string; why: string } }[];
    };
    const f = again.findings.find((x) => x.key === key);
    expect(f?.status).toBe('dismissed');
    expect(f?.decision).toMatchObject({ who: 'analyst-t', why: 'test: wrong registry record' });
    expect(again.risk).toBe('low');
    expect(cli('decisions', key).stdout).toContain('analyst-t');

    const s = await openStore(db);
    await loadFacts(s, {
      memberships: [
        membership(
          ID.wanda,
          'uflpa',
          { program: '(v)', effectiveDate: '2024-01-15' },
          prov('synthetic-uflpa', 'uflpa-2024.html', 'wanda'),
        ),
      ],
    });
    await s.close();
    const changes = jsonLines(cli('--json', 'screen', 'shipments', ...AS_OF, '--since-last').stdout);
    expect(
      changes.some(
        (c) => c.change === 'appeared' && c.type === 'listed' && String(c.item).endsWith('ILL-TOMATO-RU-W1'),
      ),
    ).toBe(true);
    expect(changes.every((c) => c.change === 'appeared' || c.change === 'disappeared')).toBe(true);
    const none = cli('screen', 'shipments', ...AS_OF, '--since-last');
    expect(none.stdout).toMatch(/0 findings appeared, 0 disappeared/);
  });
});

describe('threadline screen entity / entities', () => {
  it('screens one name with its evidence', () => {
    const r = cli('--json', 'screen', 'entity', 'Grand Star LLC', '--country', 'RU', ...AS_OF_E, '--no-save');
    expect(r.code).toBe(0);
    const [res] = jsonLines(r.stdout) as { findings: { type: string }[] }[];
    expect(res?.findings.some((f) => f.type === 'third_country_routing')).toBe(true);
    expect(cli('screen', 'entity', 'X', '--country', 'Russia').code).toBe(2);
    const feb31 = cli('screen', 'entity', 'X', '--as-of', '2024-02-31');
    expect(feb31.code).toBe(2);
    expect(feb31.stderr).toMatch(/--as-of must be a date YYYY-MM-DD, got "2024-02-31"/);
  });

  it('screens a supplier list, reporting rows it cannot read', () => {
    const file = join(dir, 'suppliers.csv');
    writeFileSync(
      file,
      'id,name,country,address,identifiers\nS-1,Xinjiang Restaurant LLC,US,"41-00 Main St, Flushing, NY 11355",\nS-2,,CN,,\nS-3,Aksu Example Cotton Spinning Co Ltd,CN,,91652901MA7X000189\n',
    );
    const r = cli('--json', 'screen', 'entities', file, ...AS_OF_E, '--no-save');
    expect(r.code).toBe(0);
    expect(r.stderr).toContain(':3: name');
    const rows = jsonLines(r.stdout) as { row: string; risk: string; findings: { type: string }[] }[];
    expect(rows.map((x) => x.row)).toEqual(['S-1', 'S-3']);
    expect(rows[0]?.risk).toBe('none');
    expect(rows[1]?.findings.map((f) => f.type)).toContain('xinjiang_located');
  });

  it('skips a row with broken quoting, naming its line, and screens the rest', () => {
    const file = join(dir, 'suppliers-quote.csv');
    writeFileSync(
      file,
      'id,name,country,address,identifiers\nS-1,"Synthetic "Bad" Quote Co",CN,,\nS-2,Aksu Example Cotton Spinning Co Ltd,CN,,91652901MA7X000189\n',
    );
    const r = cli('--json', 'screen', 'entities', file, ...AS_OF_E, '--no-save');
    expect(r.code).toBe(0);
    expect(r.stderr).toContain(`${file}:2: broken quoting`);
    const rows = jsonLines(r.stdout) as { row: string }[];
    expect(rows.map((x) => x.row)).toEqual(['S-2']);
  });

  it('locates a supplier by a Xinjiang USCC no entity in the store carries', () => {
    const uscc = makeUscc({ division: '659001', org: 'MA7XT9K1' }); // synthetic, XPCC 8th Division city
    const r = cli(
      '--json',
      'screen',
      'entity',
      'Synthetic Another Trading Co',
      '--id',
      uscc,
      ...AS_OF_E,
      '--no-save',
    );
    expect(r.code).toBe(0);
    const [res] = jsonLines(r.stdout) as {
      risk: string;
      findings: { type: string; evidence: { step: string; dataset: string; data?: { value?: string } }[] }[];
    }[];
    expect(res?.risk).toBe('high');
    const x = res?.findings.find((f) => f.type === 'xinjiang_located');
    expect(x?.evidence.find((e) => e.step === 'identifier')).toMatchObject({
      dataset: 'query',
      data: { value: uscc },
    });
  });
});
