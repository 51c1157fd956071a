import { describe, expect, it } from 'vitest';
import { locate } from './locate.ts';

// Addresses: real names where a public source states them (UFLPA Entity List, domain guide
// section 5); street addresses and persons are fictitious.
describe('locate: Xinjiang in three scripts', () => {
  it('Chinese address down to county', () => {
    const r = locate('新疆维吾尔自治区喀什地区疏附县托克扎克镇幸福路8号');
    expect(r).toMatchObject({ country: 'CN', xinjiang: true });
    expect(r.province?.code).toBe('65');
    expect(r.prefecture).toMatchObject({ code: '6531', zh: '喀什地区', en: 'Kashgar' });
    expect(r.county).toMatchObject({ code: '653121', zh: '疏附县' });
    expect(r.evidence.map((e) => e.token)).toEqual(['新疆维吾尔自治区', '喀什地区', '疏附县']);
    expect(r.confidence).toBeGreaterThan(0.9);
  });

  it('pinyin address', () => {
    const r = locate('Xinjiang Weiwuer Zizhiqu Kashi Diqu Shufu Xian Tuokezhake Zhen');
    expect(r.xinjiang).toBe(true);
    expect(r.prefecture?.code).toBe('6531');
    expect(r.county?.code).toBe('653121');
  });

  it('English address with conventional spellings', () => {
    const r = locate(
      'No. 1 Renmin East Road, Korla, Bayingolin Mongol Autonomous Prefecture, Xinjiang, China',
    );
    expect(r.xinjiang).toBe(true);
    expect(r.prefecture?.code).toBe('6528');
    expect(r.county).toMatchObject({ code: '652801', en: 'Korla' });
  });

  it('Uyghur-derived and older spellings', () => {
    expect(locate('Yarkand County, Kashgar').county?.code).toBe('653125');
    expect(locate('Karakax, Hotan Prefecture').county?.code).toBe('653222');
    expect(locate('Ghulja, Ili').county?.code).toBe('654002');
    expect(locate('Kumul, Xinjiang').prefecture?.code).toBe('6505');
    expect(locate('Урумчи, Синьцзян').prefecture?.code).toBe('6501');
    expect(locate('Ürümqi').prefecture?.code).toBe('6501');
  });

  it('real company names from the UFLPA Entity List', () => {
    const ashele = locate('Xinjiang Habahe Ashele Copper Co., Ltd.');
    expect(ashele.xinjiang).toBe(true);
    expect(ashele.county?.code).toBe('654324');
    expect(ashele.evidence.every((e) => e.role === 'name')).toBe(true);
    expect(locate('新疆冠农股份有限公司').xinjiang).toBe(true);
  });
});

describe('locate: XPCC units', () => {
  it('兵团第八师 and 第八师石河子市', () => {
    const r = locate('新疆生产建设兵团第八师石河子市北四路');
    expect(r.xinjiang).toBe(true);
    expect(r.county).toMatchObject({ code: '659001', zh: '石河子市' });
    expect(r.xpcc?.division).toBe(8);
  });

  it('older 农八师 naming and regiments 一五二团', () => {
    const r = locate('农八师一五二团');
    expect(r.xpcc).toMatchObject({ division: 8, regiment: 152, unit: { code: '659001500' } });
    expect(r.county?.code).toBe('659001');
  });

  it('5xx township codes: 兵团农六师新湖农场 in Manas county', () => {
    const r = locate('兵团农六师新湖农场');
    expect(r.xpcc).toMatchObject({ division: 6, farm: '新湖农场', unit: { code: '652324520' } });
    expect(r.county?.code).toBe('652324');
    expect(r.prefecture?.code).toBe('6523');
  });

  it('English forms: 8th Division, Agricultural Division 8, 152nd Regiment, Regiment 152, Tuan 152', () => {
    expect(locate('XPCC 8th Division').xpcc?.division).toBe(8);
    expect(locate('Agricultural Division 8, Shihezi City').xpcc?.division).toBe(8);
    expect(locate('Agricultural 8th Division').xpcc?.division).toBe(8);
    for (const t of ['152nd Regiment, Shihezi', 'Regiment 152, Xinjiang', 'Tuan 152']) {
      const r = locate(t);
      expect(r.xinjiang, t).toBe(true);
      expect(r.xpcc?.regiment, t).toBe(152);
    }
    expect(locate('Xinjiang Production and Construction Corps').xpcc).not.toBeNull();
    expect(locate('China Xinjian Group').xinjiang).toBe(true);
    expect(locate('Xinhu Farm, Manas').xpcc?.unit?.code).toBe('652324520');
  });

  it('a military-sounding phrase alone is not XPCC', () => {
    const r = locate('82nd Airborne Division, Fort Liberty, NC 28310, USA');
    expect(r.country).toBe('US');
    expect(r.xpcc).toBeNull();
  });
});

describe('locate: controls that must not say Xinjiang', () => {
  it('a US address with a Xinjiang-named business', () => {
    const r = locate('Xinjiang Restaurant, 123 Main St, Flushing, NY 11354, USA');
    expect(r.country).toBe('US');
    expect(r.xinjiang).toBe(false);
    expect(r.ignored.find((e) => e.token === 'Xinjiang')?.reason).toMatch(/restaurant/);
  });

  it('a person named Aksu in Turkey', () => {
    const r = locate('Mehmet Aksu, Muratpaşa, Antalya, Turkey');
    expect(r.country).toBe('TR');
    expect(r.xinjiang).toBe(false);
    expect(locate('Aksu').xinjiang).toBe(false);
  });

  it('Aksu and Altay in Kazakhstan', () => {
    expect(locate('Aksu, Pavlodar Region, Kazakhstan').country).toBe('KZ');
    expect(locate('Altai Krai, Russia').country).toBe('RU');
  });

  it('streets named after Xinjiang places in other Chinese cities', () => {
    const r = locate('1000 Urumqi Middle Road, Jing’an District, Shanghai, China');
    expect(r).toMatchObject({ country: 'CN', xinjiang: false });
    expect(r.province?.code).toBe('31');
    expect(locate('上海市徐汇区乌鲁木齐南路100号').province?.code).toBe('31');
    expect(locate('青岛市市南区新疆路8号').xinjiang).toBe(false);
  });

  it('a Jiangsu address is China, not Xinjiang', () => {
    const r = locate('No. 8 Xinjiang Road, Suzhou, Jiangsu, China');
    expect(r).toMatchObject({ country: 'CN', xinjiang: false });
    expect(r.province?.code).toBe('32');
    expect(r.prefecture?.code).toBe('3205');
    expect(locate('江苏省苏州市吴中区').province?.code).toBe('32');
  });

  it('Yiwu in Zhejiang is not Yiwu county in Hami; 和硕 (Pegatron) is not Hoxud', () => {
    expect(locate('Yiwu, Zhejiang, China').province?.code).toBe('33');
    expect(locate('和硕联合科技股份有限公司').xinjiang).toBe(false);
  });

  it('other countries and Hong Kong', () => {
    expect(locate('Plot 12, Gazipur, Dhaka, Bangladesh').country).toBe('BD');
    expect(locate('Lot A2, Binh Duong, Viet Nam').country).toBe('VN');
    expect(locate('Unit 5, 8/F, Kwun Tong, Kowloon, Hong Kong').country).toBe('HK');
    expect(locate('').country).toBeNull();
  });
});
