import type { Command } from 'commander';
import {
  applyOfacRule,
  type Graph,
  holdingJson,
  holdings,
  type LoadOptions,
  loadGraph,
  lookupEntity,
  OwnershipEngine,
} from '../../graph/index.ts';
import { NotFoundError } from '../../model/index.ts';
import type { Store } from '../../store/index.ts';
import type { CliContext } from '../context.ts';
import { type Output, safeText } from '../output.ts';
import { UsageError } from '../usage-error.ts';
import type { RegisterCommand } from './index.ts';

const HELP = `
ENTITY is the id an entity was imported with, or its exact name or alias (case-insensitive).
A name shared by several entities lists them and exits 2: repeat with the id.

Effective % sums the product of shares over every ownership path (each entity at most once on
a path, so cross-holdings terminate). Shares the source does not state are never taken as 0%
or 100%: such holdings show has_unknown, the number of unknown_paths, and max_pct (the bound
if every unknown share were 100%); --min keeps them while max_pct reaches the minimum.
blocked_ofac applies OFAC's 50% rule from the OFAC SDN list to a fixpoint; undetermined_ofac
marks holdings that are not blocked on the stated shares but would be if unstated shares (here
or further up) turned out large enough.

--json prints one object per descendant:
  {"id","name","effective_pct","blocked_ofac","undetermined_ofac","depth","path":[…],"has_unknown","unknown_paths","max_pct","truncated"}
where depth is the fewest ownership hops and path is the strongest chain, each link
{"owner","owner_name","asset","asset_name","pct","sources":[{"relationship","dataset","source_file","record_key","line"}]}.

Examples:
  threadline subsidiaries "Xinjiang Production and Construction Corps" --min 50
  threadline subsidiaries NK-abc123 --json`;

/** Parses a percentage flag (0-100). */
export function parsePct(flag: string, raw: string | undefined, dflt: number): number {
  if (raw === undefined) return dflt;
  const n = Number(raw);
  if (!Number.isFinite(n) || n < 0 || n > 100)
    throw new UsageError(`${flag}: expected a percentage 0-100, got ${JSON.stringify(raw)}`);
  return n;
}

/**
 * Resolves ENTITY and loads the graph, shared by subsidiaries, owners and trace. Returns null
 * after listing the candidates of an ambiguous name (exit code 2 set); throws not_found
 * (exit 1) for an unknown one.
 */
export async function graphAndEntity(
  out: Output,
  ctx: CliContext,
  arg: string,
  load: LoadOptions,
): Promise<{ store: Store; graph: Graph; node: number | null; id: string } | null> {
  const store = await ctx.store();
  const found = await lookupEntity(store, arg);
  if (found.kind === 'ambiguous') {
    out.warn(
      `threadline: ${found.candidates.length} entities are named ${safeText(JSON.stringify(arg))}; give one id:`,
    );
    for (const e of found.candidates) {
      out.record({ id: e.id, name: e.properties.name?.[0] ?? null, schema: e.schema, datasets: e.datasets });
    }
    out.table(
      ['id', 'name', 'schema', 'country', 'datasets'],
      found.candidates.map((e) => [
        e.id,
        e.properties.name?.[0] ?? '',
        e.schema,
        (e.properties.country ?? e.properties.jurisdiction ?? []).join(' '),
        e.datasets.join(' '),
      ]),
    );
    process.exitCode = 2;
    return null;
  }
  // Synthetic party keys (party:CC:name) live only in the graph.
  if (found.kind === 'not-found' && !arg.startsWith('party:'))
    throw new NotFoundError(`entity ${JSON.stringify(arg)}`);
  const graph = await loadGraphForCli(out, store, load);
  const id = found.kind === 'found' ? found.id : arg;
  const node = graph.nodeOf(id) ?? null;
  if (found.kind === 'not-found' && node === null) throw new NotFoundError(`entity ${JSON.stringify(arg)}`);
  return { store, graph, node, id };
}

