import { describe, expect, it } from 'vitest';
import type { ShipmentFact } from '../../model/index.ts';
import { enrichShipment } from './enrich-shipment.ts';

// A synthetic bill of lading.
const BOL: ShipmentFact = {
  id: 'bol-synthetic-1',
  arrivalDate: '2024-03-02',
  parties: [
    {
      role: 'shipper',
      name: 'Example Textile Co.',
      address: '8 Weiyi Road, Shihezi, Xinjiang, China',
      country: null,
      entityId: null,
    },
    {
      role: 'consignee',
      name: 'Example Imports LLC',
      address: '1 Harbor Rd, Newark, NJ 07114, USA',
      country: null,
      entityId: null,
    },
    { role: 'notify', name: 'Someone', address: null, country: 'GB', entityId: null },
  ],
  originCountry: 'CN',
  portOfLading: { raw: 'QINGDAO, CHINA', code: null, country: null },
  portOfUnlading: { raw: 'NEW YORK/NEWARK AREA, NEWARK, NJ', code: null, country: null },
  lines: [
    {
      description: 'COTTON YARN',
      hsCodes: ['5205.12', 'HS 5205.12', 'n/a'],
      weightKg: 1000,
      quantity: null,
      quantityUnit: null,
      containers: [],
    },
  ],
  raw: {},
};

describe('enrichShipment', () => {
  it('fills port codes, party countries and normalises HS codes', () => {
    const out = enrichShipment(BOL);
    expect(out.portOfLading).toEqual({ raw: 'QINGDAO, CHINA', code: 'CNTAO', country: 'CN' });
    expect(out.portOfUnlading).toMatchObject({ code: 'USNYC', country: 'US' });
    expect(out.lines[0]?.hsCodes).toEqual(['520512']);
    expect(out.parties.map((p) => p.country)).toEqual(['CN', 'US', 'GB']);
  });

  it('keeps what the source said', () => {
    const given: ShipmentFact = { ...BOL, portOfLading: { raw: 'QINGDAO', code: 'CNQDG', country: 'CN' } };
    expect(enrichShipment(given).portOfLading).toEqual(given.portOfLading);
  });
});
