import { existsSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parseOfacRemarks } from './ofac-remarks.ts';
import { ofacPrograms } from './ofac-sdn-csv.ts';
import { FIXTURES, parseAll, tempFile } from './test-helpers.ts';

const DATA = new URL('../../../../shared/data/', import.meta.url).pathname;
const SDN_2024 = `${DATA}ofac-sdn-2024-05-03.csv`;

describe('OFAC Remarks', () => {
  it('parses aliases, links, ids, dates and countries, and keeps the rest as notes', () => {
    const r = parseOfacRemarks(
      "DOB 10 Dec 1948; alt. DOB 1955 to 1958; POB Linyi City, Shandong Province, China; nationality China; citizen Korea, North; Gender Male; a.k.a. 'A; B'; f.k.a. 'OLD NAME'; n.k.a. 'NEW NAME'; National ID No. 653225197110100533 (China); Passport G025057 issued 23 Jun 1999 expires 05 Feb 2004; Unified Social Credit Code (USCC) 9113100033607322XK (China); Website www.example.cn; Email Address info@example.cn; Linked To: XINJIANG PRODUCTION AND CONSTRUCTION CORPS; Additional Sanctions Information - Subject to Secondary Sanctions.",
    );
    expect(r.aliases).toEqual([
      { kind: 'aka', name: 'A; B' },
      { kind: 'fka', name: 'OLD NAME' },
      { kind: 'nka', name: 'NEW NAME' },
    ]);
    expect(r.linkedTo).toEqual(['XINJIANG PRODUCTION AND CONSTRUCTION CORPS']);
    expect(r.props).toEqual([
      ['birthDate', '1948-12-10'],
      ['birthDate', '1955'],
      ['birthDate', '1958'],
      ['birthPlace', 'Linyi City, Shandong Province, China'],
      ['nationality', 'cn'],
      ['citizenship', 'kp'],
      ['gender', 'male'],
      ['idNumber', '653225197110100533'],
      ['passportNumber', 'G025057'],
      ['uscCode', '9113100033607322XK'],
      ['website', 'www.example.cn'],
      ['email', 'info@example.cn'],
    ]);
    expect(r.notes).toEqual(['Additional Sanctions Information - Subject to Secondary Sanctions']);
    expect(ofacPrograms('NPWMD] [IFSR')).toEqual(['NPWMD', 'IFSR']);
  });
});

