import { existsSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { SingleBar } from 'cli-progress';
import { Option } from 'commander';
import {
  EncodingError,
  FORMATS,
  ImportInputError,
  type ImportProgress,
  isFormatName,
  runImport,
} from '../../ingest/index.ts';
import { ValidationError } from '../../model/index.ts';
import { safeText } from '../output.ts';
import { UsageError } from '../usage-error.ts';
import type { RegisterCommand } from './index.ts';

const SHOWN_REJECTS = 20;

function formatList(): string {
  const width = Math.max(...Object.keys(FORMATS).map((f) => f.length));
  return Object.entries(FORMATS)
    .map(([name, f]) => `  ${name.padEnd(width)}  ${f.description} (dataset: ${f.defaultDataset})`)
    .join('\n');
}

/** A bar on stderr when it is a terminal: percent of bytes read, rows, rows/s, ETA. */
function progressBar(label: string): { update(p: ImportProgress): void; stop(): void } {
  if (!process.stderr.isTTY) return { update() {}, stop() {} };
  const bar = new SingleBar({
    format: `${label} [{bar}] {percentage}% | {rows} rows | {rate} rows/s | ETA {eta_formatted}`,
    stream: process.stderr,
    hideCursor: true,
    etaBuffer: 20,
  });
  const started = Date.now();
  let begun = false;
  return {
    update(p) {
      if (!begun) {
        bar.start(Math.max(1, p.totalBytes), 0, { rows: 0, rate: 0 });
        begun = true;
      }
      const secs = (Date.now() - started) / 1000;
      bar.update(Math.min(p.bytesRead, p.totalBytes), {
        rows: p.records,
        rate: secs > 0 ? Math.round(p.records / secs) : 0,
      });
    },
    stop() {
      if (begun) bar.stop();
    },
  };
}

export const registerImport: RegisterCommand = (program, ctx) => {
  program
    .command('import')
    .description('Import lists, registries, bills of lading or customs statistics into the store')
    .argument('<format>', 'input format (see below)')
    .argument('<paths...>', 'input files (CSV/TSV, .gz, .xlsx where tabular), or a folder for ams')
    .option('--dataset <name>', "dataset name (default: the format's, e.g. ofac-sdn)")
    .option('--encoding <name>', 'text encoding (default: detected; e.g. utf-8, utf-16le, gb18030, gbk)')
    .addOption(new Option('--batch <n>', 'records per store transaction').default('2000'))
    .option(
      '--append',
      'add to the dataset instead of replacing it: records the input lacks are not marked removed (e.g. a new day of bills)',
    )
    .addHelpText(
      'after',
      `
Formats:
${formatList()}

Re-importing a dataset reports what was added, changed and removed (by the source's record
keys); removed records are dated, not deleted. Each import is the dataset's new full version
unless --append is given. An input that yields no record at all (a wrong file or format, an
empty export) fails the import and removes nothing. Rejected rows (file:line: reason) go to
stderr and, all of them, to <dataset>.<importId>.rejects.jsonl beside the store file
(the current directory for PostgreSQL), one JSON object {file,line,reason,raw} per line.

Exit codes: 0 import completed (even with rejected rows), 1 import failed (no record read,
interrupted), 2 usage error (unknown format, missing file).

Examples:
  threadline import ofac-sdn-csv sdn.csv
  threadline import uflpa-html uflpa-entity-list.html
  threadline import registry-csv --encoding gb18030 companies.csv
  threadline import bol-csv --dataset bol-2022 bills-2022.csv.gz bills-2022-q4.xlsx --json`,
    )
    .action(
      async (
        format: string,
        paths: string[],
        opts: { dataset?: string; encoding?: string; batch: string; append?: boolean },
        cmd,
      ) => {
        if (!isFormatName(format)) {
          throw new UsageError(
            `unknown format ${JSON.stringify(format)}; one of: ${Object.keys(FORMATS).join(', ')}`,
          );
        }
        const batchSize = Number(opts.batch);
        if (!Number.isInteger(batchSize) || batchSize < 1)
          throw new UsageError('--batch must be a positive integer');
        const { out, store } = ctx(cmd);
        // Before the store is opened: a typo in a path must not leave an empty new store behind.
        for (const p of paths) if (!existsSync(p)) throw new UsageError(`no such file: ${p}`);
        const s = await store();
        const rejectDir =
          s.backend === 'sqlite' && s.location !== ':memory:' ? dirname(resolve(s.location)) : process.cwd();
        const bar = out.json ? { update() {}, stop() {} } : progressBar(`import ${format}`);
        const abort = new AbortController();
        const onSigint = () => abort.abort();
        process.once('SIGINT', onSigint);
        let result: Awaited<ReturnType<typeof runImport>>;
        try {
          result = await runImport(s, {
            format,
            paths,
            dataset: opts.dataset,
            encoding: opts.encoding,
            batchSize,
            rejectDir,
            append: opts.append === true,
            signal: abort.signal,
            onProgress: (p) => bar.update(p),
          });
        } catch (err) {
          // No record read is a failed import (exit 1), not a usage error.
          if (err instanceof ImportInputError && err.code !== 'no_records') throw new UsageError(err.message);
          if (err instanceof ValidationError || err instanceof EncodingError)
            throw new UsageError(err.message);
          throw err;
        } finally {
          bar.stop();
          process.removeListener('SIGINT', onSigint);
        }
        for (const r of result.rejections.slice(0, SHOWN_REJECTS)) {
          out.warn(`${safeText(r.file)}:${r.line}: ${safeText(r.reason)}`);
        }
        if (result.rejected > SHOWN_REJECTS)
          out.warn(`… and ${result.rejected - SHOWN_REJECTS} more rejected rows`);
        if (result.rejectFile) out.warn(`rejected rows written to ${result.rejectFile}`);
        out.line(
          `Imported ${result.records} records into dataset ${safeText(result.dataset)} (import #${result.importId}): ` +
            `${result.added} added, ${result.changed} changed, ${result.removed} removed, ${result.unchanged} unchanged; ` +
            `${result.rejected} rejected.`,
        );
        const { rejections: _shown, ...summary } = result;
        out.record(summary);
      },
    );
};
