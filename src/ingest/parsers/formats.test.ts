import { gzipSync } from 'node:zlib';
import ExcelJS from 'exceljs';
import iconv from 'iconv-lite';
import { describe, expect, it } from 'vitest';
import { FIXTURES, parseAll, tempFile } from './test-helpers.ts';

describe('cbp-wro-csv', () => {
  it('reads orders and findings with dates, status programs and merchandise scope', async () => {
    const { bundles, rejections } = await parseAll('cbp-wro-csv', [`${FIXTURES}cbp-wro.csv`], {
      dataset: 'cbp-wro',
    });
    expect(rejections).toEqual([]);
    expect(bundles.map((b) => b.memberships?.[0]?.program)).toEqual([
      'WRO',
      'WRO',
      'WRO',
      'WRO',
      'WRO (revoked)',
      'Finding',
    ]);
    expect(bundles[0]?.memberships?.[0]).toMatchObject({
      list: 'cbp-wro',
      entityId: 'cbp-wro-hetian-taida-apparel-co-ltd',
      effectiveDate: '2019-09-30',
      scope: 'Garments',
      rawText: '9/30/2019,China,Garments,Hetian Taida Apparel Co. Ltd.,Active,',
    });
    expect(bundles[0]?.entities?.[0]?.properties.country).toEqual([{ value: 'cn' }]);
  });

  it('rejects unknown statuses and bad dates', async () => {
    const p = tempFile(
      'wro-bad.csv',
      'Date,Merchandise,Manufacturer/Entity,Country,Status\n13/45/2020,Gloves,A Co,Malaysia,Active\n1/2/2021,Gloves,B Co,Malaysia,Pending\n',
    );
    const { bundles, rejections } = await parseAll('cbp-wro-csv', [p]);
    expect(bundles).toEqual([]);
    expect(rejections.map((r) => [r.line, r.reason])).toEqual([
      [2, 'unparseable date "13/45/2020"'],
      [3, 'unknown status "Pending"'],
    ]);
  });
});

describe('csl-csv', () => {
  it('maps sources to lists, one membership per program, alt names and ids', async () => {
    const { bundles, rejections } = await parseAll('csl-csv', [`${FIXTURES}csl-sample.csv`], {
      dataset: 'csl',
    });
    expect(rejections).toEqual([]);
    expect(bundles.map((b) => b.memberships?.map((m) => [m.list, m.program]))).toEqual([
      [['bis-entity', null]],
      [
        ['ofac-sdn', 'GLOMAG'],
        ['ofac-sdn', 'SDGT'],
      ],
      [['csl:uvl', null]],
    ]);
    expect(bundles[0]?.entities?.[0]?.properties.alias).toEqual([
      { value: 'Sample Poly Co.' },
      { value: '样例多晶硅有限公司' },
    ]);
    expect(bundles[0]?.memberships?.[0]?.effectiveDate).toBe('2021-06-24');
    expect(bundles[1]?.entities?.[0]).toMatchObject({
      schema: 'Person',
      properties: { idNumber: [{ value: '650102197001010022' }] },
    });
    expect(bundles[2]?.memberships?.[0]?.endDate).toBe('2023-05-01');
  });
});

