import { describe, expect, it } from 'vitest';
import { makeUscc } from '../normalize/index.ts';
import type { Finding } from './findings.ts';
import { screenEntity } from './screen-entity.ts';
import { screenShipment } from './screen-shipment.ts';
import { Snapshot } from './snapshot.ts';
import { snapshotFromFacts } from './snapshot-build.ts';
import { bill } from './testing.ts';

/**
 * A party's own USCC places it in Xinjiang even when no entity in the store carries the code
 * (all names and codes synthetic: makeUscc builds valid codes in a chosen division).
 */

// Nothing in the store: only the party's own data can locate it.
const empty = Snapshot.fromData(snapshotFromFacts({}, { asOf: '2024-06-01' }));
const SHIHEZI = makeUscc({ division: '659001', org: 'MA7XT001' }); // an XPCC city (8th Division)
const AKSU = makeUscc({ division: '652901', org: 'MA7XT002' });
const SHANGHAI = makeUscc({ division: '310115', org: 'MA7XT003' });
const ROW = { dataset: 'supplier-list', file: 'suppliers.csv', key: 'S-9', line: 2 };
const xinjiang = (fs: readonly Finding[]) => fs.filter((f) => f.type === 'xinjiang_located');

describe('a Xinjiang USCC given with the party', () => {
  it('locates a supplier-list row by its identifier, citing the row', () => {
    const r = screenEntity(
      empty,
      { name: 'Synthetic Another Trading Co', country: 'CN', address: null, identifiers: [SHIHEZI] },
      ROW,
    );
    const [f] = xinjiang(r.findings);
    expect(f?.severity).toBe('high');
    expect(f?.facts).toEqual({ basis: 'uscc', code: '659001', xpcc: true });
    expect(f?.summary).toContain(`USCC ${SHIHEZI}`);
    expect(f?.evidence.find((e) => e.step === 'identifier')).toMatchObject({
      dataset: 'supplier-list',
      record: { file: 'suppliers.csv', key: 'S-9', line: 2 },
      data: { basis: 'uscc', value: SHIHEZI, field: 'party.identifier' },
    });
    expect(r.risk).toBe('high');
  });

  it('reads the code out of a labelled identifier cell and ranks it above a weaker basis', () => {
    const r = screenEntity(
      empty,
      {
        name: 'Synthetic Aksu Example Textile Co Ltd',
        country: 'CN',
        address: 'Aksu, Xinjiang',
        identifiers: [`USCC: ${AKSU}`],
      },
      ROW,
    );
    const [f] = xinjiang(r.findings);
    expect(f?.facts).toMatchObject({ basis: 'uscc', code: '652901' });
    expect(f?.evidence.some((e) => e.step === 'address')).toBe(true);
  });

  it('ignores a USCC registered outside Xinjiang, and an invalid one', () => {
    const bad = `${AKSU.slice(0, 17)}${AKSU.endsWith('0') ? '1' : '0'}`; // wrong check character
    for (const id of [SHANGHAI, bad]) {
      const r = screenEntity(
        empty,
        { name: 'Synthetic Plain Trading Co', country: 'CN', address: null, identifiers: [id] },
        ROW,
      );
      expect(xinjiang(r.findings), id).toEqual([]);
    }
  });

  it('locates a bill party whose address carries its USCC, citing the bill', () => {
    const b = bill({
      id: 'SYN-USCI-1',
      date: '2023-03-01',
      shipper: {
        name: 'SYNTHETIC TRADING CO LTD',
        address: `NO 1 EXAMPLE RD, USCI ${SHIHEZI}`,
        country: 'CN',
      },
      consignee: { name: 'Synthetic Buyer Inc', country: 'US' },
    });
    const [f] = xinjiang(screenShipment(empty, b).findings);
    expect(f?.subject.role).toBe('shipper');
    expect(f?.facts).toEqual({ basis: 'uscc', code: '659001', xpcc: true });
    expect(f?.evidence.find((e) => e.step === 'identifier')).toMatchObject({
      record: { key: 'SYN-USCI-1' },
      data: { field: 'party.address', value: SHIHEZI },
    });
  });
});

describe('a match decided by an identifier', () => {
  it('says so in the evidence and the summary, with either matcher', async () => {
    const { ent, membership, prov } = await import('./testing.ts');
    const { MATCHERS } = await import('./matchers.ts');
    const listed = ent(
      'syn-listed-id',
      { name: ['Synthetic Listed Cotton Co., Ltd.'], country: ['CN'], uscCode: [SHANGHAI] },
      prov('synthetic', 'party.test.ts', 'listed'),
    );
    const m = membership(
      'syn-listed-id',
      'uflpa',
      { program: '(v)', effectiveDate: '2023-05-01' },
      prov('synthetic-uflpa', 'u.html', 'r1'),
    );
    const data = snapshotFromFacts({ entities: [listed], memberships: [m] }, { asOf: '2024-06-01' });
    for (const matcher of ['resolve', 'exact']) {
      const snap = Snapshot.fromData(data, {
        matcher: MATCHERS[matcher] as NonNullable<(typeof MATCHERS)[string]>,
      });
      const byId = screenEntity(
        snap,
        { name: 'Synthetic Other Name Co', country: 'CN', address: null, identifiers: [SHANGHAI] },
        ROW,
      );
      const f = byId.findings.find((x) => x.type === 'listed');
      expect(f?.summary, matcher).toContain('by identifier');
      const link = f?.evidence.find((e) => e.step === 'name-match');
      expect(link?.text, matcher).toContain('by identifier');
      expect(link?.data?.via, matcher).toBe('identifier');
      const byName = screenEntity(
        snap,
        { name: 'Synthetic Listed Cotton Co., Ltd.', country: 'CN', address: null, identifiers: [] },
        ROW,
      );
      const g = byName.findings.find((x) => x.type === 'listed');
      expect(g?.summary, matcher).toMatch(/matches Synthetic Listed Cotton Co., Ltd., listed/);
    }
  });
});
