import { describe, expect, it } from 'vitest';
import type { DatasetName, Entity, EntityId, FtmProperty } from '../model/index.ts';
import { makeUscc } from '../normalize/index.ts';
import { buildGraph } from './builder.ts';
import { createExposure } from './exposure.ts';
import { ship } from './testing.ts';
import { XinjiangLocator } from './xinjiang.ts';

const prov = { dataset: 'synthetic' as DatasetName, sourceFile: 'synthetic.csv', recordKey: 'r1', line: 3 };

function entity(id: string, props: Partial<Record<FtmProperty, string>>): Entity {
  const statements = Object.entries(props).map(([prop, value]) => ({
    prop: prop as FtmProperty,
    value: value as string,
    provenance: prov,
  }));
  return {
    id: id as EntityId,
    schema: 'Company',
    datasets: [prov.dataset],
    properties: Object.fromEntries(Object.entries(props).map(([k, v]) => [k, [v]])),
    statements,
  };
}

describe('Xinjiang location as an exposure reason', () => {
  it('flags a USCC registered in Shihezi (XPCC 8th division) and an Urumqi address, not a Shanghai firm', () => {
    const x = new XinjiangLocator();
    // Synthetic codes built with the real check characters.
    const shz = entity('a', {
      name: 'Synthetic Cotton Co',
      uscCode: makeUscc({ division: '659001', org: '12345678' }),
    });
    const sh = entity('b', {
      name: 'Synthetic Trading Co',
      uscCode: makeUscc({ division: '310115', org: '12345678' }),
    });
    const urumqi = entity('c', {
      name: 'Synthetic Yarn Co',
      address: '新疆维吾尔自治区乌鲁木齐市天山区 1号',
    });
    for (const e of [shz, sh, urumqi]) x.inspectEntity(e);
    const g = buildGraph({ entities: [shz, sh, urumqi] });
    const exposure = createExposure(g, { extra: [x.predicate(g)] });
    const a = exposure(g.nodeOf('a') as number);
    expect(a.map((r) => r.kind)).toEqual(['xinjiang_located']);
    expect(a[0]?.summary).toMatch(/USCC .* registered in Xinjiang .*XPCC division 8/);
    expect(a[0]?.evidence[0]).toMatchObject({ type: 'fact', sources: [prov] });
    expect(exposure(g.nodeOf('b') as number)).toEqual([]);
    expect(exposure(g.nodeOf('c') as number)[0]?.summary).toMatch(/^address in Xinjiang/);
  });

  it('flags an unresolved shipper by the address on its bill of lading', () => {
    const x = new XinjiangLocator();
    const s = ship({
      id: 'bol',
      from: 'Synthetic Ginning Co',
      to: 'buyer',
      date: '2023-01-01',
      hs: ['5201'],
      resolved: false,
      fromCountry: 'CN',
    });
    const withAddress = {
      ...s,
      parties: s.parties.map((p) => (p.role === 'shipper' ? { ...p, address: 'AKSU, XINJIANG, CHINA' } : p)),
    };
    x.inspectShipment(withAddress);
    const g = buildGraph({ shipments: [withAddress] });
    const v = g.nodeOf('party:CN:synthetic ginning co') as number;
    expect(x.predicate(g)(v)[0]?.summary).toMatch(/shipper address on bill bol in Xinjiang/);
  });
});
