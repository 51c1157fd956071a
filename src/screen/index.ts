/**
 * screen: Threadline's main job. A policy turns the facts of an immutable snapshot (graph,
 * list memberships, Xinjiang facts, the watch set) into findings with evidence chains; each
 * screened shipment or supplier gets a risk and score by a documented formula; analyst
 * decisions and run-to-run monitoring sit on the findings' stable keys. See docs/screening.md.
 * Customs-statistics surge detection lives in ./flows (re-exported as `flows`).
 */

export type { XinjiangBasis, XinjiangFact } from '../graph/index.ts';
export {
  applyDecisions,
  type Decisions,
  decide,
  findingJudgement,
  isFindingKey,
  latestDecisions,
} from './decisions.ts';
export {
  assertEvidence,
  compareFindings,
  EVIDENCE_STEPS,
  EvidenceError,
  type EvidenceLink,
  type EvidenceStep,
  type Finding,
  type FindingDecision,
  type FindingStatus,
  findingKey,
  type RecordRef,
  type ScreenResult,
  type Subject,
  severityRank,
} from './findings.ts';
export * as flows from './flows/index.ts';
export {
  exactMatcher,
  type MatcherFactory,
  type PartyMatcher,
  type PartyQuery,
  type WatchEntity,
  type WatchMatch,
} from './matcher.ts';
export { DEFAULT_MATCHER, MATCHERS, resolveMatcher } from './matchers.ts';
export { diffRuns, itemKey, type RunDiff, recordRun, toStoredFindings } from './monitor.ts';
export {
  DEFAULT_POLICY,
  formatIssues,
  type PolicyIssue,
  type PolicyResult,
  parsePolicy,
  parsePolicyText,
  policyHash,
  readPolicyFile,
} from './policy/load.ts';
export {
  FINDING_TYPES,
  type FindingType,
  type Policy,
  PolicySchema,
  RISK_LEVELS,
  type RiskLevel,
  SEVERITIES,
  type Severity,
} from './policy/schema.ts';
export { ScreenPool } from './pool.ts';
export { type Assessment, assess, isRiskLevel, riskRank } from './risk.ts';
export {
  emptyCounts,
  type RiskCounts,
  rankResults,
  type ScreenShipmentsOptions,
  type ScreenShipmentsResult,
  type StreamOptions,
  screenShipments,
  screenStream,
} from './run.ts';
export { type EntityQuery, type QuerySource, screenEntity } from './screen-entity.ts';
export { screenShipment } from './screen-shipment.ts';
export { screenShard } from './shard.ts';
export { FAR, Snapshot, type SnapshotData, type SnapshotOptions } from './snapshot.ts';
export {
  type BuildSnapshotOptions,
  buildSnapshot,
  type SnapshotInput,
  snapshotFromFacts,
} from './snapshot-build.ts';
export {
  parseSupplierList,
  readSupplierList,
  type SupplierList,
  type SupplierRejection,
  type SupplierRow,
} from './supplier-list.ts';
