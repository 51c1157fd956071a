import {
  COMPOUND_FIRST,
  GENERATIONS,
  NAME_GROUPS,
  PARTICLES,
  PATRONYMIC_SUFFIXES,
  PATRONYMIC_WORDS,
  TITLES,
} from './tables.ts';
import type { NameToken } from './types.ts';

/**
 * Persons' names: the tokens of a folded name in the order the name is written (given names
 * first once "SURNAME, Given" has been turned round), with titles dropped, Arabic "Abd al-X"
 * read as one name, particles (al, bin, van…), initials, patronymics and generation suffixes
 * told apart from the name words, and given-name variants carrying their group's spelling.
 */

// "Abd al-Aziz", "Abdel Aziz", "Abdulaziz" and عبد العزيز are one name: "abd" fused with the
// following word. "Abdullah" (Abd Allah) stays whole: it is a name of its own in every list.
const ABD_WORDS = new Set(['abd', 'abdel', 'abdul', 'abdal', 'abdoul', 'abdol', 'abdu', 'abdur', 'abdel']);
const ABD_PREFIX = /^(abdel|abdul|abdal|abdoul|abdol|abdur|abdu|abd)([a-z]{4,})$/;
const ARTICLES = new Set(['al', 'el', 'ul', 'ol', 'ar', 'as', 'ad', 'an', 'at', 'az', 'ash', 'ur']);

function fuseAbd(raw: readonly string[]): string[] {
  const out: string[] = [];
  for (let i = 0; i < raw.length; i++) {
    const t = raw[i] ?? '';
    if (ABD_WORDS.has(t) && i + 1 < raw.length) {
      let j = i + 1;
      if (ARTICLES.has(raw[j] ?? '') && j + 1 < raw.length) j++;
      const next = raw[j] ?? '';
      if (next.length >= 3 && !PARTICLES.has(next)) {
        out.push(`abd${next}`);
        i = j;
        continue;
      }
    }
    const m = ABD_PREFIX.exec(t);
    if (m && !NAME_GROUPS.has(t)) {
      out.push(`abd${m[2]}`);
      continue;
    }
    out.push(t);
  }
  return out;
}

function looksPatronymic(t: string): boolean {
  return t.length >= 6 && PATRONYMIC_SUFFIXES.some((s) => t.endsWith(s));
}

/**
 * Reads the folded tokens of a person's name. Patronymics: a -vich/-vna word that is not the
 * first of three or more words (the last -vich word of "Roman Arkadyevich Abramovich" is the
 * surname), or a word followed by oglu/kyzy.
 */
export function personTokens(raw: readonly string[]): NameToken[] {
  const kept = fuseAbd(raw.filter((t) => !(TITLES.has(t) && raw.length > 1)));
  const words = kept.filter((t) => t.length > 1 && !PARTICLES.has(t) && !GENERATIONS.has(t));
  const patronymicAt = new Set<number>();
  if (words.length >= 3) {
    const cands: number[] = [];
    kept.forEach((t, i) => {
      if (i > 0 && looksPatronymic(t)) cands.push(i);
    });
    // Two candidates: the last one is the surname (Arkadyevich Abramovich).
    const lastWord = kept.findLastIndex((t) => t.length > 1 && !PARTICLES.has(t));
    for (const i of cands) if (!(cands.length > 1 && i === lastWord)) patronymicAt.add(i);
  }
  kept.forEach((t, i) => {
    if (PATRONYMIC_WORDS.has(t) && i > 0) patronymicAt.add(i - 1);
  });
  const out: NameToken[] = [];
  kept.forEach((t, i) => {
    if (t.length === 1) {
      out.push({ text: t, kind: 'initial', weight: 0.5, from: t });
      return;
    }
    if ((PARTICLES.has(t) || PATRONYMIC_WORDS.has(t) || GENERATIONS.has(t)) && kept.length > 1) {
      out.push({ text: t, kind: 'particle', weight: 0, from: t });
      return;
    }
    if (patronymicAt.has(i)) {
      out.push({ text: t, kind: 'patronymic', weight: 0.3, from: t });
      return;
    }
    const canon = NAME_GROUPS.get(t);
    out.push(
      canon && canon !== t
        ? { text: t, kind: 'word', weight: 1, alts: [canon], from: t }
        : { text: t, kind: 'word', weight: 1, from: t },
    );
  });
  return out;
}

/** Whether a person's first name commonly precedes the name they go by (Mohammad Javad). */
export function isCompoundFirst(t: NameToken): boolean {
  return COMPOUND_FIRST.has(t.text) || (t.alts?.some((a) => COMPOUND_FIRST.has(a)) ?? false);
}
