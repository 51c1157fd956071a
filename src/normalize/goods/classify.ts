import rulesTable from './goods-rules.json' with { type: 'json' };
import nomenclature from './hs-keywords.json' with { type: 'json' };
import { type SectorHit, sectorsOfHs } from './sectors.ts';
import { hsTokens } from './tokens.ts';

/**
 * Cargo description → likely HS code and UFLPA sector, in English or Chinese. Two layers:
 * hand-made rules (goods-rules.json: trade wording → HS code, specific beats generic) and, when
 * no rule fires, the HS nomenclature's own words (hs-keywords.json, idf-weighted). Every guess
 * reports the words that decided it.
 */

export interface GoodsGuess {
  /** The most specific code the evidence supports (2, 4 or 6 digits). */
  readonly hsCode: string;
  readonly hsChapter: string;
  readonly hsHeading: string | null;
  /** Strongest exact sector hit of `hsCode`, or null (not a high-priority sector). */
  readonly sector: string | null;
  readonly tier: 'core' | 'downstream' | null;
  /** All exact sector hits (a cable is downstream of both aluminium and copper). */
  readonly sectors: readonly SectorHit[];
  /** 0-1. Rule guesses start around 0.6; nomenclature-only guesses stay below 0.5. */
  readonly confidence: number;
  /** The words of the description that decided it. */
  readonly words: readonly string[];
  readonly via: 'rule' | 'nomenclature';
}

interface Rule {
  readonly hs: string;
  readonly re: RegExp;
  readonly w: number;
}
const RULES: readonly Rule[] = rulesTable.rules.map((r) => ({
  hs: r.hs,
  re: new RegExp(r.re, 'giu'),
  w: r.w,
}));
export const GOODS_RULES_SOURCE: string = rulesTable.source;
const KEYWORDS: Readonly<Record<string, readonly (readonly [string, number])[]>> =
  nomenclature.keywords as unknown as Record<string, [string, number][]>;

/** Lower case, full-width folded, one spelling of aluminium. */
function prepare(text: string): string {
  return text
    .normalize('NFKC')
    .toLowerCase()
    .replace(/aluminum/g, 'aluminium')
    .replace(/[’‘`]/g, "'");
}

interface Candidate {
  score: number;
  words: string[];
  via: 'rule' | 'nomenclature';
}

function bump(
  m: Map<string, Candidate>,
  hs: string,
  score: number,
  words: readonly string[],
  via: Candidate['via'],
) {
  const c = m.get(hs) ?? { score: 0, words: [], via };
  c.score += score;
  for (const w of words) if (!c.words.includes(w)) c.words.push(w);
  m.set(hs, c);
}

/** Ranked guesses (best first, at most `limit`); empty when nothing in the text is recognised. */
export function classifyGoods(description: string, limit = 3): GoodsGuess[] {
  const text = prepare(description);
  const cands = new Map<string, Candidate>();
  for (const r of RULES) {
    r.re.lastIndex = 0;
    const words = [...text.matchAll(r.re)].map((m) => m[0].trim()).filter((w) => w.length > 0);
    if (words.length > 0) bump(cands, r.hs, r.w, words, 'rule');
  }
  // A generic rule (chapter "cotton", heading "steel") lends half its weight to the specific
  // codes below it, so "cotton … yarn" outranks "yarn" alone.
  for (const [hs, c] of [...cands]) {
    for (const [other, oc] of cands)
      if (other !== hs && other.startsWith(hs)) {
        oc.score += c.score / 2;
        for (const w of c.words) if (!oc.words.includes(w)) oc.words.push(w);
      }
  }
  let ranked = [...cands.entries()].sort((a, b) => b[1].score - a[1].score || b[0].length - a[0].length);
  if (ranked.length === 0) ranked = nomenclatureGuesses(text);
  const total = ranked.reduce((s, [, c]) => s + c.score, 0) || 1;
  return ranked.slice(0, limit).map(([hs, c]) => {
    const sectors = sectorsOfHs(hs).filter((h) => h.strength === 'exact');
    const share = c.score / total;
    const base =
      c.via === 'rule' ? Math.min(0.95, 0.45 + 0.2 * c.score) : Math.min(0.45, 0.15 + 0.1 * c.score);
    return {
      hsCode: hs,
      hsChapter: hs.slice(0, 2),
      hsHeading: hs.length >= 4 ? hs.slice(0, 4) : null,
      sector: sectors[0]?.sector ?? null,
      tier: sectors[0]?.tier ?? null,
      sectors,
      confidence: Math.round(base * share * 100) / 100,
      words: c.words,
      via: c.via,
    };
  });
}

function nomenclatureGuesses(text: string): [string, Candidate][] {
  const m = new Map<string, Candidate>();
  for (const t of new Set(hsTokens(text))) {
    for (const [heading, w] of KEYWORDS[t] ?? []) bump(m, heading, w, [t], 'nomenclature');
  }
  return [...m.entries()].sort((a, b) => b[1].score - a[1].score || a[0].localeCompare(b[0]));
}
