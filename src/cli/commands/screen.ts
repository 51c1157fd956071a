import { stat } from 'node:fs/promises';
import { basename, dirname, resolve } from 'node:path';
import { type Command, Option } from 'commander';
import { EncodingError, ImportInputError, runImport } from '../../ingest/index.ts';
import { type DatasetName, ValidationError } from '../../model/index.ts';
import {
  CSV_HEADERS,
  changeRecord,
  csvLine,
  RISK_ORDER,
  renderResult,
  resultCsvRows,
  resultRecord,
} from '../../report/index.ts';
import {
  buildSnapshot,
  DEFAULT_MATCHER,
  diffRuns,
  emptyCounts,
  formatIssues,
  isRiskLevel,
  MATCHERS,
  type Policy,
  type RiskCounts,
  type RiskLevel,
  type RunDiff,
  rankResults,
  readPolicyFile,
  readSupplierList,
  recordRun,
  riskRank,
  type ScreenResult,
  Snapshot,
  type SnapshotData,
  screenEntity,
  screenStream,
  toStoredFindings,
} from '../../screen/index.ts';
import type { Store, StoredFinding } from '../../store/index.ts';
import type { CliContext } from '../context.ts';
import { type Output, safeText } from '../output.ts';
import { UsageError } from '../usage-error.ts';
import type { RegisterCommand } from './index.ts';

interface CommonOptions {
  policy?: string;
  csv?: boolean;
  sinceLast?: boolean;
  minRisk: string;
  failOn?: string;
  asOf?: string;
  matcher: string;
  limit: string;
  save: boolean;
}

interface Parsed {
  readonly policy: Policy | undefined;
  readonly minRisk: RiskLevel;
  readonly failOn: RiskLevel | null;
  readonly asOf: string | undefined;
  readonly matcher: string;
  readonly limit: number;
}

const EXIT_HELP = `
Exit codes: 0 screened (whatever the findings), 1 an error — or, with --fail-on LEVEL, at least
one item at LEVEL or above (for CI-style gates), 2 usage error (bad flag, bad policy file).`;

const OUTPUT_HELP = `
Output: a summary (items per risk, findings per type) and the top results with their evidence
chains (--limit); --json prints one JSON object per item, --csv one row per finding.
Every run is saved in the store (unless --no-save); --since-last compares with the previous run
of the same kind and prints only the findings that appeared or disappeared (after a list
re-import, say). Decide on a finding with \`threadline decide KEY confirmed|false-positive --why …\`;
decisions apply on the next screen. Policy fields and the risk formula: docs/screening.md.`;

function addCommon(cmd: Command): Command {
  return cmd
    .option('--policy <file>', 'policy file (YAML or JSON) merged onto the default policy')
    .option('--csv', 'CSV on stdout, one row per finding')
    .option(
      '--since-last',
      'report only findings that appeared or disappeared since the previous run of this kind',
    )
    .addOption(new Option('--min-risk <level>', 'report items at or above this risk').default('none'))
    .option('--fail-on <level>', 'exit 1 when an item is at or above this risk (low, medium, high)')
    .option('--as-of <date>', 'evaluate list memberships on this ISO date (default today)')
    .addOption(
      new Option('--matcher <name>', 'name matcher for unresolved parties')
        .choices(Object.keys(MATCHERS))
        .default(DEFAULT_MATCHER),
    )
    .addOption(new Option('--limit <n>', 'results shown with their evidence (human output)').default('10'))
    .option('--no-save', 'do not save this run for later --since-last comparison');
}

