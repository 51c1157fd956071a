/** Storage: one interface, two backends (embedded SQLite, PostgreSQL), one Kysely codebase. */

export { type OpenOptions, openStore, redactUrl } from './open.ts';
export {
  BatchBuilder,
  CONTENT_COLUMNS,
  type PreparedBatch,
  type PreparedRows,
  prepareBatch,
} from './prepare.ts';
export type {
  BatchCounts,
  ImportSession,
  IterateOptions,
  PartyLink,
  ScreenRunInput,
  ScreenRunSummary,
  Store,
  StoredFinding,
  TradeStatFilter,
} from './store.ts';