describe('ofac-sdn-csv', () => {
  it('rejects malformed rows with line and reason and keeps the good ones', async () => {
    const p = tempFile(
      'sdn-bad.csv',
      [
        '29299,"XINJIANG PRODUCTION AND CONSTRUCTION CORPS",-0- ,"GLOMAG",-0- ,-0- ,-0- ,-0- ,-0- ,-0- ,-0- ,"Linked To: SAMPLE, Person."',
        '990001,"SAMPLE, Person","individual","GLOMAG",-0- ,-0- ,-0- ,-0- ,-0- ,-0- ,-0- ,"a.k.a. \'SAMPLE P\'; Linked To: XINJIANG PRODUCTION AND CONSTRUCTION CORPS."',
        '990002,"TOO FEW COLUMNS",-0- ,"GLOMAG"',
        'abc,"NOT A NUMBER",-0- ,"GLOMAG",-0- ,-0- ,-0- ,-0- ,-0- ,-0- ,-0- ,-0- ',
        '990003,"BROKEN "QUOTE",-0- ,"GLOMAG",-0- ,-0- ,-0- ,-0- ,-0- ,-0- ,-0- ,-0- ',
        '\x1a',
      ].join('\r\n'),
    );
    const { bundles, rejections } = await parseAll('ofac-sdn-csv', [p], { dataset: 'ofac-sdn' });
    expect(rejections.map((r) => [r.line, r.reason])).toEqual([
      [3, 'expected 12 fields, got 4'],
      [4, 'ent_num is not a number: "abc"'],
      [5, expect.stringContaining('broken quoting')],
    ]);
    expect(bundles.map((b) => b.provenance.recordKey)).toEqual(['29299', '990001']);
    const [xpcc, person] = bundles;
    expect(xpcc?.relationships).toEqual([
      expect.objectContaining({ kind: 'link', source: 'ofac-sdn-29299', target: 'ofac-sdn-990001' }),
    ]);
    expect(person?.entities?.[0]).toMatchObject({
      id: 'ofac-sdn-990001',
      schema: 'Person',
      properties: { alias: [{ value: 'SAMPLE P' }] },
    });
    expect(xpcc?.memberships?.[0]).toMatchObject({
      list: 'ofac-sdn',
      program: 'GLOMAG',
      entityId: 'ofac-sdn-29299',
    });
    expect(xpcc?.memberships?.[0]?.rawText).toContain('XINJIANG PRODUCTION AND CONSTRUCTION CORPS');
  });

  // Real data lives beside the repo (../shared/data); a fresh clone without it skips this.
  describe.skipIf(!existsSync(SDN_2024))('on the real 3 May 2024 file', () => {
    it('imports all 14,965 entries with their aliases', async () => {
      const { bundles, rejections } = await parseAll('ofac-sdn-csv', [SDN_2024], { dataset: 'ofac-sdn' });
      expect(rejections).toEqual([]);
      expect(bundles).toHaveLength(14965);
      // Aliases counted independently: every quoted a.k.a./f.k.a./n.k.a. in the raw rows.
      const expected = bundles.reduce(
        (n, b) => n + (b.memberships?.[0]?.rawText.match(/[afn]\.k\.a\.,? '/g)?.length ?? 0),
        0,
      );
      const got = bundles.reduce((n, b) => {
        const p = b.entities?.[0]?.properties;
        return n + (p?.alias?.length ?? 0) + (p?.previousName?.length ?? 0);
      }, 0);
      expect(got).toBeGreaterThan(3500);
      expect(got).toBeLessThanOrEqual(expected);
      expect(expected - got).toBeLessThan(20); // duplicates within one entry collapse
      const xpcc = bundles.find((b) => b.provenance.recordKey === '29299');
      expect(xpcc?.entities?.[0]?.properties.name?.[0]?.value).toBe(
        'XINJIANG PRODUCTION AND CONSTRUCTION CORPS',
      );
      expect(xpcc?.memberships?.map((m) => m.program)).toEqual(['GLOMAG']);
      const uscc = bundles.filter((b) => b.entities?.[0]?.properties.uscCode);
      expect(uscc.length).toBeGreaterThan(50);
    });
  });
});

describe('ofac-sdn-xml', () => {
  it('streams sdnEntry elements with names, aliases, ids, addresses and programs', async () => {
    const { bundles, rejections } = await parseAll('ofac-sdn-xml', [`${FIXTURES}ofac-sdn-sample.xml`], {
      dataset: 'ofac-sdn',
    });
    expect(rejections).toEqual([]);
    expect(bundles.map((b) => [b.provenance.recordKey, b.provenance.line])).toEqual([
      ['29299', 8],
      ['990001', 16],
      ['990002', 67],
    ]);
    const person = bundles[1]?.entities?.[0];
    expect(person).toMatchObject({
      id: 'ofac-sdn-990001',
      schema: 'Person',
      properties: {
        name: [{ value: 'ZHANGSAMPLE, Wei' }],
        alias: [{ value: 'ZHANG SAMPLE, Wei' }],
        weakAlias: [{ value: 'BIG ZHANG' }],
        nationality: [{ value: 'cn' }],
        birthDate: [{ value: '1980-01-01' }],
        idNumber: [{ value: '650102198001010011' }],
        gender: [{ value: 'male' }],
      },
    });
    expect(bundles[1]?.memberships?.map((m) => m.program)).toEqual(['GLOMAG', 'SDGT']);
    const company = bundles[2];
    expect(company?.entities?.[0]?.properties).toMatchObject({
      name: [{ value: 'SAMPLE COTTON TRADING CO., LTD. & PARTNERS' }],
      previousName: [{ value: 'OLD SAMPLE COTTON CO.' }],
      uscCode: [{ value: '91659001MA0000000X' }],
      address: [{ value: '1 Sample Road, Shihezi, Xinjiang, China' }],
    });
    // The raw text is the entry's XML as in the file.
    expect(company?.memberships?.[0]?.rawText).toMatch(
      /^<sdnEntry>[\s\S]*<uid>990002<\/uid>[\s\S]*<\/sdnEntry>$/,
    );
  });

  it('rejects a malformed entry and keeps reading', async () => {
    const p = tempFile(
      'bad.xml',
      '<sdnList>\n<sdnEntry><uid>1</uid><lastName>A</lastName><sdnType>Entity</sdnType></sdnEntry>\n<sdnEntry><uid>x</uid><lastName>B</lastName></sdnEntry>\n<sdnEntry><uid>3</uid><lastName>C &bogus; D</lastName></sdnEntry>\n<sdnEntry><uid>4</uid><lastName>E</lastName></sdnEntry>\n</sdnList>\n',
    );
    const { bundles, rejections } = await parseAll('ofac-sdn-xml', [p]);
    expect(bundles.map((b) => b.provenance.recordKey)).toEqual(['1', '4']);
    expect(rejections.map((r) => [r.line, r.reason.slice(0, 20)])).toEqual([
      [3, 'uid is not a number:'],
      [4, 'XML error: 4:41: und'],
    ]);
  });
});