async function parseCommon(o: CommonOptions, json: boolean): Promise<Parsed> {
  if (o.csv && json) throw new UsageError('choose one of --json and --csv');
  if (!isRiskLevel(o.minRisk))
    throw new UsageError(`--min-risk must be none, low, medium or high, got ${o.minRisk}`);
  if (o.failOn !== undefined && (!isRiskLevel(o.failOn) || o.failOn === 'none'))
    throw new UsageError(`--fail-on must be low, medium or high, got ${o.failOn}`);
  if (o.asOf !== undefined && !isCalendarDate(o.asOf))
    throw new UsageError(`--as-of must be a date YYYY-MM-DD, got ${JSON.stringify(o.asOf)}`);
  const limit = Number(o.limit);
  if (!Number.isInteger(limit) || limit < 0) throw new UsageError('--limit must be a whole number');
  let policy: Policy | undefined;
  if (o.policy) {
    const r = await readPolicyFile(o.policy).catch((err: NodeJS.ErrnoException) => {
      throw new UsageError(`--policy: cannot read ${o.policy}: ${err.code ?? err.message}`);
    });
    if (!r.ok) throw new UsageError(`--policy ${o.policy}: ${formatIssues(r.issues)}`);
    policy = r.policy;
  }
  return {
    policy,
    minRisk: o.minRisk,
    failOn: (o.failOn as RiskLevel | undefined) ?? null,
    asOf: o.asOf,
    matcher: o.matcher,
    limit,
  };
}

async function snapshotFor(s: Store, p: Parsed, out: Output): Promise<SnapshotData> {
  const bar = out.progress('loading snapshot', null);
  let rows = 0;
  try {
    return await buildSnapshot(s, {
      ...(p.policy ? { policy: p.policy } : {}),
      ...(p.asOf ? { asOf: p.asOf } : {}),
      matcher: p.matcher,
      onProgress: (e) => {
        if (e.done) return;
        rows += 10_000;
        bar.update(rows, { phase: e.phase });
      },
    });
  } finally {
    bar.stop();
  }
}

/** Collects what the human summary needs without keeping every result. */
class Tally {
  readonly counts: RiskCounts = emptyCounts();
  readonly byType = new Map<string, { items: number; high: number }>();
  top: ScreenResult[] = [];
  screened = 0;
  failed = false;
  private readonly limit: number;
  private readonly failOn: RiskLevel | null;

  constructor(limit: number, failOn: RiskLevel | null) {
    this.limit = limit;
    this.failOn = failOn;
  }

  add(r: ScreenResult, keep: boolean): void {
    this.screened++;
    this.counts[r.risk]++;
    if (this.failOn && riskRank(r.risk) >= riskRank(this.failOn)) this.failed = true;
    const seen = new Set<string>();
    for (const f of r.findings) {
      if (f.status === 'dismissed' || seen.has(f.type)) continue;
      seen.add(f.type);
      const c = this.byType.get(f.type) ?? { items: 0, high: 0 };
      c.items++;
      if (f.severity === 'high') c.high++;
      this.byType.set(f.type, c);
    }
    if (keep && r.risk !== 'none' && this.limit > 0) {
      this.top.push(r);
      if (this.top.length > this.limit * 4) this.top = rankResults(this.top).slice(0, this.limit);
    }
  }

  print(out: Output, what: string): void {
    out.line(`Screened ${this.screened} ${what}.`);
    out.table(
      ['risk', 'items'],
      RISK_ORDER.map((r) => [r, this.counts[r]]),
    );
    if (this.byType.size > 0) {
      out.line();
      out.table(
        ['finding type', 'items', 'of which high'],
        [...this.byType].sort((a, b) => b[1].items - a[1].items).map(([t, c]) => [t, c.items, c.high]),
      );
    }
    const top = rankResults(this.top).slice(0, this.limit);
    if (top.length > 0) {
      out.line();
      out.line(`Top ${top.length} by risk, with evidence:`);
      for (const r of top) {
        out.line();
        out.line(renderResult(r));
      }
    }
  }
}

