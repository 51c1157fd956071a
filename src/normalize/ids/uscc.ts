import { type DivisionName, decodeDivision } from '../places/divisions.ts';
import { orgCodeCheckChar, USCC_ALPHABET, usccCheckChar } from './check-chars.ts';
import table from './uscc-codes.json' with { type: 'json' };

/** Unified Social Credit Codes (统一社会信用代码, GB 32100-2015): validation and decoding. */

export interface CodeName {
  readonly code: string;
  readonly zh: string;
  readonly en: string;
}

export interface UsccRegion {
  /** The 6-digit division code of the registering authority (positions 3-8). */
  readonly code: string;
  readonly province: DivisionName | null;
  readonly prefecture: DivisionName | null;
  readonly county: DivisionName | null;
  /** False when the code is in neither current nor historic tables (reported, not rejected). */
  readonly known: boolean;
}

export interface ParsedUscc {
  /** The code as parsed (trimmed, upper-cased, full-width folded). */
  readonly code: string;
  /** Well-formed and the check character agrees. */
  readonly valid: boolean;
  readonly errors: readonly string[];
  /** Doubts that do not invalidate: failed organisation-code check, unknown division or category. */
  readonly warnings: readonly string[];
  readonly authority: CodeName | null;
  readonly category: CodeName | null;
  readonly region: UsccRegion | null;
  /** The organisation code (positions 9-17) as usually written, `70162012-2`. */
  readonly orgCode: string | null;
  /** Registered in Xinjiang (division 65xxxx). */
  readonly xinjiang: boolean;
  /** Registered in an XPCC-run city (6590xx). */
  readonly xpcc: boolean;
  /** The XPCC division (师) that runs the registering city, for 6590xx. */
  readonly xpccDivision: number | null;
}

export const USCC_SOURCE: string = table.source;

const AUTHORITIES = new Map(table.authorities.map((a) => [a.code, a]));

/** Trims, folds full-width forms and removes inner spaces/hyphens people type into codes. */
export function cleanIdentifier(raw: string): string {
  return raw
    .normalize('NFKC')
    .replace(/[\s\-‐－]/g, '')
    .toUpperCase();
}

/**
 * Validates and decodes a USCC. Never throws: malformed input comes back with `valid: false`
 * and the reasons in `errors`.
 */
export function parseUscc(raw: string): ParsedUscc {
  const code = cleanIdentifier(raw);
  const errors: string[] = [];
  const warnings: string[] = [];
  const empty = {
    code,
    authority: null,
    category: null,
    region: null,
    orgCode: null,
    xinjiang: false,
    xpcc: false,
    xpccDivision: null,
  };
  if (code.length !== 18) {
    errors.push(`length ${code.length}, expected 18`);
    return { ...empty, valid: false, errors, warnings };
  }
  const bad = [...code].findIndex((ch) => !USCC_ALPHABET.includes(ch));
  if (bad >= 0) {
    errors.push(`character ${bad + 1} '${code.charAt(bad)}' is not in the USCC alphabet (no I O S V Z)`);
    return { ...empty, valid: false, errors, warnings };
  }
  const expected = usccCheckChar(code.slice(0, 17));
  if (expected !== code.charAt(17)) {
    errors.push(`check character '${code.charAt(17)}' should be '${expected}'`);
  }
  if (!/^\d{6}$/.test(code.slice(2, 8))) errors.push('positions 3-8 must be a 6-digit division code');

  const a = AUTHORITIES.get(code.charAt(0));
  const authority = a ? { code: a.code, zh: a.zh, en: a.en } : null;
  if (!a) warnings.push(`unknown registration authority '${code.charAt(0)}'`);
  const c = a?.categories.find((x) => x.code === code.charAt(1));
  const category = c ? { code: code.slice(0, 2), zh: c.zh, en: c.en } : null;
  if (a && !c) warnings.push(`unknown entity category '${code.slice(0, 2)}'`);

  const orgBody = code.slice(8, 16);
  const orgCheck = orgCodeCheckChar(orgBody);
  if (orgCheck !== code.charAt(16)) {
    warnings.push(
      `organisation code ${orgBody}-${code.charAt(16)} fails its GB 11714 check (expected '${orgCheck ?? '?'}')`,
    );
  }

  let region: UsccRegion | null = null;
  let xinjiang = false;
  let xpcc = false;
  let xpccDivision: number | null = null;
  if (/^\d{6}$/.test(code.slice(2, 8))) {
    const d = decodeDivision(code.slice(2, 8));
    region = {
      code: d.code,
      province: d.province,
      prefecture: d.prefecture,
      county: d.county,
      known: d.known,
    };
    if (!d.known) warnings.push(`division code ${d.code} is not in the current or historic tables`);
    for (const part of [d.prefecture, d.county])
      if (part?.historic)
        warnings.push(
          `division ${part.code} is historic (until ${part.historic.until}, now ${part.historic.now})`,
        );
    xinjiang = d.xinjiang;
    xpcc = d.xpcc;
    xpccDivision = d.xpccDivision;
  }
  return {
    code,
    valid: errors.length === 0,
    errors,
    warnings,
    authority,
    category,
    region,
    orgCode: `${orgBody}-${code.charAt(16)}`,
    xinjiang,
    xpcc,
    xpccDivision,
  };
}

/** Whether `raw` is a USCC with a correct check character (cheap; no decoding). */
export function isValidUscc(raw: string): boolean {
  const code = cleanIdentifier(raw);
  return (
    code.length === 18 &&
    /^\d{6}$/.test(code.slice(2, 8)) &&
    usccCheckChar(code.slice(0, 17)) === code.charAt(17)
  );
}

// An 18-character run in the USCC alphabet whose positions 3-8 are digits. Runs are taken whole
// (ASCII alphanumerics) so a code is never cut out of a longer serial number.
const RUN = /[0-9A-Za-z]+/g;

/**
 * Every valid USCC in free text, in order of appearance, without duplicates: identifier fields,
 * "Reg. No.: 91650100…", Chinese running text (统一社会信用代码91650100…). A longer
 * alphanumeric run counts only when it is a short label glued to the code ("USCC91…", "No91…").
 */
export function findUsccs(text: string): string[] {
  const found: string[] = [];
  const norm = text.normalize('NFKC');
  for (const m of norm.matchAll(RUN)) {
    const run = m[0].toUpperCase();
    let candidate: string | null = null;
    if (run.length === 18) candidate = run;
    else if (run.length > 18 && run.length <= 24 && /^[A-Z]+$/.test(run.slice(0, run.length - 18)))
      candidate = run.slice(-18);
    if (candidate && isValidUscc(candidate) && !found.includes(candidate)) found.push(candidate);
  }
  return found;
}

/** Builds a valid USCC from its parts (computes both check characters): for tests and fixtures. */
export function makeUscc(parts: {
  readonly authority?: string;
  readonly category?: string;
  readonly division: string;
  /** 8 characters 0-9 A-Z (the organisation-code body). */
  readonly org: string;
}): string {
  const orgCheck = orgCodeCheckChar(parts.org);
  if (orgCheck === null || !/^\d{6}$/.test(parts.division))
    throw new Error('makeUscc: bad division or org body');
  const first17 = `${parts.authority ?? '9'}${parts.category ?? '1'}${parts.division}${parts.org}${orgCheck}`;
  const check = usccCheckChar(first17);
  if (check === null) throw new Error(`makeUscc: ${first17} has characters outside the USCC alphabet`);
  return first17 + check;
}
