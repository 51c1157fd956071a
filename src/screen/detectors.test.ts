import { describe, expect, it } from 'vitest';
import type { Entity, StoredMembership, StoredRelationship, StoredShipment } from '../model/index.ts';
import { makeUscc } from '../normalize/index.ts';
import type { ScreenResult } from './findings.ts';
import { parsePolicy } from './policy/load.ts';
import { screenEntity } from './screen-entity.ts';
import { screenShipment } from './screen-shipment.ts';
import { Snapshot } from './snapshot.ts';
import { snapshotFromFacts } from './snapshot-build.ts';
import { bill, ent, membership, ownership, prov } from './testing.ts';

/** Each finding type, positive and negative, on small synthetic worlds (all parties fictitious). */

const SYN = (k: string) => prov('synthetic', 'detectors.test.ts', k);
const LIST = (k: string) => prov('synthetic-uflpa', 'uflpa-synthetic.html', k, 12);

function world(parts: {
  entities?: Entity[];
  memberships?: StoredMembership[];
  relationships?: StoredRelationship[];
  shipments?: StoredShipment[];
}) {
  return Snapshot.fromData(snapshotFromFacts(parts, { asOf: '2024-06-01' }));
}
const of = (r: ScreenResult, type: string) => r.findings.filter((f) => f.type === type);
/** The synthetic sanctioned group's SDN entry, as several worlds below list it. */
const SDN_LISTING = membership(
  'syn-sdn',
  'ofac-sdn',
  { effectiveDate: '2020-07-31' },
  prov('ofac-sdn', 'sdn.csv', '90001'),
);
/** A bill on 2023-01-01 from the entity `id` to a buyer in the US. */
const shipFrom = (s: Snapshot, id: string) =>
  screenShipment(
    s,
    bill({
      id: `S-${id}`,
      date: '2023-01-01',
      shipper: { name: id, id },
      consignee: { name: 'B', country: 'US' },
    }),
  );

describe('listed', () => {
  const listedCo = ent(
    'syn-listed',
    { name: ['Example Listed Silicon Co., Ltd.'], country: ['CN'] },
    SYN('listed'),
  );
  const m = membership('syn-listed', 'uflpa', { program: '(i)', effectiveDate: '2023-05-01' }, LIST('row-7'));
  const snap = world({ entities: [listedCo], memberships: [m] });

  it('fires for a party resolved to a listed entity, citing the list record', () => {
    const r = screenShipment(
      snap,
      bill({
        id: 'B1',
        date: '2023-09-01',
        shipper: { name: 'X', id: 'syn-listed' },
        consignee: { name: 'Example Buyer Inc', country: 'US' },
        hs: ['280461'],
      }),
    );
    const [f] = of(r, 'listed');
    expect(f?.severity).toBe('high');
    expect(f?.facts).toEqual({ entity: 'syn-listed', list: 'uflpa', programs: '(i)' });
    expect(f?.evidence.find((e) => e.step === 'membership')).toMatchObject({
      dataset: 'synthetic-uflpa',
      record: { file: 'uflpa-synthetic.html', key: 'row-7', line: 12 },
      data: { program: '(i)', effectiveDate: '2023-05-01' },
    });
    expect(r.risk).toBe('high');
  });

  it('fires for an unresolved party whose name matches a listed name, with the match explanation', () => {
    const r = screenShipment(
      snap,
      bill({
        id: 'B2',
        date: '2023-09-01',
        shipper: { name: 'EXAMPLE LISTED SILICON CO LTD', country: 'CN' },
        consignee: { name: 'Buyer', country: 'US' },
      }),
    );
    const [f] = of(r, 'listed');
    expect(f?.subject.entityId).toBe('syn-listed');
    const match = f?.evidence.find((e) => e.step === 'name-match');
    expect(match?.data).toMatchObject({ entityId: 'syn-listed', score: 1 });
    expect(match?.data?.explanation).toBeDefined();
  });

  it('is medium for goods that arrived before the listing took effect', () => {
    const r = screenShipment(
      snap,
      bill({
        id: 'B3',
        date: '2023-01-10',
        shipper: { name: 'X', id: 'syn-listed' },
        consignee: { name: 'B', country: 'US' },
      }),
    );
    expect(of(r, 'listed')[0]?.severity).toBe('medium');
  });

  it('does not fire for a different name, an ended listing, or a listing not yet in force', () => {
    const other = screenShipment(
      snap,
      bill({
        id: 'B4',
        date: '2023-09-01',
        shipper: { name: 'Example Listed Solar Co Ltd', country: 'CN' },
        consignee: { name: 'B', country: 'US' },
      }),
    );
    expect(of(other, 'listed')).toEqual([]);
    const ended = world({
      entities: [listedCo],
      memberships: [
        membership(
          'syn-listed',
          'uflpa',
          { effectiveDate: '2022-06-21', endDate: '2023-01-01' },
          LIST('row-8'),
        ),
      ],
    });
    expect(
      of(
        screenShipment(
          ended,
          bill({
            id: 'B5',
            date: '2023-09-01',
            shipper: { name: 'X', id: 'syn-listed' },
            consignee: { name: 'B' },
          }),
        ),
        'listed',
      ),
    ).toEqual([]);
    const future = world({
      entities: [listedCo],
      memberships: [membership('syn-listed', 'uflpa', { effectiveDate: '2030-01-01' }, LIST('row-9'))],
    });
    expect(
      of(
        screenShipment(
          future,
          bill({
            id: 'B6',
            date: '2023-09-01',
            shipper: { name: 'X', id: 'syn-listed' },
            consignee: { name: 'B' },
          }),
        ),
        'listed',
      ),
    ).toEqual([]);
  });
});

