import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { datasetName, type EntityId, provenance, type RecordBundle } from '../../model/index.ts';
import { openStore } from '../../store/index.ts';

// subsidiaries, owners and trace end to end over a store file of synthetic, fictitious records.
const root = join(import.meta.dirname, '..', '..', '..');
const dir = mkdtempSync(join(tmpdir(), 'threadline-graph-'));
const db = join(dir, 'graph.db');
const DS = datasetName('synthetic-graph-cli');
const id = (s: string) => s as EntityId;
const p = (key: string, line: number | null = null) =>
  provenance({ dataset: DS, sourceFile: 'synthetic.jsonl', recordKey: key, line });

function cli(...args: string[]) {
  const r = spawnSync(process.execPath, [join(root, 'bin', 'threadline.mjs'), '--db', db, ...args], {
    encoding: 'utf8',
    env: { ...process.env, DATABASE_URL: '' },
  });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}
const jsonLines = (s: string) =>
  s
    .trim()
    .split('\n')
    .filter(Boolean)
    .map((l) => JSON.parse(l));

function company(key: string, name: string, country: string): RecordBundle {
  return {
    provenance: p(key),
    entities: [
      {
        id: id(key),
        schema: 'Company',
        properties: { name: [{ value: name }], country: [{ value: country }] },
      },
    ],
  };
}
function owns(key: string, from: string, to: string, pct: number | null): RecordBundle {
  return {
    provenance: p(key, 10),
    relationships: [
      {
        id: id(key),
        kind: 'ownership',
        schema: 'Ownership',
        source: id(from),
        target: id(to),
        percentage: pct,
        role: null,
        startDate: null,
        endDate: null,
      },
    ],
  };
}
function listing(entity: string, list: string): RecordBundle {
  return {
    provenance: p(`list-${entity}`),
    memberships: [
      {
        id: `list-${entity}`,
        entityId: id(entity),
        list,
        program: null,
        effectiveDate: '2020-01-01',
        endDate: null,
        scope: null,
        rawText: 'synthetic',
      },
    ],
  };
}
function bill(
  key: string,
  from: string,
  to: string,
  date: string,
  hs: string,
  resolvedTo = true,
): RecordBundle {
  return {
    provenance: p(key, 20),
    shipments: [
      {
        id: key,
        arrivalDate: date,
        parties: [
          { role: 'shipper', name: from, address: null, country: null, entityId: id(from) },
          { role: 'consignee', name: to, address: null, country: null, entityId: resolvedTo ? id(to) : null },
        ],
        originCountry: null,
        portOfLading: null,
        portOfUnlading: null,
        lines: [
          {
            description: null,
            hsCodes: [hs],
            weightKg: null,
            quantity: null,
            quantityUnit: null,
            containers: [],
          },
        ],
        raw: {},
      },
    ],
  };
}

