import type { Command } from 'commander';
import type { BlockingOwner } from '../../graph/index.ts';
import { safeText } from '../output.ts';
import type { RegisterCommand } from './index.ts';
import { fmtPct, holdingsFor, printHoldings, warnTruncated } from './subsidiaries.ts';

const HELP = `
ENTITY is an imported id or an exact name (an ambiguous name lists candidates and exits 2).

Lists every direct and indirect owner with its effective share in ENTITY (summed over all
ownership paths; unknown shares reported, never guessed), whether that owner is blocked under
OFAC's 50% rule, the fewest hops, and the strongest chain from the owner down to ENTITY with
the source record of each link. The human form also says whether ENTITY itself is blocked
and which owners make it so.

--json prints one object per owner, the same shape as \`threadline subsidiaries --json\`.

Examples:
  threadline owners "Synthetic Spinning Mill"
  threadline owners NK-abc123 --min 10 --json`;

export const registerOwners: RegisterCommand = (program, ctx) => {
  program
    .command('owners')
    .description('Who owns an entity, directly or through chains: effective %, OFAC status, strongest chain')
    .argument('<entity>', 'entity id or exact name')
    .option('--min <pct>', 'only owners with at least this effective percentage', '0')
    .addHelpText('after', HELP)
    .action(async (arg: string, raw: { min?: string }, cmd: Command) => {
      const r = await holdingsFor(ctx(cmd), arg, raw, 'up');
      if (!r) return;
      const { out, graph, node, res, ofac } = r;
      // Names, ids and list programs come from data: one line each, whatever they contain.
      const name = (v: number) => safeText(graph.nodeName(v));

      out.line(`${name(node)} (${safeText(graph.nodeId(node))}): ${res.rows.length} owner(s)`);
      const st = ofac.status(node);
      if (st?.kind === 'listed')
        out.line(
          `OFAC: blocked — listed (${st.memberships.map((m) => safeText(m.program ?? m.list)).join(', ')})`,
        );
      else if (st?.kind === 'owned')
        out.line(
          `OFAC: blocked under the 50% rule — ${fmtPct(st.aggregatePct)} held by blocked owners: ${st.owners
            .map((o) => `${name(o.node)} ${o.pct === null ? '?' : fmtPct(o.pct)}`)
            .join(', ')}`,
        );
      else {
        const u = ofac.undetermined.find((x) => x.node === node);
        if (!u) out.line('OFAC: not blocked');
        else {
          const named = (os: readonly BlockingOwner[]) =>
            os.map((o) => `${name(o.node)} ${o.pct === null ? '?' : fmtPct(o.pct)}`).join(', ');
          const parts = [`${fmtPct(u.knownPct)} known from blocked owners`];
          if (u.unknownOwners.length) parts.push(`unknown shares held by blocked ${named(u.unknownOwners)}`);
          if (u.undeterminedOwners.length)
            parts.push(`held by owners whose own status is undetermined: ${named(u.undeterminedOwners)}`);
          out.line(`OFAC: undetermined — ${parts.join('; ')}`);
        }
      }
      if (res.rows.length > 0) printHoldings(out, graph, res.rows, true);
      warnTruncated(out, res.truncated);
    });
};
