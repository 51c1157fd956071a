import type { Command } from 'commander';
import {
  applyOfacRule,
  createExposure,
  type Graph,
  type TraceLink,
  Tracer,
  type TraceStart,
  tracePathJson,
  XinjiangLocator,
} from '../../graph/index.ts';
import { NotFoundError } from '../../model/index.ts';
import { type Output, safeText } from '../output.ts';
import { UsageError } from '../usage-error.ts';
import type { RegisterCommand } from './index.ts';
import { graphAndEntity, loadGraphForCli, parsePct } from './subsidiaries.ts';

const HELP = `
Upstream (default): from ENTITY (everything it received) or from one bill of lading, follow
shipper → consignee links backwards tier by tier. A link counts only when the supplier shipped
goods that can be an input of what the buyer shipped later (raw cotton → yarn → fabric →
garments, quartz → polysilicon → wafers → modules, tomatoes → paste → sauce; re-shipment of
the same HS heading) and arrived no later than that shipment. Shipments without HS codes or
dates cannot show either and do not count beyond the first link (--lenient-goods lets
goods-less ones through, flagged). Paths are ranked by how they reach an exposed party:
  listed (any list) · blocked under OFAC's 50% rule · owned by listed (effective % ≥ --owned-min,
  aggregated) · located in Xinjiang (USCC 65xxxx, or address/name placed there)
Nearer tiers and high-priority-sector goods rank higher.

Downstream (--direction down): from a firm (typically a listed one) to its buyers and their
buyers, keeping only later shipments of goods its goods can become; every buyer reached is listed.

Parties the resolver has not linked to an entity are grouped by normalised name + country.

--json prints one object per path:
  {"rank","score","reaches":{id,name,country,kind},"reasons":[{kind,summary,evidence}],"tiers",
   "links":[{"supplier","buyer","shipment_count","goods":[{input,output,rule,chain}],
             "shipments":[{"id","date","hs","weight_kg","source":{dataset,source_file,record_key,line}}]}]}

Examples:
  threadline trace "Synthetic US Importer" --tiers 4
  threadline trace --shipment MAEU123456789 --json
  threadline trace "Synthetic XJ Cotton Co" --direction down`;

interface TraceFlags {
  shipment?: string;
  tiers: string;
  direction: string;
  maxPaths: string;
  ownedMin: string;
  lenientGoods?: boolean;
}

export const registerTrace: RegisterCommand = (program, ctx) => {
  program
    .command('trace')
    .description(
      'Follow bills of lading up (suppliers) or down (buyers) through tiers to listed, blocked or Xinjiang-linked parties',
    )
    .argument('[entity]', 'entity id or exact name (or use --shipment)')
    .option('--shipment <id>', 'start from one bill of lading instead of an entity')
    .option('--tiers <n>', 'maximum links per path (1-10)', '4')
    .option('--direction <dir>', 'up (suppliers) | down (buyers)', 'up')
    .option('--max-paths <n>', 'paths shown, best first', '50')
    .option('--owned-min <pct>', 'effective ownership by listed entities that counts as exposure', '50')
    .option('--lenient-goods', 'let shipments without HS codes through, flagged unverified')
    .addHelpText('after', HELP)
    .action(async (arg: string | undefined, raw: TraceFlags, cmd: Command) => {
      const c = ctx(cmd);
      const { out } = c;
      if ((arg === undefined) === (raw.shipment === undefined))
        throw new UsageError('give either ENTITY or --shipment ID (exactly one)');
      const tiers = intFlag('--tiers', raw.tiers, 1, 10);
      const maxPaths = intFlag('--max-paths', raw.maxPaths, 1, 10_000);
      if (raw.direction !== 'up' && raw.direction !== 'down')
        throw new UsageError(`--direction: expected up or down, got ${JSON.stringify(raw.direction)}`);
      const direction = raw.direction;
      const ownedMin = parsePct('--owned-min', raw.ownedMin, 50);

      const xinjiang = new XinjiangLocator();
      const hooks = {
        inspectEntity: (e: Parameters<XinjiangLocator['inspectEntity']>[0]) => xinjiang.inspectEntity(e),
        inspectShipment: (s: Parameters<XinjiangLocator['inspectShipment']>[0]) =>
          xinjiang.inspectShipment(s),
      };
      let graph: Graph;
      let start: TraceStart;
      if (raw.shipment !== undefined) {
        const store = await c.store();
        if (!(await store.getShipment(raw.shipment)))
          throw new NotFoundError(`shipment ${JSON.stringify(raw.shipment)}`);
        graph = await loadGraphForCli(out, store, hooks);
        const row = graph.shipmentRowOf(raw.shipment);
        if (row < 0) throw new NotFoundError(`shipment ${JSON.stringify(raw.shipment)}`);
        start = { kind: 'shipment', shipment: row };
      } else {
        const got = await graphAndEntity(out, c, arg as string, hooks);
        if (!got) return;
        graph = got.graph;
        if (got.node === null) {
          out.line(`${safeText(arg)} has no trade links.`);
          return;
        }
        start = { kind: 'entity', node: got.node };
      }

      const ofac = applyOfacRule(graph);
      const exposure = createExposure(graph, {
        ofac,
        ownedThresholdPct: ownedMin,
        extra: [xinjiang.predicate(graph)],
        xpccUnit: xinjiang.xpccUnitEvidence(graph),
      });
      const res = new Tracer(graph).trace(start, direction, {
        exposure,
        tiers,
        maxPaths,
        allowUnknownGoods: raw.lenientGoods ?? false,
      });
      res.paths.forEach((p, i) => {
        out.record(tracePathJson(graph, p, i + 1));
      });
      printTrace(out, graph, res, direction);
    });
};

