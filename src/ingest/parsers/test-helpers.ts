import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { datasetName, type RecordBundle } from '../../model/index.ts';
import { FORMATS, type FormatName } from '../formats.ts';
import { ByteMeter } from '../reader/byte-source.ts';
import type { Rejection } from '../types.ts';

/** Test helpers: run one format's parser over files and split bundles from rejections. */

export const FIXTURES = new URL('../fixtures/', import.meta.url).pathname;

export async function parseAll(
  format: FormatName,
  paths: readonly string[],
  opts: { dataset?: string; encoding?: string } = {},
): Promise<{ bundles: RecordBundle[]; rejections: Rejection[] }> {
  const bundles: RecordBundle[] = [];
  const rejections: Rejection[] = [];
  const ctx = {
    dataset: datasetName(opts.dataset ?? 'test'),
    paths,
    meter: new ByteMeter(),
    ...(opts.encoding ? { encoding: opts.encoding } : {}),
  };
  for await (const r of FORMATS[format].parse(ctx)) {
    if (r.ok) bundles.push(r.bundle);
    else rejections.push(r.rejection);
  }
  return { bundles, rejections };
}

const tmp = mkdtempSync(join(tmpdir(), 'threadline-parsers-'));
/** Writes a temporary file and returns its path. */
export function tempFile(name: string, content: string | Buffer): string {
  const p = join(tmp, name);
  writeFileSync(p, content);
  return p;
}
