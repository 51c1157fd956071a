import { describe, expect, it } from 'vitest';
import type { ScreenResult } from './findings.ts';
import { BILL, ID, newsCases } from './fixtures/news-cases.ts';
import { screenShard } from './shard.ts';
import { Snapshot } from './snapshot.ts';
import { snapshotFromFacts } from './snapshot-build.ts';

/** The cases from the reporting (domain guide §10) and the controls that must not fire. */

const input = newsCases();
const snap = Snapshot.fromData(snapshotFromFacts(input, { asOf: '2024-06-01' }));
const results = new Map<string, ScreenResult>(screenShard(snap, input.shipments ?? []).map((r) => [r.id, r]));
const get = (id: string) => {
  const r = results.get(id);
  if (!r) throw new Error(`no result for ${id}`);
  return r;
};
const types = (r: ScreenResult) => r.findings.map((f) => f.type).sort();
const EXPOSURE_TYPES = [
  'listed',
  'owned_by_listed',
  'xinjiang_located',
  'upstream_exposure',
  'third_country_routing',
  'new_intermediary_after_listing',
];

describe('news case: XPCC subsidiaries’ tomato paste → Grand Star (RU) → a US importer', () => {
  it('flags the Russian buyer’s US shipment as third-country routing from an XPCC-owned supplier', () => {
    const r = get(BILL.tomatoToUs);
    expect(r.risk).toBe('high');
    const routing = r.findings.filter((f) => f.type === 'third_country_routing');
    expect(routing.map((f) => f.facts.exposed).sort()).toEqual([ID.guannongTomato, ID.wanda].sort());
    const guannong = routing.find((f) => f.facts.exposed === ID.guannongTomato);
    expect(guannong?.severity).toBe('high');
    expect(guannong?.subject).toMatchObject({ role: 'shipper', entityId: ID.grandStar, country: 'RU' });
    // The chain: the US bill, the tomato paste deliveries to Grand Star, the 41.30% holding, the SDN listing.
    const steps = guannong?.evidence.map((e) => e.step) ?? [];
    expect(steps).toEqual(expect.arrayContaining(['party', 'trade', 'ownership', 'membership']));
    expect(guannong?.evidence.find((e) => e.step === 'membership')).toMatchObject({
      dataset: 'ofac-sdn',
      record: { key: '29299' },
    });
    expect(guannong?.evidence.some((e) => e.step === 'ownership' && e.data?.pct === 41.3)).toBe(true);
    expect(guannong?.evidence.some((e) => e.step === 'trade' && e.record.key === 'ILL-TOMATO-RU-1')).toBe(
      true,
    );
  });

  it('reports the suppliers themselves: owned 41.3% by the listed XPCC (not blocked: under 50%)', () => {
    const r = get('ILL-TOMATO-RU-1');
    const owned = r.findings.find((f) => f.type === 'owned_by_listed');
    expect(owned?.facts).toMatchObject({ entity: ID.guannongTomato, blocked: false, owners: ID.xpcc });
    expect(owned?.severity).toBe('medium');
    expect(owned?.summary).toContain('41.3%');
  });
});

describe('news case: Xinjiang cotton reaching a third-country garment maker (synthetic parties)', () => {
  it('flags the Bangladesh maker’s T-shirts to the US as routed from an Aksu mill', () => {
    const r = get(BILL.garmentsToUs);
    expect(r.risk).toBe('high');
    const f = r.findings.find((x) => x.type === 'third_country_routing');
    expect(f?.facts.exposed).toBe(ID.aksuMill);
    expect(f?.severity).toBe('high');
    const id = f?.evidence.find((e) => e.step === 'identifier');
    expect(id?.data).toMatchObject({ basis: 'uscc', code: '652901' });
    // The yarn arrived before the garments shipped, and yarn → garments is on the cotton chain.
    const yarn = f?.evidence.find((e) => e.step === 'trade' && e.record.key === 'SYN-YARN-BD-1');
    expect(yarn?.data?.goods).toEqual([
      expect.objectContaining({ input: '520512', output: '610910', rule: 'chain' }),
    ]);
  });
});

describe('news case: cotton wrap from Shihezi after the law took effect (SCMP; synthetic parties)', () => {
  it('is high: an XPCC-city shipper (USCC 659001, address Shihezi) shipping after 21 June 2022', () => {
    const r = get(BILL.shihezi);
    expect(r.risk).toBe('high');
    const x = r.findings.find((f) => f.type === 'xinjiang_located');
    expect(x?.severity).toBe('high');
    expect(x?.facts).toMatchObject({ basis: 'uscc', code: '659001', xpcc: true });
    expect(x?.evidence.some((e) => e.step === 'address' && e.record.key === BILL.shihezi)).toBe(true);
    expect(types(r)).toContain('high_priority_sector');
  });

  it('is medium when the same shipper’s goods arrived before the UFLPA took effect, with the same finding key', () => {
    const before = get(BILL.shiheziBefore);
    const x = before.findings.find((f) => f.type === 'xinjiang_located');
    expect(x?.severity).toBe('medium');
    expect(before.risk).toBe('medium');
    expect(x?.key).toBe(get(BILL.shihezi).findings.find((f) => f.type === 'xinjiang_located')?.key);
  });
});

describe('controls that must not fire', () => {
  it('a US restaurant named "Xinjiang" importing kitchen equipment: no finding at all', () => {
    const r = get(BILL.restaurant);
    expect(r.findings).toEqual([]);
    expect(r.risk).toBe('none');
  });

  it('US cotton spun in India and sewn in Bangladesh: only the sector, so at most low', () => {
    for (const id of ['SYN-USCOTTON-1', 'SYN-USCOTTON-2', BILL.usCottonGarments]) {
      const r = get(id);
      expect(r.findings.filter((f) => EXPOSURE_TYPES.includes(f.type))).toEqual([]);
      expect(types(r)).toEqual(['high_priority_sector']);
      expect(r.risk).toBe('low');
    }
  });
});

describe('every finding', () => {
  it('has evidence citing dataset and source record, a stable key and a subject', () => {
    for (const r of results.values()) {
      for (const f of r.findings) {
        expect(f.evidence.length).toBeGreaterThan(0);
        for (const e of f.evidence) {
          expect(e.dataset.length).toBeGreaterThan(0);
          expect(e.record.file.length).toBeGreaterThan(0);
          expect(e.record.key.length).toBeGreaterThan(0);
        }
        expect(f.key.startsWith(`${f.type}:`)).toBe(true);
        expect(f.subject.name.length).toBeGreaterThan(0);
      }
    }
  });

  it('screens identically from a snapshot rebuilt from its serialised form', () => {
    const data = structuredClone(snap.data);
    const again = screenShard(Snapshot.fromData(data), input.shipments ?? []);
    expect(again).toEqual([...results.values()]);
  });
});