/** Prints results as they stream (JSON/CSV), tallies them, saves the run, reports changes. */
async function emitRun(
  out: Output,
  s: Store,
  opts: {
    csv: boolean;
    sinceLast: boolean;
    save: boolean;
    kind: string;
    policyHash: string;
    startedAt: string;
  },
  p: Parsed,
  results: AsyncIterable<ScreenResult[]>,
  what: string,
): Promise<void> {
  const tally = new Tally(p.limit, p.failOn);
  const min = riskRank(p.minRisk);
  const findings: StoredFinding[] = [];
  const streaming = !opts.sinceLast;
  if (streaming && opts.csv) process.stdout.write(`${csvLine(CSV_HEADERS)}\n`);
  for await (const batch of results) {
    for (const r of batch) {
      const keep = riskRank(r.risk) >= min;
      tally.add(r, keep);
      if (opts.save || opts.sinceLast) findings.push(...toStoredFindings([r]));
      if (!keep || !streaming) continue;
      if (out.json) out.record(resultRecord(r));
      else if (opts.csv) for (const row of resultCsvRows(r)) process.stdout.write(`${csvLine(row)}\n`);
    }
  }
  let diff: RunDiff | null = null;
  if (opts.save || opts.sinceLast) {
    const run = { kind: opts.kind, policyHash: opts.policyHash, startedAt: opts.startedAt, findings };
    if (opts.save) diff = (await recordRun(s, run)).diff;
    else {
      const prev = await s.latestScreenRun(opts.kind);
      diff = prev ? diffRuns(await s.findingsOfRun(prev.id), findings, prev.id) : null;
    }
  }
  if (opts.sinceLast) printChanges(out, opts.csv, diff);
  else if (!out.json && !opts.csv) tally.print(out, what);
  if (tally.failed) process.exitCode = 1;
}

function printChanges(out: Output, csv: boolean, diff: RunDiff | null): void {
  if (!diff) {
    out.warn('no previous run of this kind: nothing to compare with (this run is now the baseline)');
    return;
  }
  const rows = [
    ...diff.appeared.map((f) => changeRecord('appeared', f)),
    ...diff.disappeared.map((f) => changeRecord('disappeared', f)),
  ];
  if (csv) {
    const cols = ['change', 'item', 'finding_key', 'type', 'severity', 'score', 'label', 'summary'];
    process.stdout.write(`${csvLine(cols)}\n`);
    for (const r of rows) process.stdout.write(`${csvLine(cols.map((c) => String(r[c] ?? '')))}\n`);
    return;
  }
  for (const r of rows) out.record(r);
  out.line(
    `Since run #${diff.previousRun}: ${diff.appeared.length} findings appeared, ${diff.disappeared.length} disappeared, ${diff.unchanged} unchanged.`,
  );
  if (rows.length > 0) {
    out.table(
      ['change', 'item', 'type', 'severity', 'summary', 'key'],
      rows.map((r) => [r.change, r.item, r.type, r.severity, r.summary, r.finding_key]),
    );
  }
}

function formatOf(isDir: boolean, given?: string): string {
  if (given) return given;
  return isDir ? 'ams' : 'bol-csv';
}

