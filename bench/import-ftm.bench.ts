/**
 * ftm import benchmark: seeded synthetic FollowTheMoney JSON lines (default 500,000 lines:
 * companies, persons, addresses, ownerships with percentages, directorships and sanctions;
 * fictitious names) in the OS temp dir, imported by the driver into an embedded SQLite store
 * file. Prints entities/s for the parser alone and for the whole import, the share of time in
 * `session.write`, and peak memory (maxRSS). Target: ≥ 30,000 entities/s.
 *
 *   npx node bench/import-ftm.bench.ts [LINES]
 */
import { createWriteStream } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { benchImport, rng } from '../src/ingest/bench-support.ts';

const LINES = Number(process.argv[2] ?? 500_000);
const file = join(tmpdir(), `threadline-ftm-bench-${LINES}.jsonl`);

const rand = rng(11);
const pick = <T>(xs: readonly T[]): T => xs[Math.floor(rand() * xs.length)] as T;
const WORDS = 'Sample Alpha Beta Gamma Delta Orion Vega Lyra Nova Atlas Zephyr Cedar Maple'.split(' ');
const GIVEN = 'Wei Ming Li Anna Ivan Omar Sara Jun Mei Lars'.split(' ');

function line(i: number): string {
  const k = i % 10;
  const id = `bench-${i}`;
  const other = () => `bench-${Math.floor(rand() * Math.max(1, i))}`;
  if (k < 5) {
    return JSON.stringify({
      id,
      schema: 'Company',
      properties: {
        name: [`${pick(WORDS)} ${pick(WORDS)} ${i} Co., Ltd.`],
        alias: rand() < 0.3 ? [`${pick(WORDS)} ${i}`] : [],
        jurisdiction: ['cn'],
        registrationNumber: [String(100000000 + i)],
        incorporationDate: ['2015-03-02'],
      },
    });
  }
  if (k < 7) {
    return JSON.stringify({
      id,
      schema: 'Person',
      properties: { name: [`${pick(GIVEN)} ${pick(WORDS)}`], nationality: ['cn'], birthDate: ['1970'] },
    });
  }
  if (k === 7) {
    return JSON.stringify({
      id,
      schema: 'Address',
      properties: { full: [`${i} Sample Road, Sample City`], country: ['cn'] },
    });
  }
  if (k === 8) {
    return JSON.stringify({
      id,
      schema: 'Ownership',
      properties: { owner: [other()], asset: [other()], percentage: [(rand() * 100).toFixed(2)] },
    });
  }
  return rand() < 0.5
    ? JSON.stringify({
        id,
        schema: 'Directorship',
        properties: { director: [other()], organization: [other()], role: ['Director'] },
      })
    : JSON.stringify({
        id,
        schema: 'Sanction',
        properties: { entity: [other()], authority: ['Sample Authority'], program: ['SAMPLE'] },
      });
}

const out = createWriteStream(file);
let chunk = '';
for (let i = 0; i < LINES; i++) {
  chunk += `${line(i)}\n`;
  if (chunk.length > 1 << 20) {
    if (!out.write(chunk)) await new Promise<void>((r) => out.once('drain', () => r()));
    chunk = '';
  }
}
out.write(chunk);
await new Promise<void>((r) => out.end(() => r()));
console.log(`ftm: ${LINES} synthetic entities in ${file}`);
await benchImport('ftm', file, LINES, 'entities');
