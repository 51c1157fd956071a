import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import ExcelJS from 'exceljs';
import iconv from 'iconv-lite';
import { describe, expect, it } from 'vitest';
import { ByteMeter } from './byte-source.ts';
import { checkEncoding, detectEncoding } from './decode.ts';
import { foldHeader, HeaderMap, readHeaderedTable, readTable, type TableRowResult } from './table.ts';

const dir = mkdtempSync(join(tmpdir(), 'threadline-table-'));
function file(name: string, content: string | Buffer): string {
  const p = join(dir, name);
  writeFileSync(p, content);
  return p;
}
async function collect(path: string, opts: Parameters<typeof readTable>[1] = {}): Promise<TableRowResult[]> {
  const out: TableRowResult[] = [];
  for await (const r of readTable(path, opts)) out.push(r);
  return out;
}
const cells = (rs: TableRowResult[]) => rs.flatMap((r) => (r.ok ? [r.row.cells] : []));

const TEXT = 'name,city\n新疆样例棉业有限公司,石河子\nÜrümqi Sample GmbH,Ürümqi\n';
const EXPECTED = [
  ['name', 'city'],
  ['新疆样例棉业有限公司', '石河子'],
  ['Ürümqi Sample GmbH', 'Ürümqi'],
];

describe('encoding detection', () => {
  it('reads BOMs, UTF-16 without BOM, strict UTF-8 and falls back to GB18030', () => {
    expect(detectEncoding(Buffer.from([0xef, 0xbb, 0xbf, 0x61]))).toEqual({
      encoding: 'utf-8',
      bomLength: 3,
    });
    expect(detectEncoding(Buffer.from([0xff, 0xfe, 0x61, 0]))).toEqual({
      encoding: 'utf-16le',
      bomLength: 2,
    });
    expect(detectEncoding(Buffer.from([0xfe, 0xff, 0, 0x61]))).toEqual({
      encoding: 'utf-16be',
      bomLength: 2,
    });
    expect(detectEncoding(Buffer.from('name,city\n', 'utf16le')).encoding).toBe('utf-16le');
    expect(detectEncoding(Buffer.from('新疆', 'utf8')).encoding).toBe('utf-8');
    expect(detectEncoding(iconv.encode('新疆维吾尔自治区', 'gb18030')).encoding).toBe('gb18030');
  });

  it('rejects an unknown --encoding name with a code', () => {
    expect(checkEncoding('GBK')).toBe('gbk');
    expect(checkEncoding('UTF8')).toBe('utf-8');
    expect(() => checkEncoding('klingon-1')).toThrow(expect.objectContaining({ code: 'unknown_encoding' }));
  });
});

describe('readTable', () => {
  it('reads UTF-8 with BOM, UTF-16LE/BE with BOM, GB18030 and gzip alike', async () => {
    const variants = [
      file('bom.csv', Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(TEXT)])),
      file('le.csv', Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(TEXT, 'utf16le')])),
      file('be.csv', Buffer.concat([Buffer.from([0xfe, 0xff]), Buffer.from(TEXT, 'utf16le').swap16()])),
      file('gb.csv', iconv.encode(TEXT, 'gb18030')),
      file('plain.csv.gz', gzipSync(Buffer.from(TEXT))),
      file('gb-no-ext', gzipSync(iconv.encode(TEXT, 'gb18030'))),
    ];
    for (const p of variants) expect(cells(await collect(p)), p).toEqual(EXPECTED);
  });

  it('honours a forced encoding', async () => {
    const p = file('latin1.csv', iconv.encode('name\nMünchen Sample\n', 'latin1'));
    expect(cells(await collect(p, { encoding: 'latin1' }))).toEqual([['name'], ['München Sample']]);
  });

  it('counts bytes read for progress', async () => {
    const p = file('meter.csv.gz', gzipSync(Buffer.from(TEXT.repeat(100))));
    const meter = new ByteMeter();
    await collect(p, { meter });
    expect(meter.done).toBe(gzipSync(Buffer.from(TEXT.repeat(100))).length);
  });

  it('rejects undecodable and binary rows with their line, and keeps the good rows', async () => {
    const bad = Buffer.concat([
      Buffer.from('id,name\n1,good\n2,'),
      Buffer.from([0xff, 0xfe, 0xfd]),
      Buffer.from('\n3,also\x00\x01binary\n4,fine\n'),
    ]);
    // Large valid head first, so detection settles on UTF-8 as it would on a real file.
    const p = file(
      'garbage.csv',
      Buffer.concat([Buffer.from(`id,name\n${'0,pad\n'.repeat(2000)}`), bad.subarray(8)]),
    );
    const rs = await collect(p);
    const rejected = rs.flatMap((r) => (r.ok ? [] : [r.rejection]));
    expect(rejected.map((r) => [r.line, r.reason])).toEqual([
      [2003, expect.stringContaining('undecodable')],
      [2004, expect.stringContaining('binary')],
    ]);
    expect(cells(rs).at(-1)).toEqual(['4', 'fine']);
  });

  it('streams the first sheet of an .xlsx with spreadsheet row numbers', async () => {
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet('Bills');
    ws.addRow(['bol_id', 'arrival_date', 'shipper_name', 'weight_kg']);
    ws.addRow(['X1', new Date(Date.UTC(2022, 7, 29)), 'Sample 新疆 Co', 12.5]);
    ws.addRow([]);
    ws.addRow([
      'X2',
      '2022-08-30',
      { richText: [{ text: 'Rich ' }, { text: 'Text' }] },
      { formula: '1+1', result: 2 },
    ]);
    const p = join(dir, 'bills.xlsx');
    await wb.xlsx.writeFile(p);
    const rs = await collect(p);
    expect(rs.map((r) => (r.ok ? [r.row.line, r.row.cells] : r.rejection))).toEqual([
      [1, ['bol_id', 'arrival_date', 'shipper_name', 'weight_kg']],
      [2, ['X1', '2022-08-29', 'Sample 新疆 Co', '12.5']],
      [4, ['X2', '2022-08-30', 'Rich Text', '2']],
    ]);
  });
});

describe('headers', () => {
  it('folds headers and maps aliases, keeping unknown columns', () => {
    expect(foldHeader('Weight (KG)')).toBe('weight_kg');
    expect(foldHeader(' Bill of Lading Number ')).toBe('bill_of_lading_number');
    const h = new HeaderMap(['Bill of Lading Number', 'SHIPPER', 'Carrier', '企业名称'], {
      bolId: ['bill_of_lading_number'],
      shipperName: ['shipper'],
      name: ['企业名称'],
    });
    expect([h.index('bolId'), h.index('shipperName'), h.index('name')]).toEqual([0, 1, 3]);
    expect(h.unknown).toEqual([{ name: 'Carrier', index: 2 }]);
    expect(h.get(['B1', ' S ', 'c', 'n'], 'shipperName')).toBe('S');
  });

  it('rejects rows of the wrong width, tolerating trailing empty cells', async () => {
    const p = file('width.csv', 'a,b\n1,2\n3\n4,5,6\n7,8,,\n');
    const out = [];
    for await (const chunk of readHeaderedTable(p, { a: [], b: [] }))
      for (const r of chunk) out.push(r.ok ? r.row.cells : r.rejection);
    expect(out).toEqual([
      ['1', '2'],
      { file: p, line: 3, reason: 'expected 2 fields, got 1', raw: '3' },
      { file: p, line: 4, reason: 'expected 2 fields, got 3', raw: '4,5,6' },
      ['7', '8', '', ''],
    ]);
  });
});
