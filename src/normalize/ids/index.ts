/** Identifiers: USCCs (统一社会信用代码), resident identity numbers, and entity enrichment from them. */
export { orgCodeCheckChar, residentIdCheckChar, USCC_ALPHABET, usccCheckChar } from './check-chars.ts';
export { ENRICH_KEYWORDS, enrichEntity } from './enrich-entity.ts';
export {
  findResidentIds,
  makeResidentId,
  type ParsedResidentId,
  parseResidentId,
} from './resident-id.ts';
export {
  type CodeName,
  cleanIdentifier,
  findUsccs,
  isValidUscc,
  makeUscc,
  type ParsedUscc,
  parseUscc,
  USCC_SOURCE,
  type UsccRegion,
} from './uscc.ts';
