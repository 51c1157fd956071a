import { describe, expect, it } from 'vitest';
import { datasetName, entityId, provenance, type RecordBundle } from '../model/index.ts';
import { enrichBundle } from './enrich.ts';

const prov = provenance({ dataset: datasetName('t'), sourceFile: 'f.csv', recordKey: 'k', line: 2 });

describe('enrichBundle', () => {
  it('adds the USCC found in a registration number and leaves other facts alone', () => {
    const b: RecordBundle = {
      provenance: prov,
      entities: [
        {
          id: entityId('c1'),
          schema: 'Company',
          properties: {
            name: [{ value: 'Jinzhou example' }],
            registrationNumber: [{ value: 'USCC 91210700701620122U' }],
          },
        },
      ],
      memberships: [
        {
          id: 'm',
          entityId: entityId('c1'),
          list: 'x',
          program: null,
          effectiveDate: null,
          endDate: null,
          scope: null,
          rawText: 'r',
        },
      ],
    };
    const out = enrichBundle(b);
    expect(out.entities?.[0]?.properties.uscCode?.map((v) => v.value)).toEqual(['91210700701620122U']);
    expect(out.memberships).toBe(b.memberships);
    expect(out.provenance).toBe(prov);
  });

  it('fills port codes and normalises HS codes on shipments', () => {
    const b: RecordBundle = {
      provenance: prov,
      shipments: [
        {
          id: 'B1',
          arrivalDate: '2022-08-29',
          parties: [],
          originCountry: 'CN',
          portOfLading: { raw: 'YANTIAN', code: null, country: null },
          portOfUnlading: { raw: 'LONG BEACH', code: null, country: null },
          lines: [
            {
              description: 'T-SHIRTS',
              hsCodes: ['6109.10'],
              weightKg: 21,
              quantity: null,
              quantityUnit: null,
              containers: [],
            },
          ],
          raw: {},
        },
      ],
    };
    const s = enrichBundle(b).shipments?.[0];
    expect(s?.portOfLading?.country).toBe('CN');
    expect(s?.portOfUnlading?.country).toBe('US');
    expect(s?.lines[0]?.hsCodes).toEqual(['610910']);
  });

  it('returns a bundle with nothing to enrich unchanged', () => {
    const b: RecordBundle = { provenance: prov, tradeStats: [] };
    expect(enrichBundle(b)).toBe(b);
  });
});
