/** Goods: HS codes, UFLPA high-priority sectors, input → output chains. */
export { hsPrefixMatch, normalizeHs } from './hs-code.ts';
export {
  type ChainStage,
  chainStagesOfHs,
  inputOf,
  SECTOR_SOURCE,
  SECTORS,
  type Sector,
  type SectorHit,
  sectorsOfHs,
} from './sectors.ts';
