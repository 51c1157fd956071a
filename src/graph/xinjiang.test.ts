import { describe, expect, it } from 'vitest';
import type { DatasetName, Entity, EntityId, FtmProperty } from '../model/index.ts';
import { makeUscc } from '../normalize/index.ts';
import { buildGraph } from './builder.ts';
import { createExposure, type ExposureReason } from './exposure.ts';
import { own, ship } from './testing.ts';
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
    expect(a[0]?.summary).toBe('located in Xinjiang (XPCC) by USCC registration');
    expect(a[0]?.evidence[0]).toMatchObject({ type: 'fact', sources: [prov] });
    const detail = (r: ExposureReason | undefined) =>
      (r?.evidence[0] as { detail: string } | undefined)?.detail;
    expect(detail(a[0])).toMatch(
      /USCC .* registered in Xinjiang, division 659001 .*XPCC city of the 8th Division/,
    );
    expect(exposure(g.nodeOf('b') as number)).toEqual([]);
    const c = exposure(g.nodeOf('c') as number)[0];
    expect(c?.summary).toBe('located in Xinjiang by address');
    expect(detail(c)).toMatch(/^address in Xinjiang: Urumqi/);
  });

  it('reads XPCC unit names, and never locates a firm outside China by its name alone', () => {
    const x = new XinjiangLocator();
    const regiment = entity('r', { name: '新疆生产建设兵团第八师一五二团', country: 'cn' });
    const restaurant = entity('n', { name: 'Xinjiang Restaurant LLC', country: 'us' });
    for (const e of [regiment, restaurant]) x.inspectEntity(e);
    const g = buildGraph({ entities: [regiment, restaurant] });
    const reasons = x.predicate(g);
    expect(reasons(g.nodeOf('r') as number)[0]?.summary).toBe('located in Xinjiang (XPCC) by XPCC unit');
    expect(reasons(g.nodeOf('n') as number)).toEqual([]);
    expect(x.size).toBe(1);
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
    const r = x.predicate(g)(v)[0];
    expect(r?.summary).toBe('located in Xinjiang by address');
    expect(r?.evidence[0]).toMatchObject({
      detail: expect.stringMatching(/^address in Xinjiang: Aksu/),
      sources: [expect.objectContaining({ recordKey: 'bol' })],
    });
  });

  it('counts an unlisted XPCC unit as an owner, when asked, with the name that makes it one', () => {
    const x = new XinjiangLocator();
    const unit = entity('u', { name: 'Example XPCC 99th Division Holding (synthetic)' });
    const sub = entity('s', { name: 'Synthetic Canning Co' });
    for (const e of [unit, sub]) x.inspectEntity(e);
    const g = buildGraph({ entities: [unit, sub], relationships: [own('u', 's', 60)] });
    const s = g.nodeOf('s') as number;
    const withUnits = createExposure(g, { xpccUnit: x.xpccUnitEvidence(g) })(s);
    expect(withUnits.map((r) => r.summary)).toEqual([
      '60% owned by XPCC unit Example XPCC 99th Division Holding (synthetic)',
    ]);
    expect(withUnits[0]?.evidence.map((e) => e.type)).toEqual(['ownership', 'fact']);
    expect(createExposure(g)(s)).toEqual([]);
  });
});
