/**
 * Check characters of Chinese identifiers (pure arithmetic, shared by parsers and the test
 * generators). See ../shared/docs/domain.md section 4.
 */

/** GB 32100-2015 alphabet: digits and capitals without I O S V Z; value = index. */
export const USCC_ALPHABET = '0123456789ABCDEFGHJKLMNPQRTUWXY';
/** Weights 3^i mod 31 for positions 1-17. */
const USCC_WEIGHTS = [1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28] as const;

/** The USCC check character for the first 17 characters, or null if one is outside the alphabet. */
export function usccCheckChar(first17: string): string | null {
  if (first17.length !== 17) return null;
  let sum = 0;
  for (let i = 0; i < 17; i++) {
    const v = USCC_ALPHABET.indexOf(first17.charAt(i));
    if (v < 0) return null;
    sum += v * (USCC_WEIGHTS[i] ?? 0);
  }
  const c = (31 - (sum % 31)) % 31;
  return USCC_ALPHABET.charAt(c);
}

const ORG_WEIGHTS = [3, 7, 9, 10, 5, 8, 4, 2] as const;
/**
 * GB 11714 organisation-code check character for its 8-character body (0-9 A-Z, A = 10),
 * or null when the body has another character.
 */
export function orgCodeCheckChar(body8: string): string | null {
  if (body8.length !== 8) return null;
  let sum = 0;
  for (let i = 0; i < 8; i++) {
    const ch = body8.charAt(i);
    const v = /[0-9]/.test(ch) ? Number(ch) : /[A-Z]/.test(ch) ? ch.charCodeAt(0) - 55 : -1;
    if (v < 0) return null;
    sum += v * (ORG_WEIGHTS[i] ?? 0);
  }
  const c = 11 - (sum % 11);
  return c === 10 ? 'X' : c === 11 ? '0' : String(c);
}

const ID_WEIGHTS = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2] as const;
const ID_RESULT = '10X98765432';
/** GB 11643 resident identity number check character for its first 17 digits, or null. */
export function residentIdCheckChar(first17: string): string | null {
  if (!/^\d{17}$/.test(first17)) return null;
  let sum = 0;
  for (let i = 0; i < 17; i++) sum += Number(first17.charAt(i)) * (ID_WEIGHTS[i] ?? 0);
  return ID_RESULT.charAt(sum % 11);
}
