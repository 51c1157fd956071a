/** Names: folding, transliteration, legal forms, pinyin, numbers and places → comparable variants. */
export { analyseName, nameKindOfSchema, skeletonVariant } from './analyse.ts';
export { pinyinSyllables, toSimplified } from './chinese.ts';
export { hasHan, isAbjad, latinTokens, type NameScript, scriptsOf, toLatin } from './fold.ts';
export { chineseNumber, latinNumber } from './numbers.ts';
export { consonantSkeleton, phoneticKey } from './phonetic.ts';
export { latinPlaceCode, placeSpellings, zhPlaceCode } from './places.ts';
export {
  BRAND_SOURCE,
  COMPANY_WORDS_SOURCE,
  LEGAL_FORMS_SOURCE,
  type LegalForm,
  NAME_GROUPS,
  PERSON_NAMES_SOURCE,
} from './tables.ts';
export type {
  NameAnalysis,
  NameKind,
  NameToken,
  NameVariant,
  TokenKind,
  VariantKind,
} from './types.ts';
