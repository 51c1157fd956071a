import type { Command } from 'commander';
import type { CliContext } from '../context.ts';
import { registerCompare } from './compare.ts';
import { registerDatasets } from './datasets.ts';
import { registerDecide } from './decide.ts';
import { registerDemo } from './demo.ts';
import { registerFlows } from './flows.ts';
import { registerGoods } from './goods.ts';
import { registerImport } from './import.ts';
import { registerJudge } from './judge.ts';
import { registerLinkParties } from './link-parties.ts';
import { registerLocate } from './locate.ts';
import { registerMatch } from './match.ts';
import { registerOwners } from './owners.ts';
import { registerScreen } from './screen.ts';
import { registerSubsidiaries } from './subsidiaries.ts';
import { registerTrace } from './trace.ts';
import { registerUscc } from './uscc.ts';
import { registerXref } from './xref.ts';

/** A command registers itself on the program; `ctx(cmd)` gives it output and the store. */
export type RegisterCommand = (program: Command, ctx: (cmd: Command) => CliContext) => void;

/** Every command, in the order `--help` lists them. Add one line per new command. */
export const COMMANDS: readonly RegisterCommand[] = [
  registerDemo,
  registerDatasets,
  registerImport,
  registerFlows,
  registerCompare,
  registerMatch,
  registerXref,
  registerLinkParties,
  registerJudge,
  registerSubsidiaries,
  registerOwners,
  registerTrace,
  registerUscc,
  registerLocate,
  registerGoods,
  registerScreen,
  registerDecide,
];