describe('owned_by_listed', () => {
  const sdn = ent('syn-sdn', { name: ['Example Sanctioned Group'] }, SYN('sdn'));
  const mid = ent('syn-mid', { name: ['Example Holding Co'] }, SYN('mid'));
  const sub = ent('syn-sub', { name: ['Example Subsidiary Co'] }, SYN('sub'));
  const minority = ent('syn-minor', { name: ['Example Minority Co'] }, SYN('minor'));
  const tiny = ent('syn-tiny', { name: ['Example Tiny Stake Co'] }, SYN('tiny'));
  const snap = world({
    entities: [sdn, mid, sub, minority, tiny],
    memberships: [
      membership(
        'syn-sdn',
        'ofac-sdn',
        { program: 'GLOMAG', effectiveDate: '2020-07-31' },
        prov('ofac-sdn', 'sdn.csv', '90001'),
      ),
    ],
    relationships: [
      ownership('syn-sdn', 'syn-mid', 60, SYN('r1')),
      ownership('syn-mid', 'syn-sub', 55, SYN('r2')),
      ownership('syn-sdn', 'syn-minor', 30, SYN('r3')),
      ownership('syn-sdn', 'syn-tiny', 10, SYN('r4')),
    ],
  });

  it('reports an indirect subsidiary blocked under the OFAC 50% rule, with the chain to the SDN record', () => {
    const r = shipFrom(snap, 'syn-sub');
    const [f] = of(r, 'owned_by_listed');
    expect(f?.facts).toMatchObject({ blocked: true, owners: 'syn-sdn' });
    expect(f?.severity).toBe('high');
    expect(r.risk).toBe('high');
    const chain = f?.evidence.filter((e) => e.step === 'ownership').map((e) => e.record.key);
    expect(chain).toEqual(['r1', 'r2']);
    expect(f?.evidence.some((e) => e.step === 'membership' && e.record.key === '90001')).toBe(true);
  });

  it('cites every blocked owner when shares add up to 50% (30% + 25%)', () => {
    const snap2 = world({
      entities: [
        sdn,
        ent('syn-sdn2', { name: ['Example Second Sanctioned Co'] }, SYN('sdn2')),
        ent('syn-joint', { name: ['Example Joint Venture Co'] }, SYN('joint')),
      ],
      memberships: [
        SDN_LISTING,
        membership(
          'syn-sdn2',
          'ofac-sdn',
          { effectiveDate: '2021-01-15' },
          prov('ofac-sdn', 'sdn.csv', '90002'),
        ),
      ],
      relationships: [
        ownership('syn-sdn', 'syn-joint', 30, SYN('j1')),
        ownership('syn-sdn2', 'syn-joint', 25, SYN('j2')),
      ],
    });
    const r = screenShipment(
      snap2,
      bill({
        id: 'J1',
        date: '2023-01-01',
        shipper: { name: 'J', id: 'syn-joint' },
        consignee: { name: 'B', country: 'US' },
      }),
    );
    const [f] = of(r, 'owned_by_listed');
    expect(f?.facts).toMatchObject({ blocked: true, owners: 'syn-sdn,syn-sdn2' });
    expect(
      f?.evidence
        .filter((e) => e.step === 'ownership')
        .map((e) => e.record.key)
        .sort(),
    ).toEqual(['j1', 'j2']);
    expect(
      f?.evidence
        .filter((e) => e.step === 'membership')
        .map((e) => e.record.key)
        .sort(),
    ).toEqual(['90001', '90002']);
  });

  it('reports a 30% stake as medium (not blocked), and nothing under the 25% reporting threshold', () => {
    const [f] = of(shipFrom(snap, 'syn-minor'), 'owned_by_listed');
    expect(f?.facts.blocked).toBe(false);
    expect(f?.severity).toBe('medium');
    expect(of(shipFrom(snap, 'syn-tiny'), 'owned_by_listed')).toEqual([]);
    expect(of(shipFrom(snap, 'syn-sdn'), 'owned_by_listed')).toEqual([]); // listed itself: a `listed` finding
  });

  it('reports a subsidiary held through a share the sources do not state as unknown, not 0% or 100%', () => {
    const snap3 = world({
      entities: [
        sdn,
        ent('syn-unit', { name: ['Example Unit'] }, SYN('unit')),
        ent('syn-opaque', { name: ['Example Opaque Co'] }, SYN('opaque')),
      ],
      memberships: [SDN_LISTING],
      relationships: [
        ownership('syn-sdn', 'syn-unit', null, SYN('u1')),
        ownership('syn-unit', 'syn-opaque', 80, SYN('u2')),
      ],
    });
    const r = screenShipment(
      snap3,
      bill({
        id: 'U1',
        date: '2023-01-01',
        shipper: { name: 'O', id: 'syn-opaque' },
        consignee: { name: 'B', country: 'US' },
      }),
    );
    const [f] = of(r, 'owned_by_listed');
    expect(f?.facts).toMatchObject({ blocked: false, owners: 'syn-sdn', unknownShare: true });
    expect(f?.severity).toBe('medium');
    expect(f?.summary).toMatch(/unknown/);
    expect(f?.evidence.filter((e) => e.step === 'ownership').map((e) => e.record.key)).toEqual(['u1', 'u2']);
  });
});