/** Loads the graph with a progress bar (drawn only on a terminal). */
export async function loadGraphForCli(out: Output, store: Store, load: LoadOptions): Promise<Graph> {
  const bar = out.progress('loading graph', null);
  let base = 0;
  try {
    return await loadGraph(store, {
      ...load,
      onProgress: (p) => {
        if (p.done) base += p.rows;
        else bar.update(base + p.rows);
      },
    });
  } finally {
    bar.stop();
  }
}

/** Prints holdings (subsidiaries or owners) as a table. */
export function printHoldings(
  out: Output,
  graph: Graph,
  rows: ReturnType<typeof holdings>['rows'],
  up: boolean,
): void {
  out.table(
    [
      'name',
      'id',
      'effective %',
      'unknown',
      'OFAC',
      'depth',
      up ? 'strongest chain (top owner first)' : 'strongest chain',
    ],
    rows.map((r) => [
      r.name,
      r.id,
      fmtPct(r.effectivePct),
      r.hasUnknown ? `${r.unknownPaths} path(s), ≤ ${fmtPct(r.maxPct)}` : '',
      r.blockedOfac ? 'blocked' : r.undeterminedOfac ? 'undetermined' : '',
      r.depth,
      r.path
        .map(
          (l, i) =>
            `${i === 0 ? `${graph.nodeName(l.owner)} ` : ''}→${l.pct === null ? '?' : fmtPct(l.pct)}→ ${graph.nodeName(l.asset)}`,
        )
        .join(' '),
    ]),
  );
}

export function fmtPct(x: number): string {
  return `${(Math.round(x * 100) / 100).toString()}%`;
}

export const registerSubsidiaries: RegisterCommand = (program, ctx) => {
  program
    .command('subsidiaries')
    .description(
      'Everything an entity owns, directly or through chains: effective %, OFAC 50%-rule status, depth, strongest path',
    )
    .argument('<entity>', 'entity id or exact name')
    .option('--min <pct>', 'only holdings of at least this effective percentage', '0')
    .addHelpText('after', HELP)
    .action(async (arg: string, raw: { min?: string }, cmd: Command) => {
      const r = await holdingsFor(ctx(cmd), arg, raw, 'down');
      if (!r) return;
      const { out, graph, node, res, min } = r;
      out.line(
        `${safeText(graph.nodeName(node))} (${safeText(graph.nodeId(node))}): ${res.rows.length} subsidiar${res.rows.length === 1 ? 'y' : 'ies'}${min > 0 ? ` at ≥ ${min}%` : ''}, ${res.rows.filter((x) => x.blockedOfac).length} blocked under OFAC's 50% rule, ${res.rows.filter((x) => x.undeterminedOfac).length} undetermined`,
      );
      if (res.rows.length > 0) printHoldings(out, graph, res.rows, false);
      warnTruncated(out, res.truncated);
    });
};

/**
 * What `subsidiaries` and `owners` share: parse --min, load the ownership graph, find ENTITY,
 * compute its holdings in `direction` with OFAC status, and print one JSON line per holding.
 * Null when the entity was not found (already reported) or has no ownership links.
 */
export async function holdingsFor(
  c: CliContext,
  arg: string,
  raw: { min?: string },
  direction: 'up' | 'down',
) {
  const { out } = c;
  const min = parsePct('--min', raw.min, 0);
  const got = await graphAndEntity(out, c, arg, { trade: false });
  if (!got) return null;
  const { graph, node } = got;
  if (node === null) {
    out.line(`${safeText(arg)} has no ownership links.`);
    return null;
  }
  const ofac = applyOfacRule(graph);
  const res = holdings(new OwnershipEngine(graph), node, direction, { minPct: min, ofac });
  for (const r of res.rows) out.record(holdingJson(graph, r));
  return { out, graph, node, res, ofac, min };
}

export function warnTruncated(out: Output, truncated: boolean): void {
  if (truncated)
    out.warn('threadline: the path budget cut a search through cross-holdings; some values are lower bounds');
}