describe('registry-csv', () => {
  it('reads a GB18030 export with Chinese headers into companies and ownership', async () => {
    const { bundles, rejections } = await parseAll('registry-csv', [`${FIXTURES}registry-gb18030.csv`], {
      dataset: 'reg',
    });
    expect(rejections).toEqual([]);
    const owns = bundles.flatMap((b) => b.relationships ?? []).filter((r) => r.kind === 'ownership');
    expect(owns.map((r) => [r.source, r.target, r.percentage])).toEqual([
      ['reg-新疆冠农集团有限责任公司', 'reg-新疆冠农股份有限公司', 41.3],
      ['reg-新疆生产建设兵团第二师', 'reg-新疆冠农集团有限责任公司', null],
      ['reg-91650100MA7YYYYYY2', 'reg-91659001MA7XXXXXX1', 60],
      ['reg-person-李四-91659001MA7XXXXXX1', 'reg-91659001MA7XXXXXX1', 40],
    ]);
    // The shareholder given by USCC is the same entity as that company's own row.
    const holding = bundles.find((b) => b.provenance.recordKey === '91650100MA7YYYYYY2');
    expect(holding?.entities?.[0]).toMatchObject({
      id: 'reg-91650100MA7YYYYYY2',
      schema: 'Company',
      properties: {
        uscCode: [{ value: '91650100MA7YYYYYY2' }],
        incorporationDate: [{ value: '2010-01-01' }],
      },
    });
    const cotton = bundles.find((b) => b.provenance.recordKey.startsWith('91659001MA7XXXXXX1>'));
    expect(cotton?.entities?.[0]?.properties).toMatchObject({
      name: [
        { value: '样例棉业有限公司', lang: 'zh' },
        { value: 'Sample Cotton Co. Ltd.', lang: 'en' },
      ],
      incorporationDate: [{ value: '2015-03-02' }],
    });
    expect(cotton?.relationships?.find((r) => r.kind === 'directorship')?.role).toContain('法定代表人');
    expect(bundles.find((b) => b.provenance.recordKey.includes('李四'))?.entities?.[2]?.schema).toBe(
      'Person',
    );
  });

  it('reads the same rows from an .xlsx and rejects bad shares and dates', async () => {
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet('公司');
    ws.addRow(['company_name', 'uscc', 'established', 'shareholder', 'share_pct']);
    ws.addRow([
      'Sample Spinning Co., Ltd.',
      '91659001MA7WWWWWW3',
      new Date(Date.UTC(2018, 4, 1)),
      'Sample Parent Co., Ltd.',
      75,
    ]);
    ws.addRow(['Sample Weaving Co., Ltd.', '', 'last year', '', '']);
    ws.addRow(['Sample Dyeing Co., Ltd.', '', '', 'Sample Parent Co., Ltd.', '25-50%']);
    const p = tempFile('registry.xlsx', Buffer.from(await wb.xlsx.writeBuffer()));
    const { bundles, rejections } = await parseAll('registry-csv', [p], { dataset: 'reg' });
    expect(bundles).toHaveLength(1);
    expect(bundles[0]?.relationships?.[0]).toMatchObject({
      source: 'reg-sample-parent-co-ltd',
      target: 'reg-91659001MA7WWWWWW3',
      percentage: 75,
    });
    expect(bundles[0]?.entities?.[0]?.properties.incorporationDate).toEqual([{ value: '2018-05-01' }]);
    expect(rejections.map((r) => [r.line, r.reason])).toEqual([
      [3, 'unparseable established date "last year"'],
      [4, 'unparseable share "25-50%" (expected 0-100 %)'],
    ]);
  });
});

describe('ftm', () => {
  it('keeps ids, turns links into relationships and sanctions into memberships', async () => {
    const { bundles, rejections } = await parseAll('ftm', [`${FIXTURES}ftm-sample.jsonl`], { dataset: 'os' });
    expect(rejections).toEqual([]);
    expect(bundles.flatMap((b) => b.entities ?? []).map((e) => [e.id, e.schema])).toEqual([
      ['ftm-co-parent', 'Company'],
      ['ftm-co-sub', 'Company'],
      ['ftm-person-1', 'Person'],
      ['ftm-addr-1', 'Address'],
    ]);
    expect(
      bundles.flatMap((b) => b.relationships ?? []).map((r) => [r.kind, r.source, r.target, r.percentage]),
    ).toEqual([
      ['ownership', 'ftm-co-parent', 'ftm-co-sub', 61.5],
      ['ownership', 'ftm-person-1', 'ftm-co-sub', null],
      ['directorship', 'ftm-person-1', 'ftm-co-sub', null],
      ['link', 'ftm-co-parent', 'ftm-person-1', null],
    ]);
    expect(bundles.flatMap((b) => b.memberships ?? [])).toEqual([
      expect.objectContaining({
        entityId: 'ftm-co-parent',
        list: 'ofac-sdn',
        program: 'GLOMAG',
        effectiveDate: '2020-07-31',
      }),
    ]);
  });

  it('rejects bad JSON lines with their line numbers, gzip included', async () => {
    const text = [
      '{"id":"a","schema":"Company","properties":{"name":["A"]}}',
      '{"id":"b","schema":"Company","properties":{"name":["B"]}',
      '{"id":"c","schema":"Spaceship","properties":{}}',
      '',
      '{"id":"d","schema":"Ownership","properties":{"owner":["a"]}}',
      '{"id":"e","schema":"Person","properties":{"name":[{"x":1}]}}',
      '{"id":"f","schema":"Person","properties":{"name":["F"]}}',
    ].join('\n');
    const p = tempFile('bad.ftm.json.gz', gzipSync(Buffer.from(text)));
    const { bundles, rejections } = await parseAll('ftm', [p]);
    expect(bundles.map((b) => b.provenance.recordKey)).toEqual(['a', 'f']);
    expect(rejections.map((r) => [r.line, r.reason.slice(0, 30)])).toEqual([
      [2, "invalid JSON: Expected ',' or "],
      [3, 'unknown FtM schema "Spaceship"'],
      [5, 'Ownership without owner and as'],
      [6, 'property name is not a list of'],
    ]);
  });
});

