import { describe, expect, it } from 'vitest';
import { datasetName, type EntityId, type RecordBundle } from '../model/index.ts';
import { BatchBuilder, CONTENT_COLUMNS, prepareBatch } from './prepare.ts';

// Synthetic records: fictitious names, no real company.
const ds = datasetName('sample');
const bundle = (key: string, name: string, line = 1, file = 'sample.jsonl'): RecordBundle => ({
  provenance: { dataset: ds, sourceFile: file, recordKey: key, line },
  entities: [
    {
      id: `e-${key}` as EntityId,
      schema: 'Company',
      properties: { name: [{ value: name }, { value: name.toUpperCase() }], country: [{ value: 'cn' }] },
    },
  ],
});

describe('prepareBatch', () => {
  it('hashes the facts, not where they were read', () => {
    const [a] = prepareBatch([bundle('k1', 'Sample Alpha Co', 1, 'v1.jsonl')], ds).hashes;
    const [moved] = prepareBatch([bundle('k1', 'Sample Alpha Co', 99, 'v2.jsonl')], ds).hashes;
    const [changed] = prepareBatch([bundle('k1', 'Sample Alpha Trading Co')], ds).hashes;
    expect(moved).toBe(a);
    expect(changed).not.toBe(a);
  });

  it('lays rows out flat with the record each belongs to, and keeps the last of a repeated key', () => {
    const b = prepareBatch(
      [bundle('k1', 'Sample One'), bundle('k2', 'Sample Two'), bundle('k1', 'Sample Uno')],
      ds,
    );
    expect(b.bundles).toBe(3);
    expect(b.keys).toEqual(['k1', 'k2']);
    expect(b.rows.entities.rec).toEqual([0, 1]);
    expect(b.rows.entities.values).toHaveLength(2 * CONTENT_COLUMNS.entities.length);
    expect(JSON.parse(b.rows.entities.values[2] as string)).toEqual({
      name: ['Sample Uno', 'SAMPLE UNO'],
      country: ['cn'],
    });
    // Folded lookup keys: "Sample Uno" and "SAMPLE UNO" fold to one key per entity and property.
    const folded = b.rows.entity_keys.values.filter((_, i) => i % 3 === 0);
    expect(folded).toEqual(['sample uno', 'sample two']);
  });

  it('refuses a bundle without provenance or from another dataset', () => {
    const bad = { ...bundle('k1', 'Sample'), provenance: { ...bundle('k1', 'x').provenance, recordKey: '' } };
    expect(() => prepareBatch([bad], ds)).toThrow(/recordKey/);
    expect(() => prepareBatch([bundle('k1', 'Sample')], datasetName('other'))).toThrow(
      /names dataset sample/,
    );
  });
});

describe('BatchBuilder', () => {
  it('builds batches record by record and will not take a key twice in one batch', () => {
    const builder = new BatchBuilder(ds);
    builder.add(bundle('k1', 'Sample One'));
    expect(builder.has('k1')).toBe(true);
    expect(() => builder.add(bundle('k1', 'Sample Again'))).toThrow(/already in this batch/);
    const first = builder.take();
    expect(first).toMatchObject({ bundles: 1, keys: ['k1'] });
    expect(builder.size).toBe(0);
    builder.add(bundle('k1', 'Sample Again'));
    expect(builder.take().keys).toEqual(['k1']);
  });

  it('gives the same batch as prepareBatch', () => {
    const bundles = [bundle('k1', 'Sample One'), bundle('k2', 'Sample Two')];
    const builder = new BatchBuilder(ds);
    for (const b of bundles) builder.add(b);
    expect(builder.take()).toEqual(prepareBatch(bundles, ds));
  });
});