describe('owned_by_listed: XPCC units', () => {
  // A fictitious unit (the corps has 14 divisions): its name names the XPCC, it is on no list.
  const unit = ent('syn-xunit', { name: ['Example XPCC 99th Division Holding (synthetic)'] }, SYN('xunit'));
  const sub = ent('syn-xsub', { name: ['Example Tomato Processing Co'] }, SYN('xsub'));
  const inRegiment = ent(
    'syn-xaddr',
    { name: ['Example Trading Co'], address: ['新疆石河子市一五二团 1号'] },
    SYN('xaddr'),
  );
  const sub2 = ent('syn-xsub2', { name: ['Example Canning Co'] }, SYN('xsub2'));
  const sdn = ent('syn-sdn', { name: ['Example Sanctioned Group'] }, SYN('sdn'));
  const snap = world({
    entities: [unit, sub, inRegiment, sub2, sdn],
    relationships: [
      ownership('syn-xunit', 'syn-xsub', 60, SYN('x1')),
      ownership('syn-xaddr', 'syn-xsub2', 60, SYN('x2')),
    ],
  });

  it('reports a company owned by an unlisted XPCC unit, citing the name that makes it one', () => {
    const [f] = of(shipFrom(snap, 'syn-xsub'), 'owned_by_listed');
    expect(f?.facts).toMatchObject({ blocked: false, owners: 'syn-xunit', xpccUnitOwner: true });
    expect(f?.severity).toBe('high');
    expect(f?.summary).toMatch(/60% effectively owned by XPCC unit Example XPCC 99th Division/);
    expect(f?.evidence.find((e) => e.step === 'ownership')?.record.key).toBe('x1');
    expect(f?.evidence.find((e) => e.step === 'name')).toMatchObject({
      record: { key: 'xunit' },
      data: { basis: 'xpcc-unit', field: 'name' },
    });
  });

  it('does not count an owner merely located in an XPCC regiment', () => {
    expect(of(shipFrom(snap, 'syn-xsub2'), 'owned_by_listed')).toEqual([]);
  });

  it('cites a listed owner above the unit rather than the unit', () => {
    const s = world({
      entities: [unit, sub, sdn],
      memberships: [SDN_LISTING],
      relationships: [
        ownership('syn-sdn', 'syn-xunit', 100, SYN('x0')),
        ownership('syn-xunit', 'syn-xsub', 60, SYN('x1')),
      ],
    });
    const [f] = of(shipFrom(s, 'syn-xsub'), 'owned_by_listed');
    expect(f?.facts).toMatchObject({ blocked: true, owners: 'syn-sdn' });
    expect(f?.facts.xpccUnitOwner).toBeUndefined();
  });
});

