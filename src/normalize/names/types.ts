import type { NameScript } from './fold.ts';
import type { LegalForm } from './tables.ts';

/** What a token is; decides how it is compared and how much it weighs. */
export type TokenKind =
  | 'word'
  | 'initial'
  | 'particle'
  | 'patronymic'
  | 'concept'
  | 'place'
  | 'number'
  | 'core';

/**
 * One comparable token of a name variant. `text` is lower-case ASCII (or Han characters in the
 * `han` variant); `key`, when set, is an exact identity (concept id, place code, number) that
 * beats fuzzy comparison; `alts` are other spellings of the same token (pinyin of a translated
 * word, a brand alias, the canonical spelling of a given-name group).
 */
export interface NameToken {
  readonly text: string;
  readonly kind: TokenKind;
  readonly weight: number;
  readonly key?: string;
  readonly alts?: readonly string[];
  /**
   * Pinyin read from Han characters: a deterministic transliteration, so a near miss (Hailun /
   * Hailin) is a different name, not a spelling variant. Compared exactly.
   */
  readonly exact?: boolean;
  /** The source fragment this token came from, for explanations. */
  readonly from: string;
  /**
   * The phonetic key of `text` (see `phoneticKey`), filled in by the matcher the first time it
   * needs it, so the tokens of a stored name are folded once, not once per comparison.
   */
  pk?: string;
}

/** How a variant was derived from the original name. */
export type VariantKind = 'original' | 'transliterated' | 'pinyin-translated' | 'han';

/**
 * The script a variant was read from, which decides how its tokens compare: `abjad` (Arabic,
 * Persian, Hebrew: no short vowels, compared by consonant skeleton), `hangul` (syllables
 * romanised by several systems), `han` (deterministic pinyin), `latin` (written in Latin
 * letters: spelling differences are real differences for companies), or another script
 * transliterated by table (`cyrillic`, `greek`, `other`).
 */
export type VariantScript = 'latin' | 'cyrillic' | 'greek' | 'abjad' | 'hangul' | 'han' | 'other';

/** One comparable form of a name, tagged with how it was derived. */
export interface NameVariant {
  readonly kind: VariantKind;
  readonly script: VariantScript;
  readonly tokens: readonly NameToken[];
  /** The tokens joined by spaces: what an explanation shows. */
  readonly text: string;
}

export type NameKind = 'person' | 'organization' | 'unknown';

/** Everything the matcher needs to know about one name. */
export interface NameAnalysis {
  readonly input: string;
  readonly scripts: readonly NameScript[];
  /** Person / organisation as told by the schema, or guessed from legal forms and company words. */
  readonly kind: NameKind;
  /**
   * Where `kind` came from: the schema, signals in the name (a legal form, a company word, a
   * Chinese person-name shape), or a guess (several words and no company word: a person).
   */
  readonly kindFrom: 'schema' | 'signals' | 'guess';
  readonly legalForms: readonly (LegalForm & { readonly text: string })[];
  /** Numbers in the name (ordinals, XPCC division and regiment numbers), sorted, distinct. */
  readonly numbers: readonly number[];
  /** Place codes named (GB/T 2260 prefixes), sorted, distinct. */
  readonly places: readonly string[];
  readonly variants: readonly NameVariant[];
}
