#!/usr/bin/env node
// Threadline runs on Node 24 (TypeScript type stripping, current V8). The project pins Node 24
// as a dev dependency (`node` package) so a machine with an older system Node still works:
// if we were started by an older Node, re-run ourselves with the pinned one.
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const major = Number(process.versions.node.split('.')[0]);

if (major < 24) {
  const pinned = join(root, 'node_modules', 'node', 'bin', 'node');
  if (!existsSync(pinned)) {
    process.stderr.write(
      `threadline: needs Node 24 (running ${process.versions.node}); run \`npm ci\` to install the pinned Node.\n`,
    );
    process.exit(1);
  }
  const r = spawnSync(pinned, [fileURLToPath(import.meta.url), ...process.argv.slice(2)], {
    stdio: 'inherit',
  });
  process.exit(r.status ?? 1);
}

// Cache V8's compiled code between runs (Node ≥ 22.1): start-up is mostly module compilation.
const { enableCompileCache } = await import('node:module');
enableCompileCache?.();

const { main } = await import(pathToFileURL(join(root, 'src', 'cli', 'main.ts')).href);
process.exitCode = await main(process.argv);
