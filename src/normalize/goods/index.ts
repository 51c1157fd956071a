/** Goods: HS codes, UFLPA high-priority sectors, input → output chains, description classifier. */
export { classifyGoods, GOODS_RULES_SOURCE, type GoodsGuess } from './classify.ts';
export { goodsOfHs, HS_NOMENCLATURE_SOURCE, type HsGoods, hsDescription } from './goods-of-hs.ts';
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
