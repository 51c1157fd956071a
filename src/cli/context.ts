import type { Command } from 'commander';
import { openStore, type Store } from '../store/index.ts';
import { createOutput, type Output } from './output.ts';

/** What every command gets: output, and a way to open the store chosen by flags/env. */
export interface CliContext {
  readonly out: Output;
  /** Opens (and migrates) the store; closed by the shell when the command ends. */
  store(): Promise<Store>;
}

export interface GlobalOptions {
  readonly db?: string;
  readonly json?: boolean;
}

/** Resolution order: `--db PATH`, `DATABASE_URL` (PostgreSQL), `THREADLINE_DB`, `./threadline.db`. */
export function storeTarget(opts: GlobalOptions, env: NodeJS.ProcessEnv = process.env): string {
  if (opts.db) return opts.db;
  if (env.DATABASE_URL) return env.DATABASE_URL;
  if (env.THREADLINE_DB) return env.THREADLINE_DB;
  return './threadline.db';
}

/** Builds the context for one command invocation from the root program's global options. */
export function contextFor(cmd: Command, opened: Store[]): CliContext {
  const opts = cmd.optsWithGlobals<GlobalOptions>();
  const out = createOutput({ json: Boolean(opts.json) });
  return {
    out,
    async store() {
      const s = await openStore(storeTarget(opts));
      opened.push(s);
      return s;
    },
  };
}