describe('xinjiang_located', () => {
  const snap = world({
    entities: [
      ent('syn-xpcc-farm', { name: ['新疆生产建设兵团第八师一五二团'] }, SYN('farm')),
      ent(
        'syn-aksu',
        {
          name: ['Example Agri Co'],
          registrationNumber: [makeUscc({ division: '652901', org: 'MA7X0009' })],
        },
        SYN('aksu'),
      ),
      ent(
        'syn-sh',
        {
          name: ['Example Shanghai Trading Co'],
          address: ['88 Urumqi Road, Shanghai, China'],
          country: ['CN'],
        },
        SYN('sh'),
      ),
    ],
  });
  const from = (
    shipper: { name: string; id?: string; address?: string; country?: string },
    date = '2023-03-01',
  ) =>
    screenShipment(
      snap,
      bill({
        id: `X-${shipper.name}`,
        date,
        shipper,
        consignee: { name: 'Example Importer Inc', country: 'US' },
      }),
    );

  it('locates by USCC division code, by XPCC unit naming and by the address on the bill', () => {
    expect(of(from({ name: 'A', id: 'syn-aksu' }), 'xinjiang_located')[0]?.facts).toMatchObject({
      basis: 'uscc',
      code: '652901',
    });
    expect(of(from({ name: 'F', id: 'syn-xpcc-farm' }), 'xinjiang_located')[0]?.facts).toMatchObject({
      basis: 'xpcc-unit',
      xpcc: true,
    });
    const addr = of(
      from({
        name: 'Example Unlisted Cotton Co',
        address: 'Room 5, Example Building, Korla, Bayingolin, Xinjiang',
        country: 'CN',
      }),
      'xinjiang_located',
    )[0];
    expect(addr?.facts.basis).toBe('address');
    expect(addr?.severity).toBe('high');
  });

  it('does not locate by a street name or by a restaurant name', () => {
    expect(of(from({ name: 'S', id: 'syn-sh' }), 'xinjiang_located')).toEqual([]);
    expect(
      of(
        from({ name: 'Kashgar Cafe Inc', address: '12 Example Ave, Brooklyn, NY 11201', country: 'US' }),
        'xinjiang_located',
      ),
    ).toEqual([]);
    expect(of(from({ name: 'Xinjiang Restaurant LLC', country: 'US' }), 'xinjiang_located')).toEqual([]);
  });

  it('a name-only location is medium', () => {
    const f = of(from({ name: 'Xinjiang Example Trading Co., Ltd.', country: 'CN' }), 'xinjiang_located')[0];
    expect(f?.facts.basis).toBe('name');
    expect(f?.severity).toBe('medium');
  });
});