describe('bol-csv', () => {
  it('maps vendor headers, normalises HS codes and keeps unknown columns', async () => {
    const { bundles, rejections } = await parseAll('bol-csv', [`${FIXTURES}bol-vendor.csv`], {
      dataset: 'bol',
    });
    expect(rejections).toEqual([]);
    const s = bundles[0]?.shipments?.[0];
    expect(s).toMatchObject({
      id: 'SMPL0001',
      arrivalDate: '2022-08-29',
      originCountry: 'CN',
      portOfLading: { raw: 'Yantian' },
      portOfUnlading: { raw: 'Long Beach' },
      raw: { Carrier: 'SAMPLE LINE' },
    });
    expect(s?.parties.map((p) => [p.role, p.name, p.entityId])).toEqual([
      ['shipper', 'Sample Xinjiang Apparel Co. Ltd', null],
      ['consignee', 'Sample Imports Inc', null],
      ['notify', 'Sample Logistics LLC', null],
    ]);
    expect(s?.lines[0]).toEqual({
      description: 'T-SHIRTS AND TOYS',
      hsCodes: ['610910', '950300'],
      weightKg: 24,
      quantity: 120,
      quantityUnit: 'CTN',
      containers: ['SMPU1234567'],
    });
    expect(bundles[1]?.shipments?.[0]?.lines[0]?.containers).toEqual(['SMPU7654321', 'SMPU7654322']);
  });

  it('rejects broken quoting, wrong column counts, bad values and missing parties; good rows land', async () => {
    const p = tempFile(
      'bol-bad.csv',
      [
        'BOL_ID,Arrival_Date,Shipper_Name,Consignee_Name,HS_Codes,Weight_KG,Shipper_Country,Extra',
        'B1,2022-08-29,Sample A,Sample B,6109.10,100,China,x',
        'B2,2022-08-29,"Sample "C",Sample D,6109,5,CN,',
        'B3,2022-08-29,Sample E,Sample F,6109',
        'B4,someday,Sample G,Sample H,6109,5,CN,',
        'B5,2022-08-29,Sample I,Sample J,6109,heavy,CN,',
        'B6,2022-08-29,,,6109,5,CN,',
        ',2022-08-29,Sample K,Sample L,6109,5,CN,',
        'B8,2022-08-30,Sample M,,61O9;5201,1.5 kg,Narnia,',
        'B9,2022-08-30,Sample N,Sample O,6109,-5,CN,',
      ].join('\n'),
    );
    const { bundles, rejections } = await parseAll('bol-csv', [p], { dataset: 'bol' });
    expect(rejections.map((r) => [r.file, r.line, r.reason])).toEqual([
      [p, 3, expect.stringContaining('broken quoting')],
      [p, 4, 'expected 8 fields, got 5'],
      [p, 5, 'unparseable arrival_date "someday"'],
      [p, 6, 'unparseable weight_kg "heavy"'],
      [p, 7, 'no party name (shipper, consignee, notify or manufacturer)'],
      [p, 8, 'empty bol_id'],
      [p, 10, 'negative weight -5 kg'],
    ]);
    expect(bundles.map((b) => b.provenance.recordKey)).toEqual(['B1', 'B8']);
    expect(bundles[0]?.shipments?.[0]?.parties[0]?.country).toBe('CN');
    expect(bundles[0]?.shipments?.[0]?.raw).toEqual({ Extra: 'x' });
    // Invalid HS codes and unknown countries are kept raw; the valid code and weight land.
    expect(bundles[1]?.shipments?.[0]).toMatchObject({
      lines: [{ hsCodes: ['5201'], weightKg: 1.5 }],
      raw: { HS_Codes: '61O9;5201', Shipper_Country: 'Narnia' },
    });
  });

  it('reads UTF-16 with BOM and a semicolon delimiter', async () => {
    const text = 'bol_id;shipper;consignee\nU1;Sample Ürümqi Co;Sample Buyer\n';
    const p = tempFile(
      'bol-utf16.csv',
      Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(text, 'utf16le')]),
    );
    const { bundles } = await parseAll('bol-csv', [p]);
    expect(bundles[0]?.shipments?.[0]?.parties[0]?.name).toBe('Sample Ürümqi Co');
  });
});

