import { describe, expect, it } from 'vitest';
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
