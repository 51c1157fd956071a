/**
 * Cell-level value parsers shared by the tabular formats. Each returns a value, `null` for an
 * empty cell, or `undefined` when the text is present but unparseable (the row is then
 * rejected with a reason by its parser: a bad value is never guessed into a good one).
 */

const NULL_TOKENS = new Set(['', '-', '--', '-0-', 'n/a', 'na', 'null', 'none', 'nil', '#n/a', 'unknown']);

/** The longest spelling in NULL_TOKENS: a longer cell is a value (checked without copying it). */
const NULL_TOKEN_MAX = Math.max(...[...NULL_TOKENS].map((t) => t.length));

/** Whether a cell is one of the usual spellings of "no value". */
export function isNullToken(raw: string): boolean {
  if (raw.length > NULL_TOKEN_MAX) {
    const t = raw.trim();
    return t.length <= NULL_TOKEN_MAX && NULL_TOKENS.has(t.toLowerCase());
  }
  return NULL_TOKENS.has(raw.trim().toLowerCase());
}

const MONTHS: Readonly<Record<string, number>> = {
  jan: 1,
  feb: 2,
  mar: 3,
  apr: 4,
  may: 5,
  jun: 6,
  jul: 7,
  aug: 8,
  sep: 9,
  sept: 9,
  oct: 10,
  nov: 11,
  dec: 12,
};

function monthOf(name: string): number | undefined {
  const k = name.toLowerCase().replace(/\.$/, '');
  return MONTHS[k] ?? MONTHS[k.slice(0, 3)];
}

function iso(y: number, m: number, d: number): string | undefined {
  if (m < 1 || m > 12 || d < 1 || d > 31 || y < 1000 || y > 2999) return undefined;
  const dt = new Date(Date.UTC(y, m - 1, d));
  if (dt.getUTCMonth() !== m - 1) return undefined; // 31 April and the like
  return `${y}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`;
}

const RE_ISO = /^(\d{4})[-/.](\d{1,2})[-/.](\d{1,2})(?:[T ][\d:.]+(?:Z|[+-]\d{2}:?\d{2})?)?$/;
const RE_COMPACT = /^(\d{4})(\d{2})(\d{2})$/;
const RE_US = /^(\d{1,2})\/(\d{1,2})\/(\d{4})$/;
const RE_EU = /^(\d{1,2})\.(\d{1,2})\.(\d{4})$/;
const RE_DMY_NAME = /^(\d{1,2})[\s-]+([A-Za-z]{3,9}\.?)[\s-,]+(\d{4})$/;
const RE_MDY_NAME = /^([A-Za-z]{3,9}\.?)\s+(\d{1,2}),?\s+(\d{4})$/;
const RE_ZH = /^(\d{4})年(\d{1,2})月(\d{1,2})日$/;

/**
 * A calendar date as ISO `YYYY-MM-DD`. Accepts ISO (with an optional time), `YYYYMMDD`,
 * `YYYY/MM/DD`, US `MM/DD/YYYY` (slashes are read month first, as on US customs records),
 * `DD.MM.YYYY`, `21 Jun 2022`, `29-Aug-2022`, `June 21, 2022`, `2022年6月21日`.
 */
export function parseDate(raw: string): string | null | undefined {
  const s = raw.trim().replace(/\s+/g, ' ');
  if (isNullToken(s)) return null;
  let m = RE_ISO.exec(s) ?? RE_COMPACT.exec(s) ?? RE_ZH.exec(s);
  if (m) return iso(Number(m[1]), Number(m[2]), Number(m[3]));
  m = RE_US.exec(s);
  if (m) return iso(Number(m[3]), Number(m[1]), Number(m[2]));
  m = RE_EU.exec(s);
  if (m) return iso(Number(m[3]), Number(m[2]), Number(m[1]));
  m = RE_DMY_NAME.exec(s);
  if (m) {
    const mo = monthOf(m[2] ?? '');
    return mo ? iso(Number(m[3]), mo, Number(m[1])) : undefined;
  }
  m = RE_MDY_NAME.exec(s);
  if (m) {
    const mo = monthOf(m[1] ?? '');
    return mo ? iso(Number(m[3]), mo, Number(m[2])) : undefined;
  }
  return undefined;
}

/**
 * A partial date as FtM writes them: `YYYY`, `YYYY-MM` or `YYYY-MM-DD` (OFAC's "Jan 1962",
 * "1936", "circa 1951", "10 Dec 1948").
 */
export function parsePartialDate(raw: string): string | undefined {
  const s = raw
    .trim()
    .replace(/^circa\s+/i, '')
    .replace(/\s+/g, ' ');
  if (/^\d{4}$/.test(s)) return s;
  const my = /^([A-Za-z]{3,9})\.? (\d{4})$/.exec(s);
  if (my) {
    const mo = monthOf(my[1] ?? '');
    return mo ? `${my[2]}-${String(mo).padStart(2, '0')}` : undefined;
  }
  return parseDate(s) ?? undefined;
}

/** A number written with optional thousands separators (`1,234.5`, `1 234`), or null/undefined. */
/** A plain decimal (`3815.8`, `-12`): most cells of a numeric column, read without the slow path. */
const PLAIN_DECIMAL = /^-?\d{1,15}(?:\.\d{1,15})?$/;

export function parseNumber(raw: string): number | null | undefined {
  if (PLAIN_DECIMAL.test(raw)) return Number(raw);
  const s = raw.trim();
  if (isNullToken(s)) return null;
  const t = s.replace(/(\d)[,\s'](?=\d{3}(?:\D|$))/g, '$1');
  if (!/^[-+]?(?:\d+\.?\d*|\.\d+)(?:e[-+]?\d+)?$/i.test(t)) return undefined;
  const n = Number(t);
  return Number.isFinite(n) ? n : undefined;
}

/**
 * A share in percent, 0-100: `41.30%`, `41.3`, `41,30 %`. A bare number is read as percent
 * (the column says so); a range or words give `undefined` — never a guess.
 */
export function parsePercent(raw: string): number | null | undefined {
  const s = raw.trim().replace(/％/g, '%');
  if (isNullToken(s)) return null;
  const body = s.replace(/\s*%$/, '').replace(/^(\d+),(\d+)$/, '$1.$2');
  const n = parseNumber(body);
  if (n == null) return n;
  if (n < 0 || n > 100) return undefined;
  return n;
}

/**
 * A stable key from a name: NFKC, lower case, every run of characters other than letters and
 * digits (any script) becomes one `-`. "Hoshine Silicon Industry (Shanshan) Co., Ltd" →
 * `hoshine-silicon-industry-shanshan-co-ltd`; Chinese names keep their characters.
 */
export function slug(name: string): string {
  return name
    .normalize('NFKC')
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 200);
}

/** Whitespace (incl. no-break spaces and line breaks) collapsed to single spaces, trimmed. */
export function cleanText(s: string): string {
  return s.replace(/[\s\u00a0\u3000]+/g, ' ').trim();
}

const COMPANY_WORDS =
  /\b(co|company|corp|corporation|inc|incorporated|ltd|limited|llc|plc|gmbh|ag|sa|s\.a|bv|jsc|ojsc|pjsc|llp|lp|group|holdings?|factory|industr(y|ies)|trading|enterprises?)\b|有限公司|有限责任公司|股份|集团|公司|厂|合作社/i;

/** Whether a name reads like a company (legal-form words); used to pick Company vs Organization. */
export function looksLikeCompany(name: string): boolean {
  return COMPANY_WORDS.test(name);
}