describe('high_priority_sector', () => {
  const snap = world({});
  const goods = (hs: string[], description: string | null) =>
    of(
      screenShipment(
        snap,
        bill({
          id: `G-${hs.join()}-${description}`,
          date: '2023-01-01',
          shipper: { name: 'A' },
          consignee: { name: 'B' },
          hs,
          description,
        }),
      ),
      'high_priority_sector',
    );

  it('maps HS codes and descriptions to sectors', () => {
    expect(goods(['200290'], null)[0]?.facts).toEqual({ sector: 'tomatoes', tier: 'core' });
    expect(goods(['8541.43'], null)[0]?.facts.sector).toBe('polysilicon');
    const byDesc = goods([], 'TOMATO PASTE 28-30 BRIX IN DRUMS')[0];
    expect(byDesc?.facts.sector).toBe('tomatoes');
    expect(byDesc?.evidence[0]?.data).toMatchObject({ via: 'description' });
  });

  it('scores a coarser code as partial, and stays silent on other goods', () => {
    const partial = goods(['2002'], null)[0];
    const exact = goods(['200290'], null)[0];
    expect(partial && exact && partial.score < exact.score).toBe(true);
    expect(goods(['841981'], 'COMMERCIAL KITCHEN EQUIPMENT')).toEqual([]);
    expect(goods([], 'FURNITURE')).toEqual([]);
  });
});

describe('upstream_exposure', () => {
  const XJ = makeUscc({ division: '650102', org: 'MA7X0011' });
  const entities = [
    ent('syn-xj-yarn', { name: ['Example Urumqi Yarn Co'], uscCode: [XJ], country: ['CN'] }, SYN('xj')),
    ent('syn-js-fabric', { name: ['Example Jiangsu Fabric Co'], country: ['CN'] }, SYN('js')),
    ent('syn-us', { name: ['Example Fabric Importer Inc'], country: ['US'] }, SYN('us')),
  ];
  const leg = (id: string, date: string, from: string, to: string, hs: string) =>
    bill({ id, date, shipper: { name: from, id: from }, consignee: { name: to, id: to }, hs: [hs] });

  it('traces a Chinese fabric mill’s US shipment to its Xinjiang yarn supplier (time-ordered, compatible goods)', () => {
    const out = leg('U2', '2023-05-01', 'syn-js-fabric', 'syn-us', '520852');
    const snap = world({
      entities,
      shipments: [leg('U1', '2023-02-01', 'syn-xj-yarn', 'syn-js-fabric', '520512'), out],
    });
    const r = screenShipment(snap, out);
    const [f] = of(r, 'upstream_exposure');
    expect(f?.facts.exposed).toBe('syn-xj-yarn');
    expect(f?.subject).toMatchObject({ role: 'shipper', entityId: 'syn-js-fabric' });
    expect(f?.severity).toBe('high');
    expect(of(r, 'third_country_routing')).toEqual([]);
    expect(f?.evidence.filter((e) => e.step === 'trade').map((e) => e.record.key)).toEqual(['U2', 'U1']);
  });

  it('does not fire when the input arrived after the output shipped, or the goods cannot be an input', () => {
    const out = leg('V2', '2023-05-01', 'syn-js-fabric', 'syn-us', '520852');
    const late = world({
      entities,
      shipments: [leg('V1', '2023-06-01', 'syn-xj-yarn', 'syn-js-fabric', '520512'), out],
    });
    expect(of(screenShipment(late, out), 'upstream_exposure')).toEqual([]);
    const unrelated = world({
      entities,
      shipments: [leg('W1', '2023-02-01', 'syn-xj-yarn', 'syn-js-fabric', '200290'), out],
    });
    expect(of(screenShipment(unrelated, out), 'upstream_exposure')).toEqual([]);
  });
});

