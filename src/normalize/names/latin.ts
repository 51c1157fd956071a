import { latinNumber } from './numbers.ts';
import { personTokens } from './person.ts';
import { latinPlaceCode, placeSpellings } from './places.ts';
import {
  BRAND_LATIN,
  CONCEPT_FIRST_WORDS,
  CONCEPTS,
  EN_CONCEPTS,
  FORM_EDGE_WORDS,
  FORM_FIRST_WORDS,
  LATIN_FORMS,
  type LegalForm,
  MAX_CONCEPT_TOKENS,
  MAX_FORM_TOKENS,
  NAME_GROUPS,
  PARTICLES,
  PLACE_LIKE_CONCEPTS,
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

// "L.L.C.", "S.A.", "S.R.L." fold to single letters: a run that spells a legal form is that form,
// wherever it stands ("Banco de Venezuela, S.A. Banco Universal"), and leaves the name.
function joinSingleLetters(tokens: readonly string[], forms: (LegalForm & { text: string })[]): string[] {
  const out: string[] = [];
  for (let i = 0; i < tokens.length; i++) {
    let j = i;
    while (j < tokens.length && (tokens[j] ?? '').length === 1) j++;
    if (j - i >= 2) {
      const joined = tokens.slice(i, j).join('');
      const f = LATIN_FORMS.get(joined);
      if (f && j - i < tokens.length) {
        forms.push({ ...f, text: joined });
        i = j - 1;
        continue;
      }
    }
    out.push(tokens[i] ?? '');
  }
  return out;
}

const START_WORDS_NOT_FORMS = new Set(['company', 'co', 'corporation', 'corp', 'inc']);
// Legal-form words that are never part of a distinctive name, wherever they stand ("Oil Company
// Lukoil", "Oil Transporting Joint Stock Company Transneft").
const FORM_WORDS_ANYWHERE = new Set([
  'company',
  'corporation',
  'limited',
  'ltd',
  'llc',
  'jsc',
  'pjsc',
  'ojsc',
  'cjsc',
  'ooo',
  'oao',
  'zao',
  'pao',
  'gmbh',
  'plc',
  'inc',
  'corp',
  'co',
]);

// Glued company words at the end of a single-word name: Sberbank, Rosneft, Lukoil, Sovcomflot.
const ORG_SUFFIXES = [
  'bank',
  'neft',
  'prom',
  'flot',
  'oil',
  'gaz',
  'zavod',
  'stroy',
  'stroi',
  'tech',
  'tek',
  'tec',
  'export',
  'trans',
  'invest',
  'holding',
  'energo',
  'atom',
  'mash',
  'khim',
  'chem',
  'telecom',
  'soft',
  'group',
  'trade',
  'trading',
  'logistics',
];

/** Whether a folded word is a glued company name (Sberbank, Gazprom, Uralvagonzavod). */
export function looksLikeCompanyWord(w: string): boolean {
  return ORG_SUFFIXES.some((s) => w.length >= s.length + 3 && w.endsWith(s));
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
  // Then the start ("OOO Grand Star", "PAO NK Rosneft", "Public Joint Stock Company Gazprom"),
  // never leaving the name empty. A bare "Company"/"Co"/"Corporation" at the start is part of
  // the name (Company X), not its form.
  for (let guard = 0; guard < 3; guard++) {
    if (!FORM_EDGE_WORDS.has(t[0] ?? '')) break;
    let hit = false;
    for (let n = Math.min(MAX_FORM_TOKENS, t.length - 1); n >= 1; n--) {
      const head = t.slice(0, n).join(' ');
      const f = LATIN_FORMS.get(head);
      if (f && !(n === 1 && START_WORDS_NOT_FORMS.has(head))) {
        forms.push({ ...f, text: head });
        t = t.slice(n);
        hit = true;
        break;
      }
    }
    if (!hit) break;
  }
  // Then forms inside the name: multi-word ones anywhere, single words from a safe list.
  if (t.length > 2) {
    const kept: string[] = [];
    for (let i = 0; i < t.length; i++) {
      let hit = false;
      const maxN = FORM_FIRST_WORDS.has(t[i] ?? '') ? Math.min(MAX_FORM_TOKENS, t.length - i) : 1;
      for (let n = maxN; n >= 2; n--) {
        const phrase = t.slice(i, i + n).join(' ');
        const f = LATIN_FORMS.get(phrase);
        if (f && kept.length + (t.length - i - n) > 0) {
          forms.push({ ...f, text: phrase });
          i += n - 1;
          hit = true;
          break;
        }
      }
      if (hit) continue;
      const w = t[i] ?? '';
      const f = FORM_WORDS_ANYWHERE.has(w) ? LATIN_FORMS.get(w) : undefined;
      if (f && t.length > 1) {
        forms.push({ ...f, text: w });
        continue;
      }
      kept.push(w);
    }
    if (kept.length > 0) t = kept;
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
  if (person) {
    const tokens = stripForms(joinSingleLetters(raw, legalForms), legalForms);
    return { tokens: personTokens(tokens), legalForms, numbers, places, orgSignals: legalForms.length };
  }
  // The Arabic article weighs nothing in an organisation's name and would hide a legal form
  // behind it (الشركة "al shrka" = the company).
  const bare = raw.length > 1 ? raw.filter((t) => t !== 'al' && t !== 'el') : raw;
  const tokens = stripForms(joinSingleLetters(bare.length > 0 ? bare : raw, legalForms), legalForms);
  orgSignals += legalForms.length;
  const out: NameToken[] = [];
  for (let i = 0; i < tokens.length; i++) {
    const tok = tokens[i] ?? '';
    // Multi-token concepts first ("import and export" is two concepts via expand, "xinjiang
    // production and construction corps" one).
    let matched = false;
    const maxN = !CONCEPT_FIRST_WORDS.has(tok) ? 1 : Math.min(MAX_CONCEPT_TOKENS, tokens.length - i);
    for (let n = maxN; n >= 2; n--) {
      const phrase = tokens.slice(i, i + n).join(' ');
      const ids = EN_CONCEPTS.get(phrase);
      if (ids) {
        for (const id of ids) out.push(conceptToken(id, phrase));
        if (!ids.every((id) => PLACE_LIKE_CONCEPTS.has(id))) orgSignals++;
        i += n - 1;
        matched = true;
        break;
      }
    }
    if (matched) continue;
    // Two-token place spellings ("hong kong", "inner mongolia").
    if (i + 1 < tokens.length) {
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
    const ids = EN_CONCEPTS.get(tok);
    if (ids) {
      for (const id of ids) out.push(conceptToken(id, tok));
      if (!ids.every((id) => PLACE_LIKE_CONCEPTS.has(id))) orgSignals++;
      continue;
    }
    const code = tok.length >= 3 ? latinPlaceCode(tok) : null;
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
      out.push({ text: tok, kind: 'particle', weight: 0, from: tok });
      continue;
    }
    if (looksLikeCompanyWord(tok)) orgSignals++;
    // Brand spellings, and the group spelling of a given name inside an organisation's name
    // (Jaish-e-Muhammad / Jaish-e-Mohammed).
    const brand = BRAND_LATIN.get(tok);
    const canon = NAME_GROUPS.get(tok);
    const alts = [...(brand ?? []), ...(canon && canon !== tok ? [canon] : [])];
    out.push(
      alts.length > 0
        ? { text: tok, kind: 'word', weight: 1, alts, from: tok }
        : { text: tok, kind: 'word', weight: 1, from: tok },
    );
  }
  // "Air Airlines", "Shipping Lines": one concept said twice in a row is said once.
  const tokensOut = out.filter(
    (t, i) => t.kind !== 'concept' || t.key === undefined || out[i - 1]?.key !== t.key,
  );
  return { tokens: tokensOut, legalForms, numbers, places, orgSignals };
}

/** A concept token: compares by concept id. */
export function conceptToken(id: string, from: string, alts?: readonly string[]): NameToken {
  const weight = CONCEPTS.get(id)?.weight ?? 0.3;
  const text = id.replace(/ /g, '');
  // The words it was read from stay comparable: a Persian ملی read as "national" still meets
  // the Latin "Melli" of "Bank Melli".
  const src = from.replace(/ /g, '');
  const all = [...(alts ?? []), ...(src !== text && /^[a-z]+$/.test(src) ? [src] : [])];
  return all.length > 0
    ? { text, kind: 'concept', weight, key: `c:${id}`, alts: all, from }
    : { text, kind: 'concept', weight, key: `c:${id}`, from };
}

/** A place token: compares by place code, shows its first spelling. */
export function placeToken(code: string, text: string, from: string): NameToken {
  const alts = placeSpellings(code).filter((s) => s !== text);
  return { text, kind: 'place', weight: 0.5, key: `p:${code}`, alts, from };
}
