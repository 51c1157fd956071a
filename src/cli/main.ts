import { readFileSync } from 'node:fs';
import { Command, CommanderError } from 'commander';
import { ThreadlineError } from '../model/index.ts';
import type { Store } from '../store/index.ts';
import { COMMANDS } from './commands/index.ts';
import { type CliContext, contextFor } from './context.ts';
import { terminalText } from './output.ts';
import { UsageError } from './usage-error.ts';

/** Exit codes: 0 success, 1 failure (or findings where a command documents it), 2 usage error. */
export const EXIT = { ok: 0, failure: 1, usage: 2 } as const;

const pkg = JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8')) as {
  version: string;
};

/** Builds the `threadline` program. Each command registers itself from `commands/`. */
export function buildProgram(opened: Store[]): Command {
  const program = new Command('threadline')
    .description('Trace goods, suppliers and owners to forced labour (UFLPA, OFAC SDN, CBP WROs).')
    .version(pkg.version)
    .option('--db <path>', 'embedded store file (default: $DATABASE_URL, $THREADLINE_DB or ./threadline.db)')
    .option('--json', 'JSON lines on stdout, one object per result')
    .showHelpAfterError('(run with --help for usage)')
    .exitOverride()
    .configureOutput({ writeErr: (s) => process.stderr.write(s) });
  const ctx = (cmd: Command): CliContext => contextFor(cmd, opened);
  for (const register of COMMANDS) register(program, ctx);
  // Sub-commands inherit exit override so usage errors come back here as exit code 2.
  for (const c of program.commands) c.exitOverride();
  return program;
}

export async function main(argv: readonly string[]): Promise<number> {
  // `threadline … --json | head` closes the pipe early: that is the reader's choice, not an error.
  process.stdout.on('error', (err: NodeJS.ErrnoException) => {
    if (err.code === 'EPIPE') process.exit(EXIT.ok);
    throw err;
  });
  const opened: Store[] = [];
  const program = buildProgram(opened);
  try {
    await program.parseAsync(argv as string[]);
    return typeof process.exitCode === 'number' ? process.exitCode : EXIT.ok;
  } catch (err) {
    if (err instanceof CommanderError) {
      if (err.code === 'commander.helpDisplayed' || err.code === 'commander.version' || err.exitCode === 0)
        return EXIT.ok;
      return EXIT.usage;
    }
    // Messages quote arguments and data (names, paths): no escape sequences reach the terminal.
    if (err instanceof UsageError) {
      process.stderr.write(`threadline: ${terminalText(err.message)}\n`);
      return EXIT.usage;
    }
    if (err instanceof ThreadlineError) {
      process.stderr.write(`threadline: ${terminalText(err.message)} [${err.code}]\n`);
      return EXIT.failure;
    }
    process.stderr.write(
      `threadline: ${terminalText(err instanceof Error ? (err.stack ?? err.message) : String(err))}\n`,
    );
    return EXIT.failure;
  } finally {
    for (const s of opened) await s.close();
  }
}
