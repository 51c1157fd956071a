import { type DecodedDivision, decodeDivision } from '../places/divisions.ts';
import { residentIdCheckChar } from './check-chars.ts';
import { cleanIdentifier } from './uscc.ts';

/** Chinese resident identity numbers (居民身份证号码, GB 11643): validation and decoding. */

export interface ParsedResidentId {
  readonly id: string;
  /** Check character agrees (18 digits) or well-formed legacy 15-digit number, and a real birth date. */
  readonly valid: boolean;
  readonly errors: readonly string[];
  readonly warnings: readonly string[];
  /** ISO date of birth, when the date part is a real date. */
  readonly birthDate: string | null;
  readonly sex: 'male' | 'female' | null;
  /** The birth-registration division (positions 1-6), decoded with historic codes. */
  readonly region: DecodedDivision | null;
  readonly xinjiang: boolean;
  /** `legacy15`: the pre-1999 15-digit form (2-digit year, no check character). */
  readonly format: 'gb11643' | 'legacy15' | null;
}

function isoDate(y: number, m: number, d: number): string | null {
  const dt = new Date(Date.UTC(y, m - 1, d));
  if (dt.getUTCFullYear() !== y || dt.getUTCMonth() !== m - 1 || dt.getUTCDate() !== d) return null;
  return dt.toISOString().slice(0, 10);
}

/** Parses an identity number as found in records ("653225197110100533", "65322519711010053x"). */
export function parseResidentId(raw: string): ParsedResidentId {
  const id = cleanIdentifier(raw);
  const errors: string[] = [];
  const warnings: string[] = [];
  let format: ParsedResidentId['format'] = null;
  let date: string | null = null;
  let seq: string | null = null;
  if (/^\d{17}[\dX]$/.test(id)) {
    format = 'gb11643';
    const expected = residentIdCheckChar(id.slice(0, 17));
    if (expected !== id.charAt(17)) errors.push(`check character '${id.charAt(17)}' should be '${expected}'`);
    date = isoDate(Number(id.slice(6, 10)), Number(id.slice(10, 12)), Number(id.slice(12, 14)));
    seq = id.slice(14, 17);
  } else if (/^\d{15}$/.test(id)) {
    format = 'legacy15';
    warnings.push('legacy 15-digit number: no check character, 2-digit year read as 19xx');
    date = isoDate(1900 + Number(id.slice(6, 8)), Number(id.slice(8, 10)), Number(id.slice(10, 12)));
    seq = id.slice(12, 15);
  } else {
    errors.push(`expected 18 characters (17 digits and a digit or X) or 15 digits, got '${id}'`);
  }
  if (format && date === null) errors.push('positions 7-14 are not a real date of birth');
  const region = format ? decodeDivision(id.slice(0, 6)) : null;
  if (region && !region.known)
    warnings.push(`division code ${region.code} is not in the current or historic tables`);
  return {
    id,
    valid: format !== null && errors.length === 0,
    errors,
    warnings,
    birthDate: date,
    sex: seq === null ? null : Number(seq) % 2 === 1 ? 'male' : 'female',
    region,
    xinjiang: region?.xinjiang ?? false,
    format,
  };
}

/** Builds a valid 18-digit identity number from division, birth date (YYYYMMDD) and sequence. For tests. */
export function makeResidentId(division: string, birth: string, sequence: string): string {
  const first17 = `${division}${birth}${sequence}`;
  const check = residentIdCheckChar(first17);
  if (check === null) throw new Error(`makeResidentId: ${first17} is not 17 digits`);
  return first17 + check;
}

// 18-digit (or 17 + X) runs not glued to other digits: OFAC "National ID No. 653225197110100533".
const ID_RUN = /(?<![0-9A-Za-z])\d{17}[\dXx](?![0-9A-Za-z])/g;

/** Valid 18-character identity numbers in free text, in order, without duplicates. */
export function findResidentIds(text: string): string[] {
  const out: string[] = [];
  for (const m of text.normalize('NFKC').matchAll(ID_RUN)) {
    const p = parseResidentId(m[0]);
    if (p.valid && !out.includes(p.id)) out.push(p.id);
  }
  return out;
}
