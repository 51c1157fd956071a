/** Names: folding, transliteration, legal forms, pinyin, numbers and places → comparable variants. */
export { analyseName, nameKindOfSchema } from './analyse.ts';
export { pinyinSyllables, toSimplified } from './chinese.ts';
export { hasHan, isAbjad, latinTokens, type NameScript, scriptsOf, toLatin } from './fold.ts';
export { looksLikeCompanyWord } from './latin.ts';
export { chineseNumber, latinNumber } from './numbers.ts';
export { isCompoundFirst, personTokens } from './person.ts';
export { consonantSkeleton, hangulKey, phoneticKey, skeletonOfKey } from './phonetic.ts';
export { latinPlaceCode, placeSpellings, zhPlaceCode } from './places.ts';
export {
  BRAND_SOURCE,
  COMPANY_WORDS_SOURCE,
  COUNTRIES_SOURCE,
  LEGAL_FORMS_SOURCE,
  type LegalForm,
  NAME_GROUPS,
  PERSON_NAMES_SOURCE,
  STOPWORDS,
} from './tables.ts';
export type {
  NameAnalysis,
  NameKind,
  NameToken,
  NameVariant,
  TokenKind,
  VariantKind,
  VariantScript,
} from './types.ts';
