import { isValidUscc } from '../normalize/index.ts';

/**
 * Identifier checks the matcher needs to call an identifier decisive: a USCC (GB 32100-2015,
 * validated by normalize/ids, the one implementation of its check character) or an LEI (ISO
 * 17442, checked here: normalize has no LEI yet) whose check characters verify. Other
 * identifiers (list ids, registration numbers) are compared as normalised strings and count as
 * strong but not decisive evidence.
 */

/** Upper case, spaces, dots and dashes removed. */
export function normalizeIdentifier(raw: string): string {
  return raw
    .normalize('NFKC')
    .toUpperCase()
    .replace(/[\s.\-/]/g, '');
}

/** Whether `id` (normalised) is a 20-character LEI passing the ISO 7064 MOD 97-10 check. */
export function isValidLei(id: string): boolean {
  if (!/^[0-9A-Z]{18}[0-9]{2}$/.test(id)) return false;
  let rem = 0;
  for (const ch of id) {
    const v = ch >= 'A' ? ch.charCodeAt(0) - 55 : ch.charCodeAt(0) - 48;
    rem = v >= 10 ? (rem * 100 + v) % 97 : (rem * 10 + v) % 97;
  }
  return rem === 1;
}

export type IdScheme = 'uscc' | 'lei' | 'other';

/** The scheme of a normalised identifier: a valid USCC or LEI, or anything else. */
export function identifierScheme(id: string): IdScheme {
  if (id.length === 18 && isValidUscc(id)) return 'uscc';
  if (id.length === 20 && isValidLei(id)) return 'lei';
  return 'other';
}

export interface IdComparison {
  readonly kind: 'decisive' | 'agree' | 'conflict' | 'none';
  readonly detail: string;
}

/**
 * Compares two identifier sets: a shared valid USCC/LEI is decisive, any other shared identifier
 * agrees, and two different valid USCCs (or LEIs) with none shared conflict.
 */
export function compareIdentifiers(a: readonly string[], b: readonly string[]): IdComparison {
  if (a.length === 0 || b.length === 0) return { kind: 'none', detail: '' };
  const na = a.map(normalizeIdentifier).filter((x) => x.length >= 4);
  const nb = new Set(b.map(normalizeIdentifier).filter((x) => x.length >= 4));
  for (const x of na) {
    if (!nb.has(x)) continue;
    const scheme = identifierScheme(x);
    if (scheme !== 'other') return { kind: 'decisive', detail: `same valid ${scheme.toUpperCase()} ${x}` };
  }
  for (const x of na) if (nb.has(x)) return { kind: 'agree', detail: `same identifier ${x}` };
  for (const scheme of ['uscc', 'lei'] as const) {
    const sa = na.filter((x) => identifierScheme(x) === scheme);
    const sb = [...nb].filter((x) => identifierScheme(x) === scheme);
    if (sa.length > 0 && sb.length > 0) {
      return { kind: 'conflict', detail: `different valid ${scheme.toUpperCase()}s ${sa[0]} / ${sb[0]}` };
    }
  }
  return { kind: 'none', detail: 'no shared identifier' };
}
