import type { Command } from 'commander';
import { ThreadlineError } from '../model/index.ts';
import { openStore, type Store } from '../store/index.ts';
import { createOutput, type Output } from './output.ts';

/** What every command gets: output, and a way to open the store chosen by flags/env. */
export interface CliContext {
  readonly out: Output;
  /**
   * Opens (and migrates) the store; closed by the shell when the command ends. An embedded
   * store file must already exist unless the command loads data (see `mayCreateStore`).
   */
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

/**
 * Whether `cmd` may create a new embedded store: only the commands that load data into it
 * (`import`, and `screen shipments FILE`, which imports FILE first). Every other command on a
 * missing file is almost surely a mistyped path, and an empty store would answer it with
 * "nothing found" and exit 0 (a CI gate like `screen shipments --fail-on high` would pass).
 * An allowlist, so a new command is safe by default.
 */
export function mayCreateStore(cmd: Command): boolean {
  const names: string[] = [];
  for (let c: Command | null = cmd; c?.parent; c = c.parent) names.unshift(c.name()); // not the root's
  const path = names.join(' ');
  return path === 'import' || (path === 'screen shipments' && cmd.args.length > 0);
}

/** Builds the context for one command invocation from the root program's global options. */
export function contextFor(cmd: Command, opened: Store[]): CliContext {
  const opts = cmd.optsWithGlobals<GlobalOptions>();
  const out = createOutput({ json: Boolean(opts.json) });
  return {
    out,
    async store() {
      let s: Store;
      try {
        s = await openStore(storeTarget(opts), { mustExist: !mayCreateStore(cmd) });
      } catch (err) {
        if (err instanceof ThreadlineError && err.code === 'no_store')
          throw new ThreadlineError(
            'no_store',
            `${err.message}; import data first (threadline import …) or give --db`,
          );
        throw err;
      }
      opened.push(s);
      return s;
    },
  };
}