beforeAll(async () => {
  const store = await openStore(db);
  await store.upsertDataset({
    name: DS,
    title: 'synthetic',
    publisher: null,
    url: null,
    licence: null,
    publishedAt: null,
    version: null,
  });
  const s = await store.beginImport({ dataset: DS, format: 'test', files: ['synthetic.jsonl'] });
  await s.write([
    company('sdn', 'Synthetic Listed Corps', 'CN'),
    company('hold', 'Synthetic Holding', 'CN'),
    company('yarn-mill', 'Synthetic Yarn Mill', 'CN'),
    company('ghost-sub', 'Synthetic Ghost Sub', 'CN'),
    company('ghost-child', 'Synthetic Ghost Child', 'CN'),
    company('xj-cotton', 'Synthetic XJ Cotton', 'CN'),
    company('fabric-co', 'Synthetic Fabric Co', 'VN'),
    company('garment-co', 'Synthetic Garment Co', 'BD'),
    company('importer', 'Synthetic US Importer', 'US'),
    company('dup-1', 'Duplicate Name Co', 'CN'),
    company('dup-2', 'Duplicate Name Co', 'VN'),
    owns('o1', 'sdn', 'hold', 60),
    owns('o2', 'hold', 'yarn-mill', 100),
    owns('o3', 'hold', 'ghost-sub', null),
    owns('o4', 'ghost-sub', 'ghost-child', 70),
    listing('sdn', 'ofac-sdn'),
    listing('xj-cotton', 'uflpa'),
    bill('B1', 'xj-cotton', 'yarn-mill', '2023-01-10', '520100'),
    bill('B2', 'yarn-mill', 'fabric-co', '2023-02-10', '520512'),
    bill('B3', 'fabric-co', 'garment-co', '2023-03-10', '520811'),
    bill('B4', 'garment-co', 'importer', '2023-04-10', '610910'),
    // A consignee the resolver has not linked: it becomes a synthetic party node.
    bill('B5', 'importer', 'Synthetic Retailer', '2023-05-01', '610910', false),
  ]);
  await s.finish({ complete: true });
  await store.close();
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('threadline subsidiaries / owners', () => {
  it('lists descendants with effective %, OFAC status, depth and a cited path', () => {
    const r = cli('--json', 'subsidiaries', 'sdn');
    expect(r.code).toBe(0);
    const rows = jsonLines(r.stdout);
    expect(rows.map((x) => [x.id, x.effective_pct, x.blocked_ofac, x.undetermined_ofac, x.depth])).toEqual([
      ['hold', 60, true, false, 1],
      ['yarn-mill', 60, true, false, 2],
      ['ghost-sub', 0, false, true, 2],
      ['ghost-child', 0, false, true, 3],
    ]);
    expect(cli('subsidiaries', 'sdn').stdout).toMatch(
      /4 subsidiaries, 2 blocked under OFAC's 50% rule, 2 undetermined/,
    );
    const mill = rows[1];
    expect(mill.path.map((l: { owner: string; asset: string }) => `${l.owner}>${l.asset}`)).toEqual([
      'sdn>hold',
      'hold>yarn-mill',
    ]);
    expect(mill.path[0].sources[0]).toEqual({
      relationship: 'o1',
      dataset: DS,
      source_file: 'synthetic.jsonl',
      record_key: 'o1',
      line: 10,
    });
    expect(rows[2]).toMatchObject({ has_unknown: true, unknown_paths: 1, max_pct: 60 });
  });

  it('finds the entity by exact name and keeps unknown shares that could reach --min', () => {
    const r = cli('--json', 'subsidiaries', 'synthetic listed corps', '--min', '50');
    expect(jsonLines(r.stdout).map((x) => x.id)).toEqual(['hold', 'yarn-mill', 'ghost-sub']);
    expect(jsonLines(cli('--json', 'subsidiaries', 'sdn', '--min', '61').stdout).map((x) => x.id)).toEqual(
      [],
    );
  });

  it('shows owners and why the entity is blocked', () => {
    const r = cli('owners', 'yarn-mill');
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(
      /OFAC: blocked under the 50% rule — 100% held by blocked owners: Synthetic Holding 100%/,
    );
    expect(r.stdout).toMatch(/Synthetic Listed Corps/);
    const rows = jsonLines(cli('--json', 'owners', 'yarn-mill').stdout);
    expect(rows.map((x) => [x.id, x.effective_pct])).toEqual([
      ['hold', 100],
      ['sdn', 60],
    ]);
    // Owner paths read top-down: sdn → hold → yarn-mill.
    expect(rows[1].path.map((l: { owner: string }) => l.owner)).toEqual(['sdn', 'hold']);
  });

  it('says when the 50% rule is undetermined, and through whom', () => {
    const sub = cli('owners', 'ghost-sub').stdout;
    expect(sub).toMatch(
      /OFAC: undetermined — 0% known from blocked owners; unknown shares held by blocked Synthetic Holding \?/,
    );
    expect(cli('owners', 'ghost-child').stdout).toMatch(
      /OFAC: undetermined — 0% known from blocked owners; held by owners whose own status is undetermined: Synthetic Ghost Sub 70%/,
    );
    expect(cli('owners', 'hold').stdout).toMatch(/OFAC: blocked/);
  });

  it('lists the candidates of an ambiguous name and exits 2', () => {
    const r = cli('--json', 'subsidiaries', 'Duplicate Name Co');
    expect(r.code).toBe(2);
    expect(
      jsonLines(r.stdout)
        .map((x) => x.id)
        .sort(),
    ).toEqual(['dup-1', 'dup-2']);
  });

  it('exits 1 with a clear message for an unknown entity', () => {
    const r = cli('owners', 'No Such Company');
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/entity "No Such Company" not found/);
  });

  it('rejects a bad --min with exit 2', () => {
    expect(cli('subsidiaries', 'sdn', '--min', '150').code).toBe(2);
  });
});

describe('threadline trace', () => {
  it('traces upstream from an entity to the first exposed supplier, citing every bill', () => {
    const r = cli('--json', 'trace', 'importer');
    expect(r.code).toBe(0);
    const paths = jsonLines(r.stdout);
    expect(paths).toHaveLength(1);
    const [path] = paths;
    expect(path.reaches.id).toBe('yarn-mill');
    expect(path.reasons.map((x: { kind: string }) => x.kind)).toEqual(['ofac_blocked', 'owned_by_listed']);
    expect(path.links.map((l: { shipments: { id: string }[] }) => l.shipments[0]?.id)).toEqual([
      'B4',
      'B3',
      'B2',
    ]);
    expect(path.links[2].shipments[0].source).toEqual({
      dataset: DS,
      source_file: 'synthetic.jsonl',
      record_key: 'B2',
      line: 20,
    });
    expect(path.links[2].goods[0]).toMatchObject({ input: '520512', output: '520811', rule: 'chain' });
  });

  it('respects --tiers from a shipment', () => {
    const r = cli('--json', 'trace', '--shipment', 'B4', '--tiers', '2');
    expect(r.code).toBe(0);
    expect(r.stdout.trim()).toBe('');
    expect(jsonLines(cli('--json', 'trace', '--shipment', 'B4').stdout)[0].reaches.id).toBe('yarn-mill');
  });

  it('follows a listed firm downstream to buyers of buyers', () => {
    const r = cli('--json', 'trace', 'xj-cotton', '--direction', 'down');
    const reached = jsonLines(r.stdout).map((x) => x.reaches.id);
    expect(reached.sort()).toEqual(['fabric-co', 'garment-co', 'importer', 'yarn-mill']);
    const human = cli('trace', 'xj-cotton', '--direction', 'down');
    expect(human.stdout).toMatch(/Downstream of Synthetic XJ Cotton \(xj-cotton\)/);
  });

  it('traces from an unresolved party by its key and says it is unresolved', () => {
    const r = cli('trace', 'party:??:synthetic retailer', '--tiers', '4');
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/Upstream of Synthetic Retailer \(party:\?\?:synthetic retailer\)/);
    expect(r.stdout).toMatch(/Synthetic Retailer\*/);
    expect(r.stdout).toMatch(/not resolved to an entity/);
    expect(r.stdout).toMatch(/#1 .*Synthetic Yarn Mill/);
  });

  it('checks its arguments', () => {
    expect(cli('trace').code).toBe(2);
    expect(cli('trace', 'importer', '--shipment', 'B4').code).toBe(2);
    expect(cli('trace', 'importer', '--tiers', '0').code).toBe(2);
    expect(cli('trace', 'importer', '--direction', 'sideways').code).toBe(2);
    expect(cli('trace', '--shipment', 'NOPE').code).toBe(1);
  });
});
