import { describe, expect, it } from 'vitest';
import { datasetName, entityId, provenance, type RecordBundle } from '../model/index.ts';
import { openStore } from '../store/index.ts';
import { xref } from './xref.ts';

const ds = datasetName('xref-test');
const p = (key: string) => provenance({ dataset: ds, sourceFile: 'synthetic.jsonl', recordKey: key });
const company = (id: string, name: string): RecordBundle => ({
  provenance: p(id),
  entities: [
    {
      id: entityId(id),
      schema: 'Company',
      properties: { name: [{ value: name }], country: [{ value: 'cn' }] },
    },
  ],
});

async function clustersOf(bundles: RecordBundle[]) {
  const store = await openStore(':memory:');
  await store.upsertDataset({
    name: ds,
    title: 'synthetic',
    publisher: null,
    url: null,
    licence: null,
    publishedAt: null,
    version: null,
  });
  const s = await store.beginImport({ dataset: ds, format: 'test', files: ['synthetic.jsonl'] });
  await s.write(bundles);
  await s.finish({ complete: true });
  await xref(store);
  const res = await store.getResolution();
  await store.close();
  return res;
}

describe('xref', () => {
  // Synthetic, fictitious names throughout.
  const same = [
    company('a', 'Synthetic Quanlong Trading Co., Ltd.'),
    company('b', 'SYNTHETIC QUANLONG TRADING CO LTD'),
  ];

  it('merges two records of one company', async () => {
    const res = await clustersOf(same);
    expect(res.get(entityId('a'))).toBe(res.get(entityId('b')));
    expect(res.get(entityId('a'))).toBeDefined();
  });

  it('never merges an owner with what it owns, however alike the names', async () => {
    const own: RecordBundle = {
      provenance: p('own'),
      relationships: [
        {
          id: entityId('own'),
          kind: 'ownership',
          schema: 'Ownership',
          source: entityId('a'),
          target: entityId('b'),
          percentage: 41.3,
          role: null,
          startDate: null,
          endDate: null,
        },
      ],
    };
    const res = await clustersOf([...same, own]);
    expect(res.get(entityId('a')) === undefined || res.get(entityId('a')) !== res.get(entityId('b'))).toBe(
      true,
    );
  });

  it('never merges two entities on one chain of relationships', async () => {
    const link = (id: string, from: string, to: string): RecordBundle => ({
      provenance: p(id),
      relationships: [
        {
          id: entityId(id),
          kind: 'ownership',
          schema: 'Ownership',
          source: entityId(from),
          target: entityId(to),
          percentage: 100,
          role: null,
          startDate: null,
          endDate: null,
        },
      ],
    });
    // a → mid → b: a merged with b would make the chain a loop.
    const res = await clustersOf([
      ...same,
      company('mid', 'Synthetic Unrelated Holding GmbH'),
      link('l1', 'a', 'mid'),
      link('l2', 'mid', 'b'),
    ]);
    expect(res.get(entityId('a')) === undefined || res.get(entityId('a')) !== res.get(entityId('b'))).toBe(
      true,
    );
  });
});
