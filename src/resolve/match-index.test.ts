import { describe, expect, it } from 'vitest';
import { analyseName } from '../normalize/index.ts';
import { hashKey, indexKeys, keyHashes, MatchIndexBuilder } from './match-index.ts';
import { Matcher } from './matcher.ts';

describe('match index keys', () => {
  it('hashes exactly the keys it lists (the string form is the documentation of the hashed one)', () => {
    for (const n of [
      'Vladimir Vladimirovich Putin',
      '新疆冠农股份有限公司',
      'محمد بن سلمان',
      'Xinjiang Guannong Cotton Co. Ltd',
    ]) {
      const a = analyseName(n);
      const fromStrings = new Set(indexKeys(a, ['91210700701620122U']).map(hashKey));
      expect(new Set(keyHashes(a, ['91210700701620122U']).hashes)).toEqual(fromStrings);
    }
  });
  it('pairs tokens, so a common given name with a common surname is a rare key', () => {
    const keys = indexKeys(analyseName('Ivan Petrov', { schema: 'Person' }));
    expect(keys).toContain('p:ivan|petrov');
    expect(indexKeys(analyseName('Ahmad Omar Al-Harbi', { schema: 'Person' }))).toContain(
      'n:ahmad|harbi|omar',
    );
  });
});

// Seeded synthetic population (fictitious names): many Ivans and many Petrovs, one Ivan Petrov.
function population(): { id: string; schema: string; names: string[] }[] {
  const given = ['Ivan', 'Sergei', 'Olga', 'Anna', 'Dmitry', 'Elena', 'Pavel', 'Maria'];
  const family = ['Petrov', 'Smirnov', 'Kuznetsov', 'Popov', 'Sokolov', 'Lebedev', 'Kozlov', 'Novikov'];
  const out: { id: string; schema: string; names: string[] }[] = [];
  let i = 0;
  // Every given name with every family name, each with 40 different second given names.
  for (const g of given)
    for (const f of family)
      for (let k = 0; k < 40; k++)
        out.push({ id: `p${i++}`, schema: 'Person', names: [`${g} ${given[k % 8]}${'abcde'[k % 5]} ${f}`] });
  out.push({ id: 'target', schema: 'Person', names: ['Ivan Petrov'] });
  out.push({ id: 'firm', schema: 'Company', names: ['Grombrortdrei Metals LLC'] });
  return out;
}

describe('candidates', () => {
  const m = Matcher.fromRecords(population());
  it('finds one name among thousands sharing each of its words', () => {
    const [top] = m.match({ name: 'PETROV, Ivan' }, 3);
    expect(top?.entityId).toBe('target');
    expect(top?.match).toBe(true);
  });
  it('finds a name with a typo in its only distinctive word (prefix, suffix and trigram keys)', () => {
    const res = m.match({ name: 'GROBRORTDREI METALS LLC' }, 3);
    expect(res[0]?.entityId).toBe('firm');
  });
  it('proposes no match for a name sharing no word with any indexed name', () => {
    expect(m.match({ name: 'Zzyzx Qqq' }, 3).filter((r) => r.match)).toEqual([]);
  });
  it('builds an index whose buckets hold every key of every name', () => {
    const b = new MatchIndexBuilder();
    const a = analyseName('Xinjiang Wanda Co., Ltd.');
    b.add(a);
    const idx = b.finish();
    for (const k of indexKeys(a)) if (!k.startsWith('q:')) expect(idx.df(k)).toBeGreaterThanOrEqual(1);
  });
});
