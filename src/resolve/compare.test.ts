import { describe, expect, it } from 'vitest';
import { compare, DEFAULT_THRESHOLD } from './compare.ts';
import { describeGoldenPairs, type GoldenPair } from './testing.ts';

// Golden multilingual fixtures. Real names are those of ../shared/docs/domain.md and the DHS UFLPA
// Entity List (Guannong, Esquel/Yida, Hoshine/Hesheng, XPCC units, Grand Star); others are public
// figures' names in their own script; "Wanda"/"Wanfang" rows are synthetic.
const SAME: GoldenPair[] = [
  ['新疆冠农股份有限公司', 'Xinjiang Guannong Co., Ltd.'],
  ['新疆冠農股份有限公司', '新疆冠农股份有限公司'],
  ['Xinjiang Guan Nong Co Ltd', 'XINJIANG GUANNONG CO.,LTD'],
  ['昌吉溢达纺织有限公司', 'Changji Esquel Textile Co. Ltd.'],
  ['合盛硅业（鄯善）有限公司', 'Hoshine Silicon Industry (Shanshan) Co., Ltd'],
  ['新疆生产建设兵团第八师', 'XPCC 8th Division'],
  ['Xinjiang Production and Construction Corps Eighth Division', 'XPCC 8th Division'],
  // "Corp." is read as a legal form and dropped; the rest must still name the corps.
  ['XINJIANG PRODUCTION & CONSTRUCTION CORP.', '新疆生产建设兵团'],
  ['Xinjiang Shengchan Jianshe Bingtuan', '新疆生产建设兵团'],
  ['一五二团', '152nd Regiment'],
  ['ООО «Гранд Стар»', 'Grand Star LLC'],
  ['Владимир Путин', 'Vladimir Putin', 'Person'],
  ['PUTIN, Vladimir Vladimirovich', 'Vladimir Putin', 'Person'],
  ['Mukhammad Ali', 'Muhammad Ali', 'Person'],
  ['محمد بن سلمان', 'Mohammed bin Salman', 'Person'],
  ['习近平', 'Xi Jinping', 'Person'],
  ['Αλέξης Τσίπρας', 'Alexis Tsipras', 'Person'],
];
const DIFFERENT: GoldenPair[] = [
  ['新疆生产建设兵团第八师', 'XPCC 2nd Division'],
  ['Regiment 152', 'Regiment 153'],
  ['Xinjiang Production Co., Ltd.', 'Xinjiang Production and Construction Corps'],
  ['Xinjiang Wanda Co., Ltd.', 'Xinjiang Wanfang Co., Ltd.'],
  ['新疆冠农股份有限公司', '新疆冠农集团有限责任公司'],
  ['Western Gold Hami Gold Mine Co., Ltd.', 'Western Gold Karamay Hatu Gold Mine Co., Ltd.'],
  ['Gazprom', 'Gazprombank'],
  ['Vladimir Putin', 'Vladimir Potanin', 'Person'],
  ['朱海仑', 'Zhu Hailin', 'Person'],
  ['阿克苏华孚色纺有限公司', '阿克苏华福色纺有限公司'],
];

describeGoldenPairs('compare: golden multilingual pairs', SAME, DIFFERENT);

describe('compare: explanations', () => {
  it('says which variant matched which, with every feature', () => {
    const r = compare('新疆生产建设兵团第八师', 'XPCC 8th Division');
    expect(r.score).toBeGreaterThanOrEqual(DEFAULT_THRESHOLD);
    expect(r.explanation.variantA.kind).toBe('pinyin-translated');
    expect(r.explanation.variantB.kind).toBe('original');
    expect(r.explanation.tokens).toContainEqual({ a: '8', b: '8', sim: 1, credit: 1, how: 'key' });
    const features = r.explanation.features.map((f) => f.feature);
    expect(features).toContain('name');
    expect(features).toContain('numbers');
    for (const f of r.explanation.features) expect(f.contribution).toBeCloseTo(f.weight * f.value, 10);
  });
  it('reports a number conflict as a negative feature', () => {
    const r = compare('XPCC 8th Division', '新疆生产建设兵团第二师');
    const num = r.explanation.features.find((f) => f.feature === 'numbers');
    expect(num?.value).toBe(-1);
    expect(num?.detail).toContain('8');
    expect(r.match).toBe(false);
  });
  it('never matches a person with a company', () => {
    const r = compare({ name: 'Grand Star', schema: 'Person' }, { name: 'Grand Star', schema: 'Company' });
    expect(r.score).toBe(0);
    expect(r.explanation.decisive).toContain('schema');
  });
  it('treats a shared valid USCC as decisive and different valid USCCs as a conflict', () => {
    const same = compare(
      { name: 'Jinzhou Example Co', identifiers: ['91210700701620122U'] },
      { name: 'Totally Other Name Ltd', identifiers: ['9121 0700 7016 20122U'] },
    );
    expect(same.match).toBe(true);
    expect(same.explanation.decisive).toContain('USCC');
    const diff = compare(
      { name: 'Wuhan Sanjiang Import and Export Co', identifiers: ['91420112711981060J'] },
      { name: 'Wuhan Sanjiang Import and Export Co', identifiers: ['91210700701620122U'] },
    );
    expect(diff.explanation.features.find((f) => f.feature === 'identifiers')?.value).toBe(-1);
  });
  it('reports legal forms and country agreement', () => {
    const r = compare(
      { name: 'Grand Star LLC', countries: ['ru'] },
      { name: 'ООО «Гранд Стар»', countries: ['ru'] },
    );
    const features = r.explanation.features.map((f) => f.feature);
    expect(features).toContain('legal-form');
    expect(features).toContain('country');
  });
});