export const registerScreen: RegisterCommand = (program, ctx: (cmd: Command) => CliContext) => {
  const screen = program
    .command('screen')
    .description(
      'Screen shipments, a supplier list or one name for forced-labour exposure: ranked findings with evidence',
    );

  addCommon(
    screen
      .command('shipments')
      .description(
        'Screen the bills of lading in the store (or in FILE, a bol-csv file or an ams folder, imported first): ' +
          'listed, owned-by-listed and Xinjiang-located parties, high-priority goods, upstream exposure, ' +
          'third-country routing and new intermediaries after a listing',
      )
      .argument(
        '[file]',
        'bol-csv file or AMS folder to import (added to its dataset: earlier bills stay) and screen (default: every shipment in the store)',
      )
      .option('--format <name>', 'import format of FILE: bol-csv (default for a file) or ams (for a folder)')
      .option('--dataset <name>', "dataset name for FILE (default: the format's)")
      .addOption(
        new Option('--workers <n>', 'worker threads (1 = this thread; auto: 2 from 20,000 bills on)').default(
          'auto',
        ),
      ),
  )
    .addHelpText(
      'after',
      `${OUTPUT_HELP}
${EXIT_HELP}

Examples:
  threadline screen shipments
  threadline screen shipments bills-2022.csv --min-risk medium
  threadline screen shipments --json --min-risk high > high.jsonl
  threadline screen shipments --since-last          (after re-importing the OFAC list)
  threadline screen shipments --policy my-policy.yaml --fail-on high`,
    )
    .action(
      async (
        file: string | undefined,
        o: CommonOptions & { format?: string; dataset?: string; workers: string },
        cmd: Command,
      ) => {
        const { out, store } = ctx(cmd);
        const p = await parseCommon(o, out.json);
        const auto = o.workers === 'auto';
        let workers = auto ? 1 : Number(o.workers);
        if (!Number.isInteger(workers) || workers < 1 || workers > 64)
          throw new UsageError('--workers must be 1-64 or auto');
        if (o.format && !['bol-csv', 'ams'].includes(o.format))
          throw new UsageError('--format must be bol-csv or ams');
        const s = await store();
        const startedAt = new Date().toISOString();
        let datasets: DatasetName[] | undefined;
        if (file) {
          const st = await stat(file).catch(() => null);
          if (!st) throw new UsageError(`no such file: ${file}`);
          const rejectDir =
            s.backend === 'sqlite' && s.location !== ':memory:'
              ? dirname(resolve(s.location))
              : process.cwd();
          try {
            const r = await runImport(s, {
              format: formatOf(st.isDirectory(), o.format),
              paths: [file],
              dataset: o.dataset,
              rejectDir,
              // Each file screened is a new batch of bills: the bills screened before stay.
              append: true,
            });
            if (r.rejected > 0)
              out.warn(`${r.rejected} rows of ${safeText(file)} rejected (see ${r.rejectFile})`);
            out.line(
              `Imported ${r.records} records of ${safeText(file)} into dataset ${safeText(r.dataset)}.`,
            );
            datasets = [r.dataset];
          } catch (err) {
            if (
              err instanceof ImportInputError ||
              err instanceof ValidationError ||
              err instanceof EncodingError
            )
              throw new UsageError(err.message);
            throw err;
          }
        }
        const data = await snapshotFor(s, p, out);
        const total = datasets
          ? ((await s.getDataset(datasets[0] as DatasetName))?.shipments ?? null)
          : (await s.listDatasets()).reduce((n, d) => n + d.shipments, 0);
        // Starting a worker and copying the snapshot to it costs a second or two: worth it only
        // for large batches (see docs/screening.md, Scale and workers).
        if (auto && (total ?? 0) >= 20_000) workers = 2;
        const bar = out.json || o.csv ? { update() {}, stop() {} } : out.progress('screening', total);
        try {
          await emitRun(
            out,
            s,
            {
              csv: Boolean(o.csv),
              sinceLast: Boolean(o.sinceLast),
              save: o.save,
              kind: datasets ? `shipments:${datasets.join(',')}` : 'shipments',
              policyHash: data.policyHash,
              startedAt,
            },
            p,
            screenStream(s, data, {
              workers,
              matcher: p.matcher,
              onScreened: (n) => bar.update(n),
              ...(datasets ? { datasets } : {}),
            }),
            'shipments',
          );
        } finally {
          bar.stop();
        }
      },
    );

  addCommon(
    screen
      .command('entities')
      .description(
        'Screen a supplier list (CSV with a header: name, country, address, identifiers — several ' +
          'separated by ; — and optionally id) against the lists, ownership, locations and trade in the store',
      )
      .argument('<file>', 'supplier list CSV'),
  )
    .addHelpText(
      'after',
      `${OUTPUT_HELP}
${EXIT_HELP}

Example supplier list:
  id,name,country,address,identifiers
  S-001,Example Garments Bangladesh Ltd.,BD,"Gazipur, Bangladesh",
  S-002,Xinjiang Example Cotton Co. Ltd,CN,"Aksu, Xinjiang",91652901MA7X000189`,
    )
    .action(async (file: string, o: CommonOptions, cmd: Command) => {
      const { out, store } = ctx(cmd);
      const p = await parseCommon(o, out.json);
      const list = await readSupplierList(file).catch((err: NodeJS.ErrnoException) => {
        throw new UsageError(`cannot read ${file}: ${err.code ?? err.message}`);
      });
      for (const r of list.rejected) out.warn(`${safeText(file)}:${r.line}: ${safeText(r.reason)}`);
      if (list.rows.length === 0)
        throw new UsageError(`${file}: no supplier rows (a header with a name column is required)`);
      const s = await store();
      const startedAt = new Date().toISOString();
      const data = await snapshotFor(s, p, out);
      const snap = Snapshot.fromData(data, {
        matcher: MATCHERS[p.matcher] as NonNullable<(typeof MATCHERS)[string]>,
      });
      const source = `supplier-list:${basename(file)}`;
      async function* results(): AsyncGenerator<ScreenResult[]> {
        yield list.rows.map((row) =>
          screenEntity(snap, row.query, { dataset: 'supplier-list', file, key: row.key, line: row.line }),
        );
      }
      await emitRun(
        out,
        s,
        {
          csv: Boolean(o.csv),
          sinceLast: Boolean(o.sinceLast),
          save: o.save,
          kind: `entities:${source}`,
          policyHash: data.policyHash,
          startedAt,
        },
        p,
        results(),
        'suppliers',
      );
    });

  addCommon(
    screen
      .command('entity')
      .description('Screen one name (a supplier, a buyer, a subsidiary) with its evidence')
      .argument('<name>', 'the name, in any script')
      .option('--country <cc>', 'ISO 3166 alpha-2 country')
      .option('--address <text>', 'address')
      .option('--id <identifier...>', 'identifiers (USCC, LEI, list id)'),
  )
    .addHelpText(
      'after',
      `${EXIT_HELP}

Examples:
  threadline screen entity "Grand Star LLC" --country RU
  threadline screen entity 新疆冠农股份有限公司
  threadline screen entity "Example Cotton Co" --id 91652901MA7X000189 --json`,
    )
    .action(
      async (
        name: string,
        o: CommonOptions & { country?: string; address?: string; id?: string[] },
        cmd: Command,
      ) => {
        const { out, store } = ctx(cmd);
        const p = await parseCommon(o, out.json);
        const cc = o.country?.trim().toUpperCase();
        if (cc !== undefined && !/^[A-Z]{2}$/.test(cc))
          throw new UsageError('--country must be an ISO 3166 alpha-2 code');
        if (name.trim().length === 0) throw new UsageError('the name is empty');
        const s = await store();
        const startedAt = new Date().toISOString();
        const data = await snapshotFor(s, p, out);
        const snap = Snapshot.fromData(data, {
          matcher: MATCHERS[p.matcher] as NonNullable<(typeof MATCHERS)[string]>,
        });
        const r = screenEntity(
          snap,
          { name, country: cc ?? null, address: o.address ?? null, identifiers: o.id ?? [] },
          { dataset: 'query', file: 'command line', key: name, line: null },
        );
        async function* results(): AsyncGenerator<ScreenResult[]> {
          yield [r];
        }
        await emitRun(
          out,
          s,
          {
            csv: Boolean(o.csv),
            sinceLast: Boolean(o.sinceLast),
            save: o.save,
            kind: `entity:${name.trim().toLowerCase()}${cc ? `:${cc}` : ''}`,
            policyHash: data.policyHash,
            startedAt,
          },
          { ...p, limit: Math.max(p.limit, 1) },
          results(),
          'names',
        );
        if (!out.json && !o.csv && !o.sinceLast && r.risk === 'none') out.line(renderResult(r));
      },
    );
};

/** YYYY-MM-DD naming a day of the calendar (2024-02-31 does not). */
function isCalendarDate(s: string): boolean {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(s)) return false;
  const d = new Date(`${s}T00:00:00Z`);
  return !Number.isNaN(d.getTime()) && d.toISOString().slice(0, 10) === s;
}
