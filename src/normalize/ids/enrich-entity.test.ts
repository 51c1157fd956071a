import { describe, expect, it } from 'vitest';
import { type EntityFact, entityId } from '../../model/index.ts';
import { enrichEntity } from './enrich-entity.ts';
import { makeUscc } from './uscc.ts';

const SHIHEZI = makeUscc({ division: '659001', org: 'MA77ABCD' }); // synthetic

describe('enrichEntity', () => {
  it('adds USCCs found in registration numbers and notes, with location keywords', () => {
    const fact: EntityFact = {
      id: entityId('t-1'),
      schema: 'Company',
      properties: {
        name: [{ value: 'Example Cotton Co., Ltd. (synthetic)' }],
        registrationNumber: [{ value: SHIHEZI }],
        notes: [{ value: 'Unified Social Credit Code (USCC) 91210700701620122U (China)' }],
        country: [{ value: 'cn' }],
      },
    };
    const out = enrichEntity(fact);
    expect(out.properties.uscCode?.map((v) => v.value)).toEqual([SHIHEZI, '91210700701620122U']);
    expect(out.properties.keywords?.map((v) => v.value)).toEqual([
      'cn-division:659001',
      'xinjiang',
      'xpcc',
      'xpcc-division:8',
      'cn-division:210700',
    ]);
    expect(out.properties.country).toEqual(fact.properties.country);
    expect(fact.properties.uscCode).toBeUndefined();
  });

  it('adds resident identity numbers from OFAC-style remarks to a person', () => {
    const fact: EntityFact = {
      id: entityId('t-2'),
      schema: 'Person',
      properties: { notes: [{ value: 'National ID No. 653225197110100533 (China)' }] },
    };
    const out = enrichEntity(fact);
    expect(out.properties.idNumber?.map((v) => v.value)).toEqual(['653225197110100533']);
    expect(out.properties.keywords?.map((v) => v.value)).toContain('xinjiang');
  });

  it('returns the same fact when there is nothing to add', () => {
    const fact: EntityFact = {
      id: entityId('t-3'),
      schema: 'Company',
      properties: { uscCode: [{ value: '91210700701620122U' }], keywords: [{ value: 'cn-division:210700' }] },
    };
    expect(enrichEntity(fact)).toBe(fact);
    const vessel: EntityFact = {
      id: entityId('t-4'),
      schema: 'Vessel',
      properties: { notes: [{ value: SHIHEZI }] },
    };
    expect(enrichEntity(vessel)).toBe(vessel);
  });
});
