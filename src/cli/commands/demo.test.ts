import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';

const BIN = join(import.meta.dirname, '..', '..', '..', 'bin', 'threadline.mjs');
const dir = mkdtempSync(join(tmpdir(), 'threadline-demo-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

interface Row {
  step?: string;
  shipment_id?: string;
  risk?: string;
  findings?: { type: string; severity: string; evidence: { dataset: string }[] }[];
  [k: string]: unknown;
}

describe('threadline demo (npm start)', () => {
  const env = { ...process.env };
  delete env.DATABASE_URL;
  const r = spawnSync(process.execPath, [BIN, '--json', 'demo', '--store', join(dir, 'demo.db')], {
    encoding: 'utf8',
    env,
  });
  const rows: Row[] = r.stdout
    .trim()
    .split('\n')
    .filter((l) => l.startsWith('{'))
    .map((l) => JSON.parse(l));
  const bill = (id: string) => rows.find((x) => x.shipment_id === id);
  const types = (id: string) => new Set((bill(id)?.findings ?? []).map((f) => f.type));

  it('loads every file of the example workspace without rejects', () => {
    expect(r.status, r.stderr).toBe(0);
    const imports = rows.filter((x) => x.step === 'import');
    expect(imports).toHaveLength(8);
    for (const i of imports) expect(i.rejected).toBe(0);
    expect(rows.find((x) => x.step === 'xref')?.clusters).toBeGreaterThan(0);
  });

  it('flags cotton wrap from Shihezi shipped after the UFLPA took effect as high, Xinjiang-located', () => {
    expect(bill('SYN00005')?.risk).toBe('high');
    expect(types('SYN00005').has('xinjiang_located')).toBe(true);
  });

  it('flags the trader held 55% by XPCC units as owned by a listed entity (OFAC 50% rule)', () => {
    expect(bill('SYN00004')?.risk).toBe('high');
    expect(types('SYN00004').has('owned_by_listed')).toBe(true);
  });

  it('follows Xinjiang yarn through the Vietnamese garment maker to the US buyer', () => {
    expect(bill('SYN00007')?.risk).toBe('high');
  });

  it('cites a dataset on every piece of evidence', () => {
    const findings = rows.flatMap((x) => x.findings ?? []);
    expect(findings.length).toBeGreaterThan(10);
    for (const f of findings) {
      expect(f.evidence.length).toBeGreaterThan(0);
      for (const e of f.evidence) expect(e.dataset).toMatch(/^example-/);
    }
  });

  it('does not flag the controls: a US restaurant named Xinjiang, US cotton spun in India and sewn in Bangladesh', () => {
    // The demo prints only shipments with some risk; a control is either absent or at most low.
    expect(bill('SYN00012')?.risk ?? 'none').toBe('none');
    for (const id of ['SYN00013', 'SYN00014', 'SYN00015']) {
      expect(['none', 'low']).toContain(bill(id)?.risk ?? 'none');
      expect(types(id).has('xinjiang_located')).toBe(false);
    }
  });
});
