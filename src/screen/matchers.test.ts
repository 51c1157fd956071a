import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { Matcher } from '../resolve/index.ts';
import { newsCases } from './fixtures/news-cases.ts';
import { exactMatcher } from './matcher.ts';
import { resolveMatcher } from './matchers.ts';
import { snapshotFromFacts } from './snapshot-build.ts';

/** The watch-set matchers: resolve/'s behind the gate, and the exact one. */

const watch = snapshotFromFacts(newsCases(), { asOf: '2024-06-01' }).watch;
const m = resolveMatcher(watch, { threshold: 0.8, limit: 3 });
const ids = (name: string, identifiers: string[] = []) =>
  m.match({ name, country: null, identifiers }).map((x) => x.entityId);

describe('resolve matcher behind the gate', () => {
  it('keeps the spellings a bill of lading uses', () => {
    expect(ids('XINJIANG PRODUCTION AND CONSTRUCTION CORPS')).toEqual(['ofac-29299']);
    expect(ids('新疆生产建设兵团')).toEqual(['ofac-29299']);
    expect(ids('XPCC')).toEqual(['ofac-29299']);
    expect(ids('XINJIANG GUANNONG TOMATO PRODUCTS CO LTD')[0]).toBe('illustrative-guannong-tomato');
    expect(ids('XINJIANG GUAN NONG CO LTD')[0]).toBe('illustrative-guannong');
    expect(ids('GUANNONG CO., LTD.')[0]).toBe('illustrative-guannong');
    expect(ids('新疆冠农股份有限公司')[0]).toBe('illustrative-guannong');
    expect(ids('XINJIANG WANDA CO.,LTD')).toEqual(['illustrative-xinjiang-wanda']);
  });

  it('stops names that share too little to match', () => {
    expect(ids('Xinjiang Restaurant LLC')).toEqual([]);
    expect(ids('Xinjiang Production Co')).toEqual([]);
    expect(ids('Huaxin Tairui Textile Co Ltd')).toEqual([]);
    expect(ids('Wanda Plaza Trading LLC')).toEqual([]);
  });

  it('lets an identifier through whatever the name', () => {
    const [aksu] = watch.filter((w) => w.id === 'synthetic-aksu-mill');
    expect(ids('Some Other Name', [...(aksu?.identifiers ?? [])])).toContain('synthetic-aksu-mill');
  });
});

describe('exact matcher', () => {
  const x = exactMatcher(watch, { threshold: 0.8, limit: 3 });
  it('matches folded names and identifiers only', () => {
    expect(
      x.match({ name: 'xinjiang wanda co ltd', country: 'CN', identifiers: [] }).map((r) => r.entityId),
    ).toEqual(['illustrative-xinjiang-wanda']);
    expect(x.match({ name: 'Xinjiang Wanda Company', country: null, identifiers: [] })).toEqual([]);
    expect(x.match({ name: 'Xinjiang Wanda Co., Ltd.', country: 'US', identifiers: [] })).toEqual([]); // country conflict: 0.75 < 0.8
  });
});

// The gate must not change what the matcher finds for list names as bills spell them. Checked
// against 1,500 real OFAC SDN entity names (skipped when ../shared/data is absent, e.g. in a
// fresh clone: the data is not part of the repository).
const SDN = join(import.meta.dirname, '..', '..', '..', 'shared', 'data', 'ofac-sdn-2024-05-03.csv');
describe.skipIf(!existsSync(SDN))('gate against the ungated matcher on real list names', () => {
  it('keeps every full-name, case and punctuation variant, and loses under 1% overall', () => {
    const sdn = readFileSync(SDN, 'utf8')
      .split('\n')
      .filter((l) => /^\d+,"[^"]+",-0- /.test(l))
      .slice(0, 1500)
      .map((l, i) => ({
        id: `sdn${i}`,
        schema: 'Company',
        names: [l.split('"')[1] ?? ''],
        countries: [],
        identifiers: [],
      }));
    const all = [...watch, ...sdn];
    const gated = resolveMatcher(all, { threshold: 0.8, limit: 3 });
    const raw = Matcher.fromRecords(all, { threshold: 0.8 });
    let both = 0;
    let lost = 0;
    let gatedOnly = 0;
    const lostWhole: string[] = [];
    for (const e of all) {
      for (const n of e.names) {
        const w = n.split(/\s+/);
        const variants = [
          n,
          n.toUpperCase(),
          n.replace(/[.,]/g, ''),
          w.slice(0, -1).join(' '),
          w.slice(1).join(' '),
        ];
        variants.forEach((q, i) => {
          const a = raw.match({ name: q }, 3).some((c) => c.match && c.score >= 0.8);
          const b = gated.match({ name: q, country: null, identifiers: [] }).length > 0;
          if (a && b) both++;
          else if (a) {
            lost++;
            if (i < 3) lostWhole.push(q);
          } else if (b) gatedOnly++;
        });
      }
    }
    expect(lostWhole).toEqual([]);
    expect(gatedOnly).toBe(0);
    expect(lost / (both + lost)).toBeLessThan(0.01);
  });
});
