/** resolve: name matching (candidate index, scoring with explanations), clustering and judgements. */
export { type AlignedPair, type Alignment, alignTokens } from './align.ts';
export { latestVerdicts, pairKey, Resolver, resolveClusters, type ScoredPair } from './cluster.ts';
export {
  type CompareOptions,
  compare,
  DEFAULT_THRESHOLD,
  type Explanation,
  type Feature,
  type MatchSubject,
  nameSimilarity,
  type ScoreResult,
  schemataConflict,
  scoreAnalysed,
  type TokenMatch,
} from './compare.ts';
export {
  compareIdentifiers,
  type IdComparison,
  identifierScheme,
  isValidLei,
  normalizeIdentifier,
} from './identifiers.ts';
export { jaro, jaroWinkler } from './jaro-winkler.ts';
export { type LinkSummary, linkShipmentParties } from './link-parties.ts';
export {
  type Candidate,
  hashKey,
  indexKeys,
  type KeyHashes,
  keyHashes,
  MatchIndex,
  MatchIndexBuilder,
} from './match-index.ts';
export {
  MATCH_NAME_PROPS,
  type MatchCandidate,
  Matcher,
  type MatcherOptions,
  type MatchQuery,
  type MatchRecord,
  recordOfEntity,
} from './matcher.ts';
export { type PairRow, type PairsResult, parsePairs, readPairs } from './pairs-file.ts';
export { ratio, tokenSetRatio, tokenSortRatio } from './token-set.ts';
export { XREF_THRESHOLD, type XrefOptions, type XrefSummary, xref } from './xref.ts';
