import { describe, expect, it } from 'vitest';
import { datasetName, entityId, provenance } from '../model/index.ts';
import { openStore } from '../store/index.ts';
import { linkShipmentParties } from './link-parties.ts';
import { Matcher } from './matcher.ts';
import { xref } from './xref.ts';

// Names from ../shared/docs/domain.md and the UFLPA Entity List; ids and the Wanfang row are synthetic.
const RECORDS = [
  { id: 'e1', schema: 'Company', names: ['新疆冠农股份有限公司'], countries: ['cn'] },
  { id: 'e2', schema: 'Company', names: ['Changji Esquel Textile Co. Ltd.', 'Changji Yida Textile'] },
  { id: 'e3', schema: 'Company', names: ['Xinjiang Wanfang Co., Ltd.'] },
  { id: 'e4', schema: 'Organization', names: ['新疆生产建设兵团第八师'] },
  { id: 'e5', schema: 'Organization', names: ['新疆生产建设兵团第二师'] },
  { id: 'e6', schema: 'Person', names: ['Grand Star'] },
];

describe('Matcher', () => {
  const m = Matcher.fromRecords(RECORDS);
  it('finds a Chinese company from its English name, with an explanation', () => {
    const [top] = m.match({ name: 'XINJIANG GUANNONG CO.,LTD' }, 3);
    expect(top?.entityId).toBe('e1');
    expect(top?.match).toBe(true);
    expect(top?.explanation.variantB.kind).toBe('pinyin-translated');
  });
  it('tells XPCC divisions apart by number', () => {
    const res = m.match({ name: 'XPCC 2nd Division' }, 3);
    expect(res[0]?.entityId).toBe('e5');
    expect(res.find((r) => r.entityId === 'e4')?.match ?? false).toBe(false);
  });
  it('never proposes a person for a company query', () => {
    const res = m.match({ name: 'Grand Star', schema: 'Company' }, 3);
    expect(res.every((r) => !r.match)).toBe(true);
  });
  it('matches by identifier', () => {
    const m2 = Matcher.fromRecords([
      { id: 'x', schema: 'Company', names: ['Foo'], identifiers: ['91210700701620122U'] },
    ]);
    const [top] = m2.match({ name: 'Completely Different', identifiers: ['91210700701620122U'] }, 1);
    expect(top?.match).toBe(true);
  });
});

describe('xref, judge and party linking through the store', () => {
  it('clusters, respects not-same, and links shipment parties', async () => {
    const store = await openStore(':memory:');
    try {
      const ds = datasetName('match-test');
      await store.upsertDataset({
        name: ds,
        title: 'matcher test (synthetic ids)',
        publisher: null,
        url: null,
        licence: null,
        publishedAt: null,
        version: null,
      });
      const session = await store.beginImport({ dataset: ds, format: 'test', files: ['fixture'] });
      const ent = (key: string, schema: 'Company', name: string) => ({
        provenance: provenance({ dataset: ds, sourceFile: 'fixture', recordKey: key }),
        entities: [{ id: entityId(`match-test-${key}`), schema, properties: { name: [{ value: name }] } }],
      });
      await session.write([
        ent('a', 'Company', 'Xinjiang Guannong Co., Ltd.'),
        ent('b', 'Company', '新疆冠农股份有限公司'),
        ent('c', 'Company', 'XINJIANG GUANNONG CO LTD'),
        ent('d', 'Company', 'Xinjiang Wanfang Co., Ltd.'),
        {
          provenance: provenance({ dataset: ds, sourceFile: 'fixture', recordKey: 'bol-1' }),
          shipments: [
            {
              id: 'bol-1',
              arrivalDate: '2024-01-02',
              parties: [
                {
                  role: 'shipper',
                  name: 'XINJIANG WANFANG CO.,LTD',
                  address: null,
                  country: 'CN',
                  entityId: null,
                },
                { role: 'consignee', name: 'Nobody Known Inc', address: null, country: 'US', entityId: null },
              ],
              originCountry: 'CN',
              portOfLading: null,
              portOfUnlading: null,
              lines: [],
              raw: {},
            },
          ],
        },
      ]);
      await session.finish({ complete: true });
      const A = entityId('match-test-a');
      const B = entityId('match-test-b');
      const C = entityId('match-test-c');
      const D = entityId('match-test-d');

      let s = await xref(store, { datasets: [ds] });
      let res = await store.getResolution();
      expect(res.get(A)).toBe(res.get(B));
      expect(res.get(C)).toBe(res.get(A));
      expect(res.has(D)).toBe(false);
      expect(s.clusters).toBe(1);

      await store.addJudgement({
        kind: 'match',
        a: C,
        b: B,
        verdict: 'not-same',
        who: 'analyst',
        at: new Date().toISOString(),
        why: 'different registry numbers',
      });
      s = await xref(store, { datasets: [ds] });
      res = await store.getResolution();
      expect(res.get(C) !== undefined && res.get(C) === res.get(B)).toBe(false);
      expect(s.blocked).toBeGreaterThan(0);

      const m = await Matcher.fromStore(store);
      const linked = await linkShipmentParties(store, m);
      expect(linked.linked).toBe(1);
      const bol = await store.getShipment('bol-1');
      expect(bol?.parties.find((p) => p.role === 'shipper')?.entityId).toBe(D);
      expect(bol?.parties.find((p) => p.role === 'consignee')?.entityId).toBeNull();
    } finally {
      await store.close();
    }
  });
});
