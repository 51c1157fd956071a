// `npm test`: type-check everything (tests included), lint, then run vitest, then print one plain
// summary line `N passed, N failed, N skipped` that CI and humans can read at a glance.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const bin = (name) => join(import.meta.dirname, '..', 'node_modules', '.bin', name);
const run = (cmd, args) => spawnSync(cmd, args, { stdio: 'inherit', env: process.env }).status ?? 1;

console.log('» type-check (src, tests, bench)');
const tsc = run(bin('tsc'), ['--noEmit', '-p', 'tsconfig.json']);
if (tsc !== 0) {
  console.log('type-check failed');
  console.log('0 passed, 1 failed');
  process.exit(1);
}

console.log('» lint and format (biome)');
const lint = run(bin('biome'), ['check', '.']);
if (lint !== 0) {
  console.log('lint failed: run `npm run format` and `npx biome check .`');
  console.log('0 passed, 1 failed');
  process.exit(1);
}

if (process.env.DATABASE_URL) console.log(`» store backends: sqlite + postgres (DATABASE_URL is set)`);
else
  console.log(
    '» store backends: sqlite only (DATABASE_URL not set: PostgreSQL contract tests will be skipped)',
  );

const dir = mkdtempSync(join(tmpdir(), 'threadline-test-'));
const report = join(dir, 'vitest.json');
const status = run(bin('vitest'), [
  'run',
  '--reporter=default',
  '--reporter=json',
  `--outputFile.json=${report}`,
  ...process.argv.slice(2),
]);
let passed = 0;
let failed = 0;
let skipped = 0;
try {
  const r = JSON.parse(readFileSync(report, 'utf8'));
  passed = r.numPassedTests;
  failed = r.numFailedTests + (r.numFailedTestSuites ?? 0);
  skipped = r.numPendingTests + (r.numTodoTests ?? 0);
} catch {
  failed = Math.max(1, failed);
}
rmSync(dir, { recursive: true, force: true });
console.log(`${passed} passed, ${failed} failed, ${skipped} skipped`);
process.exit(status === 0 && failed === 0 ? 0 : 1);