describe('ams', () => {
  it('joins the tables of an AMS folder on identifier', async () => {
    const { bundles, rejections } = await parseAll('ams', [`${FIXTURES}ams`], { dataset: 'ams' });
    expect(rejections.map((r) => [r.line, r.reason])).toEqual([[4, 'unparseable arrival date "not a date"']]);
    expect(bundles).toHaveLength(2);
    const s = bundles[0]?.shipments?.[0];
    expect(s).toMatchObject({
      id: '2022090100001',
      arrivalDate: '2022-08-29',
      portOfLading: { raw: 'Yantian' },
      portOfUnlading: { raw: 'Long Beach, California' },
      raw: { master_bol_number: 'SMPLM0001', house_bol_number: 'SMPLH0001', vessel_name: 'SAMPLE VOYAGER' },
    });
    expect(s?.parties.map((p) => [p.role, p.name, p.country])).toEqual([
      ['shipper', 'SAMPLE XINJIANG APPAREL CO LTD', 'CN'],
      ['consignee', 'SAMPLE IMPORTS INC', 'US'],
      ['notify', 'SAMPLE LOGISTICS LLC', 'US'],
    ]);
    expect(s?.lines.map((l) => [l.description, l.hsCodes, l.weightKg, l.quantity])).toEqual([
      ['T-SHIRTS 100% COTTON', ['610910'], 20, 100],
      ['PLUSH TOYS', ['950300'], 4, 20],
    ]);
    // One line: the bill's total weight (pounds converted) and quantity apply to it.
    expect(bundles[1]?.shipments?.[0]?.lines).toEqual([
      {
        description: 'DRILLING TOOLS',
        hsCodes: ['820719'],
        weightKg: 997.903,
        quantity: 10,
        quantityUnit: 'PKG',
        containers: ['SMPU2222222'],
      },
    ]);
  });
});

describe('trade-stats-csv', () => {
  it('reads region codes and names, partner codes, months and HS codes', async () => {
    const { bundles, rejections } = await parseAll('trade-stats-csv', [`${FIXTURES}trade-stats.csv`]);
    expect(rejections).toEqual([]);
    expect(bundles.map((b) => b.tradeStats?.[0])).toEqual([
      expect.objectContaining({
        reporterRegion: '65',
        partnerCountry: 'US',
        month: '2022-07',
        hsCode: 'TOTAL',
        valueUsd: 1_000_000,
      }),
      expect.objectContaining({
        reporterRegion: '65',
        month: '2022-08',
        hsCode: 'TOTAL',
        valueUsd: 2_500_000,
      }),
      expect.objectContaining({
        partnerCountry: 'KZ',
        hsCode: '6109',
        quantity: 10000,
        quantityUnit: 'pieces',
        flow: 'export',
      }),
      expect.objectContaining({
        reporterRegion: '65',
        partnerCountry: 'US',
        month: '2022-08',
        hsCode: '61151000',
      }),
    ]);
    expect(bundles[0]?.provenance.recordKey).toBe('65|US|2022-07|TOTAL|export');
    // Columns Threadline has no field for are kept as given (issue: extra columns kept).
    expect(bundles[0]?.tradeStats?.[0]?.raw).toEqual({ source_table: 'SYNTHETIC' });
  });

  it('rejects unknown regions and partners, bad months and codes', async () => {
    const p = tempFile(
      'stats-bad.csv',
      iconv.encode(
        '地区,国家,月份,商品编码,美元\n新疆,US,2022-13,TOTAL,1\nAtlantis,US,2022-08,TOTAL,1\n新疆,Narnia,2022-08,TOTAL,1\n新疆,US,2022-08,61x9,1\n新疆,US,2022-08,6109,lots\n新疆,US,2022-08,6109,"1,000"\n',
        'gb18030',
      ),
    );
    const { bundles, rejections } = await parseAll('trade-stats-csv', [p]);
    expect(rejections.map((r) => [r.line, r.reason])).toEqual([
      [2, 'month "2022-13" is not YYYY-MM'],
      [3, 'unknown reporter_region "Atlantis"'],
      [4, 'unknown partner_country "Narnia"'],
      [5, 'hs_code "61x9" is neither 2-10 digits nor TOTAL'],
      [6, 'unparseable value_usd'],
    ]);
    expect(bundles.map((b) => b.tradeStats?.[0]?.valueUsd)).toEqual([1000]);
  });

  it('names a missing column as the documentation does', async () => {
    const p = tempFile('stats-nocol.csv', 'region,month,hs_code,value_usd\n65,2022-08,TOTAL,1\n');
    const { rejections } = await parseAll('trade-stats-csv', [p]);
    expect(rejections.map((r) => r.reason)).toEqual(['missing column(s): partner_country']);
  });
});
