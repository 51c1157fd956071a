import { describe, expect, it } from 'vitest';
import { parsePairs } from './pairs-file.ts';

describe('parsePairs', () => {
  it('accepts a BOM, quoted fields, extra columns and an optional schema', () => {
    const text =
      '\ufeffname1,name2,schema,label\n"Xinjiang Guannong Co., Ltd.",新疆冠农股份有限公司,Company,1\nPutin,Путин,,1,extra\n';
    const r = parsePairs(text);
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.rows).toHaveLength(2);
    expect(r.rows[0]).toMatchObject({ name1: 'Xinjiang Guannong Co., Ltd.', schema: 'Company', line: 2 });
    expect(r.rows[1]).toMatchObject({ name2: 'Путин', schema: null });
    expect(r.rows[0]?.columns.label).toBe('1');
  });
  it('rejects a file without name1/name2 columns', () => {
    expect(parsePairs('a,b\n1,2\n')).toMatchObject({ ok: false });
  });
});
