import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { readSupplierList } from './supplier-list.ts';

// Supplier lists as a user would hand them over, warts included (every name synthetic).
const dir = mkdtempSync(join(tmpdir(), 'threadline-suppliers-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
function file(name: string, content: string): string {
  const p = join(dir, name);
  writeFileSync(p, content);
  return p;
}

describe('readSupplierList', () => {
  it('skips malformed rows with their line and reason, and reads every other row', async () => {
    const list = await readSupplierList(
      file(
        'warts.csv',
        [
          'id,name,country,address,identifiers',
          'S-1,Synthetic Garments Ltd,BD,"Gazipur,\nBangladesh",', // a quoted newline: lines 2-3
          'S-2,"Synthetic "Quote" Co",CN,,', // text after a closing quote
          'S-3,,CN,,', // no name
          'S-4,Synthetic Shifted Co,CN,Gazipur, Bangladesh,91652901MA7X000189', // unquoted comma
          'S-5,Synthetic Country Co,China,,',
          'S-6,"Synthetic Unclosed Co,CN,,', // an unterminated quote costs its own line only
          'S-7,Synthetic Cotton Co,cn,,91652901MA7X000189; USCC 91659001531702466K',
          '',
        ].join('\n'),
      ),
    );
    expect(list.rows.map((r) => [r.line, r.key])).toEqual([
      [2, 'S-1'],
      [9, 'S-7'],
    ]);
    expect(list.rows[0]?.query).toEqual({
      name: 'Synthetic Garments Ltd',
      country: 'BD',
      address: 'Gazipur,\nBangladesh',
      identifiers: [],
    });
    expect(list.rows[1]?.query).toMatchObject({
      country: 'CN',
      identifiers: ['91652901MA7X000189', 'USCC 91659001531702466K'],
    });
    expect(list.rejected).toEqual([
      { line: 4, reason: expect.stringContaining('broken quoting') },
      { line: 5, reason: 'name: name is empty' },
      { line: 6, reason: 'expected 5 fields, got 6' },
      { line: 7, reason: 'country: country must be an ISO 3166 alpha-2 code' },
      { line: 8, reason: 'unterminated quoted field' },
    ]);
  });

  it('matches columns by name in any case and order, ignores others, keys rows by line', async () => {
    const list = await readSupplierList(
      file('cols.csv', '\uFEFFNotes;IDENTIFIERS;Name\nx;A1|B2;Synthetic Semicolon Co\n'),
    );
    expect(list.rejected).toEqual([]);
    expect(list.rows).toEqual([
      {
        line: 2,
        key: 'line-2',
        query: { name: 'Synthetic Semicolon Co', country: null, address: null, identifiers: ['A1', 'B2'] },
      },
    ]);
  });

  it('rejects a list without a name column once, at its header', async () => {
    const list = await readSupplierList(file('noname.csv', 'id,company\nS-1,Synthetic Co\nS-2,Other Co\n'));
    expect(list.rows).toEqual([]);
    expect(list.rejected).toEqual([{ line: 1, reason: expect.stringContaining('no name column') }]);
  });

  it('fails with the error code when the file cannot be read', async () => {
    await expect(readSupplierList(join(dir, 'missing.csv'))).rejects.toMatchObject({ code: 'ENOENT' });
  });
});
