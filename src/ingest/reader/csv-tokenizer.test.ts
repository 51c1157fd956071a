import { parse } from 'csv-parse/sync';
import { describe, expect, it } from 'vitest';
import { type CsvEvent, CsvTokenizer, detectDelimiter } from './csv-tokenizer.ts';

/** Feeds `text` in chunks of the given sizes (cycled) and returns every event. */
function tokenize(
  text: string,
  sizes: readonly number[] = [text.length || 1],
  delimiter?: string,
): CsvEvent[] {
  const t = new CsvTokenizer(delimiter ? { delimiter } : {});
  const out: CsvEvent[] = [];
  let i = 0;
  let k = 0;
  while (i < text.length) {
    const n = Math.max(1, sizes[k++ % sizes.length] ?? 1);
    out.push(...t.push(text.slice(i, i + n)));
    i += n;
  }
  out.push(...t.end());
  return out;
}
const records = (ev: CsvEvent[]) => ev.flatMap((e) => (e.ok ? [e.record] : []));
const errors = (ev: CsvEvent[]) => ev.flatMap((e) => (e.ok ? [] : [e.error]));

/** Deterministic pseudo-random numbers (mulberry32). */
function rng(seed: number) {
  let a = seed;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

describe('CsvTokenizer', () => {
  it('agrees with csv-parse on random well-formed CSV, whatever the chunking', () => {
    const rand = rng(42);
    const alphabet = ['a', 'b', 'Z', ' ', ',', '"', '\n', '\r\n', '新', 'é', '1', ';'];
    for (let round = 0; round < 40; round++) {
      const rows: string[][] = [];
      const width = 1 + Math.floor(rand() * 5);
      for (let r = 0; r < 1 + Math.floor(rand() * 20); r++) {
        const row: string[] = [];
        for (let c = 0; c < width; c++) {
          let s = '';
          for (let k = Math.floor(rand() * 8); k > 0; k--)
            s += alphabet[Math.floor(rand() * alphabet.length)];
          row.push(s);
        }
        if (row.join('') === '') row[0] = 'x'; // a row of empty fields would be a blank line
        rows.push(row);
      }
      const eol = rand() < 0.5 ? '\n' : '\r\n';
      const text = `${rows
        .map((r) =>
          r.map((f) => (/[",\r\n]/.test(f) || f === '' ? `"${f.replace(/"/g, '""')}"` : f)).join(','),
        )
        .join(eol)}${eol}`;
      const expected = parse(text, { relax_column_count: true, skip_empty_lines: false }) as string[][];
      for (const sizes of [[text.length], [1], [3, 7, 2], [64]]) {
        const ev = tokenize(text, sizes, ',');
        expect(errors(ev)).toEqual([]);
        expect(records(ev).map((r) => r.fields)).toEqual(expected);
      }
    }
  });

  it('numbers records by their first line, counting newlines inside quotes', () => {
    const text = 'id,note\n1,"two\nlines"\n\n2,plain\r\n3,"x"\n';
    const recs = records(tokenize(text, [2]));
    expect(recs.map((r) => [r.line, r.fields])).toEqual([
      [1, ['id', 'note']],
      [2, ['1', 'two\nlines']],
      [5, ['2', 'plain']],
      [6, ['3', 'x']],
    ]);
    expect(recs[1]?.raw).toBe('1,"two\nlines"');
  });

  it('rejects a line with text after a closing quote and resumes on the next line', () => {
    const text = 'a,b\n1,"bad"x,3\n2,ok\n';
    const ev = tokenize(text, [5]);
    expect(errors(ev)).toEqual([
      { line: 2, reason: expect.stringContaining('broken quoting'), raw: '1,"bad"x,3' },
    ]);
    expect(records(ev).map((r) => [r.line, r.fields])).toEqual([
      [1, ['a', 'b']],
      [3, ['2', 'ok']],
    ]);
  });

  it('costs one line for an unterminated quote, not the rest of the file', () => {
    const text = 'a,b\n1,"never closed\n2,ok\n3,fine\n';
    const ev = tokenize(text, [4]);
    expect(errors(ev)).toEqual([{ line: 2, reason: 'unterminated quoted field', raw: '1,"never closed' }]);
    expect(records(ev).map((r) => [r.line, r.fields[0]])).toEqual([
      [1, 'a'],
      [3, '2'],
      [4, '3'],
    ]);
  });

  it('skips blank lines and a trailing DOS end-of-file mark, keeps literal quotes inside fields', () => {
    const ev = tokenize('1,12" PIPE\r\n\r\n2,x\r\n\x1a');
    expect(errors(ev)).toEqual([]);
    expect(records(ev).map((r) => r.fields)).toEqual([
      ['1', '12" PIPE'],
      ['2', 'x'],
    ]);
  });

  it('detects the delimiter from the first line', () => {
    expect(detectDelimiter('a;b;"c;d";e')).toBe(';');
    expect(detectDelimiter('a\tb\tc')).toBe('\t');
    expect(detectDelimiter('name')).toBe(',');
    expect(records(tokenize('x;y\n1;2\n')).map((r) => r.fields)).toEqual([
      ['x', 'y'],
      ['1', '2'],
    ]);
  });
});