function intFlag(flag: string, raw: string, min: number, max: number): number {
  const n = Number(raw);
  if (!Number.isInteger(n) || n < min || n > max)
    throw new UsageError(`${flag}: expected an integer ${min}-${max}, got ${JSON.stringify(raw)}`);
  return n;
}

function printTrace(out: Output, g: Graph, res: ReturnType<Tracer['trace']>, direction: 'up' | 'down'): void {
  // Names, ids, bill numbers and reasons (which quote names) come from data: each must stay
  // within its line, whatever it contains. Table cells are sanitised by the table itself.
  const startLabel =
    res.start.kind === 'shipment'
      ? `bill ${safeText(g.shipment(res.start.shipment).id)} (${safeText(g.nodeName(g.columns.shipShipper[res.start.shipment] as number))} → ${safeText(g.nodeName(g.columns.shipConsignee[res.start.shipment] as number))})`
      : `${safeText(g.nodeName(res.startNode))} (${safeText(g.nodeId(res.startNode))})`;
  out.line(
    `${direction === 'up' ? 'Upstream' : 'Downstream'} of ${startLabel}, up to ${res.tiers} tier(s): ${res.paths.length} path(s)${direction === 'up' ? ' to exposed parties' : ''}`,
  );
  for (const r of res.startExposure) out.line(`  the start itself: ${safeText(r.summary)}`);
  for (const n of res.notes) out.line(`  note: ${safeText(n)}`);
  // Unresolved shipment parties are graph nodes keyed by name + country: say so where they appear.
  let unresolved = false;
  const name = (v: number) => {
    if (g.nodeKind(v) !== 'party') return safeText(g.nodeName(v));
    unresolved = true;
    return `${safeText(g.nodeName(v))}*`;
  };
  res.paths.forEach((p, i) => {
    const why = p.reasons.map((r) => safeText(r.summary)).join('; ');
    out.line('');
    out.line(
      `#${i + 1}  score ${p.score.toFixed(3)}  ${name(p.node)} (${safeText(g.nodeId(p.node))})${why ? ` — ${why}` : ''}`,
    );
    out.table(
      ['tier', 'supplier', 'buyer', 'bills', 'goods', 'first bills cited'],
      p.links.map((l, t) => [
        t + 1,
        name(l.supplier),
        name(l.buyer),
        l.shipmentCount,
        goodsText(l),
        billsText(g, l),
      ]),
    );
  });
  if (unresolved)
    out.line(
      '\n* not resolved to an entity: shipment parties grouped by normalised name + country (`threadline link-parties` links them to entities by name)',
    );
  if (res.paths.length === 0 && direction === 'up')
    out.line('No exposed party found within the tiers searched.');
}

function goodsText(l: TraceLink): string {
  const flag = l.goodsUnverified ? ' (goods unverified)' : '';
  return (
    l.goods
      .slice(0, 3)
      .map((p) => (p.output ? `${p.input ?? '?'}→${p.output}` : (p.input ?? '?')))
      .join(', ') + flag
  );
}

function billsText(g: Graph, l: TraceLink): string {
  return l.shipments
    .slice(0, 3)
    .map((s) => {
      const x = g.shipment(s);
      return `${x.id} ${x.date ?? '?'} [${x.provenance.dataset}:${x.provenance.line ?? x.provenance.recordKey}]`;
    })
    .join(', ');
}