describe('new_intermediary_after_listing', () => {
  const entities = [
    ent('syn-listed-si', { name: ['Example Listed Polysilicon Co'], country: ['CN'] }, SYN('si')),
    ent('syn-us-solar', { name: ['Example Solar Modules Inc'], country: ['US'] }, SYN('solar')),
    ent('syn-vn-trader', { name: ['Example Trading Vietnam Co'], country: ['VN'] }, SYN('vn')),
    ent('syn-vn-late', { name: ['Example Late Trading Co'], country: ['VN'] }, SYN('late')),
    ent('syn-other-buyer', { name: ['Example Other Buyer Inc'], country: ['US'] }, SYN('other')),
  ];
  const memberships = [
    membership('syn-listed-si', 'uflpa', { program: '(i)', effectiveDate: '2023-05-01' }, LIST('row-si')),
  ];
  const leg = (id: string, date: string, from: string, to: string, hs = '280461') =>
    bill({ id, date, shipper: { name: from, id: from }, consignee: { name: to, id: to }, hs: [hs] });
  const before = [
    leg('N1', '2022-11-01', 'syn-listed-si', 'syn-us-solar'),
    leg('N2', '2023-02-01', 'syn-listed-si', 'syn-us-solar'),
  ];

  it('flags a newcomer that starts shipping to the listed supplier’s buyer weeks after the listing', () => {
    const out = leg('N3', '2023-06-15', 'syn-vn-trader', 'syn-us-solar');
    const snap = world({ entities, memberships, shipments: [...before, out] });
    const [f] = of(screenShipment(snap, out), 'new_intermediary_after_listing');
    expect(f?.facts).toEqual({ supplier: 'syn-listed-si', list: 'uflpa', pattern: 'replaced' });
    expect(f?.summary).toContain('45 days after');
    expect(f?.evidence.map((e) => e.step)).toEqual(['party', 'membership', 'trade', 'trade']);
  });

  it('flags a newcomer that receives the listed supplier’s goods right after the listing (pass-through)', () => {
    const inLeg = leg('P1', '2023-05-20', 'syn-listed-si', 'syn-vn-trader');
    const out = leg('P2', '2023-07-01', 'syn-vn-trader', 'syn-other-buyer');
    const snap = world({ entities, memberships, shipments: [inLeg, out] });
    const f = of(screenShipment(snap, out), 'new_intermediary_after_listing').find(
      (x) => x.facts.pattern === 'pass-through',
    );
    expect(f?.facts.supplier).toBe('syn-listed-si');
  });

  it('does not fire outside the window, or for a buyer the listed supplier never served', () => {
    const late = leg('L1', '2024-03-01', 'syn-vn-late', 'syn-us-solar');
    const snap = world({ entities, memberships, shipments: [...before, late] });
    expect(of(screenShipment(snap, late), 'new_intermediary_after_listing')).toEqual([]);
    const other = leg('O1', '2023-06-15', 'syn-vn-trader', 'syn-other-buyer');
    const snap2 = world({ entities, memberships, shipments: [...before, other] });
    expect(of(screenShipment(snap2, other), 'new_intermediary_after_listing')).toEqual([]);
  });
});

describe('policy switches', () => {
  it('a disabled finding type never fires', () => {
    const p = parsePolicy({ findings: { high_priority_sector: { enabled: false } } });
    if (!p.ok) throw new Error('policy');
    const snap = Snapshot.fromData(snapshotFromFacts({}, { asOf: '2024-06-01', policy: p.policy }));
    const r = screenShipment(
      snap,
      bill({
        id: 'D1',
        date: '2023-01-01',
        shipper: { name: 'A' },
        consignee: { name: 'B' },
        hs: ['520100'],
      }),
    );
    expect(r.findings).toEqual([]);
  });
});

describe('screening an entity', () => {
  it('finds a supplier’s own routing and stays silent for the restaurant', async () => {
    const { newsCases, ID } = await import('./fixtures/news-cases.ts');
    const snap = Snapshot.fromData(snapshotFromFacts(newsCases(), { asOf: '2024-06-01' }));
    const src = { dataset: 'supplier-list', file: 'suppliers.csv', key: 'row-2', line: 2 };
    const gs = screenEntity(
      snap,
      { name: 'Grand Star LLC', country: 'RU', address: null, identifiers: [] },
      src,
    );
    const routing = gs.findings.filter((f) => f.type === 'third_country_routing');
    expect(routing.map((f) => f.facts.exposed)).toContain(ID.guannongTomato);
    expect(gs.risk).not.toBe('none');
    const xpcc = screenEntity(
      snap,
      { name: 'Xinjiang Production and Construction Corps', country: null, address: null, identifiers: [] },
      src,
    );
    expect(xpcc.findings.find((f) => f.type === 'listed')?.facts).toMatchObject({
      entity: ID.xpcc,
      list: 'ofac-sdn',
    });
    expect(xpcc.risk).toBe('high');
    const rest = screenEntity(
      snap,
      {
        name: 'Xinjiang Restaurant LLC',
        country: 'US',
        address: '41-00 Main St, Flushing, NY 11355',
        identifiers: [],
      },
      src,
    );
    expect(rest.findings).toEqual([]);
  });
});
