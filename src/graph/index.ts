/**
 * graph: the in-memory graph built from the store — ownership, control, directorship, branch
 * and trade edges — and the questions asked of it: effective ownership, the OFAC 50% rule,
 * subsidiaries and owners, multi-tier supply-chain traces and third-country routing.
 * Everything runs over an immutable {@link Graph} snapshot; engines and tracers hold per-thread
 * scratch space.
 */
export {
  buildGraph,
  type EntityInput,
  GraphBuilder,
  type GraphBuilderOptions,
  type GraphInput,
} from './builder.ts';
export { dayOf, isoOfDay, NO_DATE } from './dates.ts';
export {
  DEFAULT_EPSILON,
  DEFAULT_PATH_BUDGET,
  type Direction,
  type EffectiveShare,
  OwnershipEngine,
  type OwnershipReach,
  type ReachOptions,
} from './effective-ownership.ts';
export {
  createExposure,
  EXPOSURE_WEIGHTS,
  type ExposureEvidence,
  type ExposureOptions,
  type ExposurePredicate,
  type ExposureReason,
  ownersPhrase,
} from './exposure.ts';
export { GoodsIndex, type GoodsMatch, type GoodsRule } from './goods.ts';
export {
  type EdgeColumns,
  Graph,
  type GraphColumns,
  LINK_KINDS,
  NODE_KINDS,
  type NodeKind,
  type RelationshipRef,
  type ShipmentRef,
} from './graph.ts';
export {
  effectiveOwnership,
  type HoldingRow,
  type Holdings,
  type HoldingsOptions,
  holdings,
  type OwnershipLink,
  ownershipLink,
} from './holdings.ts';
export {
  evidenceJson,
  exposureJson,
  holdingJson,
  nodeJson,
  ownershipLinkJson,
  provenanceJson,
  routingJson,
  shipmentJson,
  traceLinkJson,
  tracePathJson,
} from './json.ts';
export { type LoadOptions, type LoadPhase, loadGraph } from './load.ts';
export { type EntityLookup, lookupEntity } from './lookup.ts';
export {
  applyOfacRule,
  type BlockingOwner,
  membershipActive,
  type OfacOptions,
  type OfacResult,
  type OfacStatus,
  type Undetermined,
} from './ofac.ts';
export { isPartyKey, partyKey } from './party-key.ts';
export {
  findThirdCountryRouting,
  type RoutingFinding,
  type RoutingInput,
  type RoutingOptions,
  type RoutingOutput,
} from './routing.ts';
export {
  type GoodsPair,
  type TraceDirection,
  type TraceLink,
  type TraceOptions,
  type TracePath,
  type TraceResult,
  Tracer,
  type TraceStart,
} from './trace.ts';
export { UpstreamIndex, type UpstreamIndexOptions } from './upstream-index.ts';
export {
  entityCountries,
  isXpccUnitFact,
  MIN_CONFIDENCE,
  XinjiangLocator,
  xinjiangReason,
} from './xinjiang.ts';
export {
  mayBeXinjiang,
  sortFacts,
  type XinjiangBasis,
  type XinjiangFact,
  xinjiangFromAddress,
  xinjiangFromIdentifier,
  xinjiangFromName,
  xinjiangFromStatements,
} from './xinjiang-facts.ts';
