import { latinNumber } from './numbers.ts';
import { latinPlaceCode, placeSpellings } from './places.ts';
import {
  BRAND_LATIN,
  CONCEPT_FIRST_WORDS,
  CONCEPTS,
  EN_CONCEPTS,
  FORM_EDGE_WORDS,
  LATIN_FORMS,
  type LegalForm,
  MAX_CONCEPT_TOKENS,
  MAX_FORM_TOKENS,
  NAME_GROUPS,
  PARTICLES,
  STOPWORDS,
} from './tables.ts';
import type { NameToken } from './types.ts';

/** The result of reading a folded Latin token list. */
export interface LatinParse {
  readonly tokens: NameToken[];
  readonly legalForms: (LegalForm & { text: string })[];
  readonly numbers: number[];
  readonly places: string[];
  /** Company words or legal forms were seen: this is an organisation's name. */
  readonly orgSignals: number;
}

function joinSingleLetters(tokens: readonly string[]): string[] {
  // "L.L.C." and "S.R.L." fold to single letters; join a run only if it spells a legal form.
  const out: string[] = [];
  for (let i = 0; i < tokens.length; i++) {
    let j = i;
    while (j < tokens.length && (tokens[j] ?? '').length === 1) j++;
    if (j - i >= 2) {
      const joined = tokens.slice(i, j).join('');
      if (LATIN_FORMS.has(joined)) {
        out.push(joined);
        i = j - 1;
        continue;
      }
    }
    out.push(tokens[i] ?? '');
  }
  return out;
}

function stripForms(tokens: string[], forms: (LegalForm & { text: string })[]): string[] {
  let t = tokens;
  // Strip from the end repeatedly ("Co., Ltd." then "Group"? no: group is a word), then the start
  // ("OOO Grand Star", "PT Indofood"), never leaving the name empty.
  for (let guard = 0; guard < 4; guard++) {
    let hit = false;
    if (!FORM_EDGE_WORDS.has(t[t.length - 1] ?? '')) break;
    for (let n = Math.min(MAX_FORM_TOKENS, t.length - 1); n >= 1; n--) {
      const tail = t.slice(t.length - n).join(' ');
      const f = LATIN_FORMS.get(tail);
      if (f) {
        forms.push({ ...f, text: tail });
        t = t.slice(0, t.length - n);
        hit = true;
        break;
      }
    }
    if (!hit) break;
  }
  const firstIsForm = FORM_EDGE_WORDS.has(t[0] ?? '');
  for (let n = firstIsForm ? Math.min(MAX_FORM_TOKENS, t.length - 1) : 0; n >= 1; n--) {
    const head = t.slice(0, n).join(' ');
    const f = LATIN_FORMS.get(head);
    // "Company X" / "Co X" at the start is rarely a legal form; only strip real forms there.
    if (f && f.id !== 'company' && f.id !== 'inc') {
      forms.push({ ...f, text: head });
      t = t.slice(n);
      break;
    }
  }
  return t;
}

/**
 * Reads folded Latin tokens: legal forms stripped and recorded, company words mapped to concept
 * tokens, numbers and ordinals to number tokens, place spellings to place tokens, the rest kept
 * as words (given-name variants carry their group's canonical spelling as an alternative).
 */
export function parseLatin(raw: readonly string[], person = false): LatinParse {
  const legalForms: (LegalForm & { text: string })[] = [];
  const numbers: number[] = [];
  const places: string[] = [];
  let orgSignals = 0;
  const tokens = stripForms(joinSingleLetters(raw), legalForms);
  orgSignals += legalForms.length;
  const out: NameToken[] = [];
  for (let i = 0; i < tokens.length; i++) {
    const tok = tokens[i] ?? '';
    // Multi-token concepts first ("import and export" is two concepts via expand, "xinjiang
    // production and construction corps" one).
    let matched = false;
    const maxN =
      person || !CONCEPT_FIRST_WORDS.has(tok) ? 1 : Math.min(MAX_CONCEPT_TOKENS, tokens.length - i);
    for (let n = maxN; n >= 2; n--) {
      const phrase = tokens.slice(i, i + n).join(' ');
      const ids = EN_CONCEPTS.get(phrase);
      if (ids) {
        for (const id of ids) out.push(conceptToken(id, phrase));
        orgSignals++;
        i += n - 1;
        matched = true;
        break;
      }
    }
    if (matched) continue;
    // Two-token place spellings ("hong kong", "inner mongolia").
    if (!person && i + 1 < tokens.length) {
      const two = `${tok}${tokens[i + 1]}`;
      const code = latinPlaceCode(two);
      if (code && latinPlaceCode(tok) === null) {
        places.push(code);
        out.push(placeToken(code, two, `${tok} ${tokens[i + 1]}`));
        i++;
        continue;
      }
    }
    const num = latinNumber(tok);
    if (num !== null) {
      numbers.push(num);
      out.push({ text: String(num), kind: 'number', weight: 1, key: `#${num}`, from: tok });
      continue;
    }
    const ids = person ? undefined : EN_CONCEPTS.get(tok);
    if (ids) {
      for (const id of ids) out.push(conceptToken(id, tok));
      if (!ids.includes('china') && !ids.includes('city')) orgSignals++;
      continue;
    }
    const code = !person && tok.length >= 3 ? latinPlaceCode(tok) : null;
    if (code) {
      places.push(code);
      out.push(placeToken(code, tok, tok));
      continue;
    }
    if (STOPWORDS.has(tok) && tokens.length > 1) continue;
    if (tok.length === 1) {
      out.push({ text: tok, kind: 'initial', weight: 0.3, from: tok });
      continue;
    }
    if (PARTICLES.has(tok) && tokens.length > 1) {
      out.push({ text: tok, kind: 'particle', weight: 0.2, from: tok });
      continue;
    }
    const brand = BRAND_LATIN.get(tok);
    if (brand) {
      out.push({ text: tok, kind: 'word', weight: 1, alts: brand, from: tok });
      continue;
    }
    const canon = NAME_GROUPS.get(tok);
    out.push(
      canon && canon !== tok
        ? { text: tok, kind: 'word', weight: 1, alts: [canon], from: tok }
        : { text: tok, kind: 'word', weight: 1, from: tok },
    );
  }
  return { tokens: out, legalForms, numbers, places, orgSignals };
}

/** A concept token: compares by concept id. */
export function conceptToken(id: string, from: string, alts?: readonly string[]): NameToken {
  const weight = CONCEPTS.get(id)?.weight ?? 0.3;
  return alts && alts.length > 0
    ? { text: id.replace(/ /g, ''), kind: 'concept', weight, key: `c:${id}`, alts, from }
    : { text: id.replace(/ /g, ''), kind: 'concept', weight, key: `c:${id}`, from };
}

/** A place token: compares by place code, shows its first spelling. */
export function placeToken(code: string, text: string, from: string): NameToken {
  const alts = placeSpellings(code).filter((s) => s !== text);
  return { text, kind: 'place', weight: 0.5, key: `p:${code}`, alts, from };
}
