import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createOutput, safeText } from './output.ts';

// Names in data are untrusted: a hostile one must not colour, ring, rewrite or reorder the
// terminal, nor forge a line of output. End to end through the real CLI, human form.
const BIN = join(import.meta.dirname, '..', '..', 'bin', 'threadline.mjs');
const dir = mkdtempSync(join(tmpdir(), 'threadline-untrusted-'));
const db = join(dir, 'evil.db');
const EVIL = '\u001b[31mEvil\u0007\r\nFAKE LINE\u202e';

function cli(...args: string[]) {
  const r = spawnSync(process.execPath, [BIN, '--db', db, ...args], {
    encoding: 'utf8',
    env: { ...process.env, DATABASE_URL: '', THREADLINE_DB: '' },
  });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

/** Nothing a terminal would act on, and no line that data started. */
function expectInert(text: string) {
  for (const ch of ['\u001b', '\u0007', '\r', '\u202e']) expect(text).not.toContain(ch);
  expect(text).not.toMatch(/^FAKE LINE/m);
}

beforeAll(() => {
  const file = join(dir, 'evil.ftm.jsonl');
  const entities = [
    { id: 'evil', schema: 'Company', properties: { name: [EVIL], country: ['cn'] } },
    {
      id: 'evil-sanction',
      schema: 'Sanction',
      properties: {
        entity: ['evil'],
        authority: ['Office of Foreign Assets Control'],
        program: ['SDGT\u001b[2J'],
        listingDate: ['2020-01-01'],
      },
    },
    { id: 'sub', schema: 'Company', properties: { name: ['Plain Sub'], country: ['cn'] } },
    { id: 'sub2', schema: 'Company', properties: { name: ['Plain Sub Two'], country: ['cn'] } },
    { id: 'parent', schema: 'Company', properties: { name: ['Plain Parent'], country: ['cn'] } },
    { id: 'o1', schema: 'Ownership', properties: { owner: ['evil'], asset: ['sub'], percentage: ['60'] } },
    // No share stated: sub2's OFAC status is undetermined, and the line says who holds it.
    { id: 'o2', schema: 'Ownership', properties: { owner: ['evil'], asset: ['sub2'] } },
    { id: 'o3', schema: 'Ownership', properties: { owner: ['parent'], asset: ['evil'], percentage: ['30'] } },
  ];
  writeFileSync(file, `${entities.map((e) => JSON.stringify(e)).join('\n')}\n`);
  const imp = cli('import', 'ftm', file, '--dataset', 'untrusted-test');
  expect(imp.code, imp.stderr).toBe(0);
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('untrusted names in human output', () => {
  it('owners and subsidiaries: the heading line names the entity inertly', () => {
    for (const cmd of ['owners', 'subsidiaries']) {
      const r = cli(cmd, 'evil');
      expect(r.code).toBe(0);
      const heading = r.stdout.split('\n')[0] ?? '';
      // The name is still there to read, on the heading line, with the rest of that line.
      expect(heading).toMatch(/Evil.*FAKE LINE.*\(evil\): \d/);
      expectInert(r.stdout);
    }
  });

  it('owners: the OFAC lines (blocked by, undetermined through) and list programs', () => {
    const blocked = cli('owners', 'sub');
    expect(blocked.stdout).toMatch(/^OFAC: blocked under the 50% rule .*held by blocked owners: .*Evil/m);
    expectInert(blocked.stdout);
    const undetermined = cli('owners', 'sub2');
    expect(undetermined.stdout).toMatch(/^OFAC: undetermined .*Evil/m);
    expectInert(undetermined.stdout);
    const listed = cli('owners', 'evil');
    expect(listed.stdout).toMatch(/^OFAC: blocked — listed \(SDGT\uFFFD\[2J\)$/m);
  });

  it('trace: the start line and its exposure', () => {
    const r = cli('trace', 'evil');
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/^Upstream of .*Evil.*FAKE LINE.* \(evil\)/m);
    expect(r.stdout).toMatch(/the start itself: listed/);
    expectInert(r.stdout);
  });

  it('--json keeps the name exactly as the data has it', () => {
    const rows = cli('--json', 'owners', 'sub')
      .stdout.trim()
      .split('\n')
      .map((l) => JSON.parse(l));
    expect(rows.find((x) => x.id === 'evil')?.name).toBe(EVIL);
  });
});

describe('safeText', () => {
  it('neutralises controls, line breaks and bidi/format characters', () => {
    expect(safeText(EVIL)).toBe('\uFFFD[31mEvil\uFFFD FAKE LINE\uFFFD');
    expect(safeText('a\nb\tc\u2028d')).toBe('a b c d');
    for (const cp of [0x202a, 0x202b, 0x202c, 0x202d, 0x202e, 0x2066, 0x2067, 0x2068, 0x2069])
      expect(safeText(`x${String.fromCodePoint(cp)}y`)).toBe('x\uFFFDy');
    // LRM, zero-width space, BOM, an invisible tag character, C1 CSI.
    expect(safeText('a\u200eb\u200bc\ufeffd\u{e0041}e\u009bf')).toBe('a\uFFFDb\uFFFDc\uFFFDd\uFFFDe\uFFFDf');
  });

  it('keeps real text of any script intact', () => {
    for (const s of [
      '新疆冠农股份有限公司',
      'ООО «Гранд Стар»',
      'شركة النسيج المحدودة',
      'می‌خواهم', // Persian, with a zero-width non-joiner
      '👩‍👩‍👧', // emoji joined by ZWJ
      'Société Générale S.A.',
    ])
      expect(safeText(s)).toBe(s);
  });
});

describe('Output.line and Output.warn', () => {
  it('neutralise escapes even where a caller forgot safeText, keeping its own newlines', () => {
    const sink = () => {
      const chunks: string[] = [];
      const stream = { write: (s: string) => chunks.push(s) > 0 } as unknown as NodeJS.WritableStream;
      return { stream, text: () => chunks.join('') };
    };
    const stdout = sink();
    const stderr = sink();
    const out = createOutput({ json: false, stdout: stdout.stream, stderr: stderr.stream });
    out.line('one\n\u001b[2Jtwo\u202e');
    out.warn('warn\r\u0007');
    expect(stdout.text()).toBe('one\n\uFFFD[2Jtwo\uFFFD\n');
    expect(stderr.text()).toBe('warn\uFFFD\uFFFD\n');
  });
});
